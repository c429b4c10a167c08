// ast.dump() for our AST. Optional fields that are None are left out, as CPython 3.11 does.
#include "lang/ast_dump.h"

#include "runtime/unicode_db.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace looplab {

using namespace ast;

namespace {

uint32_t decode_cp(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  if (c < 0x80) {
    i++;
    return c;
  }
  int n = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : 3;
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n && i + k < s.size(); k++) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += n + 1;
  return cp;
}

bool printable(uint32_t cp) { return unicode::is_printable(cp); }

const char* operator_name(Operator op) {
  static const char* names[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                "BitXor", "BitAnd", "FloorDiv"};
  return names[int(op)];
}

const char* cmp_name(CmpOp op) {
  static const char* names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                "GtE", "Is", "IsNot", "In", "NotIn"};
  return names[int(op)];
}

const char* ctx_name(Ctx c) { return c == Ctx::Load ? "Load()" : c == Ctx::Store ? "Store()" : "Del()"; }

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out;

  void expr(const Expr* e);
  void stmt(const Stmt* s);

  template <class T, class F>
  void list(const std::vector<T>& v, F f) {
    out += "[";
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      f(v[i]);
    }
    out += "]";
  }
  void exprs(const std::vector<Expr*>& v) {
    list(v, [this](const Expr* e) { e ? expr(e) : void(out += "None"); });
  }
  void stmts(const std::vector<Stmt*>& v) {
    list(v, [this](const Stmt* s) { stmt(s); });
  }
  void str(const std::string& s) { out += py_repr_str(s); }
  void pos(const Node* n) {
    if (!attrs_) return;
    char buf[96];
    std::snprintf(buf, sizeof buf, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                  n->pos.line, n->pos.col, n->pos.end_line, n->pos.end_col);
    sep();
    out += buf;
  }
  // ", " between fields, none right after the opening parenthesis.
  void sep() {
    if (out.back() != '(') out += ", ";
  }
  void opt_expr(const char* name, const Expr* e) {
    if (!e) return;
    sep();
    out += name;
    out += "=";
    expr(e);
  }
  void arg(const Arg* a) {
    out += "arg(arg=";
    str(a->arg);
    opt_expr("annotation", a->annotation);
    pos(a);
    out += ")";
  }
  void arguments(const Arguments* a) {
    out += "arguments(posonlyargs=";
    list(a->posonlyargs, [this](const Arg* x) { arg(x); });
    out += ", args=";
    list(a->args, [this](const Arg* x) { arg(x); });
    if (a->vararg) {
      out += ", vararg=";
      arg(a->vararg);
    }
    out += ", kwonlyargs=";
    list(a->kwonlyargs, [this](const Arg* x) { arg(x); });
    out += ", kw_defaults=";
    exprs(a->kw_defaults);
    if (a->kwarg) {
      out += ", kwarg=";
      arg(a->kwarg);
    }
    out += ", defaults=";
    exprs(a->defaults);
    out += ")";
  }
  void keyword(const Keyword* k) {
    out += "keyword(";
    if (k->has_arg) {
      out += "arg=";
      str(k->arg);
      out += ", ";
    }
    out += "value=";
    expr(k->value);
    pos(k);
    out += ")";
  }
  void comprehension(const Comprehension* c) {
    out += "comprehension(target=";
    expr(c->target);
    out += ", iter=";
    expr(c->iter);
    out += ", ifs=";
    exprs(c->ifs);
    out += c->is_async ? ", is_async=1)" : ", is_async=0)";
  }
  void constant(const Constant* c) {
    const ConstValue& v = c->value;
    switch (v.kind) {
      case ConstValue::Kind::None: out += "None"; break;
      case ConstValue::Kind::True: out += "True"; break;
      case ConstValue::Kind::False: out += "False"; break;
      case ConstValue::Kind::Ellipsis: out += "Ellipsis"; break;
      case ConstValue::Kind::Int: out += std::to_string(v.i); break;
      case ConstValue::Kind::BigInt: out += digits_to_decimal(v.s, v.base); break;
      case ConstValue::Kind::Float: out += py_repr_float(v.f); break;
      case ConstValue::Kind::Imag: out += py_repr_float(v.f) + "j"; break;
      case ConstValue::Kind::Str: str(v.s); break;
      case ConstValue::Kind::Bytes: out += py_repr_bytes(v.s); break;
    }
  }

 private:
  bool attrs_;
};

