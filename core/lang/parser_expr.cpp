// The parser: expressions, call arguments, parameters, comprehensions and assignment targets.
// Precedence climbs as in python.gram: expression > disjunction > conjunction > inversion >
// comparison > bitwise_or > xor > and > shift > sum > term > factor > power > await > primary.
#include <cerrno>
#include <cstdlib>

#include "lang/parser.h"
#include "lang/parser_impl.h"

namespace looplab {

using namespace ast;

const char* expr_name(const ast::Expr* e) {
  switch (e->kind) {
    case EK::Attribute: return "attribute";
    case EK::Subscript: return "subscript";
    case EK::Starred: return "starred";
    case EK::Name: return "name";
    case EK::List: return "list";
    case EK::Tuple: return "tuple";
    case EK::Lambda: return "lambda";
    case EK::Call: return "function call";
    case EK::BoolOp:
    case EK::BinOp:
    case EK::UnaryOp: return "expression";
    case EK::GeneratorExp: return "generator expression";
    case EK::Yield:
    case EK::YieldFrom: return "yield expression";
    case EK::Await: return "await expression";
    case EK::ListComp: return "list comprehension";
    case EK::SetComp: return "set comprehension";
    case EK::DictComp: return "dict comprehension";
    case EK::Dict: return "dict literal";
    case EK::Set: return "set display";
    case EK::JoinedStr:
    case EK::FormattedValue: return "f-string expression";
    case EK::Constant: {
      auto k = static_cast<const Constant*>(e)->value.kind;
      if (k == ConstValue::Kind::None) return "None";
      if (k == ConstValue::Kind::False) return "False";
      if (k == ConstValue::Kind::True) return "True";
      if (k == ConstValue::Kind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case EK::Compare: return "comparison";
    case EK::IfExp: return "conditional expression";
    case EK::NamedExpr: return "named expression";
    default: return "expression";
  }
}

bool Parser::starts_expression(Tok k) {
  switch (k) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::LPar: case Tok::LSqb:
    case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::Not:
    case Tok::Lambda: case Tok::Await: case Tok::None: case Tok::True: case Tok::False:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

Expr* Parser::binop(const Token& start, Expr* left, Operator op, Expr* right) {
  auto* b = make<BinOp>(span_from(start));
  b->left = left;
  b->op = op;
  b->right = right;
  return b;
}

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::star_expressions() {
  const Token& start = tok();
  Expr* first = star_expression();
  if (!first) return nullptr;
  if (!at(Tok::Comma)) return first;
  auto* t = make<Seq>(first->pos, EK::Tuple);
  t->elts.push_back(first);
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    Expr* e = star_expression();
    if (!e) return nullptr;
    t->elts.push_back(e);
  }
  t->pos = span_from(start);
  return t;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
  if (at(Tok::Star)) {
    const Token& st = next();
    Expr* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = make<Starred>(span_from(st));
    s->value = v;
    return s;
  }
  return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
  if (at(Tok::Star)) return star_expression();
  return named_expression();
}

// named_expression: NAME ':=' expression | expression !':='
Expr* Parser::named_expression() {
  if (at(Tok::Name) && kind(1) == Tok::ColonEqual) {
    const Token& n = next();
    next();
    Expr* value = expression();
    if (!value) return nullptr;
    auto* target = make<Name>(pos_of(n));
    target->id = std::string(n.text);
    target->ctx = Ctx::Store;
    auto* ne = make<NamedExpr>(span_from(n));
    ne->target = target;
    ne->value = value;
    return ne;
  }
  Expr* a = expression();
  if (!a) return nullptr;
  if (!no_invalid_ && at(Tok::ColonEqual))
    return fail_pos(a->pos, std::string("cannot use assignment expressions with ") +
                                expr_name(a));
  if (!no_invalid_ && at(Tok::Equal)) return check_named_expr_equal(a);
  return a;
}

// invalid_named_expression: `if x = 1:` and friends.
Expr* Parser::check_named_expr_equal(Expr* a) {
  Mark m = mark();
  next();
  no_invalid_ = true;
  Expr* b = bitwise_or();
  no_invalid_ = false;
  bool ok = b && !failed_ && !at(Tok::Equal) && !at(Tok::ColonEqual);
  if (ok) {
    if (a->kind == EK::Name && !a->parenthesized)
      return fail_range(a->pos, b->pos,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    bool excluded = (a->kind == EK::List) || (a->kind == EK::Tuple) ||
                    a->kind == EK::GeneratorExp;
    if (auto* c = as<Constant>(a)) {
      auto k = c->value.kind;
      excluded |= k == ConstValue::Kind::True || k == ConstValue::Kind::False ||
                  k == ConstValue::Kind::None;
    }
    bool bitwise_level = a->parenthesized ||
                         !(a->kind == EK::Compare || a->kind == EK::BoolOp ||
                           a->kind == EK::IfExp || a->kind == EK::Lambda ||
                           (a->kind == EK::UnaryOp &&
                            static_cast<UnaryOp*>(a)->op == UnaryOpKind::Not));
    if (!excluded && bitwise_level)
      return fail_pos(a->pos, std::string("cannot assign to ") + expr_name(a) +
                                  " here. Maybe you meant '==' instead of '='?");
  }
  reset(m, true);
  return a;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_too_deep();
  if (at(Tok::Lambda)) return lambdef();
  size_t start = pos_;
  const Token& start_tok = tok();
  Expr* a = disjunction();
  if (!a) return nullptr;
  if (at(Tok::If)) {
    next();
    Expr* test = disjunction();
    if (!test) return nullptr;
    if (!at(Tok::Else)) {
      if (!no_invalid_ && !at(Tok::Colon))
        return fail_range(a->pos, test->pos, "expected 'else' after 'if' expression");
      return fail_generic();
    }
    next();
    Expr* orelse = expression();
    if (!orelse) return nullptr;
    auto* e = make<IfExp>(span_from(start_tok));
    e->body = a;
    e->test = test;
    e->orelse = orelse;
    return e;
  }
  if (!no_invalid_ && starts_expression(kind()) && !check_invalid_expression(a, start))
    return nullptr;
  return a;
}

// An expression directly followed by another one: invalid_expression ("Perhaps you forgot a
// comma?", inside brackets) and invalid_legacy_expression (`print "x"`). Returns false after
// raising one of them.
bool Parser::check_invalid_expression(Expr* a, size_t start) {
  const Token& first = toks_[start];
  bool legacy = false;
  if (auto* n = as<Name>(a)) legacy = (n->id == "print" || n->id == "exec") && !a->parenthesized;
  bool name_string = first.kind == Tok::Name && start + 1 < toks_.size() &&
                     toks_[start + 1].kind == Tok::String;
  // CPython compares only the token's length of each soft keyword (strncmp), so any prefix
  // of "match", "case" or "_" counts: `f(c.m() c.m())` gets no comma hint there either.
  auto prefix_of = [&](std::string_view kw) {
    return !first.text.empty() && first.text.size() <= kw.size() &&
           kw.substr(0, first.text.size()) == first.text;
  };
  bool soft_keyword = first.kind == Tok::Name &&
                      (prefix_of("match") || prefix_of("case") || prefix_of("_"));
  if (!name_string && !soft_keyword && !legacy) {
    Mark m = mark();
    no_invalid_ = true;
    Expr* b = expression();
    no_invalid_ = false;
    if (b && !failed_ && prev().level > 0) {
      fail_range(a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
      return false;
    }
    reset(m, true);
  }
  if (legacy && !at(Tok::LPar)) {
    Mark m = mark();
    no_invalid_ = true;
    Expr* b = star_expressions();
    no_invalid_ = false;
    if (b && !failed_) {
      const std::string& id = static_cast<Name*>(a)->id;
      fail_range(a->pos, b->pos,
                 "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      return false;
    }
    reset(m, true);
  }
  return true;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
  const Token& start = tok();
  Expr* a = conjunction();
  if (!a || !at(Tok::Or)) return a;
  auto* b = make<BoolOp>(a->pos);
  b->op = BoolOpKind::Or;
  b->values.push_back(a);
  while (accept(Tok::Or)) {
    Expr* e = conjunction();
    if (!e) return nullptr;
    b->values.push_back(e);
  }
  b->pos = span_from(start);
  return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
  const Token& start = tok();
  Expr* a = inversion();
  if (!a || !at(Tok::And)) return a;
  auto* b = make<BoolOp>(a->pos);
  b->op = BoolOpKind::And;
  b->values.push_back(a);
  while (accept(Tok::And)) {
    Expr* e = inversion();
    if (!e) return nullptr;
    b->values.push_back(e);
  }
  b->pos = span_from(start);
  return b;
}

// inversion: 'not' inversion | comparison
Expr* Parser::inversion() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_too_deep();
  if (at(Tok::Not)) {
    const Token& kw = next();
    Expr* operand = inversion();
    if (!operand) return nullptr;
    auto* u = make<UnaryOp>(span_from(kw));
    u->op = UnaryOpKind::Not;
    u->operand = operand;
    return u;
  }
  return comparison();
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
Expr* Parser::comparison() {
  const Token& start = tok();
  Expr* a = bitwise_or();
  if (!a) return nullptr;
  Compare* c = nullptr;
  for (;;) {
    CmpOp op;
    switch (kind()) {
      case Tok::EqEqual: op = CmpOp::Eq; break;
      case Tok::NotEqual: op = CmpOp::NotEq; break;
      case Tok::LessEqual: op = CmpOp::LtE; break;
      case Tok::Less: op = CmpOp::Lt; break;
      case Tok::GreaterEqual: op = CmpOp::GtE; break;
      case Tok::Greater: op = CmpOp::Gt; break;
      case Tok::In: op = CmpOp::In; break;
      case Tok::Not:
        if (kind(1) != Tok::In) return c ? c : a;
        op = CmpOp::NotIn;
        next();
        break;
      case Tok::Is:
        op = CmpOp::Is;
        if (kind(1) == Tok::Not) {
          op = CmpOp::IsNot;
          next();
        }
        break;
      default:
        return c ? static_cast<Expr*>(c) : a;
    }
    next();
    Expr* right = bitwise_or();
    if (!right) return nullptr;
    if (!c) {
      c = make<Compare>(a->pos);
      c->left = a;
    }
    c->ops.push_back(op);
    c->comparators.push_back(right);
    c->pos = span_from(start);
  }
}

Expr* Parser::bitwise_or() {
  const Token& start = tok();
  Expr* a = bitwise_xor();
  while (a && at(Tok::VBar)) {
    next();
    Expr* b = bitwise_xor();
    if (!b) return nullptr;
    a = binop(start, a, Operator::BitOr, b);
  }
  return a;
}

Expr* Parser::bitwise_xor() {
  const Token& start = tok();
  Expr* a = bitwise_and();
  while (a && at(Tok::Circumflex)) {
    next();
    Expr* b = bitwise_and();
    if (!b) return nullptr;
    a = binop(start, a, Operator::BitXor, b);
  }
  return a;
}

Expr* Parser::bitwise_and() {
  const Token& start = tok();
  Expr* a = shift_expr();
  while (a && at(Tok::Amper)) {
    next();
    Expr* b = shift_expr();
    if (!b) return nullptr;
    a = binop(start, a, Operator::BitAnd, b);
  }
  return a;
}

Expr* Parser::shift_expr() {
  const Token& start = tok();
  Expr* a = sum();
  while (a && (at(Tok::LeftShift) || at(Tok::RightShift))) {
    Operator op = next().kind == Tok::LeftShift ? Operator::LShift : Operator::RShift;
    Expr* b = sum();
    if (!b) return nullptr;
    a = binop(start, a, op, b);
  }
  return a;
}

Expr* Parser::sum() {
  const Token& start = tok();
  Expr* a = term();
  while (a && (at(Tok::Plus) || at(Tok::Minus))) {
    Operator op = next().kind == Tok::Plus ? Operator::Add : Operator::Sub;
    Expr* b = term();
    if (!b) return nullptr;
    a = binop(start, a, op, b);
  }
  return a;
}

Expr* Parser::term() {
  const Token& start = tok();
  Expr* a = factor();
  while (a) {
    Operator op;
    switch (kind()) {
      case Tok::Star: op = Operator::Mult; break;
      case Tok::Slash: op = Operator::Div; break;
      case Tok::DoubleSlash: op = Operator::FloorDiv; break;
      case Tok::Percent: op = Operator::Mod; break;
      case Tok::At: op = Operator::MatMult; break;
      default: return a;
    }
    next();
    Expr* b = factor();
    if (!b) return nullptr;
    a = binop(start, a, op, b);
  }
  return a;
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::factor() {
  DepthGuard guard(*this);
  if (guard.too_deep()) return fail_too_deep();
  UnaryOpKind op;
  switch (kind()) {
    case Tok::Plus: op = UnaryOpKind::UAdd; break;
    case Tok::Minus: op = UnaryOpKind::USub; break;
    case Tok::Tilde: op = UnaryOpKind::Invert; break;
    default: return power();
  }
  const Token& t = next();
  Expr* operand = factor();
  if (!operand) return nullptr;
  auto* u = make<UnaryOp>(span_from(t));
  u->op = op;
  u->operand = operand;
  return u;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::power() {
  const Token& start = tok();
  Expr* a = await_primary();
  if (!a || !at(Tok::DoubleStar)) return a;
  next();
  Expr* b = factor();
  if (!b) return nullptr;
  return binop(start, a, Operator::Pow, b);
}

// await_primary: AWAIT primary | primary
Expr* Parser::await_primary() {
  if (at(Tok::Await)) {
    const Token& kw = next();
    Expr* v = primary();
    if (!v) return nullptr;
    auto* a = make<Await>(span_from(kw));
    a->value = v;
    return a;
  }
  return primary();
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
Expr* Parser::primary() {
  const Token& start = tok();
  Expr* e = atom();
  while (e) {
    if (at(Tok::Dot)) {
      next();
      if (!at(Tok::Name)) return fail_generic();
      auto* a = make<Attribute>(e->pos);
      a->value = e;
      a->attr = std::string(next().text);
      a->pos = span_from(start);
      e = a;
    } else if (at(Tok::LPar)) {
      const Token& lpar = next();
      auto* c = make<Call>(e->pos);
      c->func = e;
      if (!call_arguments(c, lpar)) return nullptr;
      c->pos = span_from(start);
      e = c;
    } else if (at(Tok::LSqb)) {
      // A subscript that does not parse leaves `e` as the whole primary, as the PEG
      // alternative `primary '[' slices ']'` would, so `print("a" [x for x in y])` can be
      // diagnosed as a missing comma.
      Mark m = mark();
      next();
      Expr* s = slices();
      if (!s || !expect(Tok::RSqb)) {
        if (!generic_failure_) return nullptr;
        reset(m, false);
        break;
      }
      auto* sub = make<Subscript>(span_from(start));
      sub->value = e;
      sub->slice = s;
      e = sub;
    } else {
      break;
    }
  }
  return e;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
  const Token& start = tok();
  Expr* first = slice();
  if (!first || !at(Tok::Comma)) return first;
  auto* t = make<Seq>(first->pos, EK::Tuple);
  t->elts.push_back(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    Expr* e = slice();
    if (!e) return nullptr;
    t->elts.push_back(e);
  }
  t->pos = span_from(start);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
  const Token& start = tok();
  if (at(Tok::Star)) return star_expression();
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    lower = named_expression();
    if (!lower) return nullptr;
    if (!at(Tok::Colon)) return lower;
  }
  next();
  auto* s = make<Slice>(pos_of(start));
  s->lower = lower;
  if (!at(Tok::Colon) && !at(Tok::RSqb) && !at(Tok::Comma)) {
    s->upper = expression();
    if (!s->upper) return nullptr;
  }
  if (accept(Tok::Colon)) {
    if (!at(Tok::RSqb) && !at(Tok::Comma)) {
      s->step = expression();
      if (!s->step) return nullptr;
    }
  }
  s->pos = span_from(start);
  return s;
}

Expr* Parser::atom() {
  const Token& t = tok();
  switch (t.kind) {
    case Tok::Name: {
      next();
      auto* n = make<Name>(pos_of(t));
      n->id = std::string(t.text);
      return n;
    }
    case Tok::True:
    case Tok::False:
    case Tok::None: {
      next();
      auto* c = make<Constant>(pos_of(t));
      c->value.kind = t.kind == Tok::True    ? ConstValue::Kind::True
                      : t.kind == Tok::False ? ConstValue::Kind::False
                                             : ConstValue::Kind::None;
      return c;
    }
    case Tok::Ellipsis: {
      next();
      auto* c = make<Constant>(pos_of(t));
      c->value.kind = ConstValue::Kind::Ellipsis;
      return c;
    }
    case Tok::Number: next(); return number(t);
    case Tok::String: return strings();
    case Tok::LPar: return paren_atom();
    case Tok::LSqb: return list_atom();
    case Tok::LBrace: return brace_atom();
    default: return fail_generic();
  }
}

// A NUMBER token's value. Integers that do not fit int64 keep their digits (BigInt).
Expr* Parser::number(const Token& t) {
  std::string s;
  for (char c : t.text)
    if (c != '_') s += c;
  auto* c = make<Constant>(pos_of(t));
  char last = s.back();
  if (last == 'j' || last == 'J') return fail_not_implemented(t.line, "complex numbers are not supported");
  int base = 10;
  size_t skip = 0;
  if (s.size() > 1 && s[0] == '0') {
    char p = s[1] | 0x20;
    if (p == 'x') base = 16, skip = 2;
    else if (p == 'o') base = 8, skip = 2;
    else if (p == 'b') base = 2, skip = 2;
  }
  bool is_float = base == 10 && s.find_first_of(".eE") != std::string::npos;
  if (is_float) {
    c->value.kind = ConstValue::Kind::Float;
    c->value.f = std::strtod(s.c_str(), nullptr);
    return c;
  }
  std::string digits = s.substr(skip);
  size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  uint64_t v = 0;
  bool overflow = false;
  for (char ch : digits) {
    int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    if (v > (UINT64_MAX - uint64_t(d)) / uint64_t(base)) {
      overflow = true;
      break;
    }
    v = v * uint64_t(base) + uint64_t(d);
  }
  if (overflow || v > uint64_t(INT64_MAX)) {
    c->value.kind = ConstValue::Kind::BigInt;
    c->value.s = digits;
    c->value.base = base;
  } else {
    c->value.kind = ConstValue::Kind::Int;
    c->value.i = int64_t(v);
  }
  return c;
}

// tuple | group | genexp
Expr* Parser::paren_atom() {
  const Token& lpar = next();
  if (accept(Tok::RPar)) return make<Seq>(span_from(lpar), EK::Tuple);
  if (at(Tok::Yield)) {
    Expr* y = yield_expr();
    if (!y || !expect(Tok::RPar)) return nullptr;
    y->parenthesized = true;
    return y;
  }
  Expr* first = star_named_expression();
  if (!first) return nullptr;
  if (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For)) {
    if (first->kind == EK::Starred)
      return fail_pos(first->pos, "iterable unpacking cannot be used in comprehension");
    auto* g = make<Comp>(pos_of(lpar), EK::GeneratorExp);
    g->elt = first;
    if (!comprehension_clauses(g->generators)) return nullptr;
    if (!expect(Tok::RPar)) return nullptr;
    g->pos = span_from(lpar);
    return g;
  }
  if (at(Tok::Comma)) {
    auto* t = make<Seq>(pos_of(lpar), EK::Tuple);
    t->elts.push_back(first);
    while (accept(Tok::Comma)) {
      if (at(Tok::RPar)) break;
      Expr* e = star_named_expression();
      if (!e) return nullptr;
      t->elts.push_back(e);
    }
    if (!expect(Tok::RPar)) return nullptr;
    t->pos = span_from(lpar);
    t->parenthesized = true;
    return t;
  }
  if (!at(Tok::RPar)) return fail_generic();
  if (first->kind == EK::Starred) return fail_pos(first->pos, "cannot use starred expression here");
  next();
  first->parenthesized = true;
  return first;
}

// list | listcomp
Expr* Parser::list_atom() {
  const Token& lsqb = next();
  auto* l = make<Seq>(pos_of(lsqb), EK::List);
  if (accept(Tok::RSqb)) {
    l->pos = span_from(lsqb);
    return l;
  }
  Expr* first = star_named_expression();
  if (!first) return nullptr;
  if (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For)) {
    if (first->kind == EK::Starred)
      return fail_pos(first->pos, "iterable unpacking cannot be used in comprehension");
    auto* c = make<Comp>(pos_of(lsqb), EK::ListComp);
    c->elt = first;
    if (!comprehension_clauses(c->generators)) return nullptr;
    if (!expect(Tok::RSqb)) return nullptr;
    c->pos = span_from(lsqb);
    return c;
  }
  l->elts.push_back(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    Expr* e = star_named_expression();
    if (!e) return nullptr;
    l->elts.push_back(e);
  }
  if (!expect(Tok::RSqb)) return nullptr;
  l->pos = span_from(lsqb);
  return l;
}

// dict | set | dictcomp | setcomp
Expr* Parser::brace_atom() {
  const Token& lbrace = next();
  if (accept(Tok::RBrace)) return make<Dict>(span_from(lbrace));
  Expr* first = nullptr;
  if (!at(Tok::DoubleStar)) {
    first = star_named_expression();
    if (!first) return nullptr;
    if (!at(Tok::Colon)) {  // a set
      if (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For)) {
        if (first->kind == EK::Starred)
          return fail_pos(first->pos, "iterable unpacking cannot be used in comprehension");
        auto* c = make<Comp>(pos_of(lbrace), EK::SetComp);
        c->elt = first;
        if (!comprehension_clauses(c->generators)) return nullptr;
        if (!expect(Tok::RBrace)) return nullptr;
        c->pos = span_from(lbrace);
        return c;
      }
      auto* s = make<ast::Set>(pos_of(lbrace));
      s->elts.push_back(first);
      while (accept(Tok::Comma)) {
        if (at(Tok::RBrace)) break;
        Expr* e = star_named_expression();
        if (!e) return nullptr;
        s->elts.push_back(e);
      }
      if (!expect(Tok::RBrace)) return nullptr;
      s->pos = span_from(lbrace);
      return s;
    }
    if (first->kind == EK::Starred) return fail_generic();
  }
  auto* d = make<Dict>(pos_of(lbrace));
  for (bool first_pair = true;; first_pair = false) {
    if (at(Tok::DoubleStar)) {
      const Token& st = next();
      Expr* v = bitwise_or();
      if (!v) return nullptr;
      if (first_pair && (at(Tok::For) || at(Tok::Async)))
        return fail_token(st, "dict unpacking cannot be used in dict comprehension");
      d->keys.push_back(nullptr);
      d->values.push_back(v);
    } else {
      Expr* key = first_pair && first ? first : nullptr;
      if (!key) {
        // invalid_kvpair: a later key without its ':' (CPython checks this before commas).
        bool saved = no_invalid_;
        no_invalid_ = true;
        key = expression();
        no_invalid_ = saved;
        if (!key) return nullptr;
        if (!at(Tok::Colon)) {
          int off = src_.char_offset(key->pos.line, key->pos.end_col - 1);
          set_error(SyntaxErrorKind::Syntax, "':' expected after dictionary key", key->pos.line,
                    off, key->pos.end_line, 0);
          return nullptr;
        }
      }
      if (!at(Tok::Colon)) return fail_generic();
      const Token& colon = next();
      if (at(Tok::RBrace) || at(Tok::Comma))
        return fail_token(colon, "expression expected after dictionary key and ':'");
      Expr* value = expression();
      if (!value) return nullptr;
      if (first_pair && (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For))) {
        auto* c = make<Comp>(pos_of(lbrace), EK::DictComp);
        c->elt = key;
        c->value = value;
        if (!comprehension_clauses(c->generators)) return nullptr;
        if (!expect(Tok::RBrace)) return nullptr;
        c->pos = span_from(lbrace);
        return c;
      }
      d->keys.push_back(key);
      d->values.push_back(value);
    }
    if (!accept(Tok::Comma)) break;
    if (at(Tok::RBrace)) break;
  }
  if (!expect(Tok::RBrace)) return nullptr;
  d->pos = span_from(lbrace);
  return d;
}

// for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
bool Parser::comprehension_clauses(std::vector<Comprehension*>& out) {
  while (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For)) {
    auto* c = arena_.make<Comprehension>();
    c->is_async = accept(Tok::Async);
    next();
    c->target = star_targets_for();
    if (!c->target) return false;
    if (!expect(Tok::In)) return false;
    c->iter = disjunction();
    if (!c->iter) return false;
    while (accept(Tok::If)) {
      Expr* cond = disjunction();
      if (!cond) return false;
      c->ifs.push_back(cond);
    }
    out.push_back(c);
  }
  return true;
}

// star_targets as `for` loops and comprehensions read them (up to 'in'), then checked.
Expr* Parser::star_targets_for() {
  auto one = [this]() -> Expr* {
    if (at(Tok::Star)) {
      const Token& st = next();
      Expr* v = bitwise_or();
      if (!v) return nullptr;
      auto* s = make<Starred>(span_from(st));
      s->value = v;
      return s;
    }
    size_t start = pos_;
    Expr* e = bitwise_or();
    // CPython re-reads a bad target as star_expressions (invalid_for_target), where a
    // missing comma is diagnosed.
    if (e && !no_invalid_ && starts_expression(kind()) && !check_invalid_expression(e, start))
      return nullptr;
    return e;
  };
  const Token& start = tok();
  Expr* first = one();
  if (!first) return nullptr;
  Expr* result = first;
  if (at(Tok::Comma)) {
    auto* t = make<Seq>(first->pos, EK::Tuple);
    t->elts.push_back(first);
    while (accept(Tok::Comma)) {
      if (!starts_expression(kind()) && !at(Tok::Star)) break;
      Expr* e = one();
      if (!e) return nullptr;
      t->elts.push_back(e);
    }
    t->pos = span_from(start);
    result = t;
  }
  if (!validate_targets(result, TargetsType::For)) return nullptr;
  set_context(result, Ctx::Store);
  return result;
}

// star_target after `with ... as`.
Expr* Parser::single_star_target() {
  if (at(Tok::Star)) {
    const Token& st = next();
    Expr* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = make<Starred>(span_from(st));
    s->value = v;
    return s;
  }
  return bitwise_or();
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
  const Token& kw = next();
  if (accept(Tok::From)) {
    Expr* v = expression();
    if (!v) return nullptr;
    auto* y = make<YieldFrom>(span_from(kw));
    y->value = v;
    return y;
  }
  auto* y = make<Yield>(pos_of(kw));
  if (starts_expression(kind()) || at(Tok::Star)) {
    y->value = star_expressions();
    if (!y->value) return nullptr;
  }
  y->pos = span_from(kw);
  return y;
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
  const Token& kw = next();
  auto* l = make<Lambda>(pos_of(kw));
  l->args = parameters(true, Tok::Colon);
  if (!l->args) return nullptr;
  if (!expect(Tok::Colon)) return nullptr;
  l->body = expression();
  if (!l->body) return nullptr;
  l->pos = span_from(kw);
  return l;
}

// param: NAME [':' expression] (annotations only outside lambdas)
Arg* Parser::param(bool lambda, bool star_annotation) {
  if (!at(Tok::Name)) return fail_generic();
  const Token& n = next();
  auto* a = make<Arg>(pos_of(n));
  a->arg = std::string(n.text);
  if (!lambda && accept(Tok::Colon)) {
    a->annotation = star_annotation && at(Tok::Star) ? star_expression() : expression();
    if (!a->annotation) return nullptr;
  }
  a->pos = span_from(n);
  return a;
}

// parameters / lambda_parameters, up to (not including) `end`.
Arguments* Parser::parameters(bool lambda, Tok end) {
  auto* a = arena_.make<Arguments>();
  bool seen_slash = false, seen_star = false, seen_default = false;
  const Token* bare_star = nullptr;
  while (!at(end)) {
    if (at(Tok::LPar)) {  // invalid_parameters: def f((a, b)): ...
      const Token& lpar = tok();
      size_t k = 1;
      while (quiet(k).kind == Tok::Name &&
             (quiet(k + 1).kind == Tok::Comma || quiet(k + 1).kind == Tok::RPar)) {
        k += quiet(k + 1).kind == Tok::Comma ? 2 : 1;
        if (quiet(k).kind == Tok::RPar) break;
      }
      if (k > 1 && quiet(k).kind == Tok::RPar)
        return fail_range(pos_of(lpar), pos_of(quiet(k)),
                          lambda ? "Lambda expression parameters cannot be parenthesized"
                                 : "Function parameters cannot be parenthesized");
      return fail_generic();
    }
    if (at(Tok::Slash)) {
      const Token& sl = next();
      if (seen_slash) return fail_token(sl, "/ may appear only once");
      if (seen_star) return fail_token(sl, "/ must be ahead of *");
      if (a->args.empty()) return fail_generic();
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (at(Tok::Star)) {
      const Token& st = next();
      if (seen_star) return fail_token(st, "* argument may appear only once");
      seen_star = true;
      if (at(Tok::Comma) || at(end)) {
        bare_star = &st;
      } else {
        a->vararg = param(lambda, true);
        if (!a->vararg) return nullptr;
        if (at(Tok::Equal)) return fail_token(tok(), "var-positional argument cannot have default value");
      }
    } else if (at(Tok::DoubleStar)) {
      next();
      a->kwarg = param(lambda, false);
      if (!a->kwarg) return nullptr;
      if (at(Tok::Equal)) return fail_token(tok(), "var-keyword argument cannot have default value");
      if (accept(Tok::Comma) && !at(end))
        return fail_token(tok(), "arguments cannot follow var-keyword argument");
      break;
    } else {
      Arg* p = param(lambda, false);
      if (!p) return nullptr;
      Expr* def = nullptr;
      if (accept(Tok::Equal)) {
        def = expression();
        if (!def) return nullptr;
      }
      if (seen_star) {
        a->kwonlyargs.push_back(p);
        a->kw_defaults.push_back(def);
      } else {
        a->args.push_back(p);
        if (def) {
          a->defaults.push_back(def);
          seen_default = true;
        } else if (seen_default) {
          return fail_pos(p->pos, "non-default argument follows default argument");
        }
      }
    }
    if (!accept(Tok::Comma)) break;
  }
  if (bare_star && a->kwonlyargs.empty())
    return fail_token(*bare_star, "named arguments must follow bare *");
  return a;
}

// arguments: positional, *args, keyword=, **kwargs (checked in CPython's order), or a lone
// generator expression. Consumes the closing ')'.
bool Parser::call_arguments(Call* call, const Token& lpar, bool allow_genexp) {
  bool seen_kw = false, seen_kwunpack = false;
  const char* pending = nullptr;
  while (!at(Tok::RPar)) {
    if (at(Tok::Star)) {
      const Token& st = next();
      Expr* v = expression();
      if (!v) return false;
      if (seen_kwunpack && !pending)
        return fail_token(st, "iterable argument unpacking follows keyword argument unpacking");
      auto* s = make<Starred>(span_from(st));
      s->value = v;
      call->args.push_back(s);
    } else if (at(Tok::DoubleStar)) {
      const Token& st = next();
      Expr* v = expression();
      if (!v) return false;
      auto* k = make<ast::Keyword>(span_from(st));
      k->value = v;
      call->keywords.push_back(k);
      seen_kwunpack = true;
    } else if (at(Tok::Name) && kind(1) == Tok::Equal) {
      const Token& n = next();
      next();
      Expr* v = expression();
      if (!v) return false;
      auto* k = make<ast::Keyword>(span_from(n));
      k->arg = std::string(n.text);
      k->has_arg = true;
      k->value = v;
      call->keywords.push_back(k);
      seen_kw = true;
    } else if ((at(Tok::True) || at(Tok::False) || at(Tok::None)) && kind(1) == Tok::Equal) {
      const Token& k = tok();
      return fail_range(pos_of(k), pos_of(tok(1)), "cannot assign to " + std::string(k.text));
    } else {
      Expr* e;
      if (at(Tok::Name) && kind(1) == Tok::ColonEqual) {
        e = named_expression();
      } else {
        e = expression();
        if (e && at(Tok::Equal))
          return fail_range(e->pos, pos_of(tok()),
                            "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (!e) return false;
      if (at(Tok::For) || (at(Tok::Async) && kind(1) == Tok::For)) {
        if (!allow_genexp) return fail_generic();  // class bases: no bare generator
        auto* g = make<Comp>(e->pos, EK::GeneratorExp);
        g->elt = e;
        // Only a first argument can be `f(x for x in y)`; for a later one CPython's first
        // pass stops at the `for`, and reading the clauses is a second-pass diagnosis.
        bool first = call->args.empty() && call->keywords.empty();
        size_t peek_before = max_peek_;
        if (!comprehension_clauses(g->generators)) {
          if (!first && generic_failure_) {
            max_peek_ = peek_before;
            failed_ = false;
            generic_failure_ = false;
            return fail_generic();
          }
          return false;
        }
        bool sole = first && at(Tok::RPar);
        if (!sole) {
          Comprehension* last = g->generators.back();
          Expr* end = last->ifs.empty() ? last->iter : last->ifs.back();
          return fail_range(e->pos, end->pos, "Generator expression must be parenthesized");
        }
        next();
        g->pos = span_from(lpar);
        call->args.push_back(g);
        return true;
      }
      if (!pending && (seen_kw || seen_kwunpack))
        pending = seen_kwunpack ? "positional argument follows keyword argument unpacking"
                                : "positional argument follows keyword argument";
      call->args.push_back(e);
    }
    if (!accept(Tok::Comma)) break;
  }
  if (pending) {
    tok();
    return fail_last(pending);
  }
  return expect(Tok::RPar);
}

// ---- targets --------------------------------------------------------------------------------

// _PyPegen_get_invalid_target: the first sub-expression that cannot be assigned (deleted).
Expr* Parser::invalid_target(Expr* e, TargetsType type) {
  if (!e) return nullptr;
  switch (e->kind) {
    case EK::List:
    case EK::Tuple:
      for (Expr* x : static_cast<Seq*>(e)->elts)
        if (Expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    case EK::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(static_cast<Starred*>(e)->value, type);
    case EK::Compare:
      if (type == TargetsType::For) {
        auto* c = static_cast<Compare*>(e);
        if (c->ops[0] == CmpOp::In) return invalid_target(c->left, type);
        return nullptr;
      }
      return e;
    case EK::Name:
    case EK::Subscript:
    case EK::Attribute:
      return nullptr;
    default:
      return e;
  }
}

bool Parser::validate_targets(Expr* e, TargetsType type) {
  Expr* bad = invalid_target(e, type);
  if (!bad) return true;
  fail_pos(bad->pos, std::string(type == TargetsType::Del ? "cannot delete " : "cannot assign to ") +
                         expr_name(bad));
  return false;
}

// The target of `target = value`: invalid_assignment's messages, including the "here. Maybe
// you meant '=='" variant CPython gives a single plain `x = y` (invalid_named_expression).
// The first bitwise_or of an unparenthesized expression, if the expression is more than that
// (what CPython's invalid_named_expression matches after `name =`).
static Expr* leading_bitwise_or(Expr* e) {
  if (e->parenthesized) return nullptr;
  switch (e->kind) {
    case EK::IfExp: {
      Expr* b = static_cast<IfExp*>(e)->body;
      Expr* inner = leading_bitwise_or(b);
      return inner ? inner : (b->kind == EK::UnaryOp || b->kind == EK::Lambda ? nullptr : b);
    }
    case EK::BoolOp: {
      Expr* v = static_cast<BoolOp*>(e)->values[0];
      Expr* inner = leading_bitwise_or(v);
      return inner ? inner : (v->kind == EK::UnaryOp && static_cast<UnaryOp*>(v)->op == UnaryOpKind::Not ? nullptr : v);
    }
    case EK::Compare: return static_cast<Compare*>(e)->left;
    case EK::Tuple: {
      Expr* v = static_cast<Seq*>(e)->elts[0];
      if (v->kind == EK::Starred || v->kind == EK::Lambda) return nullptr;
      if (v->kind == EK::UnaryOp && static_cast<UnaryOp*>(v)->op == UnaryOpKind::Not) return nullptr;
      Expr* inner = leading_bitwise_or(v);
      return inner ? inner : v;
    }
    default: return nullptr;
  }
}

bool Parser::validate_chain(std::vector<Expr*>& chain, Expr* value, Tok value_first) {
  bool any_bad = false;
  for (Expr* t : chain)
    any_bad |= t->kind == EK::Yield || t->kind == EK::YieldFrom ||
               invalid_target(t, TargetsType::Star) != nullptr;
  if (!any_bad) return true;
  // `x = a if b else c = 3`: CPython's second pass matches `NAME '=' bitwise_or` first.
  if (chain.size() >= 2 && chain[0]->kind == EK::Name && !chain[0]->parenthesized) {
    if (Expr* b = leading_bitwise_or(chain[1])) {
      fail_range(chain[0]->pos, b->pos,
                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return false;
    }
  }
  for (Expr* t : chain)
    if (!validate_assign_target(t, chain.size() == 1 ? value : nullptr, value_first)) return false;
  return true;
}

bool Parser::validate_assign_target(Expr* target, Expr* single_value, Tok value_first) {
  if (target->kind == EK::Yield || target->kind == EK::YieldFrom) {
    fail_pos(target->pos, "assignment to yield expression not possible");
    return false;
  }
  Expr* bad = invalid_target(target, TargetsType::Star);
  if (!bad) return true;
  if (single_value) {
    bool excluded = target->kind == EK::List || target->kind == EK::Tuple ||
                    target->kind == EK::GeneratorExp;
    if (auto* c = as<Constant>(target)) {
      auto k = c->value.kind;
      excluded |= k == ConstValue::Kind::True || k == ConstValue::Kind::False ||
                  k == ConstValue::Kind::None;
    }
    bool target_ok = target->parenthesized ||
                     !(target->kind == EK::Compare || target->kind == EK::BoolOp ||
                       target->kind == EK::IfExp || target->kind == EK::Lambda ||
                       target->kind == EK::Starred ||
                       (target->kind == EK::UnaryOp &&
                        static_cast<UnaryOp*>(target)->op == UnaryOpKind::Not));
    bool value_ok = value_first != Tok::Lambda && value_first != Tok::Not &&
                    value_first != Tok::Yield && value_first != Tok::Star;
    if (!excluded && target_ok && value_ok) {
      fail_pos(target->pos, std::string("cannot assign to ") + expr_name(target) +
                                " here. Maybe you meant '==' instead of '='?");
      return false;
    }
  }
  fail_pos(bad->pos, std::string("cannot assign to ") + expr_name(bad));
  return false;
}

bool Parser::set_context(Expr* e, Ctx ctx) {
  switch (e->kind) {
    case EK::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case EK::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case EK::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case EK::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_context(static_cast<Starred*>(e)->value, ctx);
      break;
    case EK::List:
    case EK::Tuple: {
      auto* s = static_cast<Seq*>(e);
      s->ctx = ctx;
      for (Expr* x : s->elts) set_context(x, ctx);
      break;
    }
    default: break;
  }
  return true;
}

}  // namespace looplab
