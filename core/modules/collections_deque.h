// The deque of _collections (collections_module.cpp), for the natives that work on deques
// directly: asyncio's locks and queues keep their waiters and items in them.
#pragma once

#include <vector>

#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/object.h"

namespace looplab {

struct DequeObj final : Obj {
  std::vector<Value> buf;  // ring storage; its size is 0 or a power of two
  size_t head = 0;         // index in buf of the leftmost item
  size_t count = 0;
  int64_t maxlen = -1;  // -1: unbounded
  uint64_t state = 0;   // bumped by every change of length or order (iterators check it)
  DictObj* attrs = nullptr;  // attributes of instances of Python subclasses

  explicit DequeObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override {
    for (size_t i = 0; i < count; i++) t.mark(at(i));
    t.mark(attrs);
  }
  DictObj** attr_dict_slot() override { return cls->has(kClassBuiltin) ? nullptr : &attrs; }
  size_t extra_bytes() const override { return buf.capacity() * sizeof(Value); }

  Value& at(size_t i) { return buf[(head + i) & (buf.size() - 1)]; }
  const Value& at(size_t i) const { return buf[(head + i) & (buf.size() - 1)]; }
  void grow() {
    size_t cap = buf.empty() ? 8 : buf.size() * 2;
    std::vector<Value> nb(cap);
    for (size_t i = 0; i < count; i++) nb[i] = at(i);
    buf.swap(nb);
    head = 0;
  }
  // Each returns the bytes its storage grew by (0 mostly), for the heap's accounting.
  size_t push_back(Value v) {
    size_t grew = 0;
    if (count == buf.size()) {
      grew = buf.size() ? buf.size() : 8;
      grow();
    }
    at(count++) = v;
    return grew * sizeof(Value);
  }
  size_t push_front(Value v) {
    size_t grew = 0;
    if (count == buf.size()) {
      grew = buf.size() ? buf.size() : 8;
      grow();
    }
    head = (head + buf.size() - 1) & (buf.size() - 1);
    buf[head] = v;
    count++;
    return grew * sizeof(Value);
  }
  Value pop_back() {
    Value& slot = at(count - 1);
    Value v = slot;
    slot = Value();
    count--;
    return v;
  }
  Value pop_front() {
    Value v = buf[head];
    buf[head] = Value();
    head = (head + 1) & (buf.size() - 1);
    count--;
    return v;
  }
  // Removes the item at i, moving the shorter side (the rest keep their order).
  void erase(size_t i) {
    if (i < count / 2) {
      for (size_t k = i; k > 0; k--) at(k) = at(k - 1);
      pop_front();
    } else {
      for (size_t k = i; k + 1 < count; k++) at(k) = at(k + 1);
      pop_back();
    }
  }
  void clear() {
    buf.clear();
    head = count = 0;
  }
};

}  // namespace looplab
