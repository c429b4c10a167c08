// Parser: the AST, compared with CPython 3.11's ast.dump() of the same source, and syntax
// errors with CPython's messages and locations (SyntaxError.lineno/offset/end_lineno/end_offset).
#include <doctest/doctest.h>

#include <string>

#include "lang/ast_dump.h"
#include "lang/parser.h"

using namespace looplab;

namespace {

std::string dump(std::string_view src, bool positions = false) {
  SyntaxErrorInfo err;
  auto mod = parse_module(src, &err);
  if (!mod) return "error: " + err.msg;
  return ast_dump(*mod, positions);
}

std::string err(std::string_view src) {
  SyntaxErrorInfo e;
  auto mod = parse_module(src, &e);
  if (mod) return "OK";
  const char* kinds[] = {"SyntaxError", "IndentationError", "TabError", "NotImplementedError"};
  return std::string(kinds[int(e.kind)]) + ": " + e.msg + " @" + std::to_string(e.line) + ":" +
         std::to_string(e.offset) + "-" + std::to_string(e.end_line) + ":" +
         std::to_string(e.end_offset);
}

}  // namespace

TEST_SUITE_BEGIN("parser");

TEST_CASE("assignments") {
  CHECK(dump(R"PY(a = b = c
x, *y = z
obj.attr[i] += 1
n: int = 5
(p): str
)PY") ==
        R"PY(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[Tuple(elts=[Name(id='x', ctx=Store()), Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='z', ctx=Load())), AugAssign(target=Subscript(value=Attribute(value=Name(id='obj', ctx=Load()), attr='attr', ctx=Load()), slice=Name(id='i', ctx=Load()), ctx=Store()), op=Add(), value=Constant(value=1)), AnnAssign(target=Name(id='n', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1), AnnAssign(target=Name(id='p', ctx=Store()), annotation=Name(id='str', ctx=Load()), simple=0)], type_ignores=[]))PY");
}

TEST_CASE("precedence") {
  CHECK(dump(R"PY(-x ** 2 + a * b // c - d @ e << 1 & f | g ^ h
)PY") ==
        R"PY(Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=Constant(value=2))), op=Add(), right=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Mult(), right=Name(id='b', ctx=Load())), op=FloorDiv(), right=Name(id='c', ctx=Load()))), op=Sub(), right=BinOp(left=Name(id='d', ctx=Load()), op=MatMult(), right=Name(id='e', ctx=Load()))), op=LShift(), right=Constant(value=1)), op=BitAnd(), right=Name(id='f', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='g', ctx=Load()), op=BitXor(), right=Name(id='h', ctx=Load()))))], type_ignores=[]))PY");
}

TEST_CASE("comparisons and boolean ops") {
  CHECK(dump(R"PY(a < b <= c != d
x is not y and not p in q or r not in s
)PY") ==
        R"PY(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])), Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Compare(left=Name(id='x', ctx=Load()), ops=[IsNot()], comparators=[Name(id='y', ctx=Load())]), UnaryOp(op=Not(), operand=Compare(left=Name(id='p', ctx=Load()), ops=[In()], comparators=[Name(id='q', ctx=Load())]))]), Compare(left=Name(id='r', ctx=Load()), ops=[NotIn()], comparators=[Name(id='s', ctx=Load())])]))], type_ignores=[]))PY");
}

TEST_CASE("calls") {
  CHECK(dump(R"PY(f(a, *b, c=1, **d)
g(x for x in y)
obj.m()[1:2, ::3]
)PY") ==
        R"PY(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))])), Expr(value=Call(func=Name(id='g', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])), Expr(value=Subscript(value=Call(func=Attribute(value=Name(id='obj', ctx=Load()), attr='m', ctx=Load()), args=[], keywords=[]), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[]))PY");
}

TEST_CASE("displays and comprehensions") {
  CHECK(dump(R"PY([1, *a]
{1: 2, **b}
{x, y}
{k: v for k, v in it if k}
[i async for i in g]
)PY") ==
        R"PY(Module(body=[Expr(value=List(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load())), Expr(value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), Name(id='b', ctx=Load())])), Expr(value=Set(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='it', ctx=Load()), ifs=[Name(id='k', ctx=Load())], is_async=0)])), Expr(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='g', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[]))PY");
}

TEST_CASE("lambda, ternary, walrus") {
  CHECK(dump(R"PY(f = lambda a, b=1, *c, d, **e: a if b else c
if (n := len(a)) > 10: pass
)PY") ==
        R"PY(Module(body=[Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], kw_defaults=[None], kwarg=arg(arg='e'), defaults=[Constant(value=1)]), body=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))), If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[]))PY");
}

