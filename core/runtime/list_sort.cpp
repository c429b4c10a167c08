// list.sort: a port of CPython 3.11's listsort (Objects/listobject.c): timsort with galloping
// merges and the 3.11 "powersort" merge policy, so that comparisons happen in CPython's order
// (what a key or __lt__ with side effects sees, which pair raises first, and how inconsistent
// orders such as NaNs come out). Keys are computed first; the list is empty while sorting and
// "list modified during sort" is raised if anything was put into it meanwhile.
#include <cstring>

#include "runtime/containers.h"

namespace looplab {

namespace {

constexpr int kMaxMergePending = 85;
constexpr int64_t kMinGallop = 7;

// keys[i] sorts values[i] along (values is null without a key function).
struct SortSlice {
  Value* keys;
  Value* values;
};

struct Run {
  SortSlice base;
  int64_t len;
  int power;
};

enum class CompareKind { Generic, Int, Float, Str, Tuple };

struct MergeState {
  VM* vm;
  CompareKind kind = CompareKind::Generic;
  int64_t min_gallop = kMinGallop;
  int64_t listlen = 0;
  Value* basekeys = nullptr;
  std::vector<Value> temp_keys, temp_values;  // the merge area
  SortSlice a{nullptr, nullptr};
  int n = 0;
  Run pending[kMaxMergePending];
};

// mirrors unsafe_tuple_compare: the first items that differ decide (ints compared inline).
int tuple_lt(VM& vm, const TupleObj* x, const TupleObj* y) {
  size_t n = x->size < y->size ? x->size : y->size;
  size_t i = 0;
  for (; i < n; i++) {
    const Value& a = (*x)[i];
    const Value& b = (*y)[i];
    if (a.is_int() && b.is_int()) {
      if (a.i != b.i) return a.i < b.i;
      continue;
    }
    int eq = op_eq(vm, a, b);
    if (eq < 0) return -1;
    if (!eq) break;
  }
  if (i >= n) return x->size < y->size;
  return op_lt(vm, (*x)[i], (*y)[i]);
}

// a < b: 1, 0, or -1 with an exception pending. The fast kinds are chosen only when every key
// has that exact type, where they agree with op_lt (CPython's unsafe_*_compare).
inline int islt(MergeState* ms, const Value& a, const Value& b) {
  switch (ms->kind) {
    case CompareKind::Int: return a.i < b.i;
    case CompareKind::Float: return a.f < b.f;
    case CompareKind::Str: {
      auto* x = static_cast<const StrObj*>(a.o);
      auto* y = static_cast<const StrObj*>(b.o);
      // UTF-8 byte order is code point order.
      size_t n = x->size < y->size ? x->size : y->size;
      int c = std::memcmp(x->data(), y->data(), n);
      return c != 0 ? c < 0 : x->size < y->size;
    }
    case CompareKind::Tuple:
      return tuple_lt(*ms->vm, static_cast<const TupleObj*>(a.o), static_cast<const TupleObj*>(b.o));
    case CompareKind::Generic: break;
  }
  return op_lt(*ms->vm, a, b);
}

#define ISLT(X, Y) islt(ms, (X), (Y))
#define IFLT(X, Y)              \
  if ((k = ISLT(X, Y)) < 0) goto fail; \
  if (k)

void sortslice_copy(SortSlice* s1, int64_t i, SortSlice* s2, int64_t j) {
  s1->keys[i] = s2->keys[j];
  if (s1->values) s1->values[i] = s2->values[j];
}
void sortslice_copy_incr(SortSlice* dst, SortSlice* src) {
  *dst->keys++ = *src->keys++;
  if (dst->values) *dst->values++ = *src->values++;
}
void sortslice_copy_decr(SortSlice* dst, SortSlice* src) {
  *dst->keys-- = *src->keys--;
  if (dst->values) *dst->values-- = *src->values--;
}
void sortslice_memcpy(SortSlice* s1, int64_t i, SortSlice* s2, int64_t j, int64_t n) {
  std::memcpy(static_cast<void*>(&s1->keys[i]), &s2->keys[j], sizeof(Value) * size_t(n));
  if (s1->values) std::memcpy(static_cast<void*>(&s1->values[i]), &s2->values[j], sizeof(Value) * size_t(n));
}
void sortslice_memmove(SortSlice* s1, int64_t i, SortSlice* s2, int64_t j, int64_t n) {
  std::memmove(static_cast<void*>(&s1->keys[i]), &s2->keys[j], sizeof(Value) * size_t(n));
  if (s1->values) std::memmove(static_cast<void*>(&s1->values[i]), &s2->values[j], sizeof(Value) * size_t(n));
}
void sortslice_advance(SortSlice* s, int64_t n) {
  s->keys += n;
  if (s->values) s->values += n;
}

void reverse_slice(Value* lo, Value* hi) {
  --hi;
  while (lo < hi) {
    Value t = *lo;
    *lo = *hi;
    *hi = t;
    ++lo;
    --hi;
  }
}

void reverse_sortslice(SortSlice* s, int64_t n) {
  reverse_slice(s->keys, &s->keys[n]);
  if (s->values) reverse_slice(s->values, &s->values[n]);
}

// mirrors binarysort: [lo, start) is sorted; insert the rest one at a time.
int binarysort(MergeState* ms, SortSlice lo, Value* hi, Value* start) {
  int k;
  Value *l, *p, *r;
  Value pivot;
  if (lo.keys == start) ++start;
  for (; start < hi; ++start) {
    l = lo.keys;
    r = start;
    pivot = *r;
    do {
      p = l + ((r - l) >> 1);
      IFLT(pivot, *p) r = p;
      else l = p + 1;
    } while (l < r);
    for (p = start; p > l; --p) *p = *(p - 1);
    *l = pivot;
    if (lo.values != nullptr) {
      // Move the value alongside by index: the two arrays are separate allocations, and their
      // distance need not be a whole number of Values (wasm's malloc aligns to 8, not 16).
      Value* vstart = lo.values + (start - lo.keys);
      Value* vl = lo.values + (l - lo.keys);
      pivot = *vstart;
      for (p = vstart; p > vl; --p) *p = *(p - 1);
      *vl = pivot;
    }
  }
  return 0;
fail:
  return -1;
}

// mirrors count_run (3.11): the length of the run at lo, strictly descending or ascending.
int64_t count_run(MergeState* ms, Value* lo, Value* hi, int* descending) {
  int k;
  int64_t n;
  *descending = 0;
  ++lo;
  if (lo == hi) return 1;
  n = 2;
  IFLT(*lo, *(lo - 1)) {
    *descending = 1;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1)) {}
      else break;
    }
  }
  else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1)) break;
    }
  }
  return n;
