// The parser: error machinery and statements. Rules follow Grammar/python.gram of CPython 3.11;
// the comments name the rule a function parses. Error messages and locations follow its
// invalid_* rules and pegen's error helpers (Parser/pegen_errors.c).
#include "lang/parser.h"

#include <cstdio>

#include "lang/parser_impl.h"

namespace looplab {

namespace {

std::string format(const char* fmt, const char* a, int b) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

}  // namespace

Parser::Parser(const SourceBuffer& src, std::vector<Token> tokens, const LexError* lex_error,
               ast::Arena& arena, const FStringFrame* fstring)
    : src_(src), toks_(std::move(tokens)), lex_error_(lex_error), arena_(arena),
      fstring_(fstring) {}

// ---- errors ----------------------------------------------------------------------------------

void Parser::set_error(SyntaxErrorKind kind, const std::string& msg, int line, int offset,
                       int end_line, int end_offset) {
  if (failed_) return;
  failed_ = true;
  err_.kind = kind;
  err_.msg = msg;
  err_.line = line;
  err_.offset = offset;
  err_.end_line = end_line;
  err_.end_offset = end_offset;
  err_.text = std::string(src_.line(line));
}

bool Parser::lexer_error_reached() {
  if (toks_[max_peek_].kind != Tok::Error || !lex_error_) return false;
  if (!failed_) {
    failed_ = true;
    err_ = lex_error_->info;
  }
  return true;
}

Failure Parser::fail_raw(const SyntaxErrorInfo& info) {
  if (!failed_) {
    failed_ = true;
    err_ = info;
  }
  return {};
}

// CPython's offset for a byte column: characters + 1. Inside an f-string expression, CPython
// 3.11 counts from the "(expression)" text it parsed instead.
static int offset_in(const SourceBuffer& src, const FStringFrame* fs, int line, int col) {
  if (col < 0) return col + 1;
  if (fs && line == fs->line && col >= fs->col) {
    std::string_view l = src.line(line);
    int chars = 0;
    for (int i = fs->col; i < col && i < int(l.size()); i++)
      if ((static_cast<unsigned char>(l[i]) & 0xC0) != 0x80) chars++;
    return chars + 2;  // "(" + 1-based
  }
  return src.char_offset(line, col);
}

Failure Parser::fail_pos(const Pos& p, const std::string& msg, SyntaxErrorKind kind) {
  if (failed_ || lexer_error_reached()) return {};
  set_error(kind, msg, p.line, offset_in(src_, fstring_, p.line, p.col), p.end_line,
            offset_in(src_, fstring_, p.end_line, p.end_col));
  return {};
}

Failure Parser::fail_range(const Pos& a, const Pos& b, const std::string& msg) {
  return fail_pos(join(a, b), msg);
}

Failure Parser::fail_token(const Token& t, const std::string& msg) {
  return fail_pos(pos_of(t), msg);
}

// RAISE_SYNTAX_ERROR: at the furthest token the parser looked at. Tokens without columns
// (INDENT, DEDENT, ENDMARKER) report the lexer's cursor instead, as pegen does.
Failure Parser::fail_last(const std::string& msg, SyntaxErrorKind kind) {
  if (failed_ || lexer_error_reached()) return {};
  const Token& t = toks_[max_peek_];
  if (t.col < 0) {
    set_error(kind, msg, t.line, src_.char_offset(t.line, t.cur) - 1, t.line, -1);
    return {};
  }
  set_error(kind, msg, t.line, offset_in(src_, fstring_, t.line, t.col), t.end_line,
            offset_in(src_, fstring_, t.end_line, t.end_col));
  return {};
}

Failure Parser::fail_generic() {
  if (failed_ || lexer_error_reached()) return {};
  const Token& t = toks_[max_peek_];
  generic_failure_ = true;
  if (t.kind == Tok::Indent) return fail_last("unexpected indent", SyntaxErrorKind::Indentation);
  if (t.kind == Tok::Dedent)
    return fail_last("unexpected unindent", SyntaxErrorKind::Indentation);
  return fail_last("invalid syntax");
}

Failure Parser::fail_not_implemented(int line, const std::string& what) {
  if (failed_) return {};
  failed_ = true;
  err_ = SyntaxErrorInfo();
  err_.kind = SyntaxErrorKind::NotImplemented;
  err_.msg = what + " (line " + std::to_string(line) + ")";
  err_.line = line;
  err_.text = std::string(src_.line(line));
  return {};
}

Failure Parser::fail_too_deep() {
  if (failed_) return {};
  failed_ = true;
  err_ = SyntaxErrorInfo();
  err_.kind = SyntaxErrorKind::Memory;
  err_.msg = "too deeply nested";  // not shown: CPython's MemoryError has no message
  err_.line = tok().line;
  return {};
}

bool Parser::expect_forced(Tok k) {
  if (accept(k)) return true;
  if (lexer_error_reached()) return false;
  fail_token(tok(), std::string("expected '") + tok_text(k) + "'");
  return false;
}

SyntaxErrorInfo Parser::final_error() {
  if (err_.kind == SyntaxErrorKind::Memory) return err_;
  if (lex_error_ && lex_error_->info.set()) {
    // pegen: a tokenizer exception further on replaces the parser's error; an unclosed
    // bracket does if it opened on a line before the parser's error token.
    if (toks_[max_peek_].kind == Tok::Error) return lex_error_->info;
    if (lex_error_->kind == LexErrorKind::Raised) return lex_error_->info;
    if (lex_error_->kind == LexErrorKind::Unclosed &&
        lex_error_->bracket_line < toks_[max_peek_].line)
      return lex_error_->info;
  }
  return err_;
}

// ---- statements ------------------------------------------------------------------------------

// file: [statements] ENDMARKER
bool Parser::parse_file(std::vector<Stmt*>& body) {
  while (!at(Tok::EndMarker)) {
    if (at(Tok::Error)) return fail_generic();
    if (!statement(body)) return false;
  }
  return !failed_;
}

bool Parser::statements_until(Tok end, std::vector<Stmt*>& out) {
  while (!at(end)) {
    if (at(Tok::EndMarker) || at(Tok::Error)) return fail_generic();
    if (!statement(out)) return false;
  }
  return true;
}

// statement: compound_stmt | simple_stmts
bool Parser::statement(std::vector<Stmt*>& out) {
  switch (kind()) {
    case Tok::Def:
    case Tok::At:
    case Tok::Class:
    case Tok::If:
    case Tok::While:
    case Tok::For:
    case Tok::Try:
    case Tok::With:
    case Tok::Async: {
      Stmt* s = compound_stmt();
      if (!s) return false;
      out.push_back(s);
      return true;
    }
    case Tok::Indent:
    case Tok::Dedent:
      return fail_generic();
    case Tok::Name:
      if (tok().text == "match" && match_stmt_ahead())
        return fail_not_implemented(tok().line, "the match statement is not supported");
      if (failed_) return false;
      [[fallthrough]];
    default:
      return simple_stmts(out);
  }
}

// A `match` statement: "match" subject ':' NEWLINE (the rest is not parsed).
bool Parser::match_stmt_ahead() {
  Mark m = mark();
  next();
  bool ok = false;
  if (starts_expression(kind()) || at(Tok::Star)) {
    bool saved = no_invalid_;
    no_invalid_ = true;
    Expr* subject = star_expressions();
    no_invalid_ = saved;
    ok = subject && !failed_ && at(Tok::Colon) && kind(1) == Tok::Newline;
  }
  reset(m, true);
  return ok;
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(std::vector<Stmt*>& out) {
  for (;;) {
    Stmt* s = simple_stmt();
    if (!s) return false;
    out.push_back(s);
    if (accept(Tok::Semi)) {
      if (at(Tok::Newline)) break;
      continue;
    }
    break;
  }
  if (accept(Tok::Newline)) return true;
  return fail_generic();
}

Parser::Stmt* Parser::simple_stmt() {
  const Token& t = tok();
  switch (t.kind) {
    case Tok::Return: return return_stmt();
    case Tok::Import: return import_name();
    case Tok::From: return import_from();
    case Tok::Raise: return raise_stmt();
    case Tok::Pass:
      next();
      return make<ast::Simple>(pos_of(t), ast::SK::Pass);
    case Tok::Break:
      next();
      return make<ast::Simple>(pos_of(t), ast::SK::Break);
    case Tok::Continue:
      next();
      return make<ast::Simple>(pos_of(t), ast::SK::Continue);
    case Tok::Del: return del_stmt();
    case Tok::Assert: return assert_stmt();
    case Tok::Global: return global_stmt(false);
    case Tok::Nonlocal: return global_stmt(true);
    default: return assignment_or_expr();
  }
}

static bool is_augassign(Tok k, ast::Operator& op) {
  using O = ast::Operator;
  switch (k) {
    case Tok::PlusEqual: op = O::Add; return true;
    case Tok::MinEqual: op = O::Sub; return true;
    case Tok::StarEqual: op = O::Mult; return true;
    case Tok::AtEqual: op = O::MatMult; return true;
    case Tok::SlashEqual: op = O::Div; return true;
    case Tok::PercentEqual: op = O::Mod; return true;
    case Tok::AmperEqual: op = O::BitAnd; return true;
    case Tok::VBarEqual: op = O::BitOr; return true;
    case Tok::CircumflexEqual: op = O::BitXor; return true;
    case Tok::LeftShiftEqual: op = O::LShift; return true;
    case Tok::RightShiftEqual: op = O::RShift; return true;
    case Tok::DoubleStarEqual: op = O::Pow; return true;
    case Tok::DoubleSlashEqual: op = O::FloorDiv; return true;
    default: return false;
  }
}

// assignment | star_expressions (with annotated and augmented assignment)
Parser::Stmt* Parser::assignment_or_expr() {
  const Token& start = tok();
  Expr* first = at(Tok::Yield) ? yield_expr() : star_expressions();
  if (!first) return nullptr;

  if (at(Tok::Colon)) {  // annotated assignment
    Expr* target = first;
    // invalid_assignment's annotation rules need an expression after the ':'.
    bool annotation_follows = starts_expression(quiet(1).kind);
    bool valid = target->kind == ast::EK::Name || target->kind == ast::EK::Attribute ||
                 target->kind == ast::EK::Subscript;
    if (!valid && !annotation_follows) return fail_generic();
    if (target->kind == ast::EK::Tuple && !target->parenthesized) {
      auto* t = static_cast<ast::Seq*>(target);
      return fail_pos(t->elts[0]->pos, "only single target (not tuple) can be annotated");
    }
    if (target->kind == ast::EK::Tuple || target->kind == ast::EK::List) {
      return fail_pos(target->pos, std::string("only single target (not ") +
                                       (target->kind == ast::EK::Tuple ? "tuple" : "list") +
                                       ") can be annotated");
    }
    if (target->kind != ast::EK::Name && target->kind != ast::EK::Attribute &&
        target->kind != ast::EK::Subscript)
      return fail_pos(target->pos, "illegal target for annotation");
    next();
    Expr* annotation = expression();
    if (!annotation) return nullptr;
    Expr* value = nullptr;
    if (accept(Tok::Equal)) {
      value = at(Tok::Yield) ? yield_expr() : star_expressions();
      if (!value) return nullptr;
    }
    if (!set_context(target, ast::Ctx::Store)) return nullptr;
    auto* s = make<ast::AnnAssign>(span_from(start));
    s->target = target;
    s->annotation = annotation;
    s->value = value;
    s->simple = target->kind == ast::EK::Name && !target->parenthesized;
    return s;
  }

  if (at(Tok::Equal)) {
    std::vector<Expr*> chain{first};
    Tok value_first = Tok::EndMarker;
    while (accept(Tok::Equal)) {
      value_first = kind();
      Expr* rhs = at(Tok::Yield) ? yield_expr() : star_expressions();
      if (!rhs) return nullptr;
      chain.push_back(rhs);
    }
    Expr* value = chain.back();
    chain.pop_back();
    if (!validate_chain(chain, value, value_first)) return nullptr;
    for (Expr* t : chain)
      if (!set_context(t, ast::Ctx::Store)) return nullptr;
    auto* s = make<ast::Assign>(span_from(start));
    s->targets = std::move(chain);
    s->value = value;
    return s;
  }

  ast::Operator op;
  if (is_augassign(kind(), op)) {
    if (first->kind != ast::EK::Name && first->kind != ast::EK::Attribute &&
        first->kind != ast::EK::Subscript) {
      return fail_pos(first->pos, std::string("'") + expr_name(first) +
                                      "' is an illegal expression for augmented assignment");
    }
    next();
    Expr* value = at(Tok::Yield) ? yield_expr() : star_expressions();
    if (!value) return nullptr;
    set_context(first, ast::Ctx::Store);
    auto* s = make<ast::AugAssign>(span_from(start));
    s->target = first;
    s->op = op;
    s->value = value;
    return s;
  }

  auto* s = make<ast::ExprStmt>(span_from(start));
  s->value = first;
  return s;
}

// return_stmt: 'return' [star_expressions]
Parser::Stmt* Parser::return_stmt() {
  const Token& kw = next();
  auto* s = make<ast::Return>(pos_of(kw));
  if (!at(Tok::Newline) && !at(Tok::Semi)) {
    s->value = star_expressions();
    if (!s->value) return nullptr;
  }
  s->pos = span_from(kw);
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Parser::Stmt* Parser::raise_stmt() {
  const Token& kw = next();
  auto* s = make<ast::Raise>(pos_of(kw));
  if (!at(Tok::Newline) && !at(Tok::Semi)) {
    s->exc = expression();
    if (!s->exc) return nullptr;
    if (accept(Tok::From)) {
      s->cause = expression();
      if (!s->cause) return nullptr;
    }
  }
  s->pos = span_from(kw);
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Parser::Stmt* Parser::del_stmt() {
  const Token& kw = next();
  Expr* targets = star_expressions();
  if (!targets) return nullptr;
  if (!validate_targets(targets, TargetsType::Del)) return nullptr;
  if (!at(Tok::Semi) && !at(Tok::Newline)) return fail_generic();
  auto* s = make<ast::Delete>(span_from(kw));
  if (targets->kind == ast::EK::Tuple && !targets->parenthesized) {
    s->targets = static_cast<ast::Seq*>(targets)->elts;
  } else {
    s->targets.push_back(targets);
  }
  for (Expr* t : s->targets) set_context(t, ast::Ctx::Del);
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
Parser::Stmt* Parser::assert_stmt() {
  const Token& kw = next();
  auto* s = make<ast::Assert>(pos_of(kw));
  s->test = expression();
  if (!s->test) return nullptr;
  if (accept(Tok::Comma)) {
    s->msg = expression();
    if (!s->msg) return nullptr;
  }
  s->pos = span_from(kw);
  return s;
}

// global_stmt / nonlocal_stmt: ','.NAME+
Parser::Stmt* Parser::global_stmt(bool nonlocal) {
  const Token& kw = next();
  auto* s = make<ast::NameList>(pos_of(kw), nonlocal ? ast::SK::Nonlocal : ast::SK::Global);
  do {
    if (!at(Tok::Name)) return fail_generic();
    s->names.emplace_back(next().text);
  } while (accept(Tok::Comma));
  s->pos = span_from(kw);
  return s;
}

// dotted_name: dotted_name '.' NAME | NAME
bool Parser::dotted_name(std::string& out) {
  if (!at(Tok::Name)) return fail_generic();
  out = std::string(next().text);
  while (at(Tok::Dot)) {
    next();
    if (!at(Tok::Name)) return fail_generic();
    out += ".";
    out += next().text;
  }
  return true;
}

// import_name: 'import' dotted_as_names
Parser::Stmt* Parser::import_name() {
  const Token& kw = next();
  auto* s = make<ast::Import>(pos_of(kw));
  do {
    const Token& first = tok();
    auto* a = make<ast::Alias>(pos_of(first));
    if (!dotted_name(a->name)) return nullptr;
    if (accept(Tok::As)) {
      if (!at(Tok::Name)) return fail_generic();
      a->asname = std::string(next().text);
    }
    a->pos = span_from(first);
    s->names.push_back(a);
  } while (accept(Tok::Comma));
  s->pos = span_from(kw);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
Parser::Stmt* Parser::import_from() {
  const Token& kw = next();
  auto* s = make<ast::ImportFrom>(pos_of(kw));
  for (;;) {
    if (accept(Tok::Dot)) s->level += 1;
    else if (accept(Tok::Ellipsis)) s->level += 3;
    else break;
  }
  if (s->level == 0 || !at(Tok::Import)) {
    if (!dotted_name(s->module)) return nullptr;
  }
  if (!accept(Tok::Import)) return fail_generic();
  if (at(Tok::Star)) {
    const Token& star = next();
    auto* a = make<ast::Alias>(pos_of(star));
    a->name = "*";
    s->names.push_back(a);
  } else {
    bool parens = accept(Tok::LPar);
    for (;;) {
      if (!at(Tok::Name)) return fail_generic();
      const Token& first = next();
      auto* a = make<ast::Alias>(pos_of(first));
      a->name = std::string(first.text);
      if (accept(Tok::As)) {
        if (!at(Tok::Name)) return fail_generic();
        a->asname = std::string(next().text);
      }
      a->pos = span_from(first);
      s->names.push_back(a);
      if (!accept(Tok::Comma)) break;
      if (parens && at(Tok::RPar)) break;
      if (!parens && at(Tok::Newline))
        return fail_last("trailing comma not allowed without surrounding parentheses");
    }
    if (parens && !expect(Tok::RPar)) return nullptr;
  }
  s->pos = span_from(kw);
  return s;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
// `what` and `line` name the statement for "expected an indented block after ...".
bool Parser::block(std::vector<Stmt*>& out, const char* what, int line) {
  if (accept(Tok::Newline)) {
    if (!at(Tok::Indent)) {
      if (lexer_error_reached()) return false;
      return fail_last(format("expected an indented block after %s on line %d", what, line),
                       SyntaxErrorKind::Indentation);
    }
    next();
    if (!statements_until(Tok::Dedent, out)) return false;
    next();
    return true;
  }
  return simple_stmts(out);
}

// The ':' after if/elif/while/for/with/except headers: CPython only says "expected ':'" when
// the line ends there (invalid_*_stmt rules); anything else is plain invalid syntax.
bool Parser::colon_after(const char* what) {
  (void)what;
  if (accept(Tok::Colon)) return true;
  if (at(Tok::Newline)) return fail_last("expected ':'");
  return fail_generic();
}

Parser::Stmt* Parser::compound_stmt() {
  switch (kind()) {
    case Tok::At: {
      std::vector<Expr*> decorators;
      while (at(Tok::At)) {
        next();
        Expr* d = named_expression();
        if (!d) return nullptr;
        if (!expect(Tok::Newline)) return nullptr;
        decorators.push_back(d);
      }
      if (at(Tok::Def)) return function_def(std::move(decorators), nullptr);
      if (at(Tok::Class)) return class_def(std::move(decorators));
      if (at(Tok::Async) && kind(1) == Tok::Def) {
        const Token& a = next();
        return function_def(std::move(decorators), &a);
      }
      return fail_generic();
    }
    case Tok::Def: return function_def({}, nullptr);
    case Tok::Class: return class_def({});
    case Tok::If: return if_stmt(false);
    case Tok::While: return while_stmt();
    case Tok::For: return for_stmt(nullptr);
    case Tok::Try: return try_stmt();
    case Tok::With: return with_stmt(nullptr);
    case Tok::Async: {
      const Token& a = next();
      if (at(Tok::Def)) return function_def({}, &a);
      if (at(Tok::For)) return for_stmt(&a);
      if (at(Tok::With)) return with_stmt(&a);
      return fail_generic();
    }
    default: return fail_generic();
  }
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Parser::Stmt* Parser::function_def(std::vector<Expr*> decorators, const Token* async_tok) {
  const Token& kw = next();
  const Token& start = async_tok ? *async_tok : kw;
  auto* f = make<ast::FunctionDef>(pos_of(start),
                                   async_tok ? ast::SK::AsyncFunctionDef : ast::SK::FunctionDef);
  f->decorator_list = std::move(decorators);
  if (!at(Tok::Name)) return fail_generic();
  f->name = std::string(next().text);
  if (!expect_forced(Tok::LPar)) return nullptr;
  f->args = parameters(false, Tok::RPar);
  if (!f->args) return nullptr;
  if (!expect(Tok::RPar)) return nullptr;
  if (at(Tok::RArrow)) {
    // ['->' expression] is optional: when no expression follows, CPython's parser backs up
    // and reports "expected ':'" at the arrow.
    Mark m = mark();
    next();
    f->returns = expression();
    if (!f->returns) {
      if (!generic_failure_) return nullptr;
      reset(m, false);
    }
  }
  if (!expect_forced(Tok::Colon)) return nullptr;
  if (!block(f->body, "function definition", kw.line)) return nullptr;
  f->pos = span_from(start);
  return f;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Parser::Stmt* Parser::class_def(std::vector<Expr*> decorators) {
  const Token& kw = next();
  auto* c = make<ast::ClassDef>(pos_of(kw));
  c->decorator_list = std::move(decorators);
  if (!at(Tok::Name)) return fail_generic();
  c->name = std::string(next().text);
  if (at(Tok::LPar)) {
    const Token& lpar = next();
    auto* call = make<ast::Call>(pos_of(lpar));
    if (!call_arguments(call, lpar, false)) return nullptr;
    c->bases = std::move(call->args);
    c->keywords = std::move(call->keywords);
  }
  if (!colon_after("class")) return nullptr;
  if (!block(c->body, "class definition", kw.line)) return nullptr;
  c->pos = span_from(kw);
  return c;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
Parser::Stmt* Parser::if_stmt(bool elif) {
  const Token& kw = next();
  auto* s = make<ast::If>(pos_of(kw));
  s->test = named_expression();
  if (!s->test) return nullptr;
  if (!colon_after(elif ? "elif" : "if")) return nullptr;
  if (!block(s->body, elif ? "'elif' statement" : "'if' statement", kw.line)) return nullptr;
  if (at(Tok::Elif)) {
    Stmt* e = if_stmt(true);
    if (!e) return nullptr;
    s->orelse.push_back(e);
  } else if (at(Tok::Else)) {
    if (!else_block(s->orelse, "'else' statement")) return nullptr;
  }
  s->pos = span_from(kw);
  return s;
}

// else_block: 'else' &&':' block
bool Parser::else_block(std::vector<Stmt*>& out, const char* what) {
  const Token& kw = next();
  if (!expect_forced(Tok::Colon)) return false;
  return block(out, what, kw.line);
}

// while_stmt: 'while' named_expression ':' block [else_block]
Parser::Stmt* Parser::while_stmt() {
  const Token& kw = next();
  auto* s = make<ast::While>(pos_of(kw));
  s->test = named_expression();
  if (!s->test) return nullptr;
  if (!colon_after("while")) return nullptr;
  if (!block(s->body, "'while' statement", kw.line)) return nullptr;
  if (at(Tok::Else) && !else_block(s->orelse, "'else' statement")) return nullptr;
  s->pos = span_from(kw);
  return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Parser::Stmt* Parser::for_stmt(const Token* async_tok) {
  const Token& kw = next();
  const Token& start = async_tok ? *async_tok : kw;
  auto* s = make<ast::For>(pos_of(start), async_tok ? ast::SK::AsyncFor : ast::SK::For);
  s->target = star_targets_for();
  if (!s->target) return nullptr;
  if (!expect(Tok::In)) return nullptr;
  s->iter = star_expressions();
  if (!s->iter) return nullptr;
  if (!colon_after("for")) return nullptr;
  if (!block(s->body, "'for' statement", kw.line)) return nullptr;
  if (at(Tok::Else) && !else_block(s->orelse, "'else' statement")) return nullptr;
  s->pos = span_from(start);
  return s;
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | [ASYNC] 'with' ','.with_item+ ':' block
Parser::Stmt* Parser::with_stmt(const Token* async_tok) {
  const Token& kw = next();
  const Token& start = async_tok ? *async_tok : kw;
  auto* s = make<ast::With>(pos_of(start), async_tok ? ast::SK::AsyncWith : ast::SK::With);
  bool done = false;
  if (at(Tok::LPar)) {
    Mark m = mark();
    next();
    std::vector<ast::WithItem*> items;
    if (with_items(items, true) && accept(Tok::RPar) && at(Tok::Colon)) {
      s->items = std::move(items);
      done = true;
    } else {
      reset(m, false);
    }
  }
  if (!done && !with_items(s->items, false)) return nullptr;
  if (!colon_after("with")) return nullptr;
  if (!block(s->body, "'with' statement", kw.line)) return nullptr;
  s->pos = span_from(start);
  return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
bool Parser::with_items(std::vector<ast::WithItem*>& items, bool parenthesized) {
  for (;;) {
    auto* item = arena_.make<ast::WithItem>();
    item->context_expr = expression();
    if (!item->context_expr) return false;
    if (accept(Tok::As)) {
      item->optional_vars = single_star_target();
      if (!item->optional_vars) return false;
      if (!at(Tok::Comma) && !at(Tok::RPar) && !at(Tok::Colon)) {
        if (at(Tok::Newline)) return fail_last("expected ':'");  // invalid_with_stmt
        return fail_generic();
      }
      if (!validate_targets(item->optional_vars, TargetsType::Star)) return false;
      set_context(item->optional_vars, ast::Ctx::Store);
    }
    items.push_back(item);
    if (!accept(Tok::Comma)) break;
    if (parenthesized && at(Tok::RPar)) break;
  }
  return true;
}

// try_stmt: 'try' &&':' block finally_block
//         | 'try' &&':' block except_block+ [else_block] [finally_block]
//         | 'try' &&':' block except_star_block+ [else_block] [finally_block]
Parser::Stmt* Parser::try_stmt() {
  const Token& kw = next();
  if (!expect_forced(Tok::Colon)) return nullptr;
  std::vector<Stmt*> body;
  if (!block(body, "'try' statement", kw.line)) return nullptr;
  bool star = at(Tok::Except) && kind(1) == Tok::Star;
  auto* s = make<ast::Try>(pos_of(kw), star ? ast::SK::TryStar : ast::SK::Try);
  s->body = std::move(body);
  if (!at(Tok::Except) && !at(Tok::Finally))
    return fail_last("expected 'except' or 'finally' block");
  while (at(Tok::Except)) {
    const Token& ex = next();
    bool this_star = accept(Tok::Star);
    if (this_star != star)
      return fail_token(ex, "cannot have both 'except' and 'except*' on the same 'try'");
    auto* h = make<ast::ExceptHandler>(pos_of(ex));
    if (!at(Tok::Colon)) {
      if (this_star && at(Tok::Newline)) return fail_last("expected ':'");
      if (at(Tok::Newline)) return fail_last("expected ':'");
      h->type = expression();
      if (!h->type) return nullptr;
      if (at(Tok::Comma)) {
        return fail_range(h->type->pos, h->type->pos,
                          "multiple exception types must be parenthesized");
      }
      if (accept(Tok::As)) {
        if (!at(Tok::Name)) return fail_generic();
        h->name = std::string(next().text);
      }
    } else if (this_star) {
      return fail_last("expected one or more exception types");
    }
    if (!colon_after("except")) return nullptr;
    if (!block(h->body, this_star ? "'except*' statement" : "'except' statement", ex.line))
      return nullptr;
    h->pos = span_from(ex);
    s->handlers.push_back(h);
  }
  if (at(Tok::Else)) {
    if (s->handlers.empty()) return fail_generic();
    if (!else_block(s->orelse, "'else' statement")) return nullptr;
  }
  if (at(Tok::Finally)) {
    const Token& fin = next();
    if (!expect_forced(Tok::Colon)) return nullptr;
    if (!block(s->finalbody, "'finally' statement", fin.line)) return nullptr;
  }
  s->pos = span_from(kw);
  return s;
}

// ---- entry points -------------------------------------------------------------------------

std::unique_ptr<ast::Module> parse_module(std::string_view source, SyntaxErrorInfo* err,
                                          std::vector<SyntaxWarningInfo>* warnings) {
  return parse_module(SourceBuffer(source), err, warnings);
}

std::unique_ptr<ast::Module> parse_module(const SourceBuffer& buf, SyntaxErrorInfo* err,
                                          std::vector<SyntaxWarningInfo>* warnings) {
  Lexer lexer(buf);
  std::vector<Token> tokens = lexer.tokenize();
  std::vector<SyntaxWarningInfo> found = lexer.warnings();
  auto mod = std::make_unique<ast::Module>();
  Parser parser(buf, std::move(tokens), &lexer.error(), mod->arena);
  parser.set_warnings(&found);
  struct Flush {
    std::vector<SyntaxWarningInfo>& found;
    std::vector<SyntaxWarningInfo>* out;
    ~Flush() {
      if (out) out->insert(out->end(), found.begin(), found.end());
    }
  } flush{found, warnings};
  if (!parser.parse_file(mod->body)) {
    if (err) *err = parser.final_error();
    return nullptr;
  }
  return mod;
}

}  // namespace looplab
