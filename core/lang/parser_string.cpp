// The parser: string literals. Adjacent STRING tokens concatenate; escapes are decoded here;
// f-strings are split into literal parts and replacement fields whose expressions are lexed
// and parsed in place (so their nodes carry real source positions). A port of CPython 3.11's
// Parser/string_parser.c, with its error messages and its positions.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "lang/parser.h"
#include "lang/parser_impl.h"

namespace looplab {

using namespace ast;

namespace {

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Splits a STRING token into its prefix flags and body (between the quotes).
bool Parser::parse_string_token(const Token& t, bool& is_bytes, bool& is_f, bool& is_raw,
                                bool& u_prefix, std::string_view& body, uint32_t& body_offset) {
  std::string_view s = t.text;
  size_t i = 0;
  is_bytes = is_f = is_raw = u_prefix = false;
  while (i < s.size() && s[i] != '\'' && s[i] != '"') {
    char c = char(s[i] | 0x20);
    if (c == 'b') is_bytes = true;
    else if (c == 'r') is_raw = true;
    else if (c == 'f') is_f = true;
    else if (c == 'u') u_prefix = true;
    i++;
  }
  char q = s[i];
  size_t quote_len = (s.size() - i >= 6 && s[i + 1] == q && s[i + 2] == q) ? 3 : 1;
  body = s.substr(i + quote_len, s.size() - i - 2 * quote_len);
  body_offset = t.offset + uint32_t(i + quote_len);
  return true;
}

// decode_unicode_with_escapes / decode_bytes_with_escapes. Error positions count each
// non-ASCII character as 10 bytes, because CPython rewrites them as \UXXXXXXXX first.
bool Parser::decode_string(std::string_view body, bool raw, bool is_bytes, const Token& t,
                           std::string& out) {
  if (is_bytes) {
    for (unsigned char c : body) {
      if (c >= 0x80) {
        fail_token(t, "bytes can only contain ASCII literal characters");
        return false;
      }
    }
  }
  if (raw || body.find('\\') == std::string_view::npos) {
    out.append(body);
    return true;
  }
  size_t i = 0;
  size_t vpos = 0;  // CPython's position in its rewritten buffer
  auto unicode_error = [&](size_t start, size_t end, const char* reason) {
    char msg[160];
    if (end - start == 1)
      std::snprintf(msg, sizeof msg,
                    "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                    "%zu: %s",
                    start, reason);
    else
      std::snprintf(msg, sizeof msg,
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    "%zu-%zu: %s",
                    start, end - 1, reason);
    fail_last(msg);
    return false;
  };
  while (i < body.size()) {
    unsigned char c = body[i];
    if (c != '\\') {
      if (c >= 0x80) {
        size_t j = i + 1;
        while (j < body.size() && (static_cast<unsigned char>(body[j]) & 0xC0) == 0x80) j++;
        out.append(body.substr(i, j - i));
        i = j;
        vpos += 10;
      } else {
        out += char(c);
        i++;
        vpos++;
      }
      continue;
    }
    size_t start = vpos;
    if (i + 1 >= body.size()) return unicode_error(start, start + 1, "\\ at end of string");
    char e = body[i + 1];
    i += 2;
    vpos += 2;
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = uint32_t(e - '0');
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; k++) {
          v = v * 8 + uint32_t(body[i] - '0');
          i++;
          vpos++;
        }
        if (is_bytes) out += char(v & 0xFF);
        else append_utf8(v, out);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (is_bytes && e != 'x') {  // \u and \U are not escapes in bytes
          out += '\\';
          out += e;
          break;
        }
        int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        const char* reason = e == 'x'   ? "truncated \\xXX escape"
                             : e == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
        uint32_t v = 0;
        for (int k = 0; k < count; k++) {
          int h = i < body.size() ? hex_value(body[i]) : -1;
          if (h < 0) {
            if (is_bytes) {
              char msg[64];
              std::snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu",
                            start);
              fail_last(msg);
              return false;
            }
            return unicode_error(start, vpos, reason);
          }
          v = v * 16 + uint32_t(h);
          i++;
          vpos++;
        }
        if (is_bytes) {
          out += char(v);
        } else {
          if (v > 0x10FFFF) return unicode_error(start, vpos, "illegal Unicode character");
          append_utf8(v, out);
        }
        break;
      }
      case 'N':
        if (!is_bytes) {
          fail_not_implemented(t.line, "\\N{...} escapes in strings are not supported");
          return false;
        }
        [[fallthrough]];
      default:
        // Unknown escapes stay as written (CPython only warns).
        out += '\\';
        i--;
        vpos--;
        break;
    }
  }
  return true;
}

