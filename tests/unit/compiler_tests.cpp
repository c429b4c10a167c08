// Compiler: the code it generates (disassembly compared exactly), the errors it reports
// (CPython 3.11's messages and positions, as SyntaxError attributes), and small programs run
// end to end whose output is CPython's.
#include <doctest/doctest.h>

#include <string>

#include "lang/compiler.h"
#include "lang/vm.h"
#include "run_module_util.h"

using namespace looplab;

namespace {

std::string dis(std::string_view src) {
  VM vm;
  CodeObj* co = compile_module(vm, src, "<main>");
  if (!co) return "compile error";
  return disassemble(*co);
}

std::string attr(VM& vm, ExceptionObj* e, const char* name) {
  if (!e->dict) return "?";
  Value v = e->dict->get_str(vm.intern(name));
  if (v.is_int()) return std::to_string(v.i);
  if (v.is_obj() && v.o->kind == Kind::Str) return static_cast<StrObj*>(v.o)->str();
  return "?";
}

// "Type: msg @lineno:offset-end_lineno:end_offset", read back from the raised exception.
std::string compile_error(std::string_view src) {
  VM vm;
  if (compile_module(vm, src, "<main>")) return "OK";
  Value exc = vm.take_exception();
  auto* e = static_cast<ExceptionObj*>(exc.o);
  std::string cls = e->cls->name->str();
  if (cls != "SyntaxError" && cls != "IndentationError" && cls != "TabError") {
    bool has_msg = e->args && e->args->size > 0 && (*e->args)[0].is_obj();
    return cls + ": " + (has_msg ? static_cast<StrObj*>((*e->args)[0].o)->str() : "?");
  }
  return cls + ": " + attr(vm, e, "msg") + " @" + attr(vm, e, "lineno") + ":" +
         attr(vm, e, "offset") + "-" + attr(vm, e, "end_lineno") + ":" + attr(vm, e, "end_offset");
}

// Runs a module and returns what it printed.
std::string run(std::string_view src) {
  VM vm;
  CodeObj* co = compile_module(vm, src, "<main>");
  if (!co) return "compile error";
  return run_module_output(vm, co);
}

CodeObj* find_code(CodeObj* co, std::string_view qualname) {
  if (co->qualname->view() == qualname) return co;
  for (const Value& c : co->consts)
    if (c.is_obj() && c.o->kind == Kind::Code)
      if (CodeObj* found = find_code(static_cast<CodeObj*>(c.o), qualname)) return found;
  return nullptr;
}

}  // namespace

TEST_SUITE_BEGIN("compiler");

TEST_CASE("closures use cells and free variables") {
  CHECK(dis(R"PY(def outer(a):
    def inner(b):
        return a + b
    return inner
)PY") ==
        R"DIS(<module>: stacksize 1, blockdepth 0, flags 0x0, argcount 0
   1    0 LOAD_CONST           0 (<code outer>)
        1 MAKE_FUNCTION        0
        2 STORE_NAME           0 (outer)
        3 LOAD_CONST           1 (None)
        4 RETURN_VALUE

outer: stacksize 2, blockdepth 0, flags 0x3, argcount 1
  varnames: a inner
  cellvars: a
   2    0 LOAD_CLOSURE         0 (a)
        1 BUILD_TUPLE          1
        2 LOAD_CONST           0 (<code outer.<locals>.inner>)
        3 MAKE_FUNCTION        8 (closure)
        4 STORE_FAST           1 (inner)
   4    5 LOAD_FAST            1 (inner)
        6 RETURN_VALUE

outer.<locals>.inner: stacksize 2, blockdepth 0, flags 0x13, argcount 1
  varnames: b
  freevars: a
   3    0 LOAD_DEREF           0 (a)
        1 LOAD_FAST            0 (b)
        2 BINARY_OP            0 (+)
        3 RETURN_VALUE
)DIS");
}

