// The lexer: a close port of CPython 3.11's tok_get() (Parser/tokenizer.c). The cursor moves
// with nextc()/backup() exactly as the C tokenizer's does, because CPython's error offsets are
// wherever its cursor happened to be; copying the moves copies the offsets.
#include "lang/lexer.h"

#include "runtime/unicode_db.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace looplab {

namespace {

constexpr int kEOF = -1;
constexpr int kTabSize = 8;
constexpr int kMaxIndent = 100;
constexpr int kMaxLevel = 200;

const char* const kTokTexts[] = {
#define LOOPLAB_TOK_TEXT(kind, text) text,
    LOOPLAB_TOKENS(LOOPLAB_TOK_TEXT)
#undef LOOPLAB_TOK_TEXT
};

struct Keyword {
  const char* text;
  Tok kind;
};
const Keyword kKeywords[] = {
    {"False", Tok::False}, {"None", Tok::None}, {"True", Tok::True},
    {"and", Tok::And}, {"as", Tok::As}, {"assert", Tok::Assert},
    {"async", Tok::Async}, {"await", Tok::Await}, {"break", Tok::Break},
    {"class", Tok::Class}, {"continue", Tok::Continue}, {"def", Tok::Def},
    {"del", Tok::Del}, {"elif", Tok::Elif}, {"else", Tok::Else},
    {"except", Tok::Except}, {"finally", Tok::Finally}, {"for", Tok::For},
    {"from", Tok::From}, {"global", Tok::Global}, {"if", Tok::If},
    {"import", Tok::Import}, {"in", Tok::In}, {"is", Tok::Is},
    {"lambda", Tok::Lambda}, {"nonlocal", Tok::Nonlocal}, {"not", Tok::Not},
    {"or", Tok::Or}, {"pass", Tok::Pass}, {"raise", Tok::Raise},
    {"return", Tok::Return}, {"try", Tok::Try}, {"while", Tok::While},
    {"with", Tok::With}, {"yield", Tok::Yield},
};

Tok keyword_kind(std::string_view s) {
  for (const Keyword& k : kKeywords)
    if (s == k.text) return k.kind;
  return Tok::Name;
}

bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) {
  return is_potential_identifier_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Decodes one UTF-8 sequence; invalid bytes decode to U+FFFD and advance by one.
uint32_t decode_utf8(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) {
    if (n != 0) {
      i++;
      return 0xFFFD;
    }
  }
  if (n == 0) {
    i++;
    return c;
  }
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; k++) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) {
      i++;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n + 1;
  return cp;
}

}  // namespace

const char* tok_text(Tok kind) { return kTokTexts[int(kind)]; }

// Identifiers are checked against Unicode's XID properties as CPython does (without its NFKC
// normalization, which only matters for compatibility characters).
bool is_identifier_char_cp(uint32_t cp) {
  if (cp < 128) return is_potential_identifier_char(int(cp));
  return unicode::is_xid_continue(cp);
}

bool is_identifier_start_cp(uint32_t cp) {
  if (cp < 128) return is_potential_identifier_start(int(cp));
  return unicode::is_xid_start(cp);
}

static bool is_printable_cp(uint32_t cp) { return unicode::is_printable(cp); }

// ---- Lexer ---------------------------------------------------------------------------------

Lexer::Lexer(const SourceBuffer& src)
    : src_(src), buf_(src.text.data()), pos_(0), end_(uint32_t(src.text.size())),
      line_start_(0), lineno_(1) {}

Lexer::Lexer(const SourceBuffer& src, uint32_t begin, uint32_t end)
    : src_(src), buf_(src.text.data()), pos_(begin), end_(end), sub_(true) {
  auto it = std::upper_bound(src.line_starts.begin(), src.line_starts.end(), begin);
  lineno_ = int(it - src.line_starts.begin());
  line_start_ = src.line_starts[lineno_ - 1];
  atbol_ = false;
  brackets_.push_back({'(', lineno_, int(begin - line_start_)});  // as CPython's "(expr)"
}

