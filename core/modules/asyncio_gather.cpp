// asyncio.gather as a native (CPython 3.11's tasks.py gather and its _done_callback), for the
// common call: coroutines and this engine's own futures and tasks, on the running loop. Any
// other call (no arguments, custom awaitables, Future subclasses, no running loop) runs the
// Python gather it replaced. The log sees the same records: the children's tasks and
// callbacks ("gather.<locals>._done_callback"), then the outer future labelled "gather".
#include <cstdint>
#include <utility>
#include <vector>

#include "modules/asyncio_sync.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/tuple.h"

namespace looplab {

namespace {

// gather's arg_to_fut: which future each distinct argument got. Arguments are coroutines and
// futures, equal only to themselves, so a pointer is the key. Open addressing in one array sized
// up front: gather(*20_000 coroutines) made 20,000 node allocations (and frees) with a hash map.
class ArgToFuture {
 public:
  explicit ArgToFuture(size_t n) {
    size_t cap = 16;
    shift_ = 60;
    while (cap < 2 * n) cap *= 2, shift_--;
    slots_.assign(cap, {nullptr, nullptr});
  }
  FutureObj* find(Obj* arg) const { return slots_[slot(arg)].second; }
  void add(Obj* arg, FutureObj* fut) { slots_[slot(arg)] = {arg, fut}; }