TEST_CASE("zero-argument super() gets the __class__ cell") {
  CHECK(dis(R"PY(class C(B):
    def m(self):
        return super().m()
)PY") ==
        R"DIS(<module>: stacksize 5, blockdepth 0, flags 0x0, argcount 0
   1    0 PUSH_NULL
        1 LOAD_BUILD_CLASS
        2 LOAD_CONST           0 (<code C>)
        3 MAKE_FUNCTION        0
        4 LOAD_CONST           1 ('C')
        5 LOAD_NAME            0 (B)
        6 CALL                 3
        7 STORE_NAME           1 (C)
        8 LOAD_CONST           2 (None)
        9 RETURN_VALUE

C: stacksize 2, blockdepth 0, flags 0x0, argcount 0
  cellvars: __class__
   1    0 LOAD_NAME            0 (__name__)
        1 STORE_NAME           1 (__module__)
        2 LOAD_CONST           0 ('C')
        3 STORE_NAME           2 (__qualname__)
   2    4 LOAD_CLOSURE         0 (__class__)
        5 BUILD_TUPLE          1
        6 LOAD_CONST           1 (<code C.m>)
        7 MAKE_FUNCTION        8 (closure)
        8 STORE_NAME           3 (m)
   1    9 LOAD_CLOSURE         0 (__class__)
       10 STORE_NAME           4 (__classcell__)
       11 LOAD_CONST           2 (None)
       12 RETURN_VALUE

C.m: stacksize 2, blockdepth 0, flags 0x3, argcount 1
  varnames: self
  freevars: __class__
   3    0 PUSH_NULL
        1 LOAD_GLOBAL          0 (super)
        2 CALL                 0
        3 LOAD_METHOD          1 (m)
        4 CALL                 0
        5 RETURN_VALUE
)DIS");
}

TEST_CASE("try/except binds and then deletes the name") {
  CHECK(dis(R"PY(try:
    f()
except E as e:
    g(e)
)PY") ==
        R"DIS(<module>: stacksize 4, blockdepth 2, flags 0x0, argcount 0
   1    0 SETUP_FINALLY        7 (to 7)
   2    1 PUSH_NULL
        2 LOAD_NAME            0 (f)
        3 CALL                 0
        4 POP_TOP
        5 POP_BLOCK
        6 JUMP                 34 (to 34)
        7 PUSH_EXC_INFO
        8 SETUP_CLEANUP        31 (to 31)
   3    9 LOAD_NAME            1 (E)
       10 CHECK_EXC_MATCH
       11 POP_JUMP_IF_FALSE    30 (to 30)
       12 STORE_NAME           2 (e)
       13 SETUP_FINALLY        26 (to 26)
   4   14 PUSH_NULL
       15 LOAD_NAME            3 (g)
       16 LOAD_NAME            2 (e)
       17 CALL                 1
       18 POP_TOP
   3   19 POP_BLOCK
       20 POP_BLOCK
       21 POP_EXCEPT
       22 LOAD_CONST           0 (None)
       23 STORE_NAME           2 (e)
       24 DELETE_NAME          2 (e)
       25 JUMP                 34 (to 34)
       26 LOAD_CONST           0 (None)
       27 STORE_NAME           2 (e)
       28 DELETE_NAME          2 (e)
       29 RERAISE
       30 RERAISE
       31 SWAP                 2
       32 POP_EXCEPT
       33 RERAISE
       34 LOAD_CONST           0 (None)
       35 RETURN_VALUE
)DIS");
}

