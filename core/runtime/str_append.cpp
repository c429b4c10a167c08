// `s += x` on a function's local, amortized linear (CPython's BINARY_OP_INPLACE_ADD_UNICODE +
// PyUnicode_Append): see StrObj::appendable / loads.
#include <cstring>

#include "lang/vm.h"
#include "runtime/str.h"

namespace looplab {

Value str_append_to_local(VM& vm, StrObj* a, StrObj* b) {
  const size_t n = a->size + b->size;
  // In place: nothing but the local (and this very expression) can see `a`.
  if (a->appendable && a->loads <= 1) {
    size_t capacity = a->gc_size - sizeof(StrObj) - 1;
    if (n <= capacity) {
      std::memcpy(a->data() + a->size, b->data(), b->size);
      a->data()[n] = '\0';
      a->size = n;
      a->length += b->length;
      a->ascii = a->ascii && b->ascii;
      a->hash_cache = -1;
      a->loads = 0;
      return Value::object(a);
    }
  }
  if (b->size == 0 && !a->appendable) return Value::object(a);
  // A new appendable string with room to grow (x1.5, as list over-allocation amortizes).
  size_t capacity = n + n / 2 + 16;
  if (vm.heap.would_exceed(capacity)) return vm.raise_value(Value::object(vm.t.MemoryError));
  StrObj* o = vm.heap.make_var<StrObj>(capacity + 1, vm.t.str, n, a->length + b->length, a->ascii && b->ascii);
  std::memcpy(o->data(), a->data(), a->size);
  std::memcpy(o->data() + a->size, b->data(), b->size);
  o->data()[n] = '\0';
  o->appendable = true;
  return Value::object(o);
}

}  // namespace looplab
