// Container types through their natives and slots (no compiler needed): exact reprs, orders
// and CPython's error messages, each checked against CPython 3.11.
#include <doctest/doctest.h>

#include <string>

#include "lang/vm.h"
#include "runtime/ops.h"

using namespace looplab;

namespace {

struct Py {
  VM vm;

  Value b(const char* name) { return vm.builtins->get_str(vm.intern(name)); }
  Value i(int64_t v) { return Value::integer(v); }
  Value s(const char* t) { return vm.str(t); }
  Value list(std::initializer_list<Value> items) {
    ListObj* l = vm.new_list();
    l->items.assign(items.begin(), items.end());
    return Value::object(l);
  }
  Value ints(std::initializer_list<int64_t> xs) {
    ListObj* l = vm.new_list();
    for (int64_t x : xs) l->items.push_back(Value::integer(x));
    return Value::object(l);
  }
  Value tup(std::initializer_list<Value> items) { return Value::object(vm.tuple_of(items)); }
  Value call(Value f, std::initializer_list<Value> args) { return vm.call(f, args); }
  Value call(const char* builtin, std::initializer_list<Value> args) { return vm.call(b(builtin), args); }
  // f(*args, **{names[i]: kwvalues[i]})
  Value callkw(Value f, std::initializer_list<Value> args, std::initializer_list<const char*> names,
               std::initializer_list<Value> kwvalues) {
    std::vector<Value> argv(args);
    argv.insert(argv.end(), kwvalues.begin(), kwvalues.end());
    TupleObj* kw = vm.new_tuple(names.size());
    size_t k = 0;
    for (const char* n : names) (*kw)[k++] = Value::object(vm.intern(n));
    return vm.call(f, argv.data(), args.size(), kw);
  }
  Value m(Value self, const char* name, std::initializer_list<Value> args) {
    return vm.call_method(self, vm.intern(name), args);
  }
  // repr(v), or "TypeName: message" when v is an error.
  std::string r(Value v) {
    if (v.is_error()) return err();
    if (v.is_none()) return "None";
    std::string out;
    if (!repr_text(vm, v, out)) return err();
    return out;
  }
  std::string err() {
    Value e = vm.take_exception();
    std::string msg;
    if (!str_text(vm, e, msg)) msg = "?";
    return type_name(vm, e) + ": " + msg;
  }
  Value get(Value obj, Value key) { return op_getitem(vm, obj, key); }
  Value slice(Value a, Value b, Value c) { return Value::object(vm.heap.make<SliceObj>(vm.t.slice, a, b, c)); }
  Value binop(Value a, Value b, BinOp op) { return op_binary(vm, a, b, op); }
  Value cmp(Value a, Value b, CompareOp op) { return op_compare(vm, a, b, op); }
};

const Value N = Value::none();

}  // namespace

TEST_SUITE_BEGIN("containers");

TEST_CASE("tuple repr, hash and comparison") {
  Py p;
  CHECK(p.r(p.tup({})) == "()");
  CHECK(p.r(p.tup({p.i(1)})) == "(1,)");
  CHECK(p.r(p.tup({p.i(1), p.s("a"), Value::boolean(true)})) == "(1, 'a', True)");
  // CPython's xxHash-based tuplehash.
  CHECK(p.r(p.call("hash", {p.tup({})})) == "5740354900026072187");
  CHECK(p.r(p.call("hash", {p.tup({p.i(1), p.i(2)})})) == "-3550055125485641917");
  CHECK(p.r(p.call("hash", {p.tup({p.i(-1)})})) == "8078679518589016365");
  CHECK(p.r(p.cmp(p.tup({p.i(1), p.i(2)}), p.tup({p.i(1), p.i(3)}), CompareOp::Lt)) == "True");
  CHECK(p.r(p.cmp(p.tup({p.i(1), p.i(2)}), p.tup({p.i(1)}), CompareOp::Gt)) == "True");
  CHECK(p.r(p.cmp(p.tup({p.i(1), p.i(2)}), p.tup({p.i(1), p.s("a")}), CompareOp::Lt)) ==
        "TypeError: '<' not supported between instances of 'int' and 'str'");
  CHECK(p.r(p.binop(p.tup({p.i(1)}), p.tup({p.i(2)}), BinOp::Add)) == "(1, 2)");
  CHECK(p.r(p.binop(p.tup({p.i(1), p.i(2)}), p.i(2), BinOp::Multiply)) == "(1, 2, 1, 2)");
  CHECK(p.r(p.binop(p.i(0), p.tup({p.i(1)}), BinOp::Multiply)) == "()");
  CHECK(p.r(p.binop(p.tup({p.i(1)}), p.ints({1}), BinOp::Add)) ==
        "TypeError: can only concatenate tuple (not \"list\") to tuple");
}

