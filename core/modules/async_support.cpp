// anext(aiter, default): the awaitable that turns StopAsyncIteration into the default.
#include "lang/vm.h"
#include "modules/builtins_parts.h"

namespace looplab {

namespace {

struct AnextDefaultObj final : Obj {
  Value awaitable;  // the __anext__() awaitable's iterator
  Value dflt;
  AnextDefaultObj(ClassObj* cls, Value aw, Value d) : Obj(cls, Kind::Other), awaitable(aw), dflt(d) {}
  void trace(Tracer& t) override {
    t.mark(awaitable);
    t.mark(dflt);
  }
};

SendResult anext_default_send(VM& vm, Value self, Value arg, Value* out) {
  AnextDefaultObj* a = static_cast<AnextDefaultObj*>(self.o);
  ClassObj* cls = vm.type_of(a->awaitable);
  SendResult r;
  if (cls->slots.am_send) {
    r = cls->slots.am_send(vm, a->awaitable, arg, out);
  } else {
    Value v = vm.call_method(a->awaitable, vm.n.send, {arg});
    if (v.is_error()) {
      if (vm.pending_is(vm.t.StopIteration)) {
        Value e = vm.take_exception();
        TupleObj* args = static_cast<ExceptionObj*>(e.o)->args;
        *out = args->size ? (*args)[0] : Value::none();
        return SendResult::Return;
      }
      r = SendResult::Error;
    } else {
      *out = v;
      return SendResult::Yield;
    }
  }
  if (r == SendResult::Error && vm.pending_is(vm.t.StopAsyncIteration)) {
    vm.clear_exception();
    *out = a->dflt;
    return SendResult::Return;
  }
  return r;
}

}  // namespace

Value make_anext_with_default(VM& vm, Value awaitable, Value dflt) {
  static const char* kName = "anext_awaitable";
  Value cls_v = vm.builtins->get_str(vm.intern("__anext_awaitable"));
  ClassObj* cls;
  if (cls_v.is_undef()) {
    cls = vm.new_class(kName, {}, Kind::Other, kClassBuiltin);
    cls->slots.am_send = anext_default_send;
    cls->slots.iter = [](VM&, Value self) { return self; };
    vm.def_method(cls, "__await__", [](VM&, CallArgs& a) { return a[0]; });
    vm.builtins->set_str(vm.intern("__anext_awaitable"), Value::object(cls));
  } else {
    cls = static_cast<ClassObj*>(cls_v.o);
  }
  // The awaitable of a coroutine __anext__ is the coroutine itself.
  return Value::object(vm.heap.make<AnextDefaultObj>(cls, awaitable, dflt));
}

}  // namespace looplab
