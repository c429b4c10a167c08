// Classes: MRO computation, attribute lookup along it, and slot inheritance — which C++ slot
// function serves each protocol for a class, found by looking for the dunder along the MRO.
#include "runtime/class.h"

#include "lang/vm.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

void ClassObj::trace(Tracer& t) {
  t.mark(name);
  t.mark(qualname);
  t.mark(module);
  t.mark(bases);
  for (ClassObj* c : mro) t.mark(c);
  t.mark(dict);
  t.mark(reinterpret_cast<Obj*>(slot_names));
}

// A direct-mapped cache of MRO lookups (CPython's type attribute cache), valid while no class
// namespace changed (g_type_epoch). Entries are weak: they are only read when the epoch matches.
namespace {
struct LookupCacheEntry {
  const ClassObj* cls = nullptr;
  const StrObj* name = nullptr;
  uint64_t epoch = 0;
  Value value;
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry g_lookup_cache[kLookupCacheSize];
}  // namespace

Value ClassObj::lookup(const StrObj* key) const {
  size_t h = ((uintptr_t(this) >> 4) ^ (uintptr_t(key) >> 3) * 31) & (kLookupCacheSize - 1);
  LookupCacheEntry& e = g_lookup_cache[h];
  if (e.cls == this && e.name == key && e.epoch == g_type_epoch) return e.value;
  Value found;
  for (ClassObj* c : mro) {
    Value v = c->dict->get_str(key);
    if (!v.is_undef()) {
      found = v;
      break;
    }
  }
  if (key->interned) {
    e.cls = this;
    e.name = key;
    e.epoch = g_type_epoch;
    e.value = found;
  }
  return found;
}

bool ClassObj::is_subclass_of(const ClassObj* other) const {
  if (this == other) return true;
  for (ClassObj* c : mro)
    if (c == other) return true;
  return false;
}

// mirrors Objects/typeobject.c mro_implementation: the C3 linearisation.
bool compute_mro(VM& vm, ClassObj* cls) {
  std::vector<std::vector<ClassObj*>> seqs;
  std::vector<ClassObj*> bases;
  for (size_t i = 0; i < cls->bases->size; i++) bases.push_back(static_cast<ClassObj*>((*cls->bases)[i].o));
  for (ClassObj* b : bases) seqs.push_back(b->mro);
  seqs.push_back(bases);
  std::vector<ClassObj*> result{cls};
  for (;;) {
    bool any = false;
    for (auto& s : seqs) any = any || !s.empty();
    if (!any) break;
    ClassObj* candidate = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      ClassObj* head = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        for (size_t i = 1; i < other.size(); i++)
          if (other[i] == head) in_tail = true;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) {
      std::string names;
      for (ClassObj* b : bases) names += (names.empty() ? "" : ", ") + b->name->str();
      vm.raisef(vm.t.TypeError,
                "Cannot create a consistent method resolution order (MRO) for bases %s",
                names.c_str());
      return false;
    }
    result.push_back(candidate);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
  }
  cls->mro = std::move(result);
  return true;
}

ClassObj* VM::new_class(std::string_view name, std::initializer_list<ClassObj*> base_list,
                        Kind instance_kind, uint32_t flags, std::string_view module) {
  ClassObj* cls = heap.make<ClassObj>(t.type);
  cls->name = intern(name);
  cls->qualname = cls->name;
  cls->module = intern(module);
  cls->dict = new_dict();
  cls->dict->is_class_dict = true;
  g_type_epoch++;
  cls->instance_kind = instance_kind;
  cls->flags = flags;
  std::vector<ClassObj*> bs(base_list);
  if (bs.empty() && t.object) bs.push_back(t.object);
  cls->bases = new_tuple(bs.size());
  for (size_t i = 0; i < bs.size(); i++) (*cls->bases)[i] = Value::object(bs[i]);
  if (bs.empty()) {
    cls->mro = {cls};
  } else {
    compute_mro(*this, cls);
  }
  // A builtin class starts from its first base's slots; its init function then overrides.
  if (!bs.empty()) cls->slots = bs[0]->slots;
  if (!(flags & kClassBuiltin)) update_slots(cls);
  return cls;
}