fail:
  return -1;
}

// mirrors gallop_left: where key belongs in the sorted a[0:n] (leftmost among equals).
int64_t gallop_left(MergeState* ms, Value key, Value* a, int64_t n, int64_t hint) {
  int64_t ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(*a, key) {
    const int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(a[ofs], key) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  else {
    const int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(*(a - ofs), key) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(a[m], key) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
fail:
  return -1;
}

// mirrors gallop_right: like gallop_left, but rightmost among equals.
int64_t gallop_right(MergeState* ms, Value key, Value* a, int64_t n, int64_t hint) {
  int64_t ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(key, *a) {
    const int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(key, *(a - ofs)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  else {
    const int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(key, a[ofs]) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(key, a[m]) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
fail:
  return -1;
}

void merge_getmem(MergeState* ms, int64_t need, bool with_values) {
  if (int64_t(ms->temp_keys.size()) < need) ms->temp_keys.resize(size_t(need));
  ms->a.keys = ms->temp_keys.data();
  if (with_values) {
    if (int64_t(ms->temp_values.size()) < need) ms->temp_values.resize(size_t(need));
    ms->a.values = ms->temp_values.data();
  } else {
    ms->a.values = nullptr;
  }
}

// mirrors merge_lo: merge the na elements at ssa with the nb at ssb (na <= nb).
int merge_lo(MergeState* ms, SortSlice ssa, int64_t na, SortSlice ssb, int64_t nb) {
  int64_t k;
  SortSlice dest;
  int result = -1;
  int64_t min_gallop;
  merge_getmem(ms, na, ssa.values != nullptr);
  sortslice_memcpy(&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;

  sortslice_copy_incr(&dest, &ssb);
  --nb;
  if (nb == 0) goto succeed;
  if (na == 1) goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;) {
    int64_t acount = 0;
    int64_t bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        sortslice_copy_incr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto succeed;
        if (bcount >= min_gallop) break;
      } else {
        sortslice_copy_incr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto copy_b;
        if (acount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto fail;
        sortslice_memcpy(&dest, 0, &ssa, 0, k);
        sortslice_advance(&dest, k);
        sortslice_advance(&ssa, k);
        na -= k;
        if (na == 1) goto copy_b;
        if (na == 0) goto succeed;
      }
      sortslice_copy_incr(&dest, &ssb);
      --nb;
      if (nb == 0) goto succeed;

      k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto fail;
        sortslice_memmove(&dest, 0, &ssb, 0, k);
        sortslice_advance(&dest, k);
        sortslice_advance(&ssb, k);
        nb -= k;
        if (nb == 0) goto succeed;
      }
      sortslice_copy_incr(&dest, &ssa);
      --na;
      if (na == 1) goto copy_b;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (na) sortslice_memcpy(&dest, 0, &ssa, 0, na);
  return result;
copy_b:
  // The last element of ssa belongs at the end of the merge.
  sortslice_memmove(&dest, 0, &ssb, 0, nb);
  sortslice_copy(&dest, nb, &ssa, 0);
  return 0;
}

// mirrors merge_hi: merge from the right (na >= nb).
int merge_hi(MergeState* ms, SortSlice ssa, int64_t na, SortSlice ssb, int64_t nb) {
  int64_t k;
  SortSlice dest, basea, baseb;
  int result = -1;
  int64_t min_gallop;
  merge_getmem(ms, nb, ssa.values != nullptr);
  dest = ssb;
  sortslice_advance(&dest, nb - 1);
  sortslice_memcpy(&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values != nullptr) ssb.values = ms->a.values + nb - 1;
  sortslice_advance(&ssa, na - 1);

  sortslice_copy_decr(&dest, &ssa);
  --na;
  if (na == 0) goto succeed;
  if (nb == 1) goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;) {
    int64_t acount = 0;
    int64_t bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        sortslice_copy_decr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto succeed;
        if (acount >= min_gallop) break;
      } else {
        sortslice_copy_decr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto copy_a;
        if (bcount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        sortslice_advance(&dest, -k);
        sortslice_advance(&ssa, -k);
        sortslice_memmove(&dest, 1, &ssa, 1, k);
        na -= k;
        if (na == 0) goto succeed;
      }
      sortslice_copy_decr(&dest, &ssb);
      --nb;
      if (nb == 1) goto copy_a;

      k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        sortslice_advance(&dest, -k);
        sortslice_advance(&ssb, -k);
        sortslice_memcpy(&dest, 1, &ssb, 1, k);
        nb -= k;
        if (nb == 1) goto copy_a;
        if (nb == 0) goto succeed;
      }
      sortslice_copy_decr(&dest, &ssa);
      --na;
      if (na == 0) goto succeed;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (nb) sortslice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
  return result;
copy_a:
  // The first element of ssb belongs at the front of the merge.
  sortslice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
  sortslice_advance(&dest, -na);
  sortslice_advance(&ssa, -na);
  sortslice_copy(&dest, 0, &ssb, 0);
  return 0;
}

// mirrors merge_at: merge the runs at stack indices i and i+1.
int merge_at(MergeState* ms, int i) {
  SortSlice ssa = ms->pending[i].base;
  int64_t na = ms->pending[i].len;
  SortSlice ssb = ms->pending[i + 1].base;
  int64_t nb = ms->pending[i + 1].len;

  ms->pending[i].len = na + nb;
  if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  int64_t k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0) return -1;
  sortslice_advance(&ssa, k);
  na -= k;
  if (na == 0) return 0;

  nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return int(nb);

  if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
  return merge_hi(ms, ssa, na, ssb, nb);
}

// mirrors powerloop: the "power" of the run boundary (depth in a conceptual merge tree).
int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
  int result = 0;
  int64_t a = 2 * s1 + n1;
  int64_t b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

// mirrors found_new_run: merge the runs whose power exceeds the new boundary's.
int found_new_run(MergeState* ms, int64_t n2) {
  if (ms->n) {
    Run* p = ms->pending;
    int64_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
    int64_t n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power) {
      if (merge_at(ms, ms->n - 2) < 0) return -1;
    }
    p[ms->n - 1].power = power;
  }
  return 0;
}

// mirrors merge_force_collapse.
int merge_force_collapse(MergeState* ms) {
  Run* p = ms->pending;
  while (ms->n > 1) {
    int n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    if (merge_at(ms, n) < 0) return -1;
  }
  return 0;
}

int64_t merge_compute_minrun(int64_t n) {
  int64_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

CompareKind choose_kind(VM& vm, const Value* keys, size_t n) {
  if (n == 0) return CompareKind::Generic;
  Tag tag = keys[0].tag;
  if (tag == Tag::Int || tag == Tag::Float) {
    for (size_t i = 1; i < n; i++)
      if (keys[i].tag != tag) return CompareKind::Generic;
    return tag == Tag::Int ? CompareKind::Int : CompareKind::Float;
  }
  if (keys[0].is_obj() && keys[0].o->kind == Kind::Tuple) {
    for (size_t i = 0; i < n; i++) {
      const Value& k = keys[i];
      if (!k.is_obj() || k.o->cls != vm.t.tuple) return CompareKind::Generic;
    }
    return CompareKind::Tuple;
  }
  for (size_t i = 0; i < n; i++) {
    const Value& k = keys[i];
    if (!k.is_obj() || k.o->kind != Kind::Str || k.o->cls != vm.t.str) return CompareKind::Generic;
  }
  return CompareKind::Str;
}

// mirrors list_sort_impl's main loop over lo[0:n].
int timsort(MergeState& ms, SortSlice lo, int64_t nremaining) {
  MergeState* msp = &ms;
  if (nremaining < 2) return 0;
  int64_t minrun = merge_compute_minrun(nremaining);
  do {
    int descending;
    int64_t n = count_run(msp, lo.keys, lo.keys + nremaining, &descending);
    if (n < 0) return -1;
    if (descending) reverse_sortslice(&lo, n);
    if (n < minrun) {
      const int64_t force = nremaining <= minrun ? nremaining : minrun;
      if (binarysort(msp, lo, lo.keys + force, lo.keys + n) < 0) return -1;
      n = force;
    }
    if (found_new_run(msp, n) < 0) return -1;
    ms.pending[ms.n].base = lo;
    ms.pending[ms.n].len = n;
    ++ms.n;
    sortslice_advance(&lo, n);
    nremaining -= n;
  } while (nremaining);
  return merge_force_collapse(msp);
}

#undef ISLT
#undef IFLT

}  // namespace

// mirrors list_sort_impl: the list is emptied while sorting; keys come first; reverse sorts
// stably by reversing before and after.
bool list_sort_values(VM& vm, ListObj* l, Value keyfunc, bool reverse) {
  std::vector<Value> items;
  items.swap(l->items);
  size_t n = items.size();
  bool has_key = !keyfunc.is_undef() && !keyfunc.is_none();
  std::vector<Value> keys;
  if (has_key) {
    keys.reserve(n);
    for (size_t i = 0; i < n; i++) {
      Value k = vm.call(keyfunc, &items[i], 1);
      if (k.is_error()) {
        // Leave the list as it was (anything put into it meanwhile is dropped, as CPython).
        l->items.swap(items);
        return false;
      }
      keys.push_back(k);
    }
  }
  Value* keyp = has_key ? keys.data() : items.data();
  if (reverse && n > 1) {
    if (has_key) reverse_slice(keys.data(), keys.data() + n);
    reverse_slice(items.data(), items.data() + n);
  }
  MergeState ms;
  ms.vm = &vm;
  ms.kind = choose_kind(vm, keyp, n);
  ms.listlen = int64_t(n);
  ms.basekeys = keyp;
  SortSlice lo{keyp, has_key ? items.data() : nullptr};
  bool ok = timsort(ms, lo, int64_t(n)) == 0;
  bool modified = !l->items.empty() || l->items.capacity() != 0;
  if (ok && modified) {
    vm.raise(vm.t.ValueError, "list modified during sort");
    ok = false;
  }
  if (reverse && n > 1) reverse_slice(items.data(), items.data() + n);
  l->items.swap(items);
  return ok;
}

}  // namespace looplab
