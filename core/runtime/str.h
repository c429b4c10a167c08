// str: immutable Unicode text stored as UTF-8, indexed by code point. ASCII strings (the common
// case) index in O(1); others walk the bytes.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace looplab {

struct DictObj;

struct StrObj final : Obj {
  size_t size;        // bytes of UTF-8
  size_t length;      // code points
  mutable int64_t hash_cache = -1;
  bool ascii;         // every byte < 0x80, so byte index == code point index
  bool interned = false;
  // `s += x` on a function's local may extend s in place, as CPython's
  // BINARY_OP_INPLACE_ADD_UNICODE does when the local holds the only reference. `appendable`:
  // made by that path (exact str, never interned, spare capacity after the text). `loads`:
  // LOAD_FASTs of it since it was last made or extended (the interpreter counts them), so one
  // load — the `s` of `s += x` itself — means no other reference can have been taken.
  bool appendable = false;
  // An instance of a str subclass (str-mixin Enums, class Name(str)): it has an attribute dict,
  // whose pointer sits after the text (dict_slot()); made by strimpl::make_of_class.
  bool has_dict = false;
  uint32_t loads = 0;

  StrObj(ClassObj* cls, size_t bytes, size_t code_points, bool is_ascii)
      : Obj(cls, Kind::Str), size(bytes), length(code_points), ascii(is_ascii) {}

  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), size}; }
  std::string str() const { return std::string(view()); }
  int64_t hash() const;
  // Only when has_dict: the attribute dict (nullptr until the first attribute is stored).
  DictObj** dict_slot() {
    return reinterpret_cast<DictObj**>(reinterpret_cast<char*>(this) + ((sizeof(StrObj) + size + 1 + 7) & ~size_t(7)));
  }
  void trace(Tracer& t) override {
    if (has_dict) t.mark(reinterpret_cast<Obj*>(*dict_slot()));
  }
};

class VM;
// The value of `local + b` (or `local += b`) where `a` is what the local holds: extends `a` in
// place when that is unobservable (appendable, loaded once), else returns a new appendable str
// with spare capacity, so a loop of appends is amortized linear. Both operands exact str.
Value str_append_to_local(VM& vm, StrObj* a, StrObj* b);
// The concatenation of n exact strs (an f-string's pieces) made in one allocation.
Value str_concat(VM& vm, const Value* parts, size_t n);

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