TEST_CASE("tuple construction, indexing and methods") {
  Py p;
  Value t = p.call("tuple", {p.ints({5, 6, 7, 6})});
  CHECK(p.r(t) == "(5, 6, 7, 6)");
  CHECK(p.r(p.get(t, p.i(-1))) == "6");
  CHECK(p.r(p.get(t, p.i(4))) == "IndexError: tuple index out of range");
  CHECK(p.r(p.get(t, p.s("a"))) == "TypeError: tuple indices must be integers or slices, not str");
  CHECK(p.r(p.get(t, p.slice(N, N, p.i(-2)))) == "(6, 6)");
  CHECK(p.r(p.get(t, p.slice(p.i(1), p.i(3), N))) == "(6, 7)");
  CHECK(p.r(p.get(t, p.slice(N, N, p.i(0)))) == "ValueError: slice step cannot be zero");
  CHECK(p.r(p.m(t, "count", {p.i(6)})) == "2");
  CHECK(p.r(p.m(t, "index", {p.i(6), p.i(2)})) == "3");
  CHECK(p.r(p.m(t, "index", {p.i(9)})) == "ValueError: tuple.index(x): x not in tuple");
  CHECK(p.r(p.m(t, "count", {})) == "TypeError: tuple.count() takes exactly one argument (0 given)");
  CHECK(p.r(p.call("tuple", {p.i(1), p.i(2)})) == "TypeError: tuple expected at most 1 argument, got 2");
  CHECK(p.r(p.call("tuple", {p.i(1)})) == "TypeError: 'int' object is not iterable");
  CHECK(op_contains(p.vm, t, p.i(7)) == 1);
  CHECK(op_contains(p.vm, t, p.i(8)) == 0);
}

TEST_CASE("list repr, recursion and comparison") {
  Py p;
  Value l = p.list({p.i(1), p.s("it's"), p.s("b"), Value::boolean(false), Value::real(1.5)});
  CHECK(p.r(l) == "[1, \"it's\", 'b', False, 1.5]");
  Value rec = p.ints({1});
  static_cast<ListObj*>(rec.o)->items.push_back(rec);
  CHECK(p.r(rec) == "[1, [...]]");
  CHECK(p.r(p.cmp(p.ints({1, 2}), p.ints({1, 2}), CompareOp::Eq)) == "True");
  CHECK(p.r(p.cmp(p.ints({1, 2}), p.ints({1, 2, 0}), CompareOp::Lt)) == "True");
  CHECK(p.r(p.cmp(p.ints({2}), p.ints({1, 5}), CompareOp::Ge)) == "True");
  CHECK(p.r(p.cmp(p.ints({1}), p.tup({p.i(1)}), CompareOp::Eq)) == "False");
  CHECK(p.r(p.cmp(p.ints({1}), p.tup({p.i(1)}), CompareOp::Lt)) ==
        "TypeError: '<' not supported between instances of 'list' and 'tuple'");
}