int Lexer::nextc() {
  if (pos_ >= end_) return kEOF;  // the cursor stays put, as CPython's at EOF
  if (pos_ > line_start_ && buf_[pos_ - 1] == '\n' && pos_ != line_start_) {
    // First byte of a new line: CPython's tokenizer counts the line when it fetches it.
    lineno_++;
    line_start_ = pos_;
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

void Lexer::backup(int c) {
  if (c != kEOF && pos_ > 0) pos_--;
}

bool Lexer::lookahead(const char* rest) {
  const char* s = rest;
  uint32_t saved = pos_;
  int c = nextc();
  while (*s && c == static_cast<unsigned char>(*s)) {
    s++;
    c = nextc();
  }
  bool matched = !*s && !is_potential_identifier_char(c);
  pos_ = saved;  // CPython's lookahead() backs up everything it read
  return matched;
}

int Lexer::cur_offset() const {
  uint32_t p = pos_;
  int chars = 0;
  for (uint32_t i = line_start_; i < p; i++)
    if ((static_cast<unsigned char>(buf_[i]) & 0xC0) != 0x80) chars++;
  return chars;
}

Tok Lexer::fail_at(const std::string& msg, int line, int offset, int end_line, int end_offset,
                   SyntaxErrorKind kind, LexErrorKind how) {
  error_.kind = how;
  error_.info.kind = kind;
  error_.info.msg = msg;
  error_.info.line = line;
  error_.info.offset = offset;
  error_.info.end_line = end_line;
  error_.info.end_offset = end_offset;
  error_.info.text = std::string(src_.line(line));
  return Tok::Error;
}

// CPython's syntaxerror(tok, ...): reported at the cursor.
Tok Lexer::fail(const std::string& msg) {
  int off = cur_offset();
  return fail_at(msg, lineno_, off, lineno_, off);
}

void Lexer::finish(Token& tok, Tok kind) {
  tok.kind = kind;
  tok.line = start_line_;
  tok.col = int(start_ - start_line_start_);
  uint32_t p = pos_;
  tok.end_line = lineno_;
  tok.end_col = int(p - line_start_);
  tok.offset = start_;
  tok.text = std::string_view(buf_ + start_, p - start_);
}

std::vector<Token> Lexer::tokenize() {
  std::vector<Token> out;
  for (;;) {
    Token tok;
    Tok k = next(tok);
    tok.kind = k;
    tok.level = int32_t(brackets_.size());
    if (k == Tok::Error) {
      // Error tokens sit where the cursor stopped, so "the parser reached it" is well defined.
      tok.line = lineno_;
      tok.end_line = lineno_;
      tok.col = tok.end_col = -1;
      tok.cur = int(pos_ - line_start_);
      out.push_back(tok);
      return out;
    }
    out.push_back(tok);
    if (k == Tok::EndMarker) return out;
  }
}

// Reads the indentation at the beginning of a line and queues INDENT/DEDENT tokens.
// Returns false on an indentation error.
bool Lexer::at_bol_indentation(Token& tok, bool& blankline) {
  (void)tok;
  int col = 0, altcol = 0;
  int c;
  atbol_ = false;
  uint32_t bol = pos_;
  for (;;) {
    c = nextc();
    if (c == ' ') {
      col++, altcol++;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      altcol = altcol + 1;
    } else if (c == '\014') {  // form feed resets the column, as CPython does for Emacs users
      col = altcol = 0;
    } else {
      break;
    }
  }
  backup(c);
  indent_cur_ = int(pos_ - (line_start_ > bol ? line_start_ : bol));
  blankline = (c == '#' || c == '\n');
  if (blankline || brackets_.size() > 0) return true;
  if (c == kEOF) col = altcol = 0;
  if (col == indstack_.back()) {
    if (altcol != altindstack_.back()) {
      fail_at("inconsistent use of tabs and spaces in indentation", lineno_, 1, lineno_, 0,
              SyntaxErrorKind::Tab, LexErrorKind::AtToken);
      return false;
    }
  } else if (col > indstack_.back()) {
    if (int(indstack_.size()) >= kMaxIndent) {
      fail_at("too many levels of indentation", lineno_, 1, lineno_, 0,
              SyntaxErrorKind::Indentation, LexErrorKind::AtToken);
      return false;
    }
    if (altcol <= altindstack_.back()) {
      fail_at("inconsistent use of tabs and spaces in indentation", lineno_, 1, lineno_, 0,
              SyntaxErrorKind::Tab, LexErrorKind::AtToken);
      return false;
    }
    pendin_++;
    indstack_.push_back(col);
    altindstack_.push_back(altcol);
  } else {
    while (indstack_.size() > 1 && col < indstack_.back()) {
      pendin_--;
      indstack_.pop_back();
      altindstack_.pop_back();
    }
    if (col != indstack_.back()) {
      // CPython puts the cursor at the end of the line for this one.
      int len = int(src_.line(lineno_).size());
      int chars = src_.char_offset(lineno_, len);
      fail_at("unindent does not match any outer indentation level", lineno_, chars, lineno_, -1,
              SyntaxErrorKind::Indentation, LexErrorKind::AtToken);
      return false;
    }
    if (altcol != altindstack_.back()) {
      fail_at("inconsistent use of tabs and spaces in indentation", lineno_, 1, lineno_, 0,
              SyntaxErrorKind::Tab, LexErrorKind::AtToken);
      return false;
    }
  }
  return true;
}

Tok Lexer::next(Token& tok) {
  bool blankline = false;
  int c;
nextline:
  blankline = false;
  if (atbol_ && !sub_) {
    if (!at_bol_indentation(tok, blankline)) return Tok::Error;
  }
  start_ = pos_;
  start_line_ = lineno_;
  start_line_start_ = line_start_;
  if (pendin_ != 0) {
    // INDENT/DEDENT carry no columns in CPython; `cur` keeps the indentation width.
    tok.line = tok.end_line = lineno_;
    tok.col = tok.end_col = -1;
    tok.cur = indent_cur_;
    tok.offset = pos_;
    if (pendin_ < 0) {
      pendin_++;
      return Tok::Dedent;
    }
    pendin_--;
    return Tok::Indent;
  }

again:
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\014');
  backup(c);
  start_ = pos_;
  start_line_ = lineno_;
  start_line_start_ = line_start_;
  c = nextc();

  if (c == '#') {
    while (c != kEOF && c != '\n') c = nextc();
  }

  if (c == kEOF) {
    if (sub_) {
      // Stands for the ')' CPython appends to the expression it parses.
      finish(tok, Tok::EndMarker);
      tok.end_col = tok.col + 1;
      return Tok::EndMarker;
    }
    if (!brackets_.empty()) {
      const Bracket& b = brackets_.back();
      char msg[40];
      std::snprintf(msg, sizeof msg, "'%c' was never closed", b.ch);
      fail_at(msg, b.line, src_.char_offset(b.line, b.col), b.line, 0, SyntaxErrorKind::Syntax,
              LexErrorKind::Unclosed);
      error_.bracket_line = b.line;
      return Tok::Error;
    }
    // ENDMARKER has no columns in CPython; errors at it use the cursor (end of the last line).
    tok.line = tok.end_line = lineno_;
    tok.col = tok.end_col = -1;
    tok.cur = int(end_ - line_start_);
    tok.offset = end_;
    return Tok::EndMarker;
  }

  // Identifiers, keywords, and string prefixes.
  if (is_potential_identifier_start(c)) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
      else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
      else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
      else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
      else break;
      c = nextc();
      if (c == '"' || c == '\'') return lex_string(tok, c);
    }
    bool nonascii = false;
    while (is_potential_identifier_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii) {
      std::string_view s(buf_ + start_, pos_ - start_);
      size_t i = 0;
      bool first = true;
      while (i < s.size()) {
        size_t at = i;
        uint32_t cp = decode_utf8(s, i);
        bool ok = first ? is_identifier_start_cp(cp) : is_identifier_char_cp(cp);
        first = false;
        if (!ok) {
          pos_ = start_ + uint32_t(i);  // just past the bad character, as CPython
          char msg[64];
          std::string ch(s.substr(at, i - at));
          if (is_printable_cp(cp))
            std::snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", ch.c_str(), cp);
          else
            std::snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
          return fail(msg);
        }
      }
    }
    finish(tok, Tok::Name);
    return keyword_kind(tok.text);
  }

  if (c == '\n') {
    atbol_ = true;
    if (blankline || !brackets_.empty()) goto nextline;
    // NEWLINE starts at a comment before it, if any, and ends at the '\n' (CPython's spans).
    tok.kind = Tok::Newline;
    tok.line = tok.end_line = start_line_;
    tok.col = int(start_ - start_line_start_);
    tok.end_col = int(pos_ - 1 - line_start_);
    tok.offset = start_;
    tok.text = std::string_view(buf_ + pos_ - 1, 1);
    cont_line_ = false;
    return Tok::Newline;
  }

  if (c == '.') {
    c = nextc();
    if (is_digit(c)) {
      return lex_number('.', tok);
    } else if (c == '.') {
      c = nextc();
      if (c == '.') {
        finish(tok, Tok::Ellipsis);
        return Tok::Ellipsis;
      }
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    finish(tok, Tok::Dot);
    return Tok::Dot;
  }

  if (is_digit(c)) return lex_number(c, tok);

  if (c == '\'' || c == '"') return lex_string(tok, c);

  if (c == '\\') {
    c = nextc();
    if (c != '\n') {
      // CPython: "unexpected character after line continuation character", at the cursor.
      int off = cur_offset();
      return fail_at("unexpected character after line continuation character", lineno_, off,
                     lineno_, 0, SyntaxErrorKind::Syntax, LexErrorKind::AtToken);
    }
    c = nextc();
    if (c == kEOF) {
      int len = int(src_.line(lineno_).size());
      return fail_at("unexpected EOF while parsing", lineno_, src_.char_offset(lineno_, len),
                     lineno_, -1, SyntaxErrorKind::Syntax, LexErrorKind::AtToken);
    }
    backup(c);
    cont_line_ = true;
    goto again;
  }

  // Operators: longest match of three, two, then one character.
  {
    int c2 = nextc();
    Tok two = Tok::Op;
    switch (c) {
      case '!': if (c2 == '=') two = Tok::NotEqual; break;
      case '%': if (c2 == '=') two = Tok::PercentEqual; break;
      case '&': if (c2 == '=') two = Tok::AmperEqual; break;
      case '*': if (c2 == '*') two = Tok::DoubleStar; else if (c2 == '=') two = Tok::StarEqual; break;
      case '+': if (c2 == '=') two = Tok::PlusEqual; break;
      case '-': if (c2 == '=') two = Tok::MinEqual; else if (c2 == '>') two = Tok::RArrow; break;
      case '/': if (c2 == '/') two = Tok::DoubleSlash; else if (c2 == '=') two = Tok::SlashEqual; break;
      case ':': if (c2 == '=') two = Tok::ColonEqual; break;
      case '<': if (c2 == '<') two = Tok::LeftShift; else if (c2 == '=') two = Tok::LessEqual; break;
      case '=': if (c2 == '=') two = Tok::EqEqual; break;
      case '>': if (c2 == '=') two = Tok::GreaterEqual; else if (c2 == '>') two = Tok::RightShift; break;
      case '@': if (c2 == '=') two = Tok::AtEqual; break;
      case '^': if (c2 == '=') two = Tok::CircumflexEqual; break;
      case '|': if (c2 == '=') two = Tok::VBarEqual; break;
      default: break;
    }
    if (two != Tok::Op) {
      int c3 = nextc();
      Tok three = Tok::Op;
      if (c3 == '=') {
        if (two == Tok::DoubleStar) three = Tok::DoubleStarEqual;
        else if (two == Tok::DoubleSlash) three = Tok::DoubleSlashEqual;
        else if (two == Tok::LeftShift) three = Tok::LeftShiftEqual;
        else if (two == Tok::RightShift) three = Tok::RightShiftEqual;
      }
      if (three == Tok::Op) {
        backup(c3);
        three = two;
      }
      finish(tok, three);
      return three;
    }
    backup(c2);
  }

  Tok one = Tok::Op;
  switch (c) {
    case '(': one = Tok::LPar; break;
    case ')': one = Tok::RPar; break;
    case '[': one = Tok::LSqb; break;
    case ']': one = Tok::RSqb; break;
    case '{': one = Tok::LBrace; break;
    case '}': one = Tok::RBrace; break;
    case ':': one = Tok::Colon; break;
    case ',': one = Tok::Comma; break;
    case ';': one = Tok::Semi; break;
    case '+': one = Tok::Plus; break;
    case '-': one = Tok::Minus; break;
    case '*': one = Tok::Star; break;
    case '/': one = Tok::Slash; break;
    case '|': one = Tok::VBar; break;
    case '&': one = Tok::Amper; break;
    case '<': one = Tok::Less; break;
    case '>': one = Tok::Greater; break;
    case '=': one = Tok::Equal; break;
    case '%': one = Tok::Percent; break;
    case '~': one = Tok::Tilde; break;
    case '^': one = Tok::Circumflex; break;
    case '@': one = Tok::At; break;
    default: break;
  }

  // Keep track of bracket nesting.
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (int(brackets_.size()) >= kMaxLevel) return fail("too many nested parentheses");
      brackets_.push_back({char(c), lineno_, int(start_ - line_start_)});
      break;
    case ')':
    case ']':
    case '}': {
      char msg[96];
      if (brackets_.empty() || (sub_ && brackets_.size() == 1)) {
        std::snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return fail(msg);
      }
      Bracket open = brackets_.back();
      brackets_.pop_back();
      if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') ||
            (open.ch == '{' && c == '}'))) {
        if (open.line != lineno_)
          std::snprintf(msg, sizeof msg,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                        "line %d",
                        c, open.ch, open.line);
        else
          std::snprintf(msg, sizeof msg,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        open.ch);
        return fail(msg);
      }
      break;
    }
    default: break;
  }

  if (c < 128 && !is_printable_cp(uint32_t(c))) {
    char msg[64];
    std::snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
    return fail(msg);
  }
  finish(tok, one);
  return one;
}

