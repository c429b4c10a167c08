// Callables: Python functions, native (C++) functions, bound methods, and the descriptors that
// wrap functions in classes (staticmethod, classmethod, property). Also cells for closures.
#pragma once

#include "runtime/call_args.h"
#include "runtime/object.h"

namespace looplab {

class VM;
struct CodeObj;
struct DictObj;
struct StrObj;
struct TupleObj;
struct ClassObj;

// A native's body. Positional args first (self first for methods), then keyword values.
// Returns the result, or Value::error() with an exception pending in the VM.
using NativeFn = Value (*)(VM& vm, CallArgs& args);

struct CellObj final : Obj {
  Value value;  // Undef while empty
  explicit CellObj(ClassObj* cls, Value v = Value()) : Obj(cls, Kind::Cell), value(v) {}
  void trace(Tracer& t) override { t.mark(value); }
};

struct FunctionObj final : Obj {
  CodeObj* code;
  DictObj* globals;
  TupleObj* defaults = nullptr;    // values of the last len(defaults) positional parameters
  DictObj* kwdefaults = nullptr;   // keyword-only defaults by name
  TupleObj* closure = nullptr;     // cells for code->freevars, in order
  StrObj* name;
  StrObj* qualname;
  Value module;                    // __module__
  Value doc;                       // __doc__
  DictObj* dict = nullptr;         // __dict__ (made on first attribute store)

  FunctionObj(ClassObj* cls, CodeObj* c, DictObj* g, StrObj* n, StrObj* qn)
      : Obj(cls, Kind::Function), code(c), globals(g), name(n), qualname(qn) {}
  void trace(Tracer& t) override;
};

struct NativeFunctionObj final : Obj {
  NativeFn fn;
  StrObj* name;
  ClassObj* owner;    // for methods of builtin types: the type (binds like a function)
  Value data;         // per-function data the native may read (module state, bound values)
  bool is_method;     // binds to instances when found on a class

  NativeFunctionObj(ClassObj* cls, NativeFn f, StrObj* n, ClassObj* o, bool method)
      : Obj(cls, Kind::Native), fn(f), name(n), owner(o), is_method(method) {}
  void trace(Tracer& t) override;
};

struct BoundMethodObj final : Obj {
  Value func;  // a FunctionObj, NativeFunctionObj or any callable
  Value self;
  BoundMethodObj(ClassObj* cls, Value f, Value s) : Obj(cls, Kind::BoundMethod), func(f), self(s) {}
  void trace(Tracer& t) override {
    t.mark(func);
    t.mark(self);
  }
};

// staticmethod and classmethod wrap one callable.
struct WrapperObj final : Obj {
  Value func;
  DictObj* dict = nullptr;  // functools.wraps copies attributes here
  WrapperObj(ClassObj* cls, Kind k, Value f) : Obj(cls, k), func(f) {}
  void trace(Tracer& t) override;
};

struct PropertyObj final : Obj {
  Value fget, fset, fdel, doc;
  explicit PropertyObj(ClassObj* cls) : Obj(cls, Kind::Property) {}
  void trace(Tracer& t) override {
    t.mark(fget);
    t.mark(fset);
    t.mark(fdel);
    t.mark(doc);
  }
};

}  // namespace looplab
