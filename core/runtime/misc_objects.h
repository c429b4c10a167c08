// Small builtin objects: bytes, range, slice.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace looplab {

struct BytesObj final : Obj {
  size_t size;
  mutable int64_t hash_cache = -1;
  BytesObj(ClassObj* cls, size_t n) : Obj(cls, Kind::Bytes), size(n) {}
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), size}; }
};

struct RangeObj final : Obj {
  int64_t start, stop, step;  // step != 0
  RangeObj(ClassObj* cls, int64_t a, int64_t b, int64_t s) : Obj(cls, Kind::Range), start(a), stop(b), step(s) {}
  int64_t length() const {
    if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  }
};

struct SliceObj final : Obj {
  Value start, stop, step;  // None when omitted
  SliceObj(ClassObj* cls, Value a, Value b, Value s) : Obj(cls, Kind::Slice), start(a), stop(b), step(s) {}
  void trace(Tracer& t) override {
    t.mark(start);
    t.mark(stop);
    t.mark(step);
  }
};

}  // namespace looplab