TEST_CASE("functions and classes") {
  CHECK(dump(R"PY(@dec
async def f(a, /, b, *, c=2) -> int:
    return await g()
class C(B, metaclass=M):
    x: int
)PY") ==
        R"PY(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[Constant(value=2)], defaults=[]), body=[Return(value=Await(value=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[])))], decorator_list=[Name(id='dec', ctx=Load())], returns=Name(id='int', ctx=Load())), ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], decorator_list=[])], type_ignores=[]))PY");
}

TEST_CASE("control flow") {
  CHECK(dump(R"PY(for i in range(3):
    continue
else:
    pass
while x:
    break
)PY") ==
        R"PY(Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), body=[Continue()], orelse=[Pass()]), While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[])], type_ignores=[]))PY");
}

TEST_CASE("try and with") {
  CHECK(dump(R"PY(try:
    pass
except (A, B) as e:
    raise X from e
else:
    pass
finally:
    pass
with open(f) as g, h:
    pass
)PY") ==
        R"PY(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='e', ctx=Load()))])], orelse=[Pass()], finalbody=[Pass()]), With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store())), withitem(context_expr=Name(id='h', ctx=Load()))], body=[Pass()])], type_ignores=[]))PY");
}

TEST_CASE("imports, del, assert, global") {
  CHECK(dump(R"PY(import a.b as c
from m import x as y, z
from . import w
del a[0], b.c
assert x, 'm'
global q
)PY") ==
        R"PY(Module(body=[Import(names=[alias(name='a.b', asname='c')]), ImportFrom(module='m', names=[alias(name='x', asname='y'), alias(name='z')], level=0), ImportFrom(names=[alias(name='w')], level=1), Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del())]), Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m')), Global(names=['q'])], type_ignores=[]))PY");
}

TEST_CASE("yield") {
  CHECK(dump(R"PY(def g():
    x = yield 1
    yield from h()
)PY") ==
        R"PY(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Constant(value=1))), Expr(value=YieldFrom(value=Call(func=Name(id='h', ctx=Load()), args=[], keywords=[])))], decorator_list=[])], type_ignores=[]))PY");
}

TEST_CASE("f-strings") {
  CHECK(dump(R"PY(f'a{b!r:>{w}} {c=}' 'd'
)PY") ==
        R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' c='), FormattedValue(value=Name(id='c', ctx=Load()), conversion=114), Constant(value='d')]))], type_ignores=[]))PY");
}

TEST_CASE("strings") {
  CHECK(dump(R"PY('a\x41\u00e9' "b" u'c'
b'\x00' rb'\n'
)PY") ==
        R"PY(Module(body=[Expr(value=Constant(value='aAébc')), Expr(value=Constant(value=b'\x00\\n'))], type_ignores=[]))PY");
}

TEST_CASE("numbers") {
  CHECK(dump(R"PY(1_000, 0xff, 1.5e3, 99999999999999999999
)PY") ==
        R"PY(Module(body=[Expr(value=Tuple(elts=[Constant(value=1000), Constant(value=255), Constant(value=1500.0), Constant(value=99999999999999999999)], ctx=Load()))], type_ignores=[]))PY");
}

TEST_CASE("positions follow CPython: operands in parentheses widen the node") {
  CHECK(dump("(a + b) ** 2\n", true) ==
        "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load(), lineno=1, "
        "col_offset=1, end_lineno=1, end_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), "
        "lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), lineno=1, col_offset=1, "
        "end_lineno=1, end_col_offset=6), op=Pow(), right=Constant(value=2, lineno=1, "
        "col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, "
        "end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], "
        "type_ignores=[])");
}

TEST_CASE("f-string expressions carry their real source positions") {
  CHECK(dump("x = f'{a}'\n", true) ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
        "end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[FormattedValue(value=Name("
        "id='a', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), "
        "conversion=-1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=10)], lineno=1, "
        "col_offset=4, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, "
        "end_col_offset=10)], type_ignores=[])");
}

