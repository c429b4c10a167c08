// The parser's internals, shared by parser.cpp (statements and errors), parser_expr.cpp
// (expressions, arguments, targets) and parser_string.cpp (string literals and f-strings).
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/lexer.h"
#include "lang/syntax_error.h"

namespace looplab {

// Where an f-string expression sits, for CPython 3.11's way of reporting errors in it: the
// error text is the expression wrapped in parentheses, offsets count from that text.
struct FStringFrame {
  int line;             // line of the expression's first character
  int col;              // its byte column
  std::string wrapped;  // "(" + expression text + ")"
};

enum class TargetsType { Star, For, Del };

// What the error helpers return: converts to nullptr for functions returning nodes and to
// false for functions returning bool, so both can `return fail_...(...)`.
struct Failure {
  template <class T>
  operator T*() const { return nullptr; }
  operator bool() const { return false; }
};

class Parser {
 public:
  Parser(const SourceBuffer& src, std::vector<Token> tokens, const LexError* lex_error,
         ast::Arena& arena, const FStringFrame* fstring = nullptr);

  bool parse_file(std::vector<ast::Stmt*>& body);
  // The expression of an f-string replacement field: (yield_expr | star_expressions) ENDMARKER.
  ast::Expr* parse_fstring_expr();
  // The error to report, after CPython's rules for lexer-versus-parser errors.
  SyntaxErrorInfo final_error();
  // Where f-string expressions' lexers add their warnings.
  void set_warnings(std::vector<SyntaxWarningInfo>* w) { warnings_ = w; }

 private:
  using Expr = ast::Expr;
  using Stmt = ast::Stmt;
  using Pos = ast::Pos;

  // ---- tokens --------------------------------------------------------------------------------
  const Token& tok(size_t k = 0) {
    size_t i = pos_ + k < toks_.size() ? pos_ + k : toks_.size() - 1;
    if (i > max_peek_) max_peek_ = i;
    return toks_[i];
  }
  Tok kind(size_t k = 0) { return tok(k).kind; }
  // A look ahead that CPython's first pass would not make (a second-pass invalid_* rule):
  // it must not move the furthest-token mark that generic errors are reported at.
  const Token& quiet(size_t k) const {
    size_t i = pos_ + k < toks_.size() ? pos_ + k : toks_.size() - 1;
    return toks_[i];
  }
  bool at(Tok k) { return kind() == k; }
  const Token& next() {
    const Token& t = tok();
    if (pos_ < toks_.size() - 1) pos_++;
    return t;
  }
  bool accept(Tok k) {
    if (!at(k)) return false;
    next();
    return true;
  }
  const Token& prev() const { return toks_[pos_ > 0 ? pos_ - 1 : 0]; }
  bool at_name(const char* text) { return at(Tok::Name) && tok().text == text; }

  Pos pos_of(const Token& t) const { return {t.line, t.col, t.end_line, t.end_col}; }
  // From `start` to the end of the last consumed token (a block ends at its last statement,
  // not at the NEWLINE or DEDENT after it).
  Pos span_from(const Pos& start) const {
    size_t i = pos_ > 0 ? pos_ - 1 : 0;
    while (i > 0 && (toks_[i].kind == Tok::Newline || toks_[i].kind == Tok::Dedent ||
                     toks_[i].kind == Tok::Indent))
      i--;
    const Token& p = toks_[i];
    return {start.line, start.col, p.end_line, p.end_col};
  }
  Pos span_from(const Token& start) const { return span_from(pos_of(start)); }
  static Pos join(const Pos& a, const Pos& b) { return {a.line, a.col, b.end_line, b.end_col}; }

  template <class T, class... Args>
  T* make(const Pos& p, Args&&... args) {
    T* n = arena_.make<T>(std::forward<Args>(args)...);
    n->pos = p;
    return n;
  }

  // ---- errors --------------------------------------------------------------------------------
  // All return Failure so a parse function can `return fail_...(...)`.
  Failure fail_generic();  // "invalid syntax" at the furthest token (or its indent)
  Failure fail_last(const std::string& msg,
                           SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  Failure fail_token(const Token& t, const std::string& msg);
  Failure fail_pos(const Pos& p, const std::string& msg,
                          SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  Failure fail_range(const Pos& a, const Pos& b, const std::string& msg);
  Failure fail_raw(const SyntaxErrorInfo& info);
  Failure fail_not_implemented(int line, const std::string& what);
  bool lexer_error_reached();
  void set_error(SyntaxErrorKind kind, const std::string& msg, int line, int offset,
                 int end_line, int end_offset);
  bool expect(Tok k) { return accept(k) || fail_generic(); }

  // Nesting of the recursive expression rules, capped as CPython's parser caps its stack
  // (MAXSTACK): deeper code is a MemoryError instead of a crash.
  static constexpr int kMaxDepth = 3000;
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) { p.depth_++; }
    ~DepthGuard() { p.depth_--; }
    bool too_deep() const { return p.depth_ > kMaxDepth; }
  };
  Failure fail_too_deep();
  bool expect_forced(Tok k);  // CPython's &&'x': "expected 'x'" at the current token

