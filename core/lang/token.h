// Tokens: what the lexer hands the parser. Kinds follow CPython's tokenizer, except that
// operators and keywords get a kind each (as the PEG parser sees them) so the parser switches
// on one enum.
#pragma once

#include <cstdint>
#include <string_view>

namespace looplab {

// X(kind, "text as written" or a description for the non-literal kinds).
#define LOOPLAB_TOKENS(X)                                                                    \
  X(EndMarker, "ENDMARKER") X(Newline, "NEWLINE") X(Indent, "INDENT") X(Dedent, "DEDENT")   \
  X(Name, "NAME") X(Number, "NUMBER") X(String, "STRING")                                    \
  X(Error, "ERRORTOKEN")  /* where the lexer stopped with an error; always the last token */ \
  X(Op, "OP")             /* a character no rule accepts ('$', '?', '!'): a syntax error */  \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{") X(RBrace, "}")          \
  X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Dot, ".") X(Ellipsis, "...") X(At, "@")         \
  X(Plus, "+") X(Minus, "-") X(Star, "*") X(Slash, "/") X(VBar, "|") X(Amper, "&")           \
  X(Less, "<") X(Greater, ">") X(Equal, "=") X(Percent, "%") X(Tilde, "~")                  \
  X(Circumflex, "^") X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")                  \
  X(GreaterEqual, ">=") X(LeftShift, "<<") X(RightShift, ">>") X(DoubleStar, "**")          \
  X(DoubleSlash, "//") X(RArrow, "->") X(ColonEqual, ":=")                                   \
  X(PlusEqual, "+=") X(MinEqual, "-=") X(StarEqual, "*=") X(SlashEqual, "/=")               \
  X(PercentEqual, "%=") X(AmperEqual, "&=") X(VBarEqual, "|=") X(CircumflexEqual, "^=")     \
  X(LeftShiftEqual, "<<=") X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=")              \
  X(DoubleSlashEqual, "//=") X(AtEqual, "@=")                                                \
  X(False, "False") X(None, "None") X(True, "True") X(And, "and") X(As, "as")               \
  X(Assert, "assert") X(Async, "async") X(Await, "await") X(Break, "break")                 \
  X(Class, "class") X(Continue, "continue") X(Def, "def") X(Del, "del") X(Elif, "elif")     \
  X(Else, "else") X(Except, "except") X(Finally, "finally") X(For, "for") X(From, "from")   \
  X(Global, "global") X(If, "if") X(Import, "import") X(In, "in") X(Is, "is")               \
  X(Lambda, "lambda") X(Nonlocal, "nonlocal") X(Not, "not") X(Or, "or") X(Pass, "pass")     \
  X(Raise, "raise") X(Return, "return") X(Try, "try") X(While, "while") X(With, "with")     \
  X(Yield, "yield")

enum class Tok : uint8_t {
#define LOOPLAB_TOK_ENUM(kind, text) kind,
  LOOPLAB_TOKENS(LOOPLAB_TOK_ENUM)
#undef LOOPLAB_TOK_ENUM
      kCount
};

const char* tok_text(Tok kind);  // "(", "if", "NAME", ...
inline bool tok_is_keyword(Tok k) { return k >= Tok::False && k <= Tok::Yield; }

struct Token {
  Tok kind = Tok::EndMarker;
  // Positions as CPython's: 1-based lines, 0-based UTF-8 byte columns. INDENT and DEDENT have
  // col = end_col = -1 (as CPython's); `cur` then holds the indentation width, which the
  // "unexpected indent" error reports.
  int32_t line = 0, col = 0, end_line = 0, end_col = 0;
  int32_t cur = 0;
  int32_t level = 0;      // open brackets after this token (CPython's token->level)
  std::string_view text;  // the token's source bytes (a string keeps its prefix and quotes)
  uint32_t offset = 0;    // byte offset of text in the lexer's buffer
};

}  // namespace looplab
