// The abstract syntax tree: CPython 3.11's `ast` module node types, field for field (names and
// meaning as in Parser/Python.asdl), so a dump of ours can be compared with `ast.dump`.
// Nodes live in an Arena and are freed together; the tree holds plain pointers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace looplab::ast {

// A node's source range: 1-based lines, 0-based UTF-8 byte columns (CPython's lineno,
// col_offset, end_lineno, end_col_offset).
struct Pos {
  int32_t line = 0, col = 0, end_line = 0, end_col = 0;
};

struct Node {
  Pos pos;
  virtual ~Node() = default;
};

class Arena {
 public:
  template <class T, class... Args>
  T* make(Args&&... args) {
    auto p = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = p.get();
    nodes_.push_back(std::move(p));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

enum class Ctx : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
// CPython's ast order (Add, Sub, Mult, ...); the compiler maps these to BinOp.
enum class Operator : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---- expressions ----------------------------------------------------------------------------

enum class EK : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr : Node {
  const EK kind;
  bool parenthesized = false;  // written in parentheses (a group): matters for some errors
  explicit Expr(EK k) : kind(k) {}
};

template <class T>
T* as(Expr* e) {
  return e && e->kind == T::K ? static_cast<T*>(e) : nullptr;
}

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr {
  static constexpr EK K = EK::BoolOp;
  BoolOpKind op = BoolOpKind::And;
  std::vector<Expr*> values;
  BoolOp() : Expr(K) {}
};
struct NamedExpr : Expr {
  static constexpr EK K = EK::NamedExpr;
  Expr* target = nullptr;  // a Name
  Expr* value = nullptr;
  NamedExpr() : Expr(K) {}
};
struct BinOp : Expr {
  static constexpr EK K = EK::BinOp;
  Expr* left = nullptr;
  Operator op = Operator::Add;
  Expr* right = nullptr;
  BinOp() : Expr(K) {}
};
struct UnaryOp : Expr {
  static constexpr EK K = EK::UnaryOp;
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
  UnaryOp() : Expr(K) {}
};
struct Lambda : Expr {
  static constexpr EK K = EK::Lambda;
  Arguments* args = nullptr;
  Expr* body = nullptr;
  Lambda() : Expr(K) {}
};
struct IfExp : Expr {
  static constexpr EK K = EK::IfExp;
  Expr *test = nullptr, *body = nullptr, *orelse = nullptr;
  IfExp() : Expr(K) {}
};
struct Dict : Expr {
  static constexpr EK K = EK::Dict;
  std::vector<Expr*> keys;  // nullptr key: `**value` unpacking
  std::vector<Expr*> values;
  Dict() : Expr(K) {}
};
struct Set : Expr {
  static constexpr EK K = EK::Set;
  std::vector<Expr*> elts;
  Set() : Expr(K) {}
};
// ListComp, SetComp, GeneratorExp share a shape; DictComp adds a value.
struct Comp : Expr {
  Expr* elt = nullptr;    // the key for DictComp
  Expr* value = nullptr;  // DictComp only
  std::vector<Comprehension*> generators;
  explicit Comp(EK k) : Expr(k) {}
};
struct Await : Expr {
  static constexpr EK K = EK::Await;
  Expr* value = nullptr;
  Await() : Expr(K) {}
};
struct Yield : Expr {
  static constexpr EK K = EK::Yield;
  Expr* value = nullptr;  // may be null
  Yield() : Expr(K) {}
};
struct YieldFrom : Expr {
  static constexpr EK K = EK::YieldFrom;
  Expr* value = nullptr;
  YieldFrom() : Expr(K) {}
};
struct Compare : Expr {
  static constexpr EK K = EK::Compare;
  Expr* left = nullptr;
  std::vector<CmpOp> ops;
  std::vector<Expr*> comparators;
  Compare() : Expr(K) {}
};
struct Call : Expr {
  static constexpr EK K = EK::Call;
  Expr* func = nullptr;
  std::vector<Expr*> args;  // positional, and Starred for *args
  std::vector<Keyword*> keywords;
  Call() : Expr(K) {}
};
struct FormattedValue : Expr {
  static constexpr EK K = EK::FormattedValue;
  Expr* value = nullptr;
  int conversion = -1;         // -1, or 's', 'r', 'a'
  Expr* format_spec = nullptr; // a JoinedStr or null
  FormattedValue() : Expr(K) {}
};
struct JoinedStr : Expr {
  static constexpr EK K = EK::JoinedStr;
  std::vector<Expr*> values;  // Constant strings and FormattedValues
  JoinedStr() : Expr(K) {}
};

// A literal value. Integers beyond int64 keep their digits for the runtime to convert.
struct ConstValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Imag, Str, Bytes };
  Kind kind = Kind::None;
  int64_t i = 0;
  double f = 0;     // Float, Imag
  std::string s;    // Str (UTF-8), Bytes, BigInt digits (no prefix, no underscores)
  int base = 10;    // BigInt
};

struct Constant : Expr {
  static constexpr EK K = EK::Constant;
  ConstValue value;
  bool u_prefix = false;  // CPython's kind='u'
  Constant() : Expr(K) {}
};
struct Attribute : Expr {
  static constexpr EK K = EK::Attribute;
  Expr* value = nullptr;
  std::string attr;
  Ctx ctx = Ctx::Load;
  Attribute() : Expr(K) {}
};
struct Subscript : Expr {
  static constexpr EK K = EK::Subscript;
  Expr* value = nullptr;
  Expr* slice = nullptr;
  Ctx ctx = Ctx::Load;
  Subscript() : Expr(K) {}
};
struct Starred : Expr {
  static constexpr EK K = EK::Starred;
  Expr* value = nullptr;
  Ctx ctx = Ctx::Load;
  Starred() : Expr(K) {}
};
struct Name : Expr {
  static constexpr EK K = EK::Name;
  std::string id;
  Ctx ctx = Ctx::Load;
  Name() : Expr(K) {}
};
// List and Tuple share a shape.
struct Seq : Expr {
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
  explicit Seq(EK k) : Expr(k) {}
};
struct Slice : Expr {
  static constexpr EK K = EK::Slice;
  Expr *lower = nullptr, *upper = nullptr, *step = nullptr;
  Slice() : Expr(K) {}
};