TEST_CASE("with calls __exit__ on both paths") {
  CHECK(dis(R"PY(with cm() as x:
    f(x)
)PY") ==
        R"DIS(<module>: stacksize 5, blockdepth 1, flags 0x0, argcount 0
   1    0 PUSH_NULL
        1 LOAD_NAME            0 (cm)
        2 CALL                 0
        3 BEFORE_WITH
        4 SETUP_WITH           18 (to 18)
        5 STORE_NAME           1 (x)
   2    6 PUSH_NULL
        7 LOAD_NAME            2 (f)
        8 LOAD_NAME            1 (x)
        9 CALL                 1
       10 POP_TOP
   1   11 POP_BLOCK
       12 LOAD_CONST           0 (None)
       13 LOAD_CONST           0 (None)
       14 LOAD_CONST           0 (None)
       15 CALL                 3
       16 POP_TOP
       17 JUMP                 31 (to 31)
       18 PUSH_EXC_INFO
       19 SETUP_CLEANUP        23 (to 23)
       20 WITH_EXCEPT_START
       21 POP_JUMP_IF_TRUE     26 (to 26)
       22 RERAISE
       23 SWAP                 2
       24 POP_EXCEPT
       25 RERAISE
       26 POP_TOP
       27 POP_BLOCK
       28 POP_EXCEPT
       29 POP_TOP
       30 POP_TOP
       31 LOAD_CONST           0 (None)
       32 RETURN_VALUE
)DIS");
}

TEST_CASE("await is the exact SEND loop") {
  CHECK(dis(R"PY(async def f(x):
    await x
)PY") ==
        R"DIS(<module>: stacksize 1, blockdepth 0, flags 0x0, argcount 0
   1    0 LOAD_CONST           0 (<code f>)
        1 MAKE_FUNCTION        0
        2 STORE_NAME           0 (f)
        3 LOAD_CONST           1 (None)
        4 RETURN_VALUE

f: stacksize 2, blockdepth 0, flags 0x83, argcount 1
  varnames: x
   2    0 LOAD_FAST            0 (x)
        1 GET_AWAITABLE        0
        2 LOAD_CONST           0 (None)
        3 SEND                 6 (to 6)
        4 YIELD_VALUE          1
        5 JUMP                 3 (to 3)
        6 POP_TOP
        7 LOAD_CONST           0 (None)
        8 RETURN_VALUE
)DIS");
}

TEST_CASE("a comprehension is a function called with the outer iterator") {
  CHECK(dis(R"PY([x * 2 for x in y if x]
)PY") ==
        R"DIS(<module>: stacksize 3, blockdepth 0, flags 0x0, argcount 0
   1    0 PUSH_NULL
        1 LOAD_CONST           0 (<code <listcomp>>)
        2 MAKE_FUNCTION        0
        3 LOAD_NAME            0 (y)
        4 GET_ITER
        5 CALL                 1
        6 POP_TOP
        7 LOAD_CONST           1 (None)
        8 RETURN_VALUE

<listcomp>: stacksize 4, blockdepth 0, flags 0x3, argcount 1
  varnames: .0 x
   1    0 BUILD_LIST           0
        1 LOAD_FAST            0 (.0)
        2 FOR_ITER             11 (to 11)
        3 STORE_FAST           1 (x)
        4 LOAD_FAST            1 (x)
        5 POP_JUMP_IF_FALSE    10 (to 10)
        6 LOAD_FAST            1 (x)
        7 LOAD_CONST           0 (2)
        8 BINARY_OP            5 (*)
        9 LIST_APPEND          2
       10 JUMP                 2 (to 2)
       11 RETURN_VALUE
)DIS");
}

TEST_CASE("break inside try/finally runs a copy of the finally body") {
  CHECK(dis(R"PY(for x in y:
    try:
        break
    finally:
        f()
)PY") ==
        R"DIS(<module>: stacksize 5, blockdepth 1, flags 0x0, argcount 0
   1    0 LOAD_NAME            0 (y)
        1 GET_ITER
        2 FOR_ITER             29 (to 29)
        3 STORE_NAME           1 (x)
   2    4 SETUP_FINALLY        18 (to 18)
   3    5 POP_BLOCK
   5    6 PUSH_NULL
        7 LOAD_NAME            2 (f)
        8 CALL                 0
        9 POP_TOP
   3   10 POP_TOP
       11 JUMP                 29 (to 29)
       12 POP_BLOCK
   5   13 PUSH_NULL
       14 LOAD_NAME            2 (f)
       15 CALL                 0
       16 POP_TOP
       17 JUMP                 28 (to 28)
       18 PUSH_EXC_INFO
       19 SETUP_CLEANUP        25 (to 25)
       20 PUSH_NULL
       21 LOAD_NAME            2 (f)
       22 CALL                 0
       23 POP_TOP
       24 RERAISE
       25 SWAP                 2
       26 POP_EXCEPT
       27 RERAISE
   1   28 JUMP                 2 (to 2)
       29 LOAD_CONST           0 (None)
       30 RETURN_VALUE
)DIS");
}