void Dumper::expr(const Expr* e) {
  switch (e->kind) {
    case EK::BoolOp: {
      auto* b = static_cast<const BoolOp*>(e);
      out += b->op == BoolOpKind::And ? "BoolOp(op=And(), values=" : "BoolOp(op=Or(), values=";
      exprs(b->values);
      break;
    }
    case EK::NamedExpr: {
      auto* n = static_cast<const NamedExpr*>(e);
      out += "NamedExpr(target=";
      expr(n->target);
      out += ", value=";
      expr(n->value);
      break;
    }
    case EK::BinOp: {
      auto* b = static_cast<const BinOp*>(e);
      out += "BinOp(left=";
      expr(b->left);
      out += ", op=";
      out += operator_name(b->op);
      out += "(), right=";
      expr(b->right);
      break;
    }
    case EK::UnaryOp: {
      auto* u = static_cast<const UnaryOp*>(e);
      static const char* names[] = {"Invert", "Not", "UAdd", "USub"};
      out += "UnaryOp(op=";
      out += names[int(u->op)];
      out += "(), operand=";
      expr(u->operand);
      break;
    }
    case EK::Lambda: {
      auto* l = static_cast<const Lambda*>(e);
      out += "Lambda(args=";
      arguments(l->args);
      out += ", body=";
      expr(l->body);
      break;
    }
    case EK::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      out += "IfExp(test=";
      expr(i->test);
      out += ", body=";
      expr(i->body);
      out += ", orelse=";
      expr(i->orelse);
      break;
    }
    case EK::Dict: {
      auto* d = static_cast<const Dict*>(e);
      out += "Dict(keys=";
      exprs(d->keys);
      out += ", values=";
      exprs(d->values);
      break;
    }
    case EK::Set:
      out += "Set(elts=";
      exprs(static_cast<const ast::Set*>(e)->elts);
      break;
    case EK::ListComp:
    case EK::SetComp:
    case EK::GeneratorExp: {
      auto* c = static_cast<const Comp*>(e);
      out += e->kind == EK::ListComp  ? "ListComp(elt="
             : e->kind == EK::SetComp ? "SetComp(elt="
                                      : "GeneratorExp(elt=";
      expr(c->elt);
      out += ", generators=";
      list(c->generators, [this](const Comprehension* x) { comprehension(x); });
      break;
    }
    case EK::DictComp: {
      auto* c = static_cast<const Comp*>(e);
      out += "DictComp(key=";
      expr(c->elt);
      out += ", value=";
      expr(c->value);
      out += ", generators=";
      list(c->generators, [this](const Comprehension* x) { comprehension(x); });
      break;
    }
    case EK::Await:
      out += "Await(value=";
      expr(static_cast<const Await*>(e)->value);
      break;
    case EK::Yield:
      out += "Yield(";
      opt_expr("value", static_cast<const Yield*>(e)->value);
      break;
    case EK::YieldFrom:
      out += "YieldFrom(value=";
      expr(static_cast<const YieldFrom*>(e)->value);
      break;
    case EK::Compare: {
      auto* c = static_cast<const Compare*>(e);
      out += "Compare(left=";
      expr(c->left);
      out += ", ops=";
      list(c->ops, [this](CmpOp op) {
        out += cmp_name(op);
        out += "()";
      });
      out += ", comparators=";
      exprs(c->comparators);
      break;
    }
    case EK::Call: {
      auto* c = static_cast<const Call*>(e);
      out += "Call(func=";
      expr(c->func);
      out += ", args=";
      exprs(c->args);
      out += ", keywords=";
      list(c->keywords, [this](const Keyword* k) { keyword(k); });
      break;
    }
    case EK::FormattedValue: {
      auto* f = static_cast<const FormattedValue*>(e);
      out += "FormattedValue(value=";
      expr(f->value);
      out += ", conversion=" + std::to_string(f->conversion);
      opt_expr("format_spec", f->format_spec);
      break;
    }
    case EK::JoinedStr:
      out += "JoinedStr(values=";
      exprs(static_cast<const JoinedStr*>(e)->values);
      break;
    case EK::Constant: {
      auto* c = static_cast<const Constant*>(e);
      out += "Constant(value=";
      constant(c);
      if (c->u_prefix) out += ", kind='u'";
      break;
    }
    case EK::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      out += "Attribute(value=";
      expr(a->value);
      out += ", attr=";
      str(a->attr);
      out += ", ctx=";
      out += ctx_name(a->ctx);
      break;
    }
    case EK::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      out += "Subscript(value=";
      expr(s->value);
      out += ", slice=";
      expr(s->slice);
      out += ", ctx=";
      out += ctx_name(s->ctx);
      break;
    }
    case EK::Starred: {
      auto* s = static_cast<const Starred*>(e);
      out += "Starred(value=";
      expr(s->value);
      out += ", ctx=";
      out += ctx_name(s->ctx);
      break;
    }
    case EK::Name: {
      auto* n = static_cast<const Name*>(e);
      out += "Name(id=";
      str(n->id);
      out += ", ctx=";
      out += ctx_name(n->ctx);
      break;
    }
    case EK::List:
    case EK::Tuple: {
      auto* s = static_cast<const Seq*>(e);
      out += e->kind == EK::List ? "List(elts=" : "Tuple(elts=";
      exprs(s->elts);
      out += ", ctx=";
      out += ctx_name(s->ctx);
      break;
    }
    case EK::Slice: {
      auto* s = static_cast<const Slice*>(e);
      out += "Slice(";
      opt_expr("lower", s->lower);
      opt_expr("upper", s->upper);
      opt_expr("step", s->step);
      break;
    }
  }
  pos(e);
  out += ")";
}

