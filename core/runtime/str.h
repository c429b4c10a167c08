// str: immutable Unicode text stored as UTF-8, indexed by code point. ASCII strings (the common
// case) index in O(1); others walk the bytes.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace looplab {

struct StrObj final : Obj {
  size_t size;        // bytes of UTF-8
  size_t length;      // code points
  mutable int64_t hash_cache = -1;
  bool ascii;         // every byte < 0x80, so byte index == code point index
  bool interned = false;

  StrObj(ClassObj* cls, size_t bytes, size_t code_points, bool is_ascii)
      : Obj(cls, Kind::Str), size(bytes), length(code_points), ascii(is_ascii) {}

  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), size}; }
  std::string str() const { return std::string(view()); }
  int64_t hash() const;
};

// UTF-8 helpers (the engine stores text as UTF-8 throughout).
namespace utf8 {
size_t count_code_points(std::string_view s);
bool is_ascii(std::string_view s);
// Byte offset of code point `index` (index <= length).
size_t offset_of(std::string_view s, size_t index);
// Decode the code point starting at s[pos]; advances pos.
uint32_t decode(std::string_view s, size_t& pos);
void encode(uint32_t cp, std::string& out);
}  // namespace utf8

// CPython-compatible hashes of ints and floats (set iteration order depends on them).
int64_t hash_int(int64_t v);
int64_t hash_double(double v);
int64_t hash_bytes(std::string_view s);

}  // namespace looplab