// CPython's verify_end_of_number: a number directly followed by a letter is an error, except
// for the keywords that may legally follow one ("1if x else y"), which CPython only warns about.
bool Lexer::verify_end_of_number(int c, const char* kind) {
  bool r = false;
  if (c == 'a') r = lookahead("nd");
  else if (c == 'e') r = lookahead("lse");
  else if (c == 'f') r = lookahead("or");
  else if (c == 'i') {
    int c2 = nextc();
    r = c2 == 'f' || c2 == 'n' || c2 == 's';
    backup(c2);
  } else if (c == 'o') r = lookahead("r");
  else if (c == 'n') r = lookahead("ot");
  if (r) {
    warnings_.push_back({lineno_, std::string("invalid ") + kind + " literal"});
    return true;
  }
  if (is_potential_identifier_char(c)) {
    backup(c);
    fail(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

int Lexer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      fail("invalid decimal literal");
      return 0;
    }
  }
  return c;
}

Tok Lexer::lex_number(int c, Token& tok) {
  if (c == '.') {
    c = nextc();  // the first fraction digit
    goto fraction;
  }
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_xdigit(c)) {
          backup(c);
          return fail("invalid hexadecimal literal");
        }
        do {
          c = nextc();
        } while (is_xdigit(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal")) return Tok::Error;
    } else if (c == 'o' || c == 'O') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c < '0' || c >= '8') {
          if (is_digit(c)) return fail(std::string("invalid digit '") + char(c) + "' in octal literal");
          backup(c);
          return fail("invalid octal literal");
        }
        do {
          c = nextc();
        } while (c >= '0' && c < '8');
      } while (c == '_');
      if (is_digit(c)) return fail(std::string("invalid digit '") + char(c) + "' in octal literal");
      if (!verify_end_of_number(c, "octal")) return Tok::Error;
    } else if (c == 'b' || c == 'B') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c != '0' && c != '1') {
          if (is_digit(c)) return fail(std::string("invalid digit '") + char(c) + "' in binary literal");
          backup(c);
          return fail("invalid binary literal");
        }
        do {
          c = nextc();
        } while (c == '0' || c == '1');
      } while (c == '_');
      if (is_digit(c)) return fail(std::string("invalid digit '") + char(c) + "' in binary literal");
      if (!verify_end_of_number(c, "binary")) return Tok::Error;
    } else {
      bool nonzero = false;
      // Old-style octal ("0777") is an error; "0", "00", "0_0", "0.5", "0e1", "0j" are fine.
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return fail("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      uint32_t zeros_end = pos_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return Tok::Error;
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      } else if (c == 'e' || c == 'E') {
        goto exponent;
      } else if (c == 'j' || c == 'J') {
        goto imaginary;
      } else if (nonzero) {
        backup(c);
        int col0 = int(start_ - line_start_);
        int col1 = int(zeros_end - line_start_);
        return fail_at("leading zeros in decimal integer literals are not permitted; use an 0o "
                       "prefix for octal integers",
                       lineno_, src_.char_offset(lineno_, col0), lineno_,
                       src_.char_offset(lineno_, col1) - 1);
      }
      if (!verify_end_of_number(c, "decimal")) return Tok::Error;
    }
  } else {
    c = decimal_tail();
    if (c == 0) return Tok::Error;
    if (c == '.') {
      c = nextc();
    fraction:
      if (is_digit(c)) {
        c = decimal_tail();
        if (c == 0) return Tok::Error;
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      int e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!is_digit(c)) {
          backup(c);
          return fail("invalid decimal literal");
        }
      } else if (!is_digit(c)) {
        backup(c);
        if (!verify_end_of_number(e, "decimal")) return Tok::Error;
        backup(e);
        finish(tok, Tok::Number);
        return Tok::Number;
      }
      c = decimal_tail();
      if (c == 0) return Tok::Error;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = nextc();
      if (!verify_end_of_number(c, "imaginary")) return Tok::Error;
    } else if (!verify_end_of_number(c, "decimal")) {
      return Tok::Error;
    }
  }
  backup(c);
  finish(tok, Tok::Number);
  return Tok::Number;
}

Tok Lexer::lex_string(Token& tok, int quote) {
  int quote_size = 1;
  int end_quote_size = 0;
  int first_lineno = lineno_;
  uint32_t multi_line_start = line_start_;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) quote_size = 3;
    else end_quote_size = 1;  // the empty string
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEOF || (quote_size == 1 && c == '\n')) {
      // Reported at the string's first character, with the line where the lexer gave up.
      int detected = lineno_;
      int col = int(start_ - multi_line_start) + 1;
      char msg[96];
      std::snprintf(msg, sizeof msg,
                    quote_size == 3
                        ? "unterminated triple-quoted string literal (detected at line %d)"
                        : "unterminated string literal (detected at line %d)",
                    detected);
      int off = src_.char_offset(first_lineno, col) - 1;
      return fail_at(msg, first_lineno, off, first_lineno, off);
    }
    if (c == quote) {
      end_quote_size++;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();  // skip the escaped character
    }
  }
  finish(tok, Tok::String);
  return Tok::String;
}

}  // namespace looplab
