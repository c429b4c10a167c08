// _stdlib, the native helpers of the Python-written standard library: the namedtuple field
// descriptor (_tuplegetter) and frame introspection outside any Python frame. (exec_source and
// the Python modules themselves are covered by the golden programs in tests/programs/stdlib.)
#include <doctest/doctest.h>

#include <string>

#include "lang/vm.h"
#include "runtime/ops.h"

using namespace looplab;

namespace {

Value module_attr(VM& vm, const char* module, const char* name) {
  Value m = vm.import_module(vm.intern(module));
  REQUIRE(!m.is_error());
  return op_getattr(vm, m, vm.intern(name));
}

std::string text(Value v) {
  REQUIRE(v.is_obj());
  REQUIRE(v.o->kind == Kind::Str);
  return static_cast<StrObj*>(v.o)->str();
}

std::string pending_message(VM& vm) {
  Value e = vm.take_exception();
  Value s = op_str(vm, e);
  return vm.type_of(e)->name->str() + ": " + text(s);
}

}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("_tuplegetter reads a tuple item and refuses assignment") {
  VM vm;
  Value cls = module_attr(vm, "_stdlib", "_tuplegetter");
  REQUIRE(!cls.is_error());
  Value g = vm.call(cls, {Value::integer(1), vm.str("Alias for field number 1")});
  REQUIRE(!g.is_error());
  CHECK(text(op_repr(vm, g)) == "_tuplegetter(1, 'Alias for field number 1')");

  TypeSlots& s = vm.type_of(g)->slots;
  Value t = Value::object(vm.tuple_of({Value::integer(10), Value::integer(20)}));
  Value got = s.descr_get(vm, g, t, Value());
  REQUIRE(got.is_int());
  CHECK(got.i == 20);
  // Looked up on the class: the descriptor itself.
  CHECK(s.descr_get(vm, g, Value(), Value()).same(g));

  CHECK_FALSE(s.descr_set(vm, g, t, Value::integer(5)));
  CHECK(pending_message(vm) == "AttributeError: can't set attribute");
  CHECK_FALSE(s.descr_set(vm, g, t, Value()));
  CHECK(pending_message(vm) == "AttributeError: can't delete attribute");

  CHECK(s.descr_get(vm, g, Value::integer(3), Value()).is_error());
  CHECK(pending_message(vm) ==
        "TypeError: descriptor for index '1' for tuple subclasses doesn't apply to 'int' object");
  Value short_t = Value::object(vm.tuple_of({Value::integer(1)}));
  CHECK(s.descr_get(vm, g, short_t, Value()).is_error());
  CHECK(pending_message(vm) == "IndexError: tuple index out of range");
}

TEST_CASE("_tuplegetter's constructor checks its arguments") {
  VM vm;
  Value cls = module_attr(vm, "_stdlib", "_tuplegetter");
  CHECK(vm.call(cls, {Value::integer(0)}).is_error());
  vm.clear_exception();
  CHECK(vm.call(cls, {vm.str("x"), Value::none()}).is_error());
  CHECK(pending_message(vm) == "TypeError: 'str' object cannot be interpreted as an integer");
}

TEST_CASE("caller_globals outside any Python frame is a ValueError") {
  VM vm;
  Value f = module_attr(vm, "_stdlib", "caller_globals");
  CHECK(vm.call(f, {Value::integer(0)}).is_error());
  CHECK(pending_message(vm) == "ValueError: call stack is not deep enough");
}

TEST_SUITE_END();
