// The slow halves of the inline caches: run after a full lookup, they record what the fast
// halves (inline_cache.h) may check next time.
#include "lang/inline_cache.h"

#include "lang/vm.h"
#include "runtime/ops.h"

namespace looplab {

// True when attribute lookups on instances of `cls` follow object.__getattribute__ (and
// assignments object.__setattr__): no __getattribute__/__setattr__ of the class's own.
static bool generic_attributes(VM& vm, ClassObj* cls, bool store) {
  if (store) return cls->slots.setattr == nullptr || cls->slots.setattr == vm.t.object->slots.setattr;
  return cls->slots.getattr == nullptr || cls->slots.getattr == vm.t.object->slots.getattr;
}

void fill_attr_cache(VM& vm, InlineCache& c, Value obj, const StrObj* name, bool store) {
  if (!obj.is_obj()) return;
  Obj* o = obj.o;
  DictObj* d;
  if (o->kind == Kind::Instance)
    d = static_cast<InstanceObj*>(o)->dict;
  else if (o->kind == Kind::Module && !store)
    d = static_cast<ModuleObj*>(o)->dict;
  else
    return;
  ClassObj* cls = o->cls;
  if (!name->interned || !generic_attributes(vm, cls, store)) return;
  // A data descriptor on the class (property, __slots__ member...) answers before the dict.
  Value descr = cls->lookup(name);
  if (!descr.is_undef()) {
    const TypeSlots& s = vm.type_of(descr)->slots;
    if (store ? s.descr_set != nullptr : (s.descr_get && s.descr_set)) return;
  }
  int32_t ix = d->find_str(name);
  if (ix < 0) return;
  c.owner = cls;
  c.stamp = g_type_epoch;
  c.hint = ix;
  c.found = nullptr;
}

void fill_method_cache(VM& vm, InlineCache& c, Value obj, Value method) {
  ClassObj* cls = vm.type_of(obj);
  if (!method.is_obj() || !generic_attributes(vm, cls, false)) return;
  c.owner = cls;
  c.stamp = g_type_epoch;
  c.found = method.o;
  c.hint = -1;
}

Obj* method_cached(VM& vm, const InlineCache& c, Value obj, const StrObj* name) {
  if (c.stamp != g_type_epoch || vm.type_of(obj) != c.owner || !c.found) return nullptr;
  if (obj.is_obj()) {
    Obj* o = obj.o;
    DictObj* d = o->kind == Kind::Instance ? static_cast<InstanceObj*>(o)->dict
                                           : instance_dict(vm, obj, false);
    if (d) {  // does the object shadow the method?
      int32_t ix = d->find_interned(name);
      if (ix == -2) ix = d->find_str(name);
      if (ix >= 0) return nullptr;
    }
  }
  return c.found;
}

Value load_global_slow(InlineCache& c, DictObj* globals, DictObj* builtins, const StrObj* name) {
  if (!name->interned) return globals->get_str(name).is_undef() ? builtins->get_str(name) : globals->get_str(name);
  int32_t ix = globals->find_str(name);
  if (ix >= 0) {
    c.hint = ix;
    return globals->entries[size_t(ix)].value;
  }
  ix = builtins->find_str(name);
  if (ix < 0) return Value();
  c.owner = globals;
  c.stamp = globals->version;
  c.hint2 = ix;
  return builtins->entries[size_t(ix)].value;
}

}  // namespace looplab
