// random: SHA-512 (for str seeds), the Mersenne Twister and random.py's algorithms, checked
// against values recorded with CPython 3.11 (hashlib / random).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "lang/vm.h"
#include "modules/module_inits.h"
#include "modules/sha512.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"

using namespace looplab;

namespace {

std::string hex_of(const std::array<uint8_t, 64>& d, size_t n = 64) {
  std::string s;
  char buf[3];
  for (size_t i = 0; i < n; i++) {
    std::snprintf(buf, sizeof buf, "%02x", d[i]);
    s += buf;
  }
  return s;
}

// repr(v) for the numbers and lists these tests produce.
std::string text(VM& vm, Value v) {
  if (v.is_error()) {
    Value e = vm.take_exception();
    return "error: " + type_name(vm, e);
  }
  std::string out;
  if (!repr_text(vm, v, out)) {
    vm.clear_exception();
    return "?";
  }
  return out;
}

struct RandomModule {
  VM vm;
  ModuleObj* m;
  RandomModule() : m(vm.new_module("random")) { REQUIRE(init_random_module(vm, m)); }
  Value fn(const char* name) { return m->dict->get_str(vm.intern(name)); }
  std::string call(const char* name, std::initializer_list<Value> args) { return text(vm, vm.call(fn(name), args)); }
};

}  // namespace

TEST_SUITE_BEGIN("random");

TEST_CASE("sha512 matches hashlib") {
  CHECK(hex_of(sha512("abc")) ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a"
        "9ac94fa54ca49f");
  CHECK(hex_of(sha512(""), 16) == "cf83e1357eefb8bdf1542850d66d8007");
  CHECK(hex_of(sha512(std::string(200, 'a')), 16) == "4b11459c33f52a22ee8236782714c150");
  // 111 and 112 bytes: the length field fits in the last block or needs another one.
  CHECK(hex_of(sha512(std::string(111, 'a')), 16) == "fa9121c7b32b9e01733d034cfc78cbf6");
  CHECK(hex_of(sha512(std::string(112, 'a')), 16) == "c01d080efd492776a1c43bd23dd99d0a");
}

TEST_CASE("seeded draws match CPython's Mersenne Twister") {
  RandomModule r;
  VM& vm = r.vm;
  r.call("seed", {Value::integer(42)});
  CHECK(r.call("getrandbits", {Value::integer(32)}) == "2746317213");
  CHECK(r.call("getrandbits", {Value::integer(32)}) == "478163327");
  CHECK(r.call("getrandbits", {Value::integer(32)}) == "107420369");
  CHECK(r.call("random", {}) == "0.7415504997598329");
  Value big = op_binary(vm, op_binary(vm, Value::integer(2), Value::integer(100), BinOp::Power), Value::integer(5),
                        BinOp::Add);
  r.call("seed", {big});
  CHECK(r.call("random", {}) == "0.7033503239395905");
  CHECK(r.call("getrandbits", {Value::integer(70)}) == "26764600080946544827");
  r.call("seed", {vm.str("abc")});
  CHECK(r.call("random", {}) == "0.7720246314157545");
  Value inst = vm.call(r.fn("Random"), {Value::integer(0)});
  REQUIRE(!inst.is_error());
  Value big20 = op_binary(vm, Value::integer(10), Value::integer(20), BinOp::Power);
  CHECK(text(vm, vm.call_method(inst, vm.intern("randrange"), {big20})) == "7758176404715800194");
  r.call("seed", {Value::integer(-1)});
  std::string neg = r.call("random", {});
  r.call("seed", {Value::integer(1)});
  CHECK(r.call("random", {}) == neg);
  CHECK(r.call("getrandbits", {Value::integer(-1)}) == "error: ValueError");
  CHECK(r.call("randrange", {Value::integer(0)}) == "error: ValueError");
}

TEST_SUITE_END();
