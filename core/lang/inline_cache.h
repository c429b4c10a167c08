// Inline caches (CPython 3.11's specializing interpreter, in its simplest form): each
// LOAD_ATTR / STORE_ATTR / LOAD_METHOD / LOAD_GLOBAL / LOAD_NAME instruction remembers where it
// found its name last time, and checks that cheaply before doing the full lookup.
//
// Nothing here is ever trusted blindly:
//   - a position hint is used only if the dict entry there still has that very name (keys are
//     interned, so pointer equality), so stale hints just miss;
//   - facts about a class (no data descriptor shadows the instance dict; which function a method
//     name finds) hold while g_type_epoch is unchanged: every change to any class namespace, and
//     every new class, bumps it, which also makes a dangling class pointer harmless;
//   - "the name is not in globals" holds while that dict's version is unchanged (versions are
//     unique across dicts, see g_dict_versions).
#pragma once

#include <cstdint>

#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/instance.h"

namespace looplab {

class VM;

struct InlineCache {
  const void* owner = nullptr;  // the class (attributes), or the globals dict (absent-global)
  Obj* found = nullptr;         // LOAD_METHOD: the function the class's lookup found
  uint64_t stamp = 0;           // g_type_epoch (attributes), or the globals' version
  int32_t hint = -1;            // position of the name in the instance/module/globals dict
  int32_t hint2 = -1;           // LOAD_GLOBAL: position in builtins
};

// The dict an attribute load can be served from without asking the class: an instance's
// (when the class is as it was when the cache was filled) or a module's.
inline DictObj* cached_attr_dict(const InlineCache& c, Value obj) {
  if (!obj.is_obj() || obj.o->cls != c.owner || c.stamp != g_type_epoch) return nullptr;
  Obj* o = obj.o;
  if (o->kind == Kind::Instance) return static_cast<InstanceObj*>(o)->dict;
  if (o->kind == Kind::Module) return static_cast<ModuleObj*>(o)->dict;
  return nullptr;
}

// Fast LOAD_ATTR: true with *out set on a hit.
inline bool load_attr_cached(const InlineCache& c, Value obj, const StrObj* name, Value* out) {
  DictObj* d = cached_attr_dict(c, obj);
  if (!d || !d->has_str_at(name, c.hint)) return false;
  *out = d->entries[size_t(c.hint)].value;
  return true;
}

// Fast STORE_ATTR of an attribute the instance already has.
inline bool store_attr_cached(const InlineCache& c, Value obj, const StrObj* name, Value v) {
  if (!obj.is_obj() || obj.o->kind != Kind::Instance || obj.o->cls != c.owner ||
      c.stamp != g_type_epoch)
    return false;
  DictObj* d = static_cast<InstanceObj*>(obj.o)->dict;
  if (d->has_str_at(name, c.hint)) {
    d->entries[size_t(c.hint)].value = v;
    return true;
  }
  // `self.x = x` in __init__: a fresh instance gets its attributes in the same order each time,
  // so the name goes where it went last time.
  if (size_t(c.hint) == d->entries.size() && d->find_interned(name) == -1) {
    d->append_interned(const_cast<StrObj*>(name), v);
    return true;
  }
  return false;
}

// After a successful slow LOAD_ATTR / STORE_ATTR: remember where the name lives when the
// instance dict (or module dict) is what answered.
void fill_attr_cache(VM& vm, InlineCache& c, Value obj, const StrObj* name, bool store);
// After a slow LOAD_METHOD that found a plain method on the class.
void fill_method_cache(VM& vm, InlineCache& c, Value obj, Value method);
// Fast LOAD_METHOD: the cached function, when the class is unchanged and the instance does not
// shadow the name.
Obj* method_cached(VM& vm, const InlineCache& c, Value obj, const StrObj* name);

// Fast LOAD_GLOBAL (and LOAD_NAME at module level): Undef on a miss.
inline Value load_global_cached(const InlineCache& c, DictObj* globals, DictObj* builtins,
                                const StrObj* name) {
  if (globals->has_str_at(name, c.hint)) return globals->entries[size_t(c.hint)].value;
  if (c.owner == globals && c.stamp == globals->version && builtins->has_str_at(name, c.hint2))
    return builtins->entries[size_t(c.hint2)].value;
  return Value();
}
// STORE_GLOBAL (and STORE_NAME at module level): rebinding a name the module already has
// writes where it was last time.
inline void store_global_cached(InlineCache& c, DictObj* globals, StrObj* name, Value v) {
  if (globals->has_str_at(name, c.hint)) {
    globals->entries[size_t(c.hint)].value = v;
    return;
  }
  globals->set_str(name, v);
  c.hint = globals->find_str(name);
}
// The slow LOAD_GLOBAL, filling the cache: Undef when the name is nowhere.
Value load_global_slow(InlineCache& c, DictObj* globals, DictObj* builtins, const StrObj* name);

}  // namespace looplab