TEST_CASE("list indexing, slicing and slice assignment") {
  Py p;
  Value l = p.ints({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(p.r(p.get(l, p.slice(p.i(2), p.i(-2), p.i(3)))) == "[2, 5]");
  CHECK(p.r(p.get(l, p.slice(N, N, p.i(-3)))) == "[9, 6, 3, 0]");
  CHECK(p.r(p.get(l, p.slice(p.i(100), N, N))) == "[]");
  CHECK(p.r(p.get(l, p.i(10))) == "IndexError: list index out of range");
  CHECK(p.r(p.get(l, Value::real(1.0))) == "TypeError: list indices must be integers or slices, not float");
  CHECK(p.r(p.get(l, p.slice(p.i(1), p.s("a"), N))) ==
        "TypeError: slice indices must be integers or None or have an __index__ method");
  CHECK(op_setitem(p.vm, l, p.slice(p.i(1), p.i(9), p.i(2)), p.ints({0, 0, 0, 0})));
  CHECK(p.r(l) == "[0, 0, 2, 0, 4, 0, 6, 0, 8, 9]");
  CHECK_FALSE(op_setitem(p.vm, l, p.slice(N, N, p.i(2)), p.ints({1})));
  CHECK(p.err() == "ValueError: attempt to assign sequence of size 1 to extended slice of size 5");
  CHECK_FALSE(op_setitem(p.vm, l, p.slice(N, N, p.i(2)), p.i(5)));
  CHECK(p.err() == "TypeError: must assign iterable to extended slice");
  CHECK_FALSE(op_setitem(p.vm, l, p.slice(p.i(0), p.i(1), N), p.i(5)));
  CHECK(p.err() == "TypeError: can only assign an iterable");
  CHECK(op_setitem(p.vm, l, p.slice(p.i(2), p.i(8), N), p.tup({p.s("x")})));
  CHECK(p.r(l) == "[0, 0, 'x', 8, 9]");
  // s[5:2] = ... inserts at 5.
  CHECK(op_setitem(p.vm, l, p.slice(p.i(4), p.i(1), N), p.ints({7, 7})));
  CHECK(p.r(l) == "[0, 0, 'x', 8, 7, 7, 9]");
  CHECK(op_delitem(p.vm, l, p.slice(N, N, p.i(-2))));
  CHECK(p.r(l) == "[0, 8, 7]");
  CHECK(op_setitem(p.vm, l, p.slice(N, N, N), l));
  CHECK(p.r(l) == "[0, 8, 7]");
  CHECK_FALSE(op_setitem(p.vm, l, p.i(3), N));
  CHECK(p.err() == "IndexError: list assignment index out of range");
  CHECK_FALSE(op_delitem(p.vm, l, p.i(-4)));
  CHECK(p.err() == "IndexError: list assignment index out of range");
}

TEST_CASE("list methods and their errors") {
  Py p;
  Value l = p.ints({3, 1, 2});
  CHECK(p.r(p.m(l, "append", {p.i(4)})) == "None");
  CHECK(p.r(p.m(l, "insert", {p.i(-100), p.i(0)})) == "None");
  CHECK(p.r(p.m(l, "insert", {p.i(100), p.i(9)})) == "None");
  CHECK(p.r(l) == "[0, 3, 1, 2, 4, 9]");
  CHECK(p.r(p.m(l, "pop", {})) == "9");
  CHECK(p.r(p.m(l, "pop", {p.i(0)})) == "0");
  CHECK(p.r(p.m(l, "pop", {p.i(10)})) == "IndexError: pop index out of range");
  CHECK(p.r(p.m(p.ints({}), "pop", {})) == "IndexError: pop from empty list");
  CHECK(p.r(p.m(l, "index", {p.i(2)})) == "2");
  CHECK(p.r(p.m(l, "index", {p.i(7)})) == "ValueError: 7 is not in list");
  CHECK(p.r(p.m(l, "index", {p.s("z")})) == "ValueError: 'z' is not in list");
  CHECK(p.r(p.m(l, "index", {p.i(1), p.s("a")})) ==
        "TypeError: slice indices must be integers or have an __index__ method");
  CHECK(p.r(p.m(l, "remove", {p.i(7)})) == "ValueError: list.remove(x): x not in list");
  CHECK(p.r(p.m(l, "remove", {p.i(1)})) == "None");
  CHECK(p.r(l) == "[3, 2, 4]");
  CHECK(p.r(p.m(l, "count", {p.i(2)})) == "1");
  CHECK(p.r(p.m(l, "extend", {p.tup({p.i(5), p.i(6)})})) == "None");
  CHECK(p.r(p.m(l, "extend", {l})) == "None");
  CHECK(p.r(l) == "[3, 2, 4, 5, 6, 3, 2, 4, 5, 6]");
  CHECK(p.r(p.m(l, "reverse", {})) == "None");
  CHECK(p.r(l) == "[6, 5, 4, 2, 3, 6, 5, 4, 2, 3]");
  CHECK(p.r(p.m(l, "append", {})) == "TypeError: list.append() takes exactly one argument (0 given)");
  CHECK(p.r(p.m(l, "insert", {p.i(1)})) == "TypeError: insert expected 2 arguments, got 1");
  CHECK(p.r(p.m(l, "pop", {p.i(1), p.i(2)})) == "TypeError: pop expected at most 1 argument, got 2");
  CHECK(p.r(p.m(l, "clear", {p.i(1)})) == "TypeError: list.clear() takes no arguments (1 given)");
  CHECK(p.r(p.m(l, "sort", {p.i(1)})) == "TypeError: sort() takes no positional arguments");
  Value append = p.vm.t.list->dict->get_str(p.vm.intern("append"));
  CHECK(p.r(p.call(append, {p.i(5), p.i(1)})) ==
        "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
  CHECK(p.r(p.binop(p.ints({1}), Value::real(2.0), BinOp::Multiply)) ==
        "TypeError: can't multiply sequence by non-int of type 'float'");
  CHECK(p.r(p.binop(Value::real(2.0), p.ints({1}), BinOp::Multiply)) ==
        "TypeError: can't multiply sequence by non-int of type 'float'");
  CHECK(p.r(p.binop(p.ints({1}), p.tup({}), BinOp::Add)) ==
        "TypeError: can only concatenate list (not \"tuple\") to list");
  CHECK(p.r(p.binop(p.ints({1}), p.i(5), BinOp::InplaceAdd)) == "TypeError: 'int' object is not iterable");
  CHECK(p.r(p.binop(p.i(2), p.ints({1, 2}), BinOp::Multiply)) == "[1, 2, 1, 2]");
  Value l2 = p.ints({1, 2});
  CHECK(p.binop(l2, p.i(2), BinOp::InplaceMultiply).same(l2));
  CHECK(p.r(l2) == "[1, 2, 1, 2]");
  CHECK(p.r(p.call("list", {p.s("ab")})) == "['a', 'b']");
  CHECK(p.r(p.call("list", {p.i(1), p.i(2)})) == "TypeError: list expected at most 1 argument, got 2");
}

TEST_CASE("sorting: stable, keys, reverse, errors") {
  Py p;
  Value l = p.ints({5, 3, 9, 1, 3, 7, 2, 8, 6, 4, 0});
  CHECK(p.r(p.m(l, "sort", {})) == "None");
  CHECK(p.r(l) == "[0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]");
  // Stable with a key: pairs sorted by their first item keep their order.
  Value pairs = p.list({p.tup({p.i(1), p.s("a")}), p.tup({p.i(0), p.s("b")}), p.tup({p.i(1), p.s("c")}),
                        p.tup({p.i(0), p.s("d")})});
  Value first = p.vm.builtins->get_str(p.vm.intern("len"));  // any callable; len of 2-tuples is equal
  CHECK(p.r(p.callkw(p.b("sorted"), {pairs}, {"key"}, {first})) == p.r(pairs));
  CHECK(p.r(p.callkw(p.b("sorted"), {p.ints({1, 3, 2})}, {"reverse"}, {Value::boolean(true)})) == "[3, 2, 1]");
  CHECK(p.r(p.call("sorted", {p.list({p.i(1), p.s("a")})})) ==
        "TypeError: '<' not supported between instances of 'str' and 'int'");
  CHECK(p.r(p.callkw(p.b("sorted"), {p.ints({})}, {"foo"}, {N})) ==
        "TypeError: 'foo' is an invalid keyword argument for sort()");
  CHECK(p.r(p.call("sorted", {p.list({p.s("b"), p.s("a"), p.s("ab"), p.s("")})})) == "['', 'a', 'ab', 'b']");
  // A long run of mixed ints and floats goes through timsort's merges.
  ListObj* big = p.vm.new_list();
  for (int64_t i = 0; i < 500; i++) big->items.push_back((i % 3) ? Value::integer((i * 7919) % 1000) : Value::real(double((i * 104729) % 1000) + 0.5));
  CHECK(p.r(p.m(Value::object(big), "sort", {})) == "None");
  bool sorted_ok = true;
  for (size_t i = 1; i < big->items.size(); i++) {
    double a, b;
    as_double(p.vm, big->items[i - 1], &a);
    as_double(p.vm, big->items[i], &b);
    if (a > b) sorted_ok = false;
  }
  CHECK(sorted_ok);
}

TEST_CASE("dict basics, repr and errors") {
  Py p;
  Value d = p.call("dict", {p.list({p.tup({p.i(1), p.s("a")}), p.tup({p.s("k"), p.ints({2})})})});
  CHECK(p.r(d) == "{1: 'a', 'k': [2]}");
  CHECK(p.r(p.get(d, p.i(2))) == "KeyError: 2");
  CHECK(p.r(p.get(d, p.tup({p.i(1)}))) == "KeyError: (1,)");
  CHECK(p.r(p.call("dict", {p.list({p.i(1)})})) ==
        "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  CHECK(p.r(p.call("dict", {p.list({p.tup({p.i(1), p.i(2), p.i(3)})})})) ==
        "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  CHECK(p.r(p.call("dict", {p.i(1), p.i(2)})) == "TypeError: dict expected at most 1 argument, got 2");
  CHECK(p.r(p.callkw(p.b("dict"), {d}, {"z"}, {p.i(0)})) == "{1: 'a', 'k': [2], 'z': 0}");
  Value rec = p.call("dict", {});
  CHECK(op_setitem(p.vm, rec, p.s("self"), rec));
  CHECK(p.r(rec) == "{'self': {...}}");
  CHECK(p.r(p.m(d, "get", {p.i(5)})) == "None");
  CHECK(p.r(p.m(d, "get", {p.i(5), p.i(6)})) == "6");
  CHECK(p.r(p.m(d, "get", {})) == "TypeError: get expected at least 1 argument, got 0");
  CHECK(p.r(p.m(d, "setdefault", {p.i(5), p.ints({})})) == "[]");
  CHECK(p.r(p.m(d, "pop", {p.i(9)})) == "KeyError: 9");
  CHECK(p.r(p.m(d, "pop", {p.i(9), N})) == "None");
  CHECK(p.r(p.m(d, "pop", {p.i(1)})) == "'a'");
  CHECK(p.r(p.m(d, "popitem", {})) == "(5, [])");
  CHECK(p.r(p.m(p.call("dict", {}), "popitem", {})) == "KeyError: 'popitem(): dictionary is empty'");
  CHECK(p.r(p.m(p.call("dict", {}), "pop", {p.ints({})})) == "KeyError: []");
  CHECK(p.r(p.get(d, p.ints({}))) == "TypeError: unhashable type: 'list'");
  CHECK(p.r(p.cmp(d, d, CompareOp::Lt)) == "TypeError: '<' not supported between instances of 'dict' and 'dict'");
  Value fk = p.vm.t.dict->dict->get_str(p.vm.intern("fromkeys"));
  CHECK(p.r(p.call(op_getattr(p.vm, Value::object(p.vm.t.dict), p.vm.intern("fromkeys")), {p.s("ab"), p.i(0)})) ==
        "{'a': 0, 'b': 0}");
  CHECK(fk.is_obj());
}

TEST_CASE("dict views and iteration checks") {
  Py p;
  Value d = p.call("dict", {p.list({p.tup({p.i(1), p.i(10)}), p.tup({p.i(2), p.i(20)}), p.tup({p.i(3), p.i(30)})})});
  Value keys = p.m(d, "keys", {});
  Value items = p.m(d, "items", {});
  CHECK(p.r(keys) == "dict_keys([1, 2, 3])");
  CHECK(p.r(items) == "dict_items([(1, 10), (2, 20), (3, 30)])");
  CHECK(p.r(p.m(d, "values", {})) == "dict_values([10, 20, 30])");
  CHECK(p.r(p.call("list", {p.call("reversed", {d})})) == "[3, 2, 1]");
  CHECK(p.r(p.call("list", {p.call("reversed", {items})})) == "[(3, 30), (2, 20), (1, 10)]");
  CHECK(op_contains(p.vm, items, p.tup({p.i(2), p.i(20)})) == 1);
  CHECK(op_contains(p.vm, items, p.tup({p.i(2), p.i(21)})) == 0);
  CHECK(p.r(p.binop(keys, p.ints({2, 5}), BinOp::And)) == "{2}");
  CHECK(p.r(p.binop(keys, p.ints({5}), BinOp::Or)) == "{1, 2, 3, 5}");
  CHECK(p.r(p.binop(keys, p.ints({1}), BinOp::Subtract)) == "{2, 3}");
  CHECK(p.r(p.binop(p.ints({1, 9}), keys, BinOp::Xor)) == "{2, 3, 9}");
  CHECK(p.r(p.cmp(keys, p.call("set", {p.ints({3, 2, 1})}), CompareOp::Eq)) == "True");
  // Views are live.
  CHECK(op_setitem(p.vm, d, p.i(4), p.i(40)));
  CHECK(p.r(keys) == "dict_keys([1, 2, 3, 4])");
  Value it = op_iter(p.vm, d);
  CHECK(p.r(op_next(p.vm, it)) == "1");
  CHECK(op_setitem(p.vm, d, p.i(5), p.i(50)));
  CHECK(p.r(op_next(p.vm, it)) == "RuntimeError: dictionary changed size during iteration");
  CHECK(p.r(p.binop(keys, p.i(1), BinOp::And)) == "TypeError: 'int' object is not iterable");
}

TEST_CASE("set reprs, operations and CPython's iteration orders") {
  Py p;
  Value s = p.call("set", {p.ints({5, 3, 40, 8, 16, 32, 1})});
  CHECK(p.r(s) == "{32, 1, 3, 5, 40, 8, 16}");
  CHECK(p.r(p.call("set", {})) == "set()");
  CHECK(p.r(p.call("frozenset", {p.ints({1})})) == "frozenset({1})");
  CHECK(p.r(p.call("frozenset", {})) == "frozenset()");
  Value other = p.call("set", {p.ints({40, 2, 3, 100, 7})});
  CHECK(p.r(p.binop(s, other, BinOp::Or)) == "{32, 1, 2, 3, 100, 5, 7, 40, 8, 16}");
  CHECK(p.r(p.binop(s, other, BinOp::And)) == "{40, 3}");
  CHECK(p.r(p.binop(s, other, BinOp::Subtract)) == "{32, 1, 5, 8, 16}");
  CHECK(p.r(p.binop(s, other, BinOp::Xor)) == "{32, 1, 2, 16, 100, 5, 7, 8}");
  CHECK(p.r(p.binop(s, p.ints({1}), BinOp::Or)) == "TypeError: unsupported operand type(s) for |: 'set' and 'list'");
  CHECK(p.r(p.m(s, "remove", {p.i(99)})) == "KeyError: 99");
  CHECK(p.r(p.m(p.call("set", {}), "pop", {})) == "KeyError: 'pop from an empty set'");
  CHECK(p.r(p.cmp(p.call("set", {p.ints({1})}), s, CompareOp::Lt)) == "True");
  CHECK(p.r(p.cmp(s, s, CompareOp::Lt)) == "False");
  CHECK(p.r(p.call("hash", {p.call("frozenset", {p.ints({1, 2, 3})})})) == "-272375401224217160");
  CHECK(p.r(p.call("hash", {p.call("frozenset", {})})) == "133146708735736");
  CHECK(p.r(p.call("hash", {s})) == "TypeError: unhashable type: 'set'");
  CHECK(p.r(p.call("set", {p.ints({[] {
          return 1;
        }()})})) == "{1}");
  Value it = op_iter(p.vm, s);
  CHECK(p.r(op_next(p.vm, it)) == "32");
  CHECK(p.r(p.m(s, "add", {p.i(77)})) == "None");
  CHECK(p.r(op_next(p.vm, it)) == "RuntimeError: Set changed size during iteration");
}

TEST_CASE("range and slice") {
  Py p;
  CHECK(p.r(p.call("range", {p.i(5)})) == "range(0, 5)");
  CHECK(p.r(p.call("range", {p.i(0), p.i(10), p.i(3)})) == "range(0, 10, 3)");
  Value r = p.call("range", {p.i(10)});
  CHECK(p.r(p.get(r, p.slice(N, N, p.i(-1)))) == "range(9, -1, -1)");
  CHECK(p.r(p.get(p.call("range", {p.i(0), p.i(20), p.i(3)}), p.slice(p.i(1), p.i(-1), p.i(2)))) ==
        "range(3, 18, 6)");
  CHECK(p.r(p.get(r, p.i(20))) == "IndexError: range object index out of range");
  CHECK(p.r(p.call("range", {})) == "TypeError: range expected at least 1 argument, got 0");
  CHECK(p.r(p.call("range", {p.i(1), p.i(2), p.i(0)})) == "ValueError: range() arg 3 must not be zero");
  CHECK(p.r(p.call("range", {Value::real(1.0)})) == "TypeError: 'float' object cannot be interpreted as an integer");
  CHECK(p.r(p.m(r, "index", {p.i(50)})) == "ValueError: 50 is not in range");
  CHECK(p.r(p.call("hash", {p.call("range", {p.i(1), p.i(10), p.i(2)})})) == "-8580228179051518038");
  CHECK(p.r(p.call("list", {p.call("reversed", {p.call("range", {p.i(1), p.i(10), p.i(3)})})})) == "[7, 4, 1]");
  CHECK(p.r(p.cmp(p.call("range", {p.i(0)}), p.call("range", {p.i(5), p.i(2)}), CompareOp::Eq)) == "True");
  CHECK(op_contains(p.vm, r, p.i(9)) == 1);
  CHECK(op_contains(p.vm, r, Value::real(3.0)) == 1);
  Value sl = p.call("slice", {p.i(1), N});
  CHECK(p.r(p.call("slice", {p.i(1), p.i(2), p.i(3)})) == "slice(1, 2, 3)");
  CHECK(p.r(p.m(sl, "indices", {p.i(10)})) == "(1, 10, 1)");
  CHECK(p.r(p.m(p.call("slice", {N, N, p.i(-1)}), "indices", {p.i(5)})) == "(4, -1, -1)");
  CHECK(p.r(p.call("hash", {sl})) == "TypeError: unhashable type: 'slice'");
}

TEST_CASE("iteration builtins") {
  Py p;
  CHECK(p.r(p.call("max", {p.ints({3, 9, 2})})) == "9");
  CHECK(p.r(p.call("min", {p.i(3), p.i(1), p.i(2)})) == "1");
  CHECK(p.r(p.call("max", {p.ints({})})) == "ValueError: max() arg is an empty sequence");
  CHECK(p.r(p.callkw(p.b("max"), {p.ints({})}, {"default"}, {p.i(7)})) == "7");
  CHECK(p.r(p.callkw(p.b("max"), {p.i(1), p.i(2)}, {"default"}, {p.i(7)})) ==
        "TypeError: Cannot specify a default for max() with multiple positional arguments");
  CHECK(p.r(p.callkw(p.b("min"), {p.list({p.s("bb"), p.s("a"), p.s("cc")})}, {"key"}, {p.b("len")})) == "'a'");
  CHECK(p.r(p.call("max", {})) == "TypeError: max expected at least 1 argument, got 0");
  CHECK(p.r(p.call("sum", {p.ints({1, 2, 3})})) == "6");
  CHECK(p.r(p.call("sum", {p.list({p.i(1), Value::real(2.5), Value::boolean(true)})})) == "4.5");
  CHECK(p.r(p.call("sum", {p.list({p.ints({1}), p.ints({2})}), p.ints({})})) == "[1, 2]");
  CHECK(p.r(p.call("sum", {p.ints({}), p.s("")})) == "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  CHECK(p.r(p.call("any", {p.ints({0, 0, 3})})) == "True");
  CHECK(p.r(p.call("all", {p.ints({1, 0})})) == "False");
  CHECK(p.r(p.call("all", {})) == "TypeError: all() takes exactly one argument (0 given)");
  CHECK(p.r(p.call("list", {p.call("enumerate", {p.s("ab"), p.i(5)})})) == "[(5, 'a'), (6, 'b')]");
  CHECK(p.r(p.call("list", {p.call("zip", {p.ints({1, 2, 3}), p.s("ab")})})) == "[(1, 'a'), (2, 'b')]");
  CHECK(p.r(p.call("list", {p.callkw(p.b("zip"), {p.ints({1, 2}), p.ints({1})}, {"strict"}, {Value::boolean(true)})})) ==
        "ValueError: zip() argument 2 is shorter than argument 1");
  CHECK(p.r(p.call("list", {p.callkw(p.b("zip"), {p.ints({1}), p.ints({1}), p.ints({1, 2})}, {"strict"},
                                     {Value::boolean(true)})})) ==
        "ValueError: zip() argument 3 is longer than arguments 1-2");
  CHECK(p.r(p.call("list", {p.call("map", {p.b("len"), p.list({p.s("abc"), p.ints({1})})})})) == "[3, 1]");
  CHECK(p.r(p.call("map", {p.b("len")})) == "TypeError: map() must have at least two arguments.");
  CHECK(p.r(p.call("list", {p.call("filter", {N, p.ints({0, 1, 2, 0})})})) == "[1, 2]");
  CHECK(p.r(p.call("list", {p.call("reversed", {p.tup({p.i(1), p.i(2), p.i(3)})})})) == "[3, 2, 1]");
  CHECK(p.r(p.call("reversed", {p.call("set", {})})) == "TypeError: 'set' object is not reversible");
  CHECK(p.r(p.call("iter", {p.i(1), p.i(2)})) == "TypeError: iter(v, w): v must be callable");
  std::string rep = p.r(p.call("enumerate", {p.ints({})}));
  CHECK(rep.rfind("<enumerate object at 0x", 0) == 0);
  CHECK(p.r(p.get(Value::object(p.vm.t.list), Value::object(p.vm.t.int_))) == "list[int]");
  CHECK(p.r(p.get(Value::object(p.vm.t.dict), p.tup({Value::object(p.vm.t.str), p.ints({})}))) == "dict[str, []]");
}

TEST_SUITE_END();
