// list.sort (the timsort port): results against std::stable_sort on many shapes of input,
// stability under key= and reverse=, inconsistent orders (NaN) as CPython leaves them, and
// errors from comparisons and keys propagating with the list restored.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "lang/vm.h"
#include "runtime/ops.h"

using namespace looplab;

namespace {

std::string repr_of(VM& vm, Value v) {
  std::string s;
  if (!repr_text(vm, v, s)) {
    vm.clear_exception();
    return "<error>";
  }
  return s;
}

Value sort_method(VM& vm) { return vm.t.list->dict->get_str(vm.intern("sort")); }

// Calls l.sort(key=key, reverse=reverse) through the method, as Python code would.
Value sort(VM& vm, ListObj* l, Value key = Value(), bool reverse = false) {
  std::vector<Value> argv{Value::object(l)};
  std::vector<Value> names;
  if (!key.is_undef()) {
    argv.push_back(key);
    names.push_back(Value::object(vm.intern("key")));
  }
  if (reverse) {
    argv.push_back(Value::boolean(true));
    names.push_back(Value::object(vm.intern("reverse")));
  }
  TupleObj* kw = nullptr;
  if (!names.empty()) {
    kw = vm.new_tuple(names.size());
    for (size_t i = 0; i < names.size(); i++) (*kw)[i] = names[i];
  }
  return vm.call(sort_method(vm), argv.data(), 1, kw);
}

uint64_t next_rand(uint64_t& s) {
  s = s * 6364136223846793005ull + 1442695040888963407ull;
  return s >> 33;
}

}  // namespace

TEST_SUITE_BEGIN("list_sort");

TEST_CASE("sorts ints of many shapes like a stable sort") {
  VM vm;
  uint64_t seed = 42;
  for (int shape = 0; shape < 6; shape++) {
    for (size_t n : {0, 1, 2, 3, 17, 63, 64, 65, 200, 1000, 5000}) {
      std::vector<int64_t> xs;
      for (size_t i = 0; i < n; i++) {
        switch (shape) {
          case 0: xs.push_back(int64_t(next_rand(seed) % 1000)); break;           // random
          case 1: xs.push_back(int64_t(i)); break;                                // sorted
          case 2: xs.push_back(int64_t(n - i)); break;                            // descending
          case 3: xs.push_back(int64_t(next_rand(seed) % 3)); break;              // many equal
          case 4: xs.push_back(int64_t(i % 50 < 25 ? i : n - i)); break;          // runs
          case 5: xs.push_back(i % 2 ? -int64_t(i) : int64_t(next_rand(seed)));  // sawtooth
                  break;
        }
      }
      ListObj* l = vm.new_list();
      for (int64_t x : xs) l->items.push_back(Value::integer(x));
      REQUIRE(!sort(vm, l).is_error());
      std::stable_sort(xs.begin(), xs.end());
      bool same = l->items.size() == xs.size();
      for (size_t i = 0; same && i < xs.size(); i++) same = l->items[i].i == xs[i];
      CHECK_MESSAGE(same, "shape " << shape << " n " << n);
    }
  }
}

TEST_CASE("key= and reverse= keep equal items in their original order") {
  VM vm;
  // (key, original position) pairs sorted by key with abs() as the key function.
  ListObj* l = vm.new_list();
  uint64_t seed = 7;
  std::vector<std::pair<int64_t, size_t>> ref;
  for (size_t i = 0; i < 300; i++) {
    int64_t v = int64_t(next_rand(seed) % 21) - 10;
    l->items.push_back(Value::integer(v));
    ref.push_back({v, i});
  }
  ListObj* copy = vm.new_list();
  copy->items = l->items;
  Value abs_fn = vm.builtins->get_str(vm.intern("abs"));
  REQUIRE(!abs_fn.is_undef());
  REQUIRE(!sort(vm, l, abs_fn).is_error());
  std::vector<std::pair<int64_t, size_t>> r1 = ref;
  std::stable_sort(r1.begin(), r1.end(), [](auto& a, auto& b) { return std::llabs(a.first) < std::llabs(b.first); });
  bool same = true;
  for (size_t i = 0; i < r1.size(); i++) same = same && l->items[i].i == r1[i].first;
  CHECK(same);
  // reverse=True: descending keys, but equal keys still in original order.
  REQUIRE(!sort(vm, copy, abs_fn, true).is_error());
  std::vector<std::pair<int64_t, size_t>> r2 = ref;
  std::stable_sort(r2.begin(), r2.end(), [](auto& a, auto& b) { return std::llabs(a.first) > std::llabs(b.first); });
  same = true;
  for (size_t i = 0; i < r2.size(); i++) same = same && copy->items[i].i == r2[i].first;
  CHECK(same);
}

TEST_CASE("strings sort by code point, floats with NaN as CPython leaves them") {
  VM vm;
  ListObj* l = vm.new_list();
  for (const char* s : {"b", "\xc3\xa9", "a", "ab", "", "B", "\xe2\x82\xac", "aa"}) l->items.push_back(vm.str(s));
  REQUIRE(!sort(vm, l).is_error());
  CHECK(repr_of(vm, Value::object(l)) == "['', 'B', 'a', 'aa', 'ab', 'b', '\xc3\xa9', '\xe2\x82\xac']");
  // sorted([3, nan, 1, 2, nan, 0, 5, -1]) in CPython 3.11.
  ListObj* f = vm.new_list();
  double nan = std::nan("");
  for (double d : {3.0, nan, 1.0, 2.0, nan, 0.0, 5.0, -1.0}) f->items.push_back(Value::real(d));
  REQUIRE(!sort(vm, f).is_error());
  CHECK(repr_of(vm, Value::object(f)) == "[3.0, nan, -1.0, 1.0, 2.0, nan, 0.0, 5.0]");
}

TEST_CASE("errors propagate; the list keeps its items") {
  VM vm;
  ListObj* l = vm.new_list();
  l->items = {Value::integer(3), vm.str("a"), Value::integer(1)};
  Value r = sort(vm, l);
  REQUIRE(r.is_error());
  std::string msg;
  Value exc = vm.take_exception();
  str_text(vm, exc, msg);
  // count_run compares the second item with the first: 'a' < 3.
  CHECK(msg == "'<' not supported between instances of 'str' and 'int'");
  CHECK(l->items.size() == 3);
  // A key function that fails leaves the list as it was.
  ListObj* k = vm.new_list();
  k->items = {Value::integer(2), Value::object(vm.new_list()), Value::integer(1)};
  Value hash_fn = vm.builtins->get_str(vm.intern("hash"));
  REQUIRE(sort(vm, k, hash_fn).is_error());
  exc = vm.take_exception();
  str_text(vm, exc, msg);
  CHECK(msg == "unhashable type: 'list'");
  CHECK(k->items.size() == 3);
  CHECK(k->items[0].i == 2);
}

TEST_SUITE_END();
