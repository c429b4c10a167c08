// Code objects to bytes and back (lang/code_marshal.h), and the frozen modules the build makes
// with it: they must be exactly what the compiler makes of the embedded sources today.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "lang/code_marshal.h"
#include "lang/compiler.h"
#include "lang/vm.h"
#include "modules/module_inits.h"
#include "modules/py_modules.h"
#include "runtime/misc_objects.h"
#include "runtime/numbers.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "run_module_util.h"

using namespace looplab;

namespace {

// Field by field, independently of the byte format: two values are the same constant.
bool same_value(const Value& a, const Value& b);

bool same_code(const CodeObj& a, const CodeObj& b) {
  auto same_strs = [](const std::vector<StrObj*>& x, const std::vector<StrObj*>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); i++)  // interned on both sides: the same objects
      if (x[i] != y[i]) return false;
    return true;
  };
  if (a.code != b.code || a.positions.size() != b.positions.size()) return false;
  for (size_t i = 0; i < a.positions.size(); i++) {
    const SourcePos &p = a.positions[i], &q = b.positions[i];
    if (p.line != q.line || p.end_line != q.end_line || p.col != q.col || p.end_col != q.end_col)
      return false;
  }
  if (a.consts.size() != b.consts.size()) return false;
  for (size_t i = 0; i < a.consts.size(); i++)
    if (!same_value(a.consts[i], b.consts[i])) return false;
  return same_strs(a.names, b.names) && same_strs(a.varnames, b.varnames) &&
         same_strs(a.cellvars, b.cellvars) && same_strs(a.freevars, b.freevars) &&
         a.cell2arg == b.cell2arg && a.argcount == b.argcount &&
         a.posonlyargcount == b.posonlyargcount && a.kwonlyargcount == b.kwonlyargcount &&
         a.flags == b.flags && a.stacksize == b.stacksize && a.blockdepth == b.blockdepth &&
         a.name == b.name && a.qualname == b.qualname && a.firstlineno == b.firstlineno &&
         same_value(a.docstring, b.docstring);
}

bool same_value(const Value& a, const Value& b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
    case Tag::Bool: return a.b == b.b;
    case Tag::Int: return a.i == b.i;
    case Tag::Float: return std::memcmp(&a.f, &b.f, sizeof a.f) == 0;
    case Tag::Obj: break;
    default: return true;
  }
  if (a.o->kind != b.o->kind || a.o->cls != b.o->cls) return false;
  switch (a.o->kind) {
    case Kind::Str: {
      auto *x = static_cast<StrObj*>(a.o), *y = static_cast<StrObj*>(b.o);
      return x->view() == y->view() && x->interned == y->interned && (!x->interned || x == y);
    }
    case Kind::Bytes:
      return static_cast<BytesObj*>(a.o)->view() == static_cast<BytesObj*>(b.o)->view();
    case Kind::BigInt: {
      auto *x = static_cast<BigIntObj*>(a.o), *y = static_cast<BigIntObj*>(b.o);
      return x->negative == y->negative && x->digits == y->digits;
    }
    case Kind::Tuple: {
      auto *x = static_cast<TupleObj*>(a.o), *y = static_cast<TupleObj*>(b.o);
      if (x->size != y->size) return false;
      for (size_t i = 0; i < x->size; i++)
        if (!same_value((*x)[i], (*y)[i])) return false;
      return true;
    }
    case Kind::Code: return same_code(*static_cast<CodeObj*>(a.o), *static_cast<CodeObj*>(b.o));
    default: return a.o == b.o;  // Ellipsis
  }
}

const char* kEveryConstant = R"PY(
"""module docstring"""
import sys
a = (1, -7, 2**70, -(2**70), 123456789012345678901234567890, 0.5, -0.0, 1e300 * 1e300)
b = ("ident", "not an identifier!", "", b"\x00bytes\xff", (None, True, False, ...), ((1,), ()))
c = "é ünïcode ✓"
def outer(x, /, y=2, *args, z, **kw):
    "function docstring"
    def inner():
        nonlocal x
        x += 1
        return x, y, z
    return inner() + (args, sorted(kw))
