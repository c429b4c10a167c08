// Iterators over the builtin sequences that the VM's FOR_ITER advances inline.
#pragma once

#include "runtime/list.h"
#include "runtime/tuple.h"

namespace looplab {

struct ListIterObj final : Obj {
  ListObj* list;  // nullptr once exhausted
  size_t index = 0;
  ListIterObj(ClassObj* cls, ListObj* l) : Obj(cls, Kind::ListIter), list(l) {}
  void trace(Tracer& t) override { t.mark(list); }
};

struct TupleIterObj final : Obj {
  TupleObj* tuple;  // nullptr once exhausted
  size_t index = 0;
  TupleIterObj(ClassObj* cls, TupleObj* t) : Obj(cls, Kind::TupleIter), tuple(t) {}
  void trace(Tracer& t) override { t.mark(tuple); }
};

struct RangeIterObj final : Obj {
  int64_t next, step;
  int64_t remaining;
  RangeIterObj(ClassObj* cls, int64_t start, int64_t st, int64_t n)
      : Obj(cls, Kind::RangeIter), next(start), step(st), remaining(n) {}
};

}  // namespace looplab
