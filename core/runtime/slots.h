// The generic slots of user classes: each calls the class's dunder method (found on the type,
// as CPython's slot_tp_* functions do), so builtins and the VM can treat every type the same.
#pragma once

#include "runtime/class.h"

namespace looplab {

Value slot_repr(VM&, Value self);
Value slot_str(VM&, Value self);
bool slot_hash(VM&, Value self, int64_t* out);
Value slot_richcompare(VM&, Value a, Value b, CompareOp op);
int slot_truth(VM&, Value self);
int64_t slot_len(VM&, Value self);
Value slot_iter(VM&, Value self);
Value slot_next(VM&, Value self);
Value slot_getitem(VM&, Value self, Value key);
bool slot_setitem(VM&, Value self, Value key, Value value);
int slot_contains(VM&, Value self, Value item);
Value slot_call(VM&, Value self, CallArgs& args);
Value slot_getattr(VM&, Value self, StrObj* name);
bool slot_setattr(VM&, Value self, StrObj* name, Value value);
Value slot_binop(VM&, Value a, Value b, BinOp op);
Value slot_unary(VM&, Value self, UnaryOp op);
Value slot_descr_get(VM&, Value descr, Value instance, Value owner);
bool slot_descr_set(VM&, Value descr, Value instance, Value value);
Value slot_new(VM&, ClassObj* cls, CallArgs& args);
Value slot_init(VM&, Value self, CallArgs& args);

// Sentinels for builtin types (a null slot would be inherited from the base instead):
Value slot_new_disabled(VM&, ClassObj* cls, CallArgs&);   // "cannot create 'X' instances"
bool slot_hash_unhashable(VM&, Value self, int64_t*);     // "unhashable type: 'X'"
Value slot_init_noop(VM&, Value self, CallArgs&);         // accepts anything

// Inherit every null slot of a builtin class from its base, then add the dunder methods that
// expose its own slots (`__repr__`, `__init__`, ...) so Python code and MRO lookups see them.
void inherit_builtin_slots(VM& vm, ClassObj* cls);
void add_slot_wrappers(VM& vm, ClassObj* cls);

bool is_binop_dunder(const StrObj* name);
// The dunder names of a binary operator: forward ("__add__"), reflected ("__radd__"),
// in-place ("__iadd__"; for in-place BinOps the name of the in-place method).
const char* binop_dunder(BinOp op);
const char* binop_rdunder(BinOp op);

// Finds `name` on type(self) and calls it with self first; Undef (no exception) when the type
// does not define it.
Value call_special(VM& vm, Value self, StrObj* name, const Value* args, size_t nargs);

}  // namespace looplab