inline bool is_comp(const Expr* e) {
  return e->kind == EK::ListComp || e->kind == EK::SetComp || e->kind == EK::DictComp ||
         e->kind == EK::GeneratorExp;
}
inline bool is_seq(const Expr* e) { return e->kind == EK::List || e->kind == EK::Tuple; }

// ---- helper nodes ---------------------------------------------------------------------------

struct Comprehension : Node {  // no position in CPython
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool is_async = false;
};

struct Arg : Node {
  std::string arg;
  Expr* annotation = nullptr;
};

struct Arguments : Node {  // no position in CPython
  std::vector<Arg*> posonlyargs, args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  std::vector<Expr*> kw_defaults;  // one per kwonlyarg; nullptr when it has none
  Arg* kwarg = nullptr;
  std::vector<Expr*> defaults;     // for the last len(defaults) of posonlyargs + args
};

struct Keyword : Node {
  std::string arg;  // empty for `**value`
  bool has_arg = false;
  Expr* value = nullptr;
};

struct Alias : Node {
  std::string name;    // dotted, or "*"
  std::string asname;  // empty when absent
};

struct WithItem : Node {  // no position in CPython
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};

struct Stmt;
struct ExceptHandler : Node {
  Expr* type = nullptr;
  std::string name;  // empty when absent
  std::vector<Stmt*> body;
};

// ---- statements -----------------------------------------------------------------------------

enum class SK : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar, Assert, Import, ImportFrom, Global,
  Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt : Node {
  const SK kind;
  explicit Stmt(SK k) : kind(k) {}
};

template <class T>
T* as(Stmt* s) {
  return s && s->kind == T::K ? static_cast<T*>(s) : nullptr;
}

// FunctionDef and AsyncFunctionDef.
struct FunctionDef : Stmt {
  std::string name;
  Arguments* args = nullptr;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;
  explicit FunctionDef(SK k) : Stmt(k) {}
};
struct ClassDef : Stmt {
  static constexpr SK K = SK::ClassDef;
  std::string name;
  std::vector<Expr*> bases;
  std::vector<Keyword*> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  ClassDef() : Stmt(K) {}
};
struct Return : Stmt {
  static constexpr SK K = SK::Return;
  Expr* value = nullptr;
  Return() : Stmt(K) {}
};
struct Delete : Stmt {
  static constexpr SK K = SK::Delete;
  std::vector<Expr*> targets;
  Delete() : Stmt(K) {}
};
struct Assign : Stmt {
  static constexpr SK K = SK::Assign;
  std::vector<Expr*> targets;
  Expr* value = nullptr;
  Assign() : Stmt(K) {}
};
struct AugAssign : Stmt {
  static constexpr SK K = SK::AugAssign;
  Expr* target = nullptr;
  Operator op = Operator::Add;
  Expr* value = nullptr;
  AugAssign() : Stmt(K) {}
};
struct AnnAssign : Stmt {
  static constexpr SK K = SK::AnnAssign;
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;
  bool simple = false;  // a plain name, not parenthesized
  AnnAssign() : Stmt(K) {}
};
// For and AsyncFor.
struct For : Stmt {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Stmt*> body, orelse;
  explicit For(SK k) : Stmt(k) {}
};
struct While : Stmt {
  static constexpr SK K = SK::While;
  Expr* test = nullptr;
  std::vector<Stmt*> body, orelse;
  While() : Stmt(K) {}
};
struct If : Stmt {
  static constexpr SK K = SK::If;
  Expr* test = nullptr;
  std::vector<Stmt*> body, orelse;
  If() : Stmt(K) {}
};
// With and AsyncWith.
struct With : Stmt {
  std::vector<WithItem*> items;
  std::vector<Stmt*> body;
  explicit With(SK k) : Stmt(k) {}
};
struct Raise : Stmt {
  static constexpr SK K = SK::Raise;
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  Raise() : Stmt(K) {}
};
// Try and TryStar.
struct Try : Stmt {
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse, finalbody;
  explicit Try(SK k) : Stmt(k) {}
};
struct Assert : Stmt {
  static constexpr SK K = SK::Assert;
  Expr* test = nullptr;
  Expr* msg = nullptr;
  Assert() : Stmt(K) {}
};
struct Import : Stmt {
  static constexpr SK K = SK::Import;
  std::vector<Alias*> names;
  Import() : Stmt(K) {}
};
struct ImportFrom : Stmt {
  static constexpr SK K = SK::ImportFrom;
  std::string module;  // empty for `from . import x`
  std::vector<Alias*> names;
  int level = 0;
  ImportFrom() : Stmt(K) {}
};
// Global and Nonlocal.
struct NameList : Stmt {
  std::vector<std::string> names;
  explicit NameList(SK k) : Stmt(k) {}
};
struct ExprStmt : Stmt {
  static constexpr SK K = SK::Expr;
  Expr* value = nullptr;
  ExprStmt() : Stmt(K) {}
};
// Pass, Break, Continue.
struct Simple : Stmt {
  explicit Simple(SK k) : Stmt(k) {}
};

struct Module {
  Arena arena;
  std::vector<Stmt*> body;
};

}  // namespace looplab::ast
