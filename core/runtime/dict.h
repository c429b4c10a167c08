// dict: insertion-ordered hash map (CPython's compact layout: a dense entry array in insertion
// order plus a sparse index table of positions into it).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.h"

namespace looplab {

class VM;
struct StrObj;

struct DictEntry {
  int64_t hash;
  Value key;  // Undef marks a deleted entry (its slot in `entries` stays until the next resize)
  Value value;
};

// Bumped whenever any class's namespace changes (or a class is made): attribute lookup caches
// compare against it.
extern uint64_t g_type_epoch;
// Every insertion or deletion in any dict takes the next number, so (dict, version) names one
// state of one dict: inline caches can prove a name is still absent without a lookup.
extern uint64_t g_dict_versions;

struct DictObj final : Obj {
  std::vector<DictEntry> entries;  // insertion order, with holes where keys were deleted
  std::vector<int32_t> index;      // open-addressed positions into entries; kEmpty or kDummy
  size_t used = 0;                 // live entries
  uint64_t version = 0;            // renewed on every insertion or deletion (iteration checks)
  bool is_class_dict = false;      // a class's namespace: any change invalidates lookup caches
  // Every key is an interned str: a key absent by pointer is absent (no string compares).
  bool keys_interned = true;
  Value ext;                       // state of C++ dict subclasses (defaultdict's default_factory)
  DictObj* attrs = nullptr;        // attributes of instances of Python subclasses (instance_dict)

  static constexpr size_t kLinearMax = 8;  // up to this many entries: no index, linear scan
  static constexpr int32_t kEmpty = -1;
  static constexpr int32_t kDummy = -2;

  explicit DictObj(ClassObj* cls) : Obj(cls, Kind::Dict) {}
  DictObj** attr_dict_slot() override { return &attrs; }
  void trace(Tracer& t) override;
  size_t extra_bytes() const override {
    return entries.capacity() * sizeof(DictEntry) + index.capacity() * sizeof(int32_t);
  }

  size_t size() const { return used; }
  void bump_version() { version = ++g_dict_versions; }

  // Position of an interned name in `entries` if `hint` still points at it (inline caches).
  bool has_str_at(const StrObj* key, int32_t hint) const {
    return uint32_t(hint) < entries.size() && entries[size_t(hint)].key.is_obj() &&
           static_cast<const void*>(entries[size_t(hint)].key.o) == key;
  }
  // Position of a str key in `entries`, or -1.
  int32_t find_str(const StrObj* key) const;
  // For an interned key: its position, -1 when absent, or -2 when only the full lookup can
  // tell (the dict is hashed or has keys that are not interned).
  int32_t find_interned(const void* key) const {
    if (!index.empty() || !keys_interned) return -2;
    for (size_t i = 0; i < entries.size(); i++)
      if (entries[i].key.is_obj() && static_cast<const void*>(entries[i].key.o) == key) return int32_t(i);
    return -1;
  }
  // Adds an interned key known to be absent (find_interned said -1) to a small dict.
  void append_interned(StrObj* key, Value value);

  // Fast paths for string keys (names, attributes, kwargs): never call Python code.
  Value get_str(const StrObj* key) const;  // Undef when missing
  void set_str(StrObj* key, Value value);
  bool del_str(const StrObj* key);

  // General keys: hashing and comparing may run Python code (__hash__, __eq__).
  // get: Undef when missing, Error when an exception is pending.
  Value get(VM& vm, Value key);
  bool set(VM& vm, Value key, Value value);  // false: exception pending
  // del: 1 deleted, 0 missing, -1 exception pending.
  int del(VM& vm, Value key);
  // Same as get/set when the hash is already known.
  Value get_hashed(VM& vm, Value key, int64_t hash);
  bool set_hashed(VM& vm, Value key, int64_t hash, Value value);

  void clear();

  // Iterate live entries in insertion order: for (auto& e : d.live()) ...
  template <class F>
  void for_each(F&& f) const {
    for (const DictEntry& e : entries)
      if (!e.key.is_undef()) f(e.key, e.value);
  }

 private:
  // Position in `entries` of a key, or -1. Returns -2 on error.
  int64_t lookup(VM* vm, Value key, int64_t hash, size_t* slot_out);
  void insert_new(Value key, int64_t hash, Value value);
  void rebuild(size_t min_used);
};

}  // namespace looplab
