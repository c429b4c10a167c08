// ObjectPool: where the heap gets memory for small objects. One free list per 16-byte size
// class, refilled a 64 KB page at a time (Lua's and CPython's pymalloc idea): most Python
// objects are small and short-lived, and a free-list pop or push is far cheaper than malloc,
// keeps freshly freed memory hot in the cache, and has no per-object header.
//
// Under AddressSanitizer it passes everything to operator new/delete, so use-after-free of
// objects is still caught.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace looplab {

class ObjectPool {
 public:
  static constexpr size_t kGranule = 16;
  static constexpr size_t kMaxPooled = 512;  // larger objects go to operator new

  ObjectPool() = default;
  ~ObjectPool();
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;

  void* allocate(size_t bytes) {
#ifndef LOOPLAB_NO_POOL
    if (bytes <= kMaxPooled) {
      size_t c = size_class(bytes);
      if (FreeSlot* s = free_[c]) {
        free_[c] = s->next;
        return s;
      }
      return refill(c);
    }
#endif
    return ::operator new(bytes);
  }

  // `bytes` must be what was passed to allocate.
  void release(void* p, size_t bytes) {
#ifndef LOOPLAB_NO_POOL
    if (bytes <= kMaxPooled) {
      size_t c = size_class(bytes);
      FreeSlot* s = static_cast<FreeSlot*>(p);
      s->next = free_[c];
      free_[c] = s;
      return;
    }
#endif
    ::operator delete(p);
  }

 private:
  struct FreeSlot {
    FreeSlot* next;
  };
  static size_t size_class(size_t bytes) { return (bytes + kGranule - 1) / kGranule; }
  void* refill(size_t size_class);

  FreeSlot* free_[kMaxPooled / kGranule + 1] = {};
  std::vector<void*> pages_;
};

}  // namespace looplab