TEST_CASE("yield from delegates with the same loop") {
  CHECK(dis(R"PY(def g():
    yield from h()
)PY") ==
        R"DIS(<module>: stacksize 1, blockdepth 0, flags 0x0, argcount 0
   1    0 LOAD_CONST           0 (<code g>)
        1 MAKE_FUNCTION        0
        2 STORE_NAME           0 (g)
        3 LOAD_CONST           1 (None)
        4 RETURN_VALUE

g: stacksize 2, blockdepth 0, flags 0x23, argcount 0
   2    0 PUSH_NULL
        1 LOAD_GLOBAL          0 (h)
        2 CALL                 0
        3 GET_YIELD_FROM_ITER
        4 LOAD_CONST           0 (None)
        5 SEND                 8 (to 8)
        6 YIELD_VALUE          1
        7 JUMP                 5 (to 5)
        8 POP_TOP
        9 LOAD_CONST           0 (None)
       10 RETURN_VALUE
)DIS");
}

TEST_CASE("runs like CPython: closures and nonlocal") {
  CHECK(run(R"PY(def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
)PY") ==
        R"OUT(1 2 3
)OUT");
}

TEST_CASE("runs like CPython: generators: send and yield from") {
  CHECK(run(R"PY(def gen():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
g = gen()
next(g)
print(g.send(3), g.send(4))
def outer():
    r = yield from gen()
    yield r * 10
o = outer()
next(o); o.send(5)
print(o.send(None))
)PY") ==
        R"OUT(3 7
50
)OUT");
}

TEST_CASE("runs like CPython: break/continue/return through finally and except") {
  CHECK(run(R"PY(def f():
    log = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(i)
        finally:
            log.append("f%d" % i)
    return log
print(f())
def g():
    try:
        return "try"
    finally:
        print("finally runs first")
print(g())
def h():
    try:
        raise KeyError("k")
    except KeyError as e:
        return str(e)
print(h())
)PY") ==
        R"OUT([0, 'f0', 'f1', 2, 'f2', 'f3']
finally runs first
try
'k'
)OUT");
}

TEST_CASE("runs like CPython: with: several items, suppression, return inside") {
  CHECK(run(R"PY(class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else "-")
        return self.name == "outer"
with CM("outer") as a, CM("inner") as b:
    print(a, b)
    raise ValueError("x")
print("suppressed")
def early():
    with CM("ret"):
        return "value"
print(early())
)PY") ==
        R"OUT(enter outer
enter inner
outer inner
exit inner ValueError
exit outer ValueError
suppressed
enter ret
exit ret -
value
)OUT");
}

TEST_CASE("runs like CPython: super(), unpacking, walrus, comprehensions, f-strings, chained comparisons") {
  CHECK(run(R"PY(class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
print(Child().hello())
a, *rest, z = [1, 2, 3, 4, 5]
print(a, rest, z)
print([y for x in range(6) if (y := x * x) > 4], y)
print({k: v for k, v in zip("ab", (1, 2))}, sorted({n % 3 for n in range(7)}))
print(f"{3.14159:.2f} {'x'!r} {a=}")
x = 1 < 2 < 3
print(x, 3 > 2 > 5)
)PY") ==
        R"OUT(child+base
1 [2, 3, 4] 5
[9, 16, 25] 25
{'a': 1, 'b': 2} [0, 1, 2]
3.14 'x' a=1
True False
)OUT");
}