// strings: STRING+ (concatenated; any f-string makes the whole a JoinedStr)
Expr* Parser::strings() {
  const Token& first = tok();
  std::vector<const Token*> parts;
  while (at(Tok::String)) parts.push_back(&next());
  Pos whole = span_from(first);
  tok();  // CPython has looked at the token after the strings: errors are reported there

  bool bytes_mode = false;
  bool fmode = false;
  bool first_u = false;
  std::string text;              // bytes, or the pending literal text
  std::vector<Expr*> values;     // JoinedStr values when fmode
  for (size_t k = 0; k < parts.size(); k++) {
    const Token& t = *parts[k];
    bool is_bytes, is_f, is_raw, u;
    std::string_view body;
    uint32_t body_offset;
    parse_string_token(t, is_bytes, is_f, is_raw, u, body, body_offset);
    if (k == 0) first_u = u;
    if (k != 0 && bytes_mode != is_bytes) return fail_last("cannot mix bytes and nonbytes literals");
    bytes_mode = is_bytes;
    if (is_f) {
      fmode = true;
      size_t i = 0;
      if (!fstring_parse(body, i, body_offset, is_raw, 0, t, values, text, whole)) return nullptr;
    } else {
      if (!decode_string(body, is_raw, is_bytes, t, text)) return nullptr;
    }
  }
  if (!fmode) {
    auto* c = make<Constant>(whole);
    c->value.kind = bytes_mode ? ConstValue::Kind::Bytes : ConstValue::Kind::Str;
    c->value.s = std::move(text);
    c->u_prefix = first_u;
    return c;
  }
  if (!text.empty()) {
    auto* c = make<Constant>(whole);
    c->value.kind = ConstValue::Kind::Str;
    c->value.s = std::move(text);
    c->u_prefix = first_u;
    values.push_back(c);
  }
  auto* j = make<JoinedStr>(whole);
  j->values = std::move(values);
  return j;
}