void Dumper::stmt(const Stmt* s) {
  switch (s->kind) {
    case SK::FunctionDef:
    case SK::AsyncFunctionDef: {
      auto* f = static_cast<const FunctionDef*>(s);
      out += s->kind == SK::FunctionDef ? "FunctionDef(name=" : "AsyncFunctionDef(name=";
      str(f->name);
      out += ", args=";
      arguments(f->args);
      out += ", body=";
      stmts(f->body);
      out += ", decorator_list=";
      exprs(f->decorator_list);
      opt_expr("returns", f->returns);
      break;
    }
    case SK::ClassDef: {
      auto* c = static_cast<const ClassDef*>(s);
      out += "ClassDef(name=";
      str(c->name);
      out += ", bases=";
      exprs(c->bases);
      out += ", keywords=";
      list(c->keywords, [this](const Keyword* k) { keyword(k); });
      out += ", body=";
      stmts(c->body);
      out += ", decorator_list=";
      exprs(c->decorator_list);
      break;
    }
    case SK::Return:
      out += "Return(";
      opt_expr("value", static_cast<const Return*>(s)->value);
      break;
    case SK::Delete:
      out += "Delete(targets=";
      exprs(static_cast<const Delete*>(s)->targets);
      break;
    case SK::Assign: {
      auto* a = static_cast<const Assign*>(s);
      out += "Assign(targets=";
      exprs(a->targets);
      out += ", value=";
      expr(a->value);
      break;
    }
    case SK::AugAssign: {
      auto* a = static_cast<const AugAssign*>(s);
      out += "AugAssign(target=";
      expr(a->target);
      out += ", op=";
      out += operator_name(a->op);
      out += "(), value=";
      expr(a->value);
      break;
    }
    case SK::AnnAssign: {
      auto* a = static_cast<const AnnAssign*>(s);
      out += "AnnAssign(target=";
      expr(a->target);
      out += ", annotation=";
      expr(a->annotation);
      opt_expr("value", a->value);
      out += a->simple ? ", simple=1" : ", simple=0";
      break;
    }
    case SK::For:
    case SK::AsyncFor: {
      auto* f = static_cast<const For*>(s);
      out += s->kind == SK::For ? "For(target=" : "AsyncFor(target=";
      expr(f->target);
      out += ", iter=";
      expr(f->iter);
      out += ", body=";
      stmts(f->body);
      out += ", orelse=";
      stmts(f->orelse);
      break;
    }
    case SK::While: {
      auto* w = static_cast<const While*>(s);
      out += "While(test=";
      expr(w->test);
      out += ", body=";
      stmts(w->body);
      out += ", orelse=";
      stmts(w->orelse);
      break;
    }
    case SK::If: {
      auto* i = static_cast<const If*>(s);
      out += "If(test=";
      expr(i->test);
      out += ", body=";
      stmts(i->body);
      out += ", orelse=";
      stmts(i->orelse);
      break;
    }
    case SK::With:
    case SK::AsyncWith: {
      auto* w = static_cast<const With*>(s);
      out += s->kind == SK::With ? "With(items=" : "AsyncWith(items=";
      list(w->items, [this](const WithItem* it) {
        out += "withitem(context_expr=";
        expr(it->context_expr);
        opt_expr("optional_vars", it->optional_vars);
        out += ")";
      });
      out += ", body=";
      stmts(w->body);
      break;
    }
    case SK::Raise: {
      auto* r = static_cast<const Raise*>(s);
      out += "Raise(";
      opt_expr("exc", r->exc);
      opt_expr("cause", r->cause);
      break;
    }
    case SK::Try:
    case SK::TryStar: {
      auto* t = static_cast<const Try*>(s);
      out += s->kind == SK::Try ? "Try(body=" : "TryStar(body=";
      stmts(t->body);
      out += ", handlers=";
      list(t->handlers, [this](const ExceptHandler* h) {
        out += "ExceptHandler(";
        if (h->type) {
          out += "type=";
          expr(h->type);
          out += ", ";
        }
        if (!h->name.empty()) {
          out += "name=";
          str(h->name);
          out += ", ";
        }
        out += "body=";
        stmts(h->body);
        pos(h);
        out += ")";
      });
      out += ", orelse=";
      stmts(t->orelse);
      out += ", finalbody=";
      stmts(t->finalbody);
      break;
    }
    case SK::Assert: {
      auto* a = static_cast<const Assert*>(s);
      out += "Assert(test=";
      expr(a->test);
      opt_expr("msg", a->msg);
      break;
    }
    case SK::Import:
    case SK::ImportFrom: {
      std::vector<Alias*> names;
      if (s->kind == SK::Import) {
        out += "Import(names=";
        names = static_cast<const Import*>(s)->names;
      } else {
        auto* f = static_cast<const ImportFrom*>(s);
        out += "ImportFrom(";
        if (!f->module.empty()) {
          out += "module=";
          str(f->module);
          out += ", ";
        }
        out += "names=";
        names = f->names;
      }
      list(names, [this](const Alias* a) {
        out += "alias(name=";
        str(a->name);
        if (!a->asname.empty()) {
          out += ", asname=";
          str(a->asname);
        }
        pos(a);
        out += ")";
      });
      if (s->kind == SK::ImportFrom)
        out += ", level=" + std::to_string(static_cast<const ImportFrom*>(s)->level);
      break;
    }
    case SK::Global:
    case SK::Nonlocal: {
      out += s->kind == SK::Global ? "Global(names=" : "Nonlocal(names=";
      list(static_cast<const NameList*>(s)->names, [this](const std::string& n) { str(n); });
      break;
    }
    case SK::Expr:
      out += "Expr(value=";
      expr(static_cast<const ExprStmt*>(s)->value);
      break;
    case SK::Pass:
    case SK::Break:
    case SK::Continue: {
      out += s->kind == SK::Pass ? "Pass(" : s->kind == SK::Break ? "Break(" : "Continue(";
      break;
    }
  }
  pos(s);
  out += ")";
}

}  // namespace