TEST_CASE("annotations of a function are evaluated at definition and kept in __annotations__") {
  CHECK(dis(R"PY(def f(a: int, *, k: str = "") -> None:
    pass
)PY") ==
        R"DIS(<module>: stacksize 8, blockdepth 0, flags 0x0, argcount 0
   1    0 LOAD_CONST           0 ('')
        1 LOAD_CONST           1 (('k',))
        2 BUILD_CONST_KEY_MAP  1
        3 LOAD_CONST           2 (<code f>)
        4 MAKE_FUNCTION        2 (kwdefaults)
        5 COPY                 1
        6 LOAD_CONST           3 ('a')
        7 LOAD_NAME            0 (int)
        8 LOAD_CONST           4 ('k')
        9 LOAD_NAME            1 (str)
       10 LOAD_CONST           5 ('return')
       11 LOAD_CONST           6 (None)
       12 BUILD_MAP            3
       13 SWAP                 2
       14 STORE_ATTR           2 (__annotations__)
       15 STORE_NAME           3 (f)
       16 LOAD_CONST           6 (None)
       17 RETURN_VALUE

f: stacksize 1, blockdepth 0, flags 0x3, argcount 1, kwonly 1
  varnames: a k
   2    0 LOAD_CONST           0 (None)
        1 RETURN_VALUE
)DIS");
  CHECK(run("def f(a: int, b: 'B' = 1) -> list: pass\n"
            "print(f.__annotations__)\n") ==
        "{'a': <class 'int'>, 'b': 'B', 'return': <class 'list'>}\n");
  CHECK(run("from __future__ import annotations\n"
            "def f(a: dict[str, int], b: 'B') -> None: pass\n"
            "print(f.__annotations__)\n") ==
        "{'a': 'dict[str, int]', 'b': \"'B'\", 'return': 'None'}\n");
}

TEST_CASE("code objects: names, qualnames, flags, counts, positions") {
  VM vm;
  CodeObj* mod = compile_module(vm,
                                "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n"
                                "    'doc'\n"
                                "    def g():\n"
                                "        yield a\n"
                                "    return g\n"
                                "async def h():\n"
                                "    yield 1\n"
                                "class C:\n"
                                "    async def m(self):\n"
                                "        return [lambda: 0 for _ in ()]\n",
                                "<main>");
  REQUIRE(mod != nullptr);
  CHECK(mod->name->view() == "<module>");
  CodeObj* f = find_code(mod, "f");
  REQUIRE(f != nullptr);
  CHECK(f->argcount == 3);
  CHECK(f->posonlyargcount == 2);
  CHECK(f->kwonlyargcount == 2);
  CHECK(f->flags == (kCoOptimized | kCoNewLocals | kCoVarArgs | kCoVarKeywords));
  CHECK(f->varnames.size() == 8);  // a b c d e args kw g
  CHECK(f->varnames[5]->view() == "args");
  CHECK(f->cellvars.size() == 1);
  CHECK(f->cell2arg == std::vector<int32_t>{0});  // the cell `a` starts as argument 0
  CHECK(f->docstring.is_obj());
  CodeObj* g = find_code(mod, "f.<locals>.g");
  REQUIRE(g != nullptr);
  CHECK(g->flags == (kCoOptimized | kCoNewLocals | kCoNested | kCoGenerator));
  CHECK(find_code(mod, "h")->flags == (kCoOptimized | kCoNewLocals | kCoAsyncGenerator));
  CHECK(find_code(mod, "C.m")->flags == (kCoOptimized | kCoNewLocals | kCoCoroutine));
  CodeObj* lc = find_code(mod, "C.m.<locals>.<listcomp>");
  REQUIRE(lc != nullptr);
  CHECK(lc->name->view() == "<listcomp>");
  CHECK(find_code(mod, "C.m.<locals>.<listcomp>.<lambda>") != nullptr);
  // Every instruction has a position: the first one of g is the `a` of `yield a`.
  REQUIRE(g->positions.size() == g->code.size());
  CHECK(g->positions[0].line == 4);
  CHECK(g->positions[0].col == 14);
  CHECK(g->positions[0].end_col == 15);
  CHECK(g->positions[1].col == 8);   // YIELD_VALUE: the whole `yield a`
  CHECK(g->positions[1].end_col == 15);
}