  struct Mark {
    size_t pos, max_peek;
  };
  Mark mark() const { return {pos_, max_peek_}; }
  // Back to a mark, forgetting an error raised since (for trying an alternative).
  void reset(const Mark& m, bool restore_peek) {
    pos_ = m.pos;
    if (restore_peek) max_peek_ = m.max_peek;
    failed_ = false;
    generic_failure_ = false;
    err_ = SyntaxErrorInfo();
  }

  // ---- statements (parser.cpp) --------------------------------------------------------------
  bool statements_until(Tok end, std::vector<Stmt*>& out);
  bool statement(std::vector<Stmt*>& out);
  bool simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* assignment_or_expr();
  Stmt* return_stmt();
  Stmt* raise_stmt();
  Stmt* del_stmt();
  Stmt* assert_stmt();
  Stmt* global_stmt(bool nonlocal);
  Stmt* import_name();
  Stmt* import_from();
  bool dotted_name(std::string& out);
  bool block(std::vector<Stmt*>& out, const char* what, int line);
  Stmt* compound_stmt();
  Stmt* function_def(std::vector<Expr*> decorators, const Token* async_tok);
  Stmt* class_def(std::vector<Expr*> decorators);
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt(const Token* async_tok);
  Stmt* with_stmt(const Token* async_tok);
  bool with_items(std::vector<ast::WithItem*>& items, bool parenthesized);
  Stmt* try_stmt();
  bool else_block(std::vector<Stmt*>& out, const char* what);
  bool colon_after(const char* what);  // ':' for if/elif/while/for/with/class: error only at NEWLINE
  bool match_stmt_ahead();

  // ---- expressions (parser_expr.cpp) --------------------------------------------------------
  Expr* star_expressions();
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* named_expression();
  Expr* expression();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* atom();
  Expr* yield_expr();
  Expr* lambdef();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  Expr* slices();
  Expr* slice();
  bool comprehension_clauses(std::vector<ast::Comprehension*>& out);
  Expr* comp_target();
  bool call_arguments(ast::Call* call, const Token& lpar, bool allow_genexp = true);
  ast::Arguments* parameters(bool lambda, Tok end);
  ast::Arg* param(bool lambda, bool star_annotation);
  Expr* star_targets_for();  // targets of `for` loops and comprehensions
  Expr* single_star_target();  // the target after `with ... as`
  bool starts_expression(Tok k);
  bool check_invalid_expression(Expr* a, size_t start);
  Expr* check_named_expr_equal(Expr* a);
  Expr* number(const Token& t);
  Expr* binop(const Token& start, Expr* left, ast::Operator op, Expr* right);

  // Targets: set Store/Del context, or fail with CPython's message.
  bool set_context(Expr* e, ast::Ctx ctx);
  Expr* invalid_target(Expr* e, TargetsType type);
  bool validate_targets(Expr* e, TargetsType type);
  bool validate_assign_target(Expr* target, Expr* single_value, Tok value_first);
  bool validate_chain(std::vector<Expr*>& chain, Expr* value, Tok value_first);

  // ---- strings (parser_string.cpp) ----------------------------------------------------------
  Expr* strings();
  bool parse_string_token(const Token& t, bool& is_bytes, bool& is_f, bool& is_raw,
                          bool& u_prefix, std::string_view& body, uint32_t& body_offset);
  bool decode_string(std::string_view body, bool raw, bool is_bytes, const Token& t,
                     std::string& out);
  bool fstring_parse(std::string_view s, size_t& i, uint32_t base, bool raw, int recurse_lvl,
                     const Token& t, std::vector<Expr*>& parts, std::string& literal,
                     const Pos& whole);
  bool fstring_expr(std::string_view s, size_t& i, uint32_t base, bool raw, int recurse_lvl,
                    const Token& t, std::vector<Expr*>& parts, std::string& literal,
                    const Pos& whole);
  Expr* fstring_compile_expr(uint32_t begin, uint32_t end);

  const SourceBuffer& src_;
  std::vector<Token> toks_;
  const LexError* lex_error_;
  ast::Arena& arena_;
  const FStringFrame* fstring_;
  size_t pos_ = 0;
  size_t max_peek_ = 0;
  bool failed_ = false;
  SyntaxErrorInfo err_;
  int depth_ = 0;
  std::vector<SyntaxWarningInfo>* warnings_ = nullptr;
  bool no_invalid_ = false;
  // The current error is plain "invalid syntax": where CPython's PEG parser would just try the
  // next alternative, we may back up and do the same.
  bool generic_failure_ = false;  // CPython's second-pass-only checks are off (a probe is running)
};

}  // namespace looplab