// For each protocol: the first class along the MRO that defines one of its dunders decides.
// A builtin class contributes its native slot; a user class the generic dunder-calling slot.
namespace {

ClassObj* first_definer(ClassObj* cls, std::initializer_list<StrObj*> names) {
  for (ClassObj* c : cls->mro)
    for (StrObj* n : names)
      if (!c->dict->get_str(n).is_undef()) return c;
  return nullptr;
}

template <class Slot>
void pick(ClassObj* cls, std::initializer_list<StrObj*> names, Slot TypeSlots::*slot,
          Slot generic) {
  ClassObj* definer = first_definer(cls, names);
  if (!definer) {
    cls->slots.*slot = nullptr;
  } else if (definer->has(kClassBuiltin)) {
    cls->slots.*slot = definer->slots.*slot;
  } else {
    cls->slots.*slot = generic;
  }
}

}  // namespace

void VM::update_slots(ClassObj* cls) {
  if (cls->has(kClassBuiltin)) return;
  Names& k = n;
  // Keep the nearest builtin base's slots for protocols no dunder speaks for.
  ClassObj* builtin_base = nullptr;
  for (ClassObj* c : cls->mro)
    if (c->has(kClassBuiltin)) {
      builtin_base = c;
      break;
    }
  cls->slots = builtin_base->slots;
  pick(cls, {k.__repr__}, &TypeSlots::repr, slot_repr);
  pick(cls, {k.__str__}, &TypeSlots::str, slot_str);
  pick(cls, {k.__eq__, k.__ne__, k.__lt__, k.__le__, k.__gt__, k.__ge__},
       &TypeSlots::richcompare, slot_richcompare);
  // __hash__ = None (set when a class defines __eq__ only) makes instances unhashable.
  {
    ClassObj* definer = first_definer(cls, {k.__hash__});
    Value h = definer ? definer->dict->get_str(k.__hash__) : Value();
    if (!definer) cls->slots.hash = nullptr;
    else if (h.is_none()) cls->slots.hash = nullptr;
    else if (definer->has(kClassBuiltin)) cls->slots.hash = definer->slots.hash;
    else cls->slots.hash = slot_hash;
  }
  pick(cls, {k.__bool__, k.__len__}, &TypeSlots::truth, slot_truth);
  pick(cls, {k.__len__}, &TypeSlots::len, slot_len);
  pick(cls, {k.__iter__}, &TypeSlots::iter, slot_iter);
  pick(cls, {k.__next__}, &TypeSlots::next, slot_next);
  pick(cls, {k.__getitem__}, &TypeSlots::getitem, slot_getitem);
  pick(cls, {k.__setitem__, k.__delitem__}, &TypeSlots::setitem, slot_setitem);
  pick(cls, {k.__contains__}, &TypeSlots::contains, slot_contains);
  pick(cls, {k.__call__}, &TypeSlots::call, slot_call);
  pick(cls, {k.__getattribute__, k.__getattr__}, &TypeSlots::getattr, slot_getattr);
  pick(cls, {k.__setattr__, k.__delattr__}, &TypeSlots::setattr, slot_setattr);
  pick(cls, {k.__neg__, k.__pos__, k.__invert__, k.__abs__}, &TypeSlots::unary, slot_unary);
  pick(cls, {k.__get__}, &TypeSlots::descr_get, slot_descr_get);
  pick(cls, {k.__set__, k.__delete__}, &TypeSlots::descr_set, slot_descr_set);
  pick(cls, {k.__new__}, &TypeSlots::new_, slot_new);
  pick(cls, {k.__init__}, &TypeSlots::init, slot_init);
  // Binary operators: any user-defined arithmetic dunder routes through the generic slot.
  bool user_binop = false;
  for (ClassObj* c : cls->mro) {
    if (c->has(kClassBuiltin)) break;
    c->dict->for_each([&](Value key, Value) {
      if (key.is_obj() && key.o->kind == Kind::Str && is_binop_dunder(static_cast<StrObj*>(key.o)))
        user_binop = true;
    });
  }
  cls->slots.binop = user_binop ? slot_binop : builtin_base->slots.binop;
}

}  // namespace looplab