 private:
  // The slot holding arg, or the empty one where it would go.
  size_t slot(Obj* arg) const {
    // Fibonacci hashing: the top bits of the product spread neighbouring addresses apart.
    size_t mask = slots_.size() - 1;
    size_t i = size_t(uint64_t(reinterpret_cast<uintptr_t>(arg)) * 0x9E3779B97F4A7C15ull >> shift_);
    while (slots_[i].first && slots_[i].first != arg) i = (i + 1) & mask;
    return i;
  }
  std::vector<std::pair<Obj*, FutureObj*>> slots_;
  int shift_;  // 64 - log2(number of slots)
};

// The state gather's _done_callback closes over.
struct GatherStateObj final : Obj {
  FutureObj* outer = nullptr;  // the _GatheringFuture
  ListObj* children = nullptr;
  int64_t nfuts = 0, nfinished = 0;
  bool return_exceptions = false;
  explicit GatherStateObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override {
    t.mark(outer);
    t.mark(children);
  }
};

// Our own Future or Task (not a Python subclass): its methods are known.
FutureObj* own_future(AsyncioRuntime* rt, Value v) {
  if (!v.is_obj() || (v.o->cls != rt->classes.future && v.o->cls != rt->classes.task)) return nullptr;
  return static_cast<FutureObj*>(v.o);
}

bool is_plain_coroutine(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  if (v.o->kind == Kind::Generator) return v.o->cls == vm.t.coroutine;
  AsyncioRuntime* rt = asyncio_runtime(vm);
  SyncStateObj* st = sync_state(vm);
  return v.o->cls == rt->sleep_class || v.o->cls == st->coro_class;
}

// fut.exception() of a done, not cancelled future: marks it retrieved.
Value retrieved_exception(FutureObj* f) {
  f->log_traceback = false;
  Value exc = f->exception();
  return exc.is_undef() ? Value::none() : exc;
}

// outer.set_exception(exc) (Future.set_exception's checks, for an exception instance).
Value outer_set_exception(VM& vm, FutureObj* outer, Value exc) {
  if (outer->state != FutureState::Pending) return vm.raise(asyncio_runtime(vm)->invalid_state_error, "invalid state");
  if (vm.isinstance(exc, vm.t.StopIteration))
    return vm.raise(vm.t.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  outer->loop->future_set_exception(outer, exc);
  return Value::none();
}

// mirrors tasks.py gather.<locals>._done_callback(fut).
Value gather_done_callback(VM& vm, CallArgs& a) {
  GatherStateObj* g = static_cast<GatherStateObj*>(vm.calling_native->data.o);
  if (!check_nargs(vm, a, "_done_callback", 1, 1)) return Value::error();
  FutureObj* fut = as_future(vm, a[0]);
  if (!fut) return vm.raise(vm.t.TypeError, "_done_callback() expects a future");
  g->nfinished++;
  FutureObj* outer = g->outer;
  if (!outer || outer->done()) {
    if (fut->state != FutureState::Cancelled) retrieved_exception(fut);  // mark exception retrieved
    return Value::none();
  }
  if (!g->return_exceptions) {
    if (fut->state == FutureState::Cancelled) return outer_set_exception(vm, outer, fut->loop->make_cancelled_error(fut));
    Value exc = retrieved_exception(fut);
    if (!exc.is_none()) return outer_set_exception(vm, outer, exc);
  }
  if (g->nfinished != g->nfuts) return Value::none();
  // All futures are done: the list of results, in the order of the arguments.
  AsyncioRuntime* rt = asyncio_runtime(vm);
  ListObj* results = vm.new_list();
  Value keep = Value::object(results);
  FutureObj* last = nullptr;
  for (size_t i = 0; i < g->children->items.size(); i++) {
    FutureObj* child = static_cast<FutureObj*>(g->children->items[i].o);
    last = child;
    Value res;
    if (child->state == FutureState::Cancelled) {
      Value msg = child->cancel_message();
      if (msg.is_undef() || msg.is_none()) msg = vm.str("");
      res = vm.call(Value::object(rt->cancelled_error), {msg});
      if (res.is_error()) return res;
    } else {
      res = retrieved_exception(child);
      if (res.is_none()) {
        bool not_ready;
        if (!child->loop->future_result(child, &res, &not_ready)) return vm.set_pending(res);
      }
    }
    results->items.push_back(res);
  }
  (void)keep;
  // outer._cancel_requested: set by _GatheringFuture.cancel.
  Value requested = op_getattr(vm, Value::object(outer), sync_state(vm)->s_cancel_requested);
  if (requested.is_error()) return requested;
  int t = op_truth(vm, requested);
  if (t < 0) return Value::error();
  if (t) return outer_set_exception(vm, outer, last->loop->make_cancelled_error(last));
  if (!outer->loop->future_set_result(outer, Value::object(results)))
    return vm.raise(rt->invalid_state_error, "invalid state");
  return Value::none();
}

Value gather_native(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  AsyncioRuntime* rt = asyncio_runtime(vm);
  SyncStateObj* st = sync_state(vm);
  // gather(*coros_or_futures, return_exceptions=False)
  bool return_exceptions = false;
  bool plain = a.nargs > 0 && rt->running_loop && st->gathering_future;
  for (size_t i = 0; plain && i < a.nkw(); i++) {
    if (a.kwname(i)->view() != "return_exceptions") plain = false;
    else {
      int t = op_truth(vm, a.kwvalue(i));
      if (t < 0) return Value::error();
      return_exceptions = t;
    }
  }
  for (size_t i = 0; plain && i < a.nargs; i++) plain = own_future(rt, a[i]) || is_plain_coroutine(vm, a[i]);
  if (!plain) return call_replaced(vm, me, a);

  GatherStateObj* g = vm.heap.make<GatherStateObj>(st->gather_state_class);
  g->return_exceptions = return_exceptions;
  g->children = vm.new_list();
  NativeFunctionObj* cb = vm.heap.make<NativeFunctionObj>(vm.t.builtin_function, gather_done_callback,
                                                          st->s_done_callback, nullptr, false);
  cb->data = Value::object(g);
  Value keep_cb = Value::object(cb);
  ArgToFuture arg_to_fut(a.nargs);
  g->children->items.reserve(a.nargs);
  EventLoop* loop = nullptr;
  for (size_t i = 0; i < a.nargs; i++) {
    Value arg = a[i];
    FutureObj* fut = arg_to_fut.find(arg.o);
    if (!fut) {
      // _ensure_future(arg, loop=loop)
      if (FutureObj* f = own_future(rt, arg)) {
        if (loop && loop != f->loop)
          return vm.raise(vm.t.ValueError, "The future belongs to a different loop than the one specified as the loop argument");
        fut = f;
      } else {
        EventLoop* on = loop ? loop : rt->running_loop;
        Value t = create_task_on(vm, on, arg, Value::none(), false);
        if (t.is_error()) {
          // _ensure_future closes the coroutine it could not wrap.
          Value exc = vm.take_exception();
          if (vm.call_method(arg, vm.n.close, {}).is_error()) return Value::error();
          return vm.set_pending(exc);
        }
        fut = static_cast<FutureObj*>(t.o);
      }
      if (!loop) loop = fut->loop;
      if (static_cast<Obj*>(fut) != arg.o) static_cast<TaskObj*>(fut)->log_destroy_pending = false;
      g->nfuts++;
      arg_to_fut.add(arg.o, fut);
      fut->loop->add_done_callback(fut, keep_cb);
    }
    g->children->items.push_back(Value::object(fut));
  }
  // outer = _GatheringFuture(children, loop=loop): "gather" makes it, as maker_label says.
  if (!st->gather_label) st->gather_label = rt->log->intern("gather");
  FutureObj* outer = loop->create_future(st->gather_label);
  outer->cls = st->gathering_future;
  DictObj* attrs = instance_dict(vm, Value::object(outer), true);
  attrs->set_str(st->s_children, Value::object(g->children));
  attrs->set_str(st->s_cancel_requested, Value::boolean(false));
  g->outer = outer;
  return Value::object(outer);
}

}  // namespace

// _sync_install_gather(gather, _GatheringFuture) -> the native gather, at the end of tasks.py.
Value fn_sync_install_gather(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_sync_install_gather", 2, 2)) return Value::error();
  if (!a[1].is_obj() || a[1].o->kind != Kind::Class) return vm.raise(vm.t.TypeError, "a class expected");
  SyncStateObj* st = sync_state(vm);
  st->gathering_future = static_cast<ClassObj*>(a[1].o);
  if (!st->gather_state_class)
    st->gather_state_class = vm.new_class("_GatherState", {}, Kind::Other, kClassBuiltin, "_asyncio");
  st->s_children = vm.intern("_children");
  st->s_cancel_requested = vm.intern("_cancel_requested");
  st->s_done_callback = vm.intern("gather.<locals>._done_callback");
  NativeFunctionObj* nf = vm.new_native("gather", gather_native);
  nf->data = a[0];
  return Value::object(nf);
}

}  // namespace looplab
