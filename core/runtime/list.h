// list: a growable array of values.
#pragma once

#include <vector>

#include "runtime/object.h"

namespace looplab {

struct ListObj final : Obj {
  std::vector<Value> items;

  explicit ListObj(ClassObj* cls) : Obj(cls, Kind::List) {}
  void trace(Tracer& t) override { t.mark(items); }
  size_t extra_bytes() const override { return items.capacity() * sizeof(Value); }
};

}  // namespace looplab
