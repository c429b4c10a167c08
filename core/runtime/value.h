// Value: the 16-byte tagged cell every Python value travels in. Small data (None, bools, 64-bit
// ints, floats) lives inline; everything else is a pointer to a heap object (Obj).
//
// Two tags are internal and never visible to Python code:
//   Undef - an unbound local / empty slot / "no value" marker (LOAD_FAST of it raises).
//   Error - returned by natives and runtime helpers to say "an exception is pending in the VM".
#pragma once

#include <cstdint>
#include <cstring>

namespace looplab {

struct Obj;

// Every part of a Value is read and written as a full 64-bit word: the tag, and the payload
// even where it holds a 32-bit pointer (wasm32) or a bool. Clang splits a local Value into the
// pieces the code touches; a Value written as a 1-byte tag or a 4-byte pointer and then copied
// as 8-byte words (which every Value passed by value is, under wasm's C ABI) makes the CPU wait
// for the narrow stores to retire (a failed store-to-load forward). Measured under node, that
// was a fifth of the time of the interpreter's SEND.
enum class Tag : uint64_t { Undef, Error, None, Bool, Int, Float, Obj };

// The payload read as an object pointer. Converts to Obj*, and static_cast<T*>(v.o) to a class
// T derived from Obj, as a plain pointer member would.
struct ObjRef {
  uint64_t bits;
  Obj* get() const { return reinterpret_cast<Obj*>(static_cast<uintptr_t>(bits)); }
  operator Obj*() const { return get(); }
  Obj* operator->() const { return get(); }
  template <class T>
  explicit operator T*() const { return static_cast<T*>(get()); }
};

// The payload read as a bool (0 or 1, as Value::boolean writes it).
struct BoolRef {
  int64_t bits;
  operator bool() const { return bits != 0; }
};

struct Value {
  Tag tag;
  union {
    BoolRef b;
    int64_t i;
    double f;
    ObjRef o;
  };

  constexpr Value() : tag(Tag::Undef), i(0) {}

  static constexpr Value undef() { return Value(); }
  static constexpr Value error() { Value v; v.tag = Tag::Error; return v; }
  static constexpr Value none() { Value v; v.tag = Tag::None; return v; }
  static constexpr Value boolean(bool x) { Value v; v.tag = Tag::Bool; v.i = x; return v; }
  static constexpr Value integer(int64_t x) { Value v; v.tag = Tag::Int; v.i = x; return v; }
  static constexpr Value real(double x) { Value v; v.tag = Tag::Float; v.f = x; return v; }
  static Value object(Obj* p) {
    Value v;
    v.tag = Tag::Obj;
    v.o.bits = reinterpret_cast<uintptr_t>(p);
    return v;
  }

  bool is_undef() const { return tag == Tag::Undef; }
  bool is_error() const { return tag == Tag::Error; }
  bool is_none() const { return tag == Tag::None; }
  bool is_bool() const { return tag == Tag::Bool; }
  bool is_int() const { return tag == Tag::Int; }  // small int only; big ints are objects
  bool is_float() const { return tag == Tag::Float; }
  bool is_obj() const { return tag == Tag::Obj; }

  // Identity, as Python's `is` (inline values compare by content).
  bool same(const Value& other) const {
    if (tag != other.tag) return false;
    switch (tag) {
      case Tag::Undef: case Tag::Error: case Tag::None: return true;
      case Tag::Bool: return b == other.b;
      case Tag::Int: return i == other.i;
      case Tag::Float: return std::memcmp(&f, &other.f, sizeof f) == 0;
      case Tag::Obj: return o == other.o;
    }
    return false;
  }
};

static_assert(sizeof(Value) == 16, "Value must stay two words");

// Shorthand used by natives: `if (v.is_error()) return v;`
#define LL_TRY(expr)                         \
  do {                                       \
    ::looplab::Value ll_try_v_ = (expr);     \
    if (ll_try_v_.is_error()) return ll_try_v_; \
  } while (0)

}  // namespace looplab
