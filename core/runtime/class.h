// ClassObj: Python types, builtin and user-defined, with CPython-style slots: a C++ function
// per protocol (repr, hash, compare, iter, call, ...). A builtin type fills them with native
// code; a user class gets generic slots that call its dunder methods. Slots are computed when
// a class is created (and recomputed if a dunder is assigned later), looking along the MRO.
#pragma once

#include <cstdint>
#include <vector>

#include "lang/opcodes.h"
#include "runtime/call_args.h"
#include "runtime/object.h"

namespace looplab {

class VM;
struct StrObj;
struct DictObj;
struct TupleObj;

enum class UnaryOp : uint8_t { Negative, Positive, Invert, Abs };

// The outcome of sending a value into a native awaitable/iterator (CPython's am_send).
enum class SendResult : uint8_t { Yield, Return, Error };

struct TypeSlots {
  Value (*repr)(VM&, Value self) = nullptr;                        // -> str
  Value (*str)(VM&, Value self) = nullptr;                         // -> str (nullptr: repr)
  bool (*hash)(VM&, Value self, int64_t* out) = nullptr;           // nullptr: unhashable
  // May return NotImplemented. Called with the operands in source order.
  Value (*richcompare)(VM&, Value a, Value b, CompareOp op) = nullptr;
  int (*truth)(VM&, Value self) = nullptr;                         // 0/1, -1 error; nullptr: len
  int64_t (*len)(VM&, Value self) = nullptr;                       // -1 error
  Value (*iter)(VM&, Value self) = nullptr;
  Value (*next)(VM&, Value self) = nullptr;                        // Undef: exhausted
  Value (*getitem)(VM&, Value self, Value key) = nullptr;
  bool (*setitem)(VM&, Value self, Value key, Value value) = nullptr;  // value Undef: delete
  int (*contains)(VM&, Value self, Value item) = nullptr;          // 0/1, -1 error
  Value (*call)(VM&, Value self, CallArgs& args) = nullptr;
  // Attribute lookup; Undef (with no exception) when missing, so callers can fall back.
  Value (*getattr)(VM&, Value self, StrObj* name) = nullptr;
  bool (*setattr)(VM&, Value self, StrObj* name, Value value) = nullptr;  // Undef: delete
  // Numbers: one slot for all binary operators, called with the operands in source order on
  // the type of either operand (as CPython's nb_* slots); may return NotImplemented.
  Value (*binop)(VM&, Value a, Value b, BinOp op) = nullptr;
  Value (*unary)(VM&, Value self, UnaryOp op) = nullptr;
  // Descriptors: instance is Undef when looked up on the class itself.
  Value (*descr_get)(VM&, Value descr, Value instance, Value owner) = nullptr;
  bool (*descr_set)(VM&, Value descr, Value instance, Value value) = nullptr;  // Undef: delete
  // Native awaitables (e.g. a Future's iterator): send `arg`; *out is the yielded or returned
  // value. Types without it are driven with `next` (send None) as CPython does.
  SendResult (*am_send)(VM&, Value self, Value arg, Value* out) = nullptr;
  // Construction: new_ makes the object (cls may be a subclass), init initialises it.
  Value (*new_)(VM&, ClassObj* cls, CallArgs& args) = nullptr;
  Value (*init)(VM&, Value self, CallArgs& args) = nullptr;        // -> None
};

enum ClassFlags : uint32_t {
  kClassBuiltin = 1 << 0,      // defined by the engine (not a heap type)
  kClassBaseType = 1 << 1,     // may be subclassed
  kClassHasDict = 1 << 2,      // instances carry an attribute dict
  kClassException = 1 << 3,    // a BaseException subclass
  kClassAbstract = 1 << 4,     // cannot be instantiated directly
  kClassAwaitsItself = 1 << 5, // native coroutines: `await x` drives x itself (no __await__ call)
  kClassSlotsOnly = 1 << 6,    // every class in the MRO has __slots__ without "__dict__": instances
                               // take only the attributes in `slot_names` (CPython has no dict then)
};

struct ClassObj final : Obj {
  StrObj* name = nullptr;
  StrObj* qualname = nullptr;
  StrObj* module = nullptr;            // "builtins" for builtin types
  TupleObj* bases = nullptr;
  std::vector<ClassObj*> mro;          // C3 linearisation, starting with this class
  DictObj* dict = nullptr;
  Kind instance_kind = Kind::Instance; // layout of instances
  uint32_t flags = 0;
  TupleObj* slot_names = nullptr;      // with kClassSlotsOnly: the names (mangled, interned)
  TypeSlots slots;

  ClassObj(ClassObj* metaclass) : Obj(metaclass, Kind::Class) {}
  void trace(Tracer& t) override;
  size_t extra_bytes() const override { return mro.capacity() * sizeof(void*); }

  // MRO lookup: the attribute as stored in the first class that defines it, or Undef.
  Value lookup(const StrObj* name) const;
  bool is_subclass_of(const ClassObj* other) const;
  bool has(uint32_t f) const { return (flags & f) != 0; }
};

}  // namespace looplab
