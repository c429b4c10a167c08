// dict: CPython's compact dict: `entries` in insertion order, `index` an open-addressed table
// of positions into it (probing with CPython's perturbation scheme). Small dicts (most instance
// and keyword dicts) have no index at all: a linear scan of a few entries, comparing interned
// keys by pointer first, is faster than hashing and saves an allocation.
#include "runtime/dict.h"

#include "lang/vm.h"
#include "runtime/ops.h"

namespace looplab {

uint64_t g_type_epoch = 1;
uint64_t g_dict_versions = 0;

void DictObj::trace(Tracer& t) {
  for (const DictEntry& e : entries) {
    t.mark(e.key);
    t.mark(e.value);
  }
  t.mark(ext);
  t.mark(attrs);
}

static bool str_key_equals(const Value& k, const StrObj* s) {
  if (!k.is_obj() || k.o->kind != Kind::Str) return false;
  if (k.o == s) return true;
  const StrObj* ks = static_cast<const StrObj*>(k.o);
  return ks->size == s->size && ks->view() == s->view();
}

// Position in entries for `key`, or -1 when absent (*slot_out: the index slot it is in, or
// the first free slot on the probe path). -2: an exception is pending (vm != nullptr only).
int64_t DictObj::lookup(VM* vm, Value key, int64_t hash, size_t* slot_out) {
  if (index.empty()) {
    *slot_out = SIZE_MAX;
    size_t n = entries.size();
    if (key.is_obj()) {
      for (size_t ix = 0; ix < n; ix++)
        if (entries[ix].key.is_obj() && entries[ix].key.o == key.o) return int64_t(ix);
    } else {
      for (size_t ix = 0; ix < n; ix++)
        if (entries[ix].key.same(key) && !key.is_float()) return int64_t(ix);
    }
    if (keys_interned && key.is_obj() && key.o->kind == Kind::Str &&
        static_cast<StrObj*>(key.o)->interned)
      return -1;
    for (size_t ix = 0; ix < n; ix++) {
      const DictEntry& e = entries[ix];
      if (e.hash != hash || e.key.is_undef()) continue;
      if (!vm) {
        if (str_key_equals(e.key, static_cast<StrObj*>(key.o))) return int64_t(ix);
      } else {
        uint64_t version_before = version;
        int eq = op_eq(*vm, e.key, key);
        if (eq < 0) return -2;
        if (version != version_before) {
          vm->raise(vm->t.RuntimeError, "dictionary changed size during iteration");
          return -2;
        }
        if (eq) return int64_t(ix);
      }
    }
    return -1;
  }
  size_t mask = index.size() - 1;
  uint64_t perturb = uint64_t(hash);
  size_t i = size_t(hash) & mask;
  size_t free_slot = SIZE_MAX;
  for (;;) {
    int32_t ix = index[i];
    if (ix == kEmpty) {
      *slot_out = free_slot != SIZE_MAX ? free_slot : i;
      return -1;
    }
    if (ix == kDummy) {
      if (free_slot == SIZE_MAX) free_slot = i;
    } else {
      DictEntry& e = entries[size_t(ix)];
      if (e.key.same(key) && !key.is_float()) {
        *slot_out = i;
        return ix;
      }
      if (e.hash == hash) {
        if (!vm) {
          // String fast path: the caller guarantees key is a str.
          if (str_key_equals(e.key, static_cast<StrObj*>(key.o))) {
            *slot_out = i;
            return ix;
          }
        } else {
          uint64_t version_before = version;
          int eq = op_eq(*vm, e.key, key);
          if (eq < 0) return -2;
          if (version != version_before) {
            vm->raise(vm->t.RuntimeError, "dictionary changed size during iteration");
            return -2;
          }
          if (eq) {
            *slot_out = i;
            return ix;
          }
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void DictObj::rebuild(size_t min_used) {
  if (used != entries.size()) {
    std::vector<DictEntry> live;
    live.reserve(min_used > used ? min_used : used);
    for (DictEntry& e : entries)
      if (!e.key.is_undef()) live.push_back(e);
    entries.swap(live);
  }
  if (min_used <= kLinearMax) {
    index.clear();
    return;
  }
  size_t size = 16;
  while (size * 2 < (min_used + 1) * 3) size <<= 1;
  index.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t ix = 0; ix < entries.size(); ix++) {
    uint64_t perturb = uint64_t(entries[ix].hash);
    size_t i = size_t(entries[ix].hash) & mask;
    while (index[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = int32_t(ix);
  }
}

void DictObj::insert_new(Value key, int64_t hash, Value value) {
  if (!(key.is_obj() && key.o->kind == Kind::Str && static_cast<StrObj*>(key.o)->interned))
    keys_interned = false;
  if (index.empty()) {
    if (entries.size() < kLinearMax) {
      if (entries.empty()) entries.reserve(4);
      entries.push_back({hash, key, value});
      used++;
      bump_version();
      return;
    }
    rebuild(used + 1);
    if (index.empty()) {  // it had holes: still small enough to stay linear
      entries.push_back({hash, key, value});
      used++;
      bump_version();
      return;
    }
  } else if ((entries.size() + 1) * 3 >= index.size() * 2) {
    // Keep the index at most 2/3 full (counting deleted entries still in `entries`).
    rebuild(used + 1);
  }
  size_t mask = index.size() - 1;
  uint64_t perturb = uint64_t(hash);
  size_t i = size_t(hash) & mask;
  while (index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index[i] = int32_t(entries.size());
  entries.push_back({hash, key, value});
  used++;
  bump_version();
}

void DictObj::append_interned(StrObj* key, Value value) {
  insert_new(Value::object(key), key->hash(), value);
}

int32_t DictObj::find_str(const StrObj* key) const {
  size_t slot;
  int64_t ix = const_cast<DictObj*>(this)->lookup(nullptr, Value::object(const_cast<StrObj*>(key)),
                                                   key->hash(), &slot);
  return ix >= 0 ? int32_t(ix) : -1;
}

Value DictObj::get_str(const StrObj* key) const {
  size_t slot;
  int64_t ix = const_cast<DictObj*>(this)->lookup(nullptr, Value::object(const_cast<StrObj*>(key)),
                                                   key->hash(), &slot);
  return ix >= 0 ? entries[size_t(ix)].value : Value();
}

void DictObj::set_str(StrObj* key, Value value) {
  size_t slot;
  int64_t h = key->hash();
  int64_t ix = lookup(nullptr, Value::object(key), h, &slot);
  if (is_class_dict) g_type_epoch++;
  if (ix >= 0) {
    entries[size_t(ix)].value = value;
    return;
  }
  insert_new(Value::object(key), h, value);
}

bool DictObj::del_str(const StrObj* key) {
  size_t slot;
  int64_t ix = lookup(nullptr, Value::object(const_cast<StrObj*>(key)), key->hash(), &slot);
  if (ix < 0) return false;
  if (!index.empty()) index[slot] = kDummy;
  entries[size_t(ix)].key = Value();
  entries[size_t(ix)].value = Value();
  used--;
  bump_version();
  if (is_class_dict) g_type_epoch++;
  return true;
}

static bool is_plain_str(VM& vm, Value k) { return k.is_obj() && k.o->kind == Kind::Str && k.o->cls == vm.t.str; }

Value DictObj::get_hashed(VM& vm, Value key, int64_t hash) {
  size_t slot;
  int64_t ix = is_plain_str(vm, key) ? lookup(nullptr, key, hash, &slot) : lookup(&vm, key, hash, &slot);
  if (ix == -2) return Value::error();
  return ix >= 0 ? entries[size_t(ix)].value : Value();
}

Value DictObj::get(VM& vm, Value key) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return Value::error();
  return get_hashed(vm, key, h);
}

bool DictObj::set_hashed(VM& vm, Value key, int64_t hash, Value value) {
  size_t slot;
  int64_t ix = is_plain_str(vm, key) ? lookup(nullptr, key, hash, &slot) : lookup(&vm, key, hash, &slot);
  if (ix == -2) return false;
  if (is_class_dict) g_type_epoch++;
  if (ix >= 0) {
    entries[size_t(ix)].value = value;
    return true;
  }
  insert_new(key, hash, value);
  return true;
}

bool DictObj::set(VM& vm, Value key, Value value) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return false;
  return set_hashed(vm, key, h, value);
}

int DictObj::del(VM& vm, Value key) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return -1;
  size_t slot;
  int64_t ix = is_plain_str(vm, key) ? lookup(nullptr, key, h, &slot) : lookup(&vm, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  if (!index.empty()) index[slot] = kDummy;
  entries[size_t(ix)].key = Value();
  entries[size_t(ix)].value = Value();
  used--;
  bump_version();
  if (is_class_dict) g_type_epoch++;
  // Compact when most entries are holes, so iteration stays proportional to size.
  if (entries.size() > 16 && used * 4 < entries.size()) rebuild(used);
  return 1;
}

void DictObj::clear() {
  if (is_class_dict) g_type_epoch++;
  entries.clear();
  index.clear();
  used = 0;
  keys_interned = true;
  bump_version();
}

}  // namespace looplab
