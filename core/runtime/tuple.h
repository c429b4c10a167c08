// tuple: immutable, items stored inline after the header.
#pragma once

#include "runtime/object.h"

namespace looplab {

struct TupleObj final : Obj {
  size_t size;

  TupleObj(ClassObj* cls, size_t n) : Obj(cls, Kind::Tuple), size(n) {
    for (size_t i = 0; i < n; i++) new (&items()[i]) Value();
  }
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
  Value& operator[](size_t i) { return items()[i]; }
  const Value& operator[](size_t i) const { return items()[i]; }
  void trace(Tracer& t) override {
    for (size_t i = 0; i < size; i++) t.mark(items()[i]);
  }
};

}  // namespace looplab