std::string py_repr_str(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out(1, q);
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = decode_cp(s, i);
    char buf[16];
    if (cp == uint32_t(q) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (!printable(cp)) {
      if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    } else if (cp < 0x80) {
      out += char(cp);
    } else {
      std::string enc;
      if (cp < 0x800) {
        enc += char(0xC0 | (cp >> 6));
        enc += char(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        enc += char(0xE0 | (cp >> 12));
        enc += char(0x80 | ((cp >> 6) & 0x3F));
        enc += char(0x80 | (cp & 0x3F));
      } else {
        enc += char(0xF0 | (cp >> 18));
        enc += char(0x80 | ((cp >> 12) & 0x3F));
        enc += char(0x80 | ((cp >> 6) & 0x3F));
        enc += char(0x80 | (cp & 0x3F));
      }
      out += enc;
    }
  }
  out += q;
  return out;
}

std::string py_repr_bytes(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    char buf[8];
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  out += q;
  return out;
}

// float.__repr__: the shortest digits that round-trip, in Python's layout (no std::to_chars:
// the wasm libc++ lacks it for floating point).
std::string py_repr_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  int prec = 1;
  for (; prec <= 17; prec++) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // buf is d.ddde[+-]XX: split into digits and exponent.
  std::string s(buf);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; i++)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exp < -4 || exp >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (exp < 0) {
    out = "0." + std::string(size_t(-exp - 1), '0') + digits;
  } else {
    size_t int_len = size_t(exp) + 1;
    if (digits.size() <= int_len) {
      out = digits + std::string(int_len - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, int_len) + "." + digits.substr(int_len);
    }
  }
  return neg ? "-" + out : out;
}

std::string digits_to_decimal(std::string_view digits, int base) {
  std::vector<int> dec{0};  // little-endian decimal digits
  for (char ch : digits) {
    int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    int carry = d;
    for (int& x : dec) {
      int v = x * base + carry;
      x = v % 10;
      carry = v / 10;
    }
    while (carry) {
      dec.push_back(carry % 10);
      carry /= 10;
    }
  }
  std::string out;
  for (auto it = dec.rbegin(); it != dec.rend(); ++it) out += char('0' + *it);
  return out;
}

std::string ast_dump(const Module& mod, bool include_attributes) {
  Dumper d(include_attributes);
  d.out += "Module(body=";
  d.stmts(mod.body);
  d.out += ", type_ignores=[])";
  return d.out;
}

std::string ast_dump(const Expr* e, bool include_attributes) {
  Dumper d(include_attributes);
  d.expr(e);
  return d.out;
}

}  // namespace looplab
