// mirrors Objects/setobject.c (3.11): the same table, probe sequence and resize rule, so that
// iteration order (slot order) matches CPython for ints and other deterministic hashes. Probe
// arithmetic is 64-bit as on CPython's 64-bit builds (wasm's size_t is 32 bits).
#include "runtime/set.h"

#include "lang/vm.h"
#include "runtime/ops.h"

namespace looplab {

namespace {
constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool is_active(const SetEntry& e) { return e.key.tag != Tag::Undef && e.key.tag != Tag::Error; }
bool is_dummy(const SetEntry& e) { return e.key.tag == Tag::Error; }
bool is_unused(const SetEntry& e) { return e.key.tag == Tag::Undef; }

// mirrors set_insert_clean: place a key known to be absent into a table without dummies.
void insert_clean(std::vector<SetEntry>& table, Value key, int64_t hash) {
  size_t mask = table.size() - 1;
  uint64_t perturb = uint64_t(hash);
  size_t i = size_t(uint64_t(hash) & mask);
  for (;;) {
    if (is_unused(table[i])) break;
    if (i + kLinearProbes <= mask) {
      size_t j = 0;
      for (; j < kLinearProbes; j++) {
        if (is_unused(table[i + j + 1])) break;
      }
      if (j < kLinearProbes) {
        i = i + j + 1;
        break;
      }
    }
    perturb >>= kPerturbShift;
    i = size_t((uint64_t(i) * 5 + 1 + perturb) & mask);
  }
  table[i] = {hash, key};
}

bool keys_equal(VM& vm, const SetEntry& e, Value key, int* cmp) {
  if (e.key.same(key) && !key.is_float()) {
    *cmp = 1;
    return true;
  }
  *cmp = op_eq(vm, e.key, key);
  return *cmp >= 0;
}

}  // namespace

SetObj::SetObj(ClassObj* cls) : Obj(cls, Kind::Set) { table.assign(kMinSize, SetEntry{0, Value()}); }

void SetObj::trace(Tracer& t) {
  for (const SetEntry& e : table)
    if (is_active(e)) t.mark(e.key);
  t.mark(reinterpret_cast<Obj*>(attrs));
}

// mirrors set_table_resize.
void set_table_resize(SetObj& s, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  std::vector<SetEntry> old;
  old.swap(s.table);
  s.table.assign(newsize, SetEntry{0, Value()});
  s.fill = s.used;
  for (const SetEntry& e : old)
    if (is_active(e)) insert_clean(s.table, e.key, e.hash);
}

// Index of the entry holding key, -1 if absent, -2 on error.
static int64_t lookkey(VM& vm, SetObj& s, Value key, int64_t hash) {
  for (;;) {
    size_t mask = s.table.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(uint64_t(hash) & mask);
    bool restart = false;
    for (;;) {
      size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
      size_t j = i;
      for (;;) {
        SetEntry& e = s.table[j];
        if (is_unused(e)) return -1;
        if (is_active(e) && e.hash == hash) {
          uint64_t version = s.version;
          int cmp;
          if (!keys_equal(vm, e, key, &cmp)) return -2;
          if (cmp > 0) return int64_t(j);
          if (s.version != version) {
            restart = true;
            break;
          }
        }
        if (probes-- == 0) break;
        j++;
      }
      if (restart) break;
      perturb >>= kPerturbShift;
      i = size_t((uint64_t(i) * 5 + 1 + perturb) & mask);
    }
  }
}

// mirrors set_add_entry.
static bool add_entry(VM& vm, SetObj& s, Value key, int64_t hash) {
restart:
  size_t mask = s.table.size() - 1;
  size_t i = size_t(uint64_t(hash) & mask);
  uint64_t perturb = uint64_t(hash);
  int64_t freeslot = -1;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    for (;;) {
      SetEntry& e = s.table[j];
      if (is_unused(e)) {
        if (freeslot >= 0) {
          s.table[size_t(freeslot)] = {hash, key};
          s.used++;
          s.version++;
          return true;
        }
        e = {hash, key};
        s.fill++;
        s.used++;
        s.version++;
        if (s.fill * 5 < mask * 3) return true;
        set_table_resize(s, s.used > 50000 ? s.used * 2 : s.used * 4);
        return true;
      }
      if (is_active(e) && e.hash == hash) {
        uint64_t version = s.version;
        int cmp;
        if (!keys_equal(vm, e, key, &cmp)) return false;
        if (cmp > 0) return true;
        if (s.version != version) goto restart;
      } else if (is_dummy(e)) {
        // CPython 3.11 keeps the last dummy seen on the probe path, not the first.
        freeslot = int64_t(j);
      }
      if (probes-- == 0) break;
      j++;
    }
    perturb >>= kPerturbShift;
    i = size_t((uint64_t(i) * 5 + 1 + perturb) & mask);
  }
}

