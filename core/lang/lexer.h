// Lexer: UTF-8 source text -> tokens, a port of CPython 3.11's tokenizer (tokenizer.c):
// INDENT/DEDENT from an indentation stack (tabs to multiples of 8, checked against a tab=1
// count for TabError), implicit joining inside brackets, backslash continuation, comments,
// strings as single tokens (the parser decodes escapes and f-strings), numbers, and CPython's
// error messages and positions for the tokenizer's own errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lang/source_buffer.h"
#include "lang/syntax_error.h"
#include "lang/token.h"

namespace looplab {

// What the lexer found wrong, and how it competes with a parser error (CPython's rules):
enum class LexErrorKind : uint8_t {
  Raised,    // CPython raises at once: wins over any parser error, even an earlier one
  AtToken,   // CPython only sets an error code: reported if the parser gets that far
  Unclosed,  // input ended inside brackets: reported if the parser gets there, or if the
             // bracket opened on a line before the parser's own error
};

struct LexError {
  SyntaxErrorInfo info;
  LexErrorKind kind = LexErrorKind::Raised;
  int bracket_line = 0;  // line of the innermost open bracket for Unclosed
};

class Lexer {
 public:
  explicit Lexer(const SourceBuffer& src);
  // Lexes bytes [begin, end) of the buffer as if inside brackets (no NEWLINE or indentation):
  // the expressions of f-strings, so their tokens carry their real source positions.
  Lexer(const SourceBuffer& src, uint32_t begin, uint32_t end);

  // All tokens up to ENDMARKER, or up to and including an Error token (see error()).
  std::vector<Token> tokenize();
  const LexError& error() const { return error_; }
  const std::vector<SyntaxWarningInfo>& warnings() const { return warnings_; }

 private:
  Tok next(Token& tok);
  bool at_bol_indentation(Token& tok, bool& emitted);
  Tok lex_number(int c, Token& tok);
  Tok lex_string(Token& tok, int quote);
  bool verify_end_of_number(int c, const char* kind);
  int decimal_tail();
  int nextc();
  void backup(int c);
  bool lookahead(const char* rest);
  Tok fail(const std::string& msg);  // CPython's syntaxerror(): at the cursor, Raised
  Tok fail_at(const std::string& msg, int line, int offset, int end_line, int end_offset,
              SyntaxErrorKind kind = SyntaxErrorKind::Syntax,
              LexErrorKind how = LexErrorKind::Raised);
  int cur_offset() const;  // CPython's offset for the cursor position (characters from bol)
  void finish(Token& tok, Tok kind);

  const SourceBuffer& src_;
  const char* buf_;
  uint32_t pos_;         // cursor (next byte to read)
  uint32_t end_;         // end of the input range
  uint32_t line_start_;  // offset of the current line
  int lineno_;
  uint32_t start_ = 0;   // start of the token being read
  int start_line_ = 0;
  uint32_t start_line_start_ = 0;
  bool sub_ = false;     // lexing an f-string expression

  // Indentation state, as tokenizer.c's indstack/altindstack/pendin/atbol.
  std::vector<int> indstack_{0};
  std::vector<int> altindstack_{0};
  int pendin_ = 0;
  bool atbol_ = true;
  bool cont_line_ = false;
  int indent_cur_ = 0;   // byte width of the current line's indentation

  // Open brackets, innermost last.
  struct Bracket {
    char ch;
    int line, col;
  };
  std::vector<Bracket> brackets_;

  LexError error_;
  std::vector<SyntaxWarningInfo> warnings_;
};

// Helpers shared with the parser.
bool is_identifier_start_cp(uint32_t cp);
bool is_identifier_char_cp(uint32_t cp);

}  // namespace looplab
