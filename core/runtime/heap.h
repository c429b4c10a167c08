// Heap: allocates objects, keeps them in one list, and collects the unreachable ones.
#pragma once

#include <cstddef>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include "runtime/object.h"
#include "runtime/object_pool.h"

namespace looplab {

class Heap {
 public:
  Heap() = default;
  ~Heap();  // frees every object
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // A fixed-size object.
  template <class T, class... Args>
  T* make(Args&&... args) {
    void* mem = pool_.allocate(sizeof(T));
    T* obj = new (mem) T(std::forward<Args>(args)...);
    link(obj, sizeof(T));
    return obj;
  }

  // An object followed by `extra` bytes of inline storage (strings, tuples).
  template <class T, class... Args>
  T* make_var(size_t extra, Args&&... args) {
    void* mem = pool_.allocate(sizeof(T) + extra);
    T* obj = new (mem) T(std::forward<Args>(args)...);
    link(obj, sizeof(T) + extra);
    return obj;
  }

  // Root providers are called at every collection to mark what they hold.
  using RootFn = std::function<void(Tracer&)>;
  int add_roots(RootFn fn);
  void remove_roots(int id);

  // Finalizers, the few CPython __del__ effects programs can see ("Task exception was never
  // retrieved"): a collection that finds an unreachable object for which `wants_finalizer`
  // says yes keeps it alive one more cycle and queues it; the host reports the queue when it
  // is safe to run code (take_finalizable) and clears the object's reason to be queued again.
  std::function<bool(Obj*)> wants_finalizer;
  // Set by the host once some object may want finalizing: until then a collection does not ask
  // wants_finalizer of every unreachable object.
  bool finalizers_possible = false;
  bool has_finalizable() const { return !finalizable_.empty(); }
  std::vector<Obj*> take_finalizable() { return std::exchange(finalizable_, {}); }
  // Called after marking, before the unmarked are freed: weak lists drop what is unmarked.
  std::function<void()> before_sweep;
  // Every object still allocated (for the report at exit), in allocation order, oldest first.
  // The list is reversed in place for the walk and back after it, instead of being copied: at
  // exit the heap holds every object since the last collection, and a copy of their pointers
  // would be the program's peak memory. So `f` must not allocate or free objects.
  template <class F>
  void for_each_object(F&& f) {
    objects_ = reversed(objects_);
    for (Obj* o = objects_; o; o = o->gc_next) f(o);
    objects_ = reversed(objects_);
  }

  // True when enough has been allocated since the last collection to collect again.
  bool wants_collection() const { return stress || allocated_since_gc_ > next_gc_threshold_; }
  // Collect at every safe point (tests use it to flush out objects that were not rooted).
  bool stress = false;
  // Mark from the roots and free the rest. Returns bytes live after collection.
  size_t collect();

  size_t live_bytes() const { return live_bytes_; }
  size_t object_count() const { return object_count_; }
  // The cap beyond which the VM raises MemoryError (checked by the VM at safe points and by
  // natives before large allocations).
  size_t limit = size_t(512) << 20;
  // 64-bit on purpose: callers pass sizes computed in int64 (repeat counts, joins), which would
  // wrap in wasm's 32-bit size_t and slip under the cap.
  bool would_exceed(uint64_t more_bytes) const {
    return more_bytes > limit || uint64_t(live_bytes_) + allocated_since_gc_ + more_bytes > limit;
  }

  // Forget whether objects were allocated: for code that knows an allocation is short-lived.
  void note_external(std::ptrdiff_t bytes) { allocated_since_gc_ += bytes > 0 ? size_t(bytes) : 0; }

 private:
  void link(Obj* obj, size_t bytes) {
    obj->gc_size = uint32_t(bytes);
    obj->gc_next = objects_;
    objects_ = obj;
    allocated_since_gc_ += bytes;
    object_count_++;
  }

  static Obj* reversed(Obj* list) {
    Obj* out = nullptr;
    while (list) {
      Obj* next = list->gc_next;
      list->gc_next = out;
      out = list;
      list = next;
    }
    return out;
  }

  void free_object(Obj* o) {
    size_t bytes = o->gc_size;
    o->~Obj();
    pool_.release(o, bytes);
  }

  ObjectPool pool_;  // its pages outlive every object: ~Heap frees the objects first
  std::vector<Obj*> finalizable_;  // found unreachable, kept alive until the host reports them
  Obj* objects_ = nullptr;
  size_t object_count_ = 0;
  size_t allocated_since_gc_ = 0;
  size_t live_bytes_ = 0;
  size_t next_gc_threshold_ = size_t(8) << 20;
  std::vector<std::pair<int, RootFn>> roots_;
  int next_root_id_ = 1;
};

}  // namespace looplab