TEST_CASE("stack size is the deepest stack over every path") {
  VM vm;
  CodeObj* co = compile_module(vm, "x = [1, [2, [3, [4, a]]]]\n", "<main>");
  REQUIRE(co != nullptr);
  CHECK(co->stacksize == 5);
  CHECK(co->blockdepth == 0);
  co = compile_module(vm, "try:\n  pass\nfinally:\n  with a: b(c)\n", "<main>");
  REQUIRE(co != nullptr);
  CHECK(co->blockdepth == 2);  // the finally handler's cleanup block, then the with's
}

TEST_CASE("compile errors: CPython 3.11's messages and locations") {
  CHECK(compile_error("return 1") ==
        "SyntaxError: 'return' outside function @1:1-1:9");
  CHECK(compile_error("yield 1") ==
        "SyntaxError: 'yield' outside function @1:1-1:8");
  CHECK(compile_error("await x") ==
        "SyntaxError: 'await' outside function @1:1-1:8");
  CHECK(compile_error("def f():\n  await x") ==
        "SyntaxError: 'await' outside async function @2:3-2:10");
  CHECK(compile_error("break") ==
        "SyntaxError: 'break' outside loop @1:1-1:6");
  CHECK(compile_error("continue") ==
        "SyntaxError: 'continue' not properly in loop @1:1-1:9");
  CHECK(compile_error("def f(a, a): pass") ==
        "SyntaxError: duplicate argument 'a' in function definition @1:10-1:11");
  CHECK(compile_error("f(a=1, a=2)") ==
        "SyntaxError: keyword argument repeated: a @1:8-1:11");
  CHECK(compile_error("def f():\n  nonlocal x") ==
        "SyntaxError: no binding for nonlocal 'x' found @2:3-2:13");
  CHECK(compile_error("nonlocal x") ==
        "SyntaxError: nonlocal declaration not allowed at module level @1:1-1:11");
  CHECK(compile_error("def f(x):\n  global x") ==
        "SyntaxError: name 'x' is parameter and global @2:3-2:11");
  CHECK(compile_error("def f():\n  print(x)\n  global x") ==
        "SyntaxError: name 'x' is used prior to global declaration @3:3-3:11");
  CHECK(compile_error("def f():\n  x = 1\n  global x") ==
        "SyntaxError: name 'x' is assigned to before global declaration @3:3-3:11");
  CHECK(compile_error("async def f():\n  yield from x") ==
        "SyntaxError: 'yield from' inside async function @2:3-2:15");
  CHECK(compile_error("def f():\n  x = [(yield) for i in y]") ==
        "SyntaxError: 'yield' inside list comprehension @2:9-2:14");
  CHECK(compile_error("def f():\n  [i := 1 for i in y]") ==
        "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'i' @2:4-2:5");
  CHECK(compile_error("[x for x in (y := 1)]") ==
        "SyntaxError: assignment expression cannot be used in a comprehension iterable expression @1:14-1:20");
  CHECK(compile_error("class A:\n  [x := 1 for i in y]") ==
        "SyntaxError: assignment expression within a comprehension cannot be used in a class body @2:4-2:5");
  CHECK(compile_error("def f():\n  [await x for x in y]") ==
        "SyntaxError: asynchronous comprehension outside of an asynchronous function @2:3-2:23");
  CHECK(compile_error("async def f():\n  yield 1\n  return 2") ==
        "SyntaxError: 'return' with value in async generator @3:3-3:11");
  CHECK(compile_error("from __future__ import braces") ==
        "SyntaxError: not a chance @1:1-1:0");
  CHECK(compile_error("x = 1\nfrom __future__ import annotations") ==
        "SyntaxError: from __future__ imports must occur at the beginning of the file @2:1-2:35");
  CHECK(compile_error("def f():\n  from x import *") ==
        "SyntaxError: import * only allowed at module level @2:17-2:18");
  CHECK(compile_error("[*a, *b] = c") ==
        "SyntaxError: multiple starred expressions in assignment @1:1-1:9");
  CHECK(compile_error("*a = b") ==
        "SyntaxError: starred assignment target must be in a list or tuple @1:1-1:3");
  CHECK(compile_error("a = *b") ==
        "SyntaxError: can't use starred expression here @1:5-1:7");
  CHECK(compile_error("__debug__ = 1") ==
        "SyntaxError: cannot assign to __debug__ @1:1-1:10");
  CHECK(compile_error("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass") ==
        "SyntaxError: default 'except:' must be last @3:1-4:7");
  CHECK(compile_error("def f():\n  async with x: pass") ==
        "SyntaxError: 'async with' outside async function @2:3-2:21");
  CHECK(compile_error("def f():\n  async for x in y: pass") ==
        "SyntaxError: 'async for' outside async function @2:3-2:25");
  CHECK(compile_error("class C:\n  return 1") ==
        "SyntaxError: 'return' outside function @2:3-2:11");
  CHECK(compile_error("for x in y:\n  try:\n    pass\n  except* E:\n    break") ==
        "SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block @5:5-5:10");
  CHECK(compile_error("def f():\n  x: int = 1\n  global x") ==
        "SyntaxError: annotated name 'x' can't be global @3:3-3:11");
  CHECK(compile_error("print(f(x for x in y), a=1, a=2)") ==
        "SyntaxError: keyword argument repeated: a @1:29-1:32");
}