class K:
    """class docstring"""
    attr = [i * i for i in range(4)]
    async def m(self):
        return lambda q: q + 1
print(a, b, c)
print(outer(1, 3, 4, 5, z=6, w=7), outer.__doc__, K.__doc__, __doc__)
print(K.attr, K.m.__qualname__, "ident" is b[0])
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, sys.exc_info()[0].__name__)
)PY";

}  // namespace

TEST_CASE("marshal: every kind of constant and code field survives the round trip") {
  VM vm;
  CodeObj* co = compile_module(vm, kEveryConstant, "<main>");
  REQUIRE(co);
  std::string bytes = marshal_code(*co);
  REQUIRE(!bytes.empty());
  CodeObj* loaded = unmarshal_code(vm, bytes, co->source);
  REQUIRE(loaded);
  CHECK(same_code(*co, *loaded));
  CHECK(marshal_code(*loaded) == bytes);
  CHECK(disassemble(*loaded) == disassemble(*co));

  std::string expected =
      "(1, -7, 1180591620717411303424, -1180591620717411303424, 123456789012345678901234567890, "
      "0.5, -0.0, inf) ('ident', 'not an identifier!', '', b'\\x00bytes\\xff', (None, True, "
      "False, Ellipsis), ((1,), ())) é ünïcode ✓\n"
      "(2, 3, 6, (4, 5), ['w']) function docstring class docstring module docstring\n"
      "[0, 1, 4, 9] K.m True\n"
      "ZeroDivisionError ZeroDivisionError\n";
  CHECK(run_module_output(vm, co) == expected);
  CHECK(run_module_output(vm, loaded) == expected);
}

TEST_CASE("marshal: a changed field changes the bytes") {
  VM vm;
  CodeObj* co = compile_module(vm, "def f(a, *, b): return a + b\nx = 1.5\n", "<main>");
  REQUIRE(co);
  std::string before = marshal_code(*co);
  co->positions.back().end_col += 1;
  std::string after_position = marshal_code(*co);
  CHECK(after_position != before);
  auto* f = static_cast<CodeObj*>(co->consts[0].o);
  REQUIRE(f->kind == Kind::Code);
  f->kwonlyargcount = 0;
  CHECK(marshal_code(*co) != after_position);
}

TEST_CASE("marshal: malformed bytes fail with RuntimeError, never a crash") {
  VM vm;
  CodeObj* co = compile_module(vm, kEveryConstant, "<main>");
  REQUIRE(co);
  std::string bytes = marshal_code(*co);
  // Every proper prefix is truncated input; a trailing byte is junk.
  int failures = 0;
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 64) {
    if (!unmarshal_code(vm, std::string_view(bytes).substr(0, n), co->source)) {
      failures++;
      Value exc = vm.take_exception();
      CHECK(exc.o->cls == vm.t.RuntimeError);
    }
  }
  int tried = 0;
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 64) tried++;
  CHECK(failures == tried);
  CHECK(unmarshal_code(vm, bytes + "x", co->source) == nullptr);
  vm.take_exception();
  std::string wrong_version = bytes;
  wrong_version[4] = char(99);
  CHECK(unmarshal_code(vm, wrong_version, co->source) == nullptr);
  vm.take_exception();
}

TEST_CASE("frozen modules are what the compiler makes of their embedded sources now") {
  int frozen = 0;
  for (const FrozenModule* m = kFrozenModules; m->name; m++, frozen++) {
    CAPTURE(m->name);
    VM vm;
    const char* src = embedded_module_source(m->name);
    REQUIRE(src);
    CodeObj* co = compile_module(vm, src, std::string("<") + m->name + ">");
    REQUIRE(co);
    std::string_view stored(m->code, m->size);
    CHECK(marshal_code(*co) == stored);
    CodeObj* loaded = unmarshal_code(vm, stored, co->source);
    REQUIRE(loaded);
    CHECK(same_code(*co, *loaded));
  }
  // asyncio and its submodules, contextvars, heapq, sys's struct sequences (core/CMakeLists.txt)
  CHECK(frozen == 16);
}
