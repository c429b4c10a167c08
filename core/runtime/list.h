// list: a growable array of values.
#pragma once

#include <vector>

#include "runtime/object.h"

namespace looplab {

struct DictObj;

struct ListObj final : Obj {
  std::vector<Value> items;
  DictObj* attrs = nullptr;  // attributes of instances of Python subclasses (ops.cpp instance_dict)

  explicit ListObj(ClassObj* cls) : Obj(cls, Kind::List) {}
  void trace(Tracer& t) override {
    t.mark(items);
    t.mark(reinterpret_cast<Obj*>(attrs));
  }
  size_t extra_bytes() const override { return items.capacity() * sizeof(Value); }
  DictObj** attr_dict_slot() override { return &attrs; }
};

}  // namespace looplab