TEST_CASE("syntax errors: CPython 3.11's messages and locations") {
  CHECK(err("if x\n  pass") ==
        "SyntaxError: expected ':' @1:5-1:5");
  CHECK(err("def f() x:\n  pass") ==
        "SyntaxError: expected ':' @1:9-1:10");
  CHECK(err("if x:\npass\n") ==
        "IndentationError: expected an indented block after 'if' statement on line 1 @2:1-2:5");
  CHECK(err("def f():\npass") ==
        "IndentationError: expected an indented block after function definition on line 1 @2:1-2:5");
  CHECK(err("  x\n") ==
        "IndentationError: unexpected indent @1:2-1:-1");
  CHECK(err("f(a b)") ==
        "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:3-1:6");
  CHECK(err("x = [1, 2 3]") ==
        "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:9-1:12");
  CHECK(err("print 'x'") ==
        "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1-1:10");
  CHECK(err("f() = 1") ==
        "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1-1:4");
  CHECK(err("a + 1 = 2") ==
        "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1-1:6");
  CHECK(err("if x = 1:\n  pass") ==
        "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:4-1:9");
  CHECK(err("for f() in x: pass") ==
        "SyntaxError: cannot assign to function call @1:5-1:8");
  CHECK(err("del f()") ==
        "SyntaxError: cannot delete function call @1:5-1:8");
  CHECK(err("(a, b) += 1") ==
        "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1-1:7");
  CHECK(err("x: int, y = 1") ==
        "SyntaxError: invalid syntax @1:7-1:8");
  CHECK(err("f(a=1, b)") ==
        "SyntaxError: positional argument follows keyword argument @1:9-1:10");
  CHECK(err("f(**a, b)") ==
        "SyntaxError: positional argument follows keyword argument unpacking @1:9-1:10");
  CHECK(err("f(1, x for x in y)") ==
        "SyntaxError: Generator expression must be parenthesized @1:6-1:18");
  CHECK(err("def f(a=1, b): pass") ==
        "SyntaxError: non-default argument follows default argument @1:12-1:13");
  CHECK(err("def f(*): pass") ==
        "SyntaxError: named arguments must follow bare * @1:7-1:8");
  CHECK(err("x = (1 if 2)") ==
        "SyntaxError: expected 'else' after 'if' expression @1:6-1:12");
  CHECK(err("x = 1 +") ==
        "SyntaxError: invalid syntax @1:8-1:8");
  CHECK(err("try:\n  x\ny=1\n") ==
        "SyntaxError: expected 'except' or 'finally' block @3:1-3:2");
  CHECK(err("x = = 1\ns = 'abc") ==
        "SyntaxError: unterminated string literal (detected at line 2) @2:5-2:5");
  CHECK(err("x = [1, 2\ny = 3") ==
        "SyntaxError: '[' was never closed @1:5-1:0");
  CHECK(err("x = (1,\ny = 2\n") ==
        "SyntaxError: '(' was never closed @1:5-1:0");
  CHECK(err("f'{}'") ==
        "SyntaxError: f-string: empty expression not allowed @1:6-1:6");
  CHECK(err("f'{a b}'") ==
        "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @1:2-1:5");
  CHECK(err("f'}'") ==
        "SyntaxError: f-string: single '}' is not allowed @1:5-1:5");
  CHECK(err("f'{a!x}'") ==
        "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @1:9-1:9");
  CHECK(err("'\\x1'") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape @1:6-1:6");
  CHECK(err("b'\xc3\xa9'") ==
        "SyntaxError: bytes can only contain ASCII literal characters @1:1-1:5");
  CHECK(err("x = f'{1}' 'a' b'c'") ==
        "SyntaxError: cannot mix bytes and nonbytes literals @1:20-1:20");
  CHECK(err("None = 1") ==
        "SyntaxError: cannot assign to None @1:1-1:5");
  CHECK(err("with a as f(): pass") ==
        "SyntaxError: cannot assign to function call @1:11-1:14");
  CHECK(err("x = a if b else c = 3") ==
        "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:1-1:6");
  CHECK(err("class A(x for x in y): pass") ==
        "SyntaxError: invalid syntax @1:11-1:14");
  CHECK(err("from x import a, b,") ==
        "SyntaxError: trailing comma not allowed without surrounding parentheses @1:20-1:20");
  CHECK(err("\tif x:\n\t\ta\n        b\n") ==
        "IndentationError: unexpected indent @1:1-1:-1");
}

TEST_CASE("unsupported features are NotImplementedError naming the feature and line") {
  CHECK(err("x = 1\ny = 2j\n") == "NotImplementedError: complex numbers are not supported "
                                  "(line 2) @2:0-0:0");
  CHECK(err("match x:\n    case 1:\n        pass\n") ==
        "NotImplementedError: the match statement is not supported (line 1) @1:0-0:0");
  CHECK(err("match = 1\nmatch(x)\n") == "OK");
}

TEST_SUITE_END();