TEST_CASE("unsupported features are NotImplementedError naming the feature and line") {
  CHECK(compile_error("from . import x\n") ==
        "NotImplementedError: relative imports are not supported (line 1)");
  CHECK(compile_error("x = 1\ny = 2j\n") ==
        "NotImplementedError: complex numbers are not supported (line 2)");
}

TEST_CASE("syntax errors from the parser arrive as SyntaxError/IndentationError exceptions") {
  CHECK(compile_error("if x = 1:\n  pass\n") ==
        "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:4-1:9");
  CHECK(compile_error("if x:\npass\n") ==
        "IndentationError: expected an indented block after 'if' statement on line 1 @2:1-2:5");
}

TEST_CASE("code nested too deeply fails like CPython instead of overflowing the stack") {
  std::string minus(10000, '-');
  CHECK(compile_error(minus + "1\n") == "MemoryError: ?");
  std::string sum;
  for (int i = 0; i < 100000; i++) sum += "1+";
  CHECK(compile_error(sum + "1\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
}

TEST_CASE("SyntaxWarnings go to stderr at compile time, formatted as CPython's") {
  VM vm;
  std::string err;
  vm.write_output = [&](OutStream s, std::string_view text) {
    if (s == OutStream::Stderr) err += text;
  };
  CodeObj* co = compile_module(vm,
                               "if x is 1: pass\n"
                               "y = (1, 2) (3, 4)\n"
                               "z = [1, 2]['a']\n"
                               "w = 5[0]\n"
                               "  \n"
                               "assert (x, 'msg')\n"
                               "ok = x is None or x is not ... or f(1)[0]\n",
                               "w.py");
  REQUIRE(co != nullptr);
  CHECK(err ==
        "w.py:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
        "  if x is 1: pass\n"
        "w.py:2: SyntaxWarning: 'tuple' object is not callable; perhaps you missed a comma?\n"
        "  y = (1, 2) (3, 4)\n"
        "w.py:3: SyntaxWarning: list indices must be integers or slices, not str; perhaps you "
        "missed a comma?\n"
        "  z = [1, 2]['a']\n"
        "w.py:4: SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?\n"
        "  w = 5[0]\n"
        "w.py:6: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n"
        "  assert (x, 'msg')\n");
  err.clear();
  compile_module(vm, "x is 'a'\n", "<main>");  // no source line for pseudo-file names
  CHECK(err == "<main>:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n");
}

TEST_SUITE_END();