bool set_add_hashed(VM& vm, SetObj& s, Value key, int64_t hash) { return add_entry(vm, s, key, hash); }

int set_contains_hashed(VM& vm, SetObj& s, Value key, int64_t hash) {
  int64_t ix = lookkey(vm, s, key, hash);
  return ix == -2 ? -1 : ix >= 0;
}

// mirrors set_discard_entry.
int set_discard_hashed(VM& vm, SetObj& s, Value key, int64_t hash) {
  int64_t ix = lookkey(vm, s, key, hash);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  s.table[size_t(ix)] = {-1, Value::error()};  // dummy
  s.used--;
  s.version++;
  return 1;
}

// mirrors set_swap_bodies: exchange the tables (and counts), not the pop finger.
void set_swap_bodies(SetObj& a, SetObj& b) {
  a.table.swap(b.table);
  std::swap(a.fill, b.fill);
  std::swap(a.used, b.used);
  a.version++;
  b.version++;
}

int SetObj::contains(VM& vm, Value key) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return -1;
  int64_t ix = lookkey(vm, *this, key, h);
  return ix == -2 ? -1 : ix >= 0;
}

bool SetObj::add(VM& vm, Value key) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return false;
  return add_entry(vm, *this, key, h);
}

int SetObj::discard(VM& vm, Value key) {
  int64_t h;
  if (!op_hash(vm, key, &h)) return -1;
  return set_discard_hashed(vm, *this, key, h);
}

void SetObj::clear() {
  table.assign(kMinSize, SetEntry{0, Value()});
  fill = used = 0;
  version++;  // the pop finger stays where it was, as CPython's set_clear_internal
}

// mirrors set_merge: adding every element of another set, with its fast paths (they decide
// the resulting slot order).
bool set_merge(VM& vm, SetObj& s, const SetObj& other) {
  if (&other == &s || other.used == 0) return true;
  size_t mask = s.table.size() - 1;
  if ((s.fill + other.used) * 5 >= mask * 3) set_table_resize(s, (s.used + other.used) * 2);
  s.version++;
  if (s.fill == 0 && s.table.size() == other.table.size() && other.fill == other.used) {
    for (size_t i = 0; i < other.table.size(); i++)
      if (is_active(other.table[i])) s.table[i] = other.table[i];
    s.fill = other.fill;
    s.used = other.used;
    return true;
  }
  if (s.fill == 0) {
    s.fill = other.used;
    s.used = other.used;
    for (const SetEntry& e : other.table)
      if (is_active(e)) insert_clean(s.table, e.key, e.hash);
    return true;
  }
  for (const SetEntry& e : other.table)
    if (is_active(e) && !add_entry(vm, s, e.key, e.hash)) return false;
  return true;
}

// mirrors set_update_internal: sets merge, dicts add with their stored hashes, else iterate.
bool set_update(VM& vm, SetObj& s, Value iterable) {
  if (iterable.is_obj() && iterable.o->kind == Kind::Set) return set_merge(vm, s, *static_cast<SetObj*>(iterable.o));
  if (iterable.is_obj() && iterable.o->kind == Kind::Dict && iterable.o->cls == vm.t.dict) {
    DictObj* d = static_cast<DictObj*>(iterable.o);
    size_t mask = s.table.size() - 1;
    if ((s.fill + d->size()) * 5 >= mask * 3) set_table_resize(s, (s.used + d->size()) * 2);
    for (const DictEntry& e : d->entries)
      if (!e.key.is_undef() && !add_entry(vm, s, e.key, e.hash)) return false;
    return true;
  }
  return op_for_each(vm, iterable, [&](Value v) { return s.add(vm, v) ? 1 : -1; });
}

// mirrors set_pop: scan from the finger for the next active entry.
Value set_pop(VM& vm, SetObj& s) {
  if (s.used == 0) return vm.raise(vm.t.KeyError, "pop from an empty set");
  size_t mask = s.table.size() - 1;
  size_t i = s.finger & mask;
  while (!is_active(s.table[i])) i = (i + 1) & mask;
  Value key = s.table[i].key;
  s.table[i] = {-1, Value::error()};
  s.used--;
  s.version++;
  s.finger = i + 1;
  return key;
}

}  // namespace looplab
