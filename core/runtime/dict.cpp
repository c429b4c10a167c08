// dict: CPython's compact dict: `entries` in insertion order, `index` an open-addressed table
// of positions into it (probing with CPython's perturbation scheme).
#include "runtime/dict.h"

#include "lang/vm.h"
#include "runtime/ops.h"

namespace looplab {

void DictObj::trace(Tracer& t) {
  for (const DictEntry& e : entries) {
    t.mark(e.key);
    t.mark(e.value);
  }
  t.mark(ext);
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
    *slot_out = 0;
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
  size_t size = 8;
  while (size * 2 < (min_used + 1) * 3) size <<= 1;
  std::vector<DictEntry> live;
  live.reserve(used + 1);
  for (DictEntry& e : entries)
    if (!e.key.is_undef()) live.push_back(e);
  entries.swap(live);
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
  // Keep the index at most 2/3 full (counting deleted entries still in `entries`).
  if ((entries.size() + 1) * 3 >= index.size() * 2) {
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
  version++;
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
  index[slot] = kDummy;
  entries[size_t(ix)].key = Value();
  entries[size_t(ix)].value = Value();
  used--;
  version++;
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
  index[slot] = kDummy;
  entries[size_t(ix)].key = Value();
  entries[size_t(ix)].value = Value();
  used--;
  version++;
  // Compact when most entries are holes, so iteration stays proportional to size.
  if (entries.size() > 16 && used * 4 < entries.size()) rebuild(used);
  return 1;
}

void DictObj::clear() {
  entries.clear();
  index.clear();
  used = 0;
  version++;
}

}  // namespace looplab
