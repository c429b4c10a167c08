// The object protocols, as CPython's abstract.c: what `repr(x)`, `x == y`, `x[k]`, `x.a`,
// `iter(x)` mean for any value. Each dispatches through the type's slots. All may run Python
// code (dunder methods) and all follow the error convention (Error value / -1 / false).
#pragma once

#include <string>
#include <string_view>

#include "lang/opcodes.h"
#include "runtime/class.h"
#include "runtime/value.h"

namespace looplab {

class VM;
struct StrObj;
struct DictObj;

Value op_repr(VM& vm, Value v);  // -> str object
Value op_str(VM& vm, Value v);   // -> str object
Value op_ascii(VM& vm, Value v);
// The repr/str as C++ text (false: exception pending).
bool repr_text(VM& vm, Value v, std::string& out);
bool str_text(VM& vm, Value v, std::string& out);
Value op_format(VM& vm, Value v, Value spec);  // format(v, spec) -> str

int op_truth(VM& vm, Value v);                    // 0/1, -1 error
bool op_hash(VM& vm, Value v, int64_t* out);      // TypeError when unhashable
Value op_compare(VM& vm, Value a, Value b, CompareOp op);
int op_eq(VM& vm, Value a, Value b);              // a == b as 0/1, -1 error (identity first)
int op_lt(VM& vm, Value a, Value b);              // a < b as 0/1, -1 error (sorting)
Value op_binary(VM& vm, Value a, Value b, BinOp op);
Value op_unary(VM& vm, Value v, UnaryOp op);
const char* binop_symbol(BinOp op);               // "+", "+=", ...

Value op_getattr(VM& vm, Value obj, StrObj* name);      // AttributeError when missing
Value op_getattr_opt(VM& vm, Value obj, StrObj* name);  // Undef when missing (no exception)
bool op_setattr(VM& vm, Value obj, StrObj* name, Value v);
bool op_delattr(VM& vm, Value obj, StrObj* name);
// object.__getattribute__ / __setattr__ semantics (data descriptors, instance dict, class).
Value generic_getattr(VM& vm, Value obj, StrObj* name);  // Undef when missing
bool generic_setattr(VM& vm, Value obj, StrObj* name, Value v);  // v Undef: delete
// The attribute dict of instances, modules, functions, exceptions (created on demand).
DictObj* instance_dict(VM& vm, Value obj, bool create);
Value attribute_error(VM& vm, Value obj, StrObj* name);  // raises CPython's AttributeError
// Lookup for the method-call fast path: sets *is_method when `result` is an unbound function
// to be called with obj as its first argument.
Value op_getmethod(VM& vm, Value obj, StrObj* name, bool* is_method);

Value op_getitem(VM& vm, Value obj, Value key);
bool op_setitem(VM& vm, Value obj, Value key, Value v);
bool op_delitem(VM& vm, Value obj, Value key);
int op_contains(VM& vm, Value container, Value item);  // 0/1, -1 error
int64_t op_len(VM& vm, Value v);                       // -1 error

Value op_iter(VM& vm, Value v);
Value op_next(VM& vm, Value it);  // Undef when exhausted (StopIteration swallowed), Error
// Calls f(item) for each item; f returns 1 to go on, 0 to stop early, -1 on error.
// Returns false when an exception is pending.
template <class F>
bool op_for_each(VM& vm, Value iterable, F&& f);

Value op_call(VM& vm, Value callable, CallArgs& args);
bool op_callable(VM& vm, Value v);
bool op_isinstance(VM& vm, Value v, Value cls_or_tuple, bool* out);
// The metaclass's __instancecheck__/__subclasscheck__ when it overrides type's (else Undef).
Value metaclass_hook(VM& vm, Value cls, StrObj* name);

// Conversions with CPython's messages.
bool index_value(VM& vm, Value v, int64_t* out);  // __index__ (TypeError), OverflowError if big
bool as_double(VM& vm, Value v, double* out);     // int/float (and __float__)
std::string type_name(VM& vm, Value v);           // "int", "MyClass"

template <class F>
bool op_for_each(VM& vm, Value iterable, F&& f) {
  Value it = op_iter(vm, iterable);
  if (it.is_error()) return false;
  for (;;) {
    Value item = op_next(vm, it);
    if (item.is_error()) return false;
    if (item.is_undef()) return true;
    int r = f(item);
    if (r <= 0) return r == 0;
  }
}

}  // namespace looplab
