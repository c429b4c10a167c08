#include "runtime/heap.h"

namespace looplab {

Heap::~Heap() {
  Obj* o = objects_;
  while (o) {
    Obj* next = o->gc_next;
    free_object(o);
    o = next;
  }
}

int Heap::add_roots(RootFn fn) {
  int id = next_root_id_++;
  roots_.emplace_back(id, std::move(fn));
  return id;
}

void Heap::remove_roots(int id) {
  for (size_t i = 0; i < roots_.size(); i++) {
    if (roots_[i].first == id) {
      roots_.erase(roots_.begin() + std::ptrdiff_t(i));
      return;
    }
  }
}

size_t Heap::collect() {
  Tracer tracer;
  for (auto& [id, fn] : roots_) fn(tracer);
  for (Obj* o : finalizable_) tracer.mark(o);
  tracer.drain();
  if (wants_finalizer && finalizers_possible) {
    // Resurrect unreachable objects that want finalizing, and what they refer to.
    for (Obj* o = objects_; o; o = o->gc_next) {
      if (!o->marked && wants_finalizer(o)) {
        finalizable_.push_back(o);
        tracer.mark(o);
      }
    }
    tracer.drain();
  }
  if (before_sweep) before_sweep();

  size_t live = 0;
  size_t count = 0;
  Obj** link = &objects_;
  while (Obj* o = *link) {
    if (o->marked) {
      o->marked = false;
      live += o->gc_size + o->extra_bytes();
      count++;
      link = &o->gc_next;
    } else {
      *link = o->gc_next;
      free_object(o);
    }
  }
  live_bytes_ = live;
  object_count_ = count;
  allocated_since_gc_ = 0;
  // Collect again once the program has allocated as much as is live now (at least 8 MB), so
  // collection work stays proportional to allocation.
  next_gc_threshold_ = live > (size_t(8) << 20) ? live : (size_t(8) << 20);
  return live;
}

}  // namespace looplab
