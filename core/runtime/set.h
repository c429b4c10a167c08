// set and frozenset: a port of CPython's setobject.c table (linear probes then perturbation,
// the same resize rule), so sets of ints iterate in exactly CPython's order.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.h"

namespace looplab {

class VM;
struct DictObj;

struct SetEntry {
  int64_t hash;
  Value key;  // Undef: never used; Error tag: dummy (deleted)
};

struct SetObj final : Obj {
  std::vector<SetEntry> table;  // size is a power of two (8 at least)
  size_t fill = 0;              // active + dummy entries
  size_t used = 0;              // active entries
  uint64_t version = 0;         // bumped on mutation (iteration checks)
  size_t finger = 0;            // where pop() resumes searching, as CPython
  DictObj* attrs = nullptr;     // attributes of instances of Python subclasses (instance_dict)

  explicit SetObj(ClassObj* cls);
  DictObj** attr_dict_slot() override { return &attrs; }
  void trace(Tracer& t) override;
  size_t extra_bytes() const override { return table.capacity() * sizeof(SetEntry); }

  size_t size() const { return used; }
  // 1 present, 0 absent, -1 exception pending.
  int contains(VM& vm, Value key);
  bool add(VM& vm, Value key);       // false: exception pending
  int discard(VM& vm, Value key);    // 1 removed, 0 absent, -1 exception pending
  void clear();

  template <class F>
  void for_each(F&& f) const {
    for (const SetEntry& e : table)
      if (e.key.tag != Tag::Undef && e.key.tag != Tag::Error) f(e.key);
  }
};

// Add every element of `iterable` (CPython's set_update_internal, with its fast paths).
bool set_update(VM& vm, SetObj& s, Value iterable);
bool set_merge(VM& vm, SetObj& s, const SetObj& other);
Value set_pop(VM& vm, SetObj& s);  // KeyError when empty

// Known-hash variants (CPython's set_add_entry / set_contains_entry / set_discard_entry) for
// operations that move keys between sets and dicts without hashing them again, and the table
// primitives that decide iteration order (set_table_resize, set_swap_bodies).
bool set_add_hashed(VM& vm, SetObj& s, Value key, int64_t hash);      // false: exception
int set_contains_hashed(VM& vm, SetObj& s, Value key, int64_t hash);  // 1, 0, -1 error
int set_discard_hashed(VM& vm, SetObj& s, Value key, int64_t hash);   // 1, 0, -1 error
void set_table_resize(SetObj& s, size_t minused);
void set_swap_bodies(SetObj& a, SetObj& b);

}  // namespace looplab
