#include "runtime/object_pool.h"

namespace looplab {

static constexpr size_t kPageBytes = size_t(64) << 10;

ObjectPool::~ObjectPool() {
  for (void* page : pages_) ::operator delete(page);
}

// Carves a fresh page into slots of one size class: returns the first, frees the rest.
void* ObjectPool::refill(size_t c) {
  size_t slot = c * kGranule;
  char* page = static_cast<char*>(::operator new(kPageBytes));
  pages_.push_back(page);
  size_t n = kPageBytes / slot;
  // Pushed from the end, so the free list hands out slots in address order.
  for (size_t i = n; i-- > 1;) {
    FreeSlot* s = reinterpret_cast<FreeSlot*>(page + i * slot);
    s->next = free_[c];
    free_[c] = s;
  }
  return page;
}

}  // namespace looplab