// _PyPegen_FstringParser_ConcatFstring: literal text and replacement fields of one f-string
// (or of a format spec when recurse_lvl > 0, which ends at its '}'). `s` is the body, `base`
// its byte offset in the source. Literal text accumulates in `literal` until a field needs
// it flushed as a Constant.
bool Parser::fstring_parse(std::string_view s, size_t& i, uint32_t base, bool raw,
                           int recurse_lvl, const Token& t, std::vector<Expr*>& parts,
                           std::string& literal, const Pos& whole) {
  for (;;) {
    // fstring_find_literal
    size_t lit_start = i;
    bool doubled = false;
    while (i < s.size()) {
      char ch = s[i++];
      if (!raw && ch == '\\' && i < s.size()) {
        ch = s[i++];
        if (ch == 'N') {
          if (i < s.size() && s[i++] == '{') {
            while (i < s.size() && s[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (recurse_lvl == 0) {
          if (i < s.size() && s[i] == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') {
            i--;
            fail_last("f-string: single '}' is not allowed");
            return false;
          }
        }
        i--;
        break;
      }
    }
    size_t lit_end = i;  // for a doubled brace, the literal keeps the first one
    if (lit_end > lit_start) {
      std::string_view chunk = s.substr(lit_start, lit_end - lit_start);
      if (raw) literal.append(chunk);
      else if (!decode_string(chunk, false, false, t, literal)) return false;
    }
    if (doubled) {
      i++;  // skip the second brace
      continue;
    }
    if (i >= s.size() || s[i] == '}') break;
    // A replacement field: flush the literal first.
    if (!fstring_expr(s, i, base, raw, recurse_lvl, t, parts, literal, whole)) return false;
  }
  if (recurse_lvl == 0 && i < s.size()) {
    fail_last("f-string: unexpected end of string");
    return false;
  }
  if (recurse_lvl != 0 && (i >= s.size() || s[i] != '}')) {
    fail_last("f-string: expecting '}'");
    return false;
  }
  return true;
}

// fstring_find_expr: one {expression[=][!conversion][:format_spec]} field at s[i] == '{'.
bool Parser::fstring_expr(std::string_view s, size_t& i, uint32_t base, bool raw,
                          int recurse_lvl, const Token& t, std::vector<Expr*>& parts,
                          std::string& literal, const Pos& whole) {
  if (recurse_lvl >= 2) {
    fail_last("f-string: expressions nested too deeply");
    return false;
  }
  i++;  // '{'
  size_t expr_start = i;
  char quote_char = 0;
  int string_type = 0;
  std::vector<char> stack;
  for (; i < s.size(); i++) {
    char ch = s[i];
    if (ch == '\\') {
      fail_last("f-string expression part cannot include a backslash");
      return false;
    }
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (i + 2 < s.size() && s[i + 1] == ch && s[i + 2] == ch) {
            i += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (i + 2 < s.size() && s[i + 1] == ch && s[i + 2] == ch) {
        string_type = 3;
        i += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (stack.size() >= 200) {
        fail_last("f-string: too many nested parenthesis");
        return false;
      }
      stack.push_back(ch);
    } else if (ch == '#') {
      fail_last("f-string expression part cannot include '#'");
      return false;
    } else if (stack.empty() &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (i + 1 < s.size()) {
        char nx = s[i + 1];
        if ((ch == '!' && nx == '=') || (ch == '=' && nx == '=') || (ch == '<' && nx == '=') ||
            (ch == '>' && nx == '=')) {
          i++;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      char msg[96];
      if (stack.empty()) {
        std::snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
        fail_last(msg);
        return false;
      }
      char opening = stack.back();
      stack.pop_back();
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
            (opening == '{' && ch == '}'))) {
        std::snprintf(msg, sizeof msg,
                      "f-string: closing parenthesis '%c' does not match opening parenthesis "
                      "'%c'",
                      ch, opening);
        fail_last(msg);
        return false;
      }
    }
  }
  size_t expr_end = i;
  if (quote_char) {
    fail_last("f-string: unterminated string");
    return false;
  }
  if (!stack.empty()) {
    char msg[48];
    std::snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack.back());
    fail_last(msg);
    return false;
  }
  if (i >= s.size()) {
    fail_last("f-string: expecting '}'");
    return false;
  }
  // fstring_compile_expr: not all whitespace, then parse it as "(expression)".
  size_t k = expr_start;
  while (k < expr_end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f')) k++;
  if (k == expr_end) {
    char c = s[expr_end];
    if (c == '!' || c == ':' || c == '=') {
      char msg[64];
      std::snprintf(msg, sizeof msg, "f-string: expression required before '%c'", c);
      fail_last(msg);
    } else {
      fail_last("f-string: empty expression not allowed");
    }
    return false;
  }
  Expr* value = fstring_compile_expr(base + uint32_t(expr_start), base + uint32_t(expr_end));
  if (!value) return false;

  std::string expr_text;
  bool debug = false;
  if (s[i] == '=') {
    i++;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' ||
                            s[i] == '\r' || s[i] == '\v'))
      i++;
    if (i >= s.size()) {
      fail_last("f-string: expecting '}'");
      return false;
    }
    expr_text = std::string(s.substr(expr_start, i - expr_start));
    debug = true;
  }
  int conversion = -1;
  if (s[i] == '!') {
    i++;
    if (i >= s.size()) {
      fail_last("f-string: expecting '}'");
      return false;
    }
    conversion = static_cast<unsigned char>(s[i]);
    i++;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      fail_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return false;
    }
  }
  Expr* format_spec = nullptr;
  if (i >= s.size()) {
    fail_last("f-string: expecting '}'");
    return false;
  }
  if (s[i] == ':') {
    i++;
    if (i >= s.size()) {
      fail_last("f-string: expecting '}'");
      return false;
    }
    std::vector<Expr*> spec_parts;
    std::string spec_literal;
    if (!fstring_parse(s, i, base, raw, recurse_lvl + 1, t, spec_parts, spec_literal, whole))
      return false;
    if (!spec_literal.empty()) {
      auto* c = make<Constant>(pos_of(t));  // CPython's Finish(t, t) for the spec's tail
      c->value.kind = ConstValue::Kind::Str;
      c->value.s = std::move(spec_literal);
      spec_parts.push_back(c);
    }
    auto* j = make<JoinedStr>(pos_of(t));  // CPython: the spec spans the current token
    j->values = std::move(spec_parts);
    format_spec = j;
  }
  if (i >= s.size() || s[i] != '}') {
    fail_last("f-string: expecting '}'");
    return false;
  }
  i++;
  if (debug) {
    literal += expr_text;
    if (!format_spec && conversion == -1) conversion = 'r';
  }
  if (!literal.empty()) {
    auto* c = make<Constant>(whole);
    c->value.kind = ConstValue::Kind::Str;
    c->value.s = std::move(literal);
    literal.clear();
    parts.push_back(c);
  }
  auto* fv = make<FormattedValue>(whole);
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = format_spec;
  parts.push_back(fv);
  return true;
}

// Lexes and parses source bytes [begin, end) as an f-string's expression. Errors get the
// "f-string: " prefix and CPython 3.11's positions (relative to "(expression)").
Expr* Parser::fstring_compile_expr(uint32_t begin, uint32_t end) {
  Lexer lexer(src_, begin, end);
  std::vector<Token> tokens = lexer.tokenize();
  FStringFrame frame;
  frame.line = int(std::upper_bound(src_.line_starts.begin(), src_.line_starts.end(), begin) -
                   src_.line_starts.begin());
  frame.col = int(begin - src_.line_starts[frame.line - 1]);
  frame.wrapped = "(" + std::string(src_.text.data() + begin, end - begin) + ")";
  if (warnings_)
    warnings_->insert(warnings_->end(), lexer.warnings().begin(), lexer.warnings().end());
  Parser sub(src_, std::move(tokens), &lexer.error(), arena_, &frame);
  sub.set_warnings(warnings_);
  Expr* e = sub.parse_fstring_expr();
  if (e) return e;
  SyntaxErrorInfo info = sub.final_error();
  if (lexer.error().info.set() && info.msg == lexer.error().info.msg) {
    // A tokenizer error: CPython's cursor counted from the "(" it added.
    if (info.line == frame.line) {
      int shift = src_.char_offset(frame.line, frame.col) - 2;
      info.offset -= shift;
      if (info.end_offset > 0) info.end_offset -= shift;
    }
  } else if (info.kind != SyntaxErrorKind::NotImplemented && info.kind != SyntaxErrorKind::Memory) {
    info.msg = "f-string: " + info.msg;
  }
  if (info.line == frame.line) info.text = frame.wrapped;
  fail_raw(info);
  return nullptr;
}

// (yield_expr | star_expressions) ENDMARKER, inside an f-string's braces.
Expr* Parser::parse_fstring_expr() {
  Expr* e = at(Tok::Yield) ? yield_expr() : star_expressions();
  if (!e) return nullptr;
  if (!at(Tok::EndMarker)) return fail_generic();
  return e;
}

}  // namespace looplab
