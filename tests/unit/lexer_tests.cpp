// Lexer: token kinds, texts and positions as CPython's tokenizer gives them, and its errors.
#include <doctest/doctest.h>

#include <string>

#include "lang/lexer.h"

using namespace looplab;

namespace {

// "KIND text@line:col-end_line:end_col ..." for every token (INDENT/DEDENT without positions).
std::string lex(std::string_view src, bool positions = false) {
  SourceBuffer buf(src);
  Lexer lexer(buf);
  std::string out;
  for (const Token& t : lexer.tokenize()) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Tok::Name: out += "NAME:"; out += t.text; break;
      case Tok::Number: out += "NUM:"; out += t.text; break;
      case Tok::String: out += "STR:"; out += t.text; break;
      case Tok::Error: out += "ERROR"; break;
      default: out += tok_text(t.kind); break;
    }
    if (positions && t.col >= 0)
      out += "@" + std::to_string(t.line) + ":" + std::to_string(t.col) + "-" +
             std::to_string(t.end_line) + ":" + std::to_string(t.end_col);
  }
  return out;
}

// "message line offset end_line end_offset" of the lexer's error, or "" when none.
std::string lex_error(std::string_view src) {
  SourceBuffer buf(src);
  Lexer lexer(buf);
  lexer.tokenize();
  const SyntaxErrorInfo& e = lexer.error().info;
  if (!e.set()) return "";
  return e.msg + " " + std::to_string(e.line) + " " + std::to_string(e.offset) + " " +
         std::to_string(e.end_line) + " " + std::to_string(e.end_offset);
}

}  // namespace

TEST_SUITE_BEGIN("lexer");

TEST_CASE("simple statement with positions") {
  CHECK(lex("x = 1 + foo(2)\n", true) ==
        "NAME:x@1:0-1:1 =@1:2-1:3 NUM:1@1:4-1:5 +@1:6-1:7 NAME:foo@1:8-1:11 (@1:11-1:12 "
        "NUM:2@1:12-1:13 )@1:13-1:14 NEWLINE@1:14-1:14 ENDMARKER");
}

TEST_CASE("keywords, soft keywords and operators") {
  CHECK(lex("if not a is None: match = b**=c//d->e...") ==
        "if not NAME:a is None : NAME:match = NAME:b **= NAME:c // NAME:d -> NAME:e ... "
        "NEWLINE ENDMARKER");
  CHECK(lex("a<<=b>>c!=d:=e@f") ==
        "NAME:a <<= NAME:b >> NAME:c != NAME:d := NAME:e @ NAME:f NEWLINE ENDMARKER");
}

TEST_CASE("indentation makes INDENT and DEDENT; blank and comment lines do not count") {
  CHECK(lex("if x:\n    a\n\n  # c\n    b\nc\n") ==
        "if NAME:x : NEWLINE INDENT NAME:a NEWLINE NAME:b NEWLINE DEDENT NAME:c NEWLINE "
        "ENDMARKER");
  CHECK(lex("def f():\n\tif x:\n\t\treturn\n") ==
        "def NAME:f ( ) : NEWLINE INDENT if NAME:x : NEWLINE INDENT return NEWLINE DEDENT "
        "DEDENT ENDMARKER");
}

TEST_CASE("brackets join lines; backslash continues them") {
  CHECK(lex("x = (1,\n     2)\ny = 1 + \\\n  2\n") ==
        "NAME:x = ( NUM:1 , NUM:2 ) NEWLINE NAME:y = NUM:1 + NUM:2 NEWLINE ENDMARKER");
}

TEST_CASE("a comment before the newline belongs to the NEWLINE's span, as in CPython") {
  CHECK(lex("x # hi\n", true) == "NAME:x@1:0-1:1 NEWLINE@1:2-1:6 ENDMARKER");
}

TEST_CASE("strings keep prefix and quotes; triple quotes span lines") {
  CHECK(lex("a = rb'x\\'' f\"{y}\" '''l1\nl2'''\n", true) ==
        "NAME:a@1:0-1:1 =@1:2-1:3 STR:rb'x\\''@1:4-1:11 STR:f\"{y}\"@1:12-1:18 "
        "STR:'''l1\nl2'''@1:19-2:5 NEWLINE@2:5-2:5 ENDMARKER");
  CHECK(lex("ur'x'") == "NAME:ur STR:'x' NEWLINE ENDMARKER");  // not a prefix in Python 3
}

TEST_CASE("numbers") {
  CHECK(lex("1_000 0x_FF 0o17 0b1_0 1.5e-3 .5 5. 1e10 3j 0 00 0.0") ==
        "NUM:1_000 NUM:0x_FF NUM:0o17 NUM:0b1_0 NUM:1.5e-3 NUM:.5 NUM:5. NUM:1e10 NUM:3j "
        "NUM:0 NUM:00 NUM:0.0 NEWLINE ENDMARKER");
  CHECK(lex("1if x else 2") == "NUM:1 if NAME:x else NUM:2 NEWLINE ENDMARKER");
}

TEST_CASE("Unicode identifiers; columns are UTF-8 bytes") {
  CHECK(lex("이름 = '값'\n", true) == "NAME:이름@1:0-1:6 =@1:7-1:8 STR:'값'@1:9-1:14 "
                                      "NEWLINE@1:14-1:14 ENDMARKER");
}

TEST_CASE("CRLF and a missing final newline") {
  CHECK(lex("a\r\nb") == "NAME:a NEWLINE NAME:b NEWLINE ENDMARKER");
}

TEST_CASE("errors with CPython's messages and offsets") {
  CHECK(lex_error("s = 'abc") == "unterminated string literal (detected at line 1) 1 5 1 5");
  CHECK(lex_error("s = '''abc\n\n") ==
        "unterminated triple-quoted string literal (detected at line 2) 1 5 1 5");
  CHECK(lex_error("x = 'abc\\\ndef") ==
        "unterminated string literal (detected at line 2) 1 5 1 5");
  CHECK(lex_error("f(1,\n2\n") == "'(' was never closed 1 2 1 0");
  CHECK(lex_error("if x:\n  a\n b\n") ==
        "unindent does not match any outer indentation level 3 3 3 -1");
  CHECK(lex_error("if x:\n\ta\n        b\n") ==
        "inconsistent use of tabs and spaces in indentation 3 1 3 0");
  CHECK(lex_error("x = 1abc") == "invalid decimal literal 1 5 1 5");
  CHECK(lex_error("x = 1_") == "invalid decimal literal 1 6 1 6");
  CHECK(lex_error("x = 0777") ==
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
        "octal integers 1 5 1 6");
  CHECK(lex_error("x = 0x") == "invalid hexadecimal literal 1 6 1 6");
  CHECK(lex_error("x = 0b2") == "invalid digit '2' in binary literal 1 7 1 7");
  CHECK(lex_error("x = 0o8") == "invalid digit '8' in octal literal 1 7 1 7");
  CHECK(lex_error("x = 1e5j_") == "invalid imaginary literal 1 8 1 8");
  CHECK(lex_error("a = €") == "invalid character '€' (U+20AC) 1 5 1 5");
  CHECK(lex_error("a = \xc2\xa0") == "invalid non-printable character U+00A0 1 5 1 5");
  CHECK(lex_error("a = )") == "unmatched ')' 1 5 1 5");
  CHECK(lex_error("a = (\n]") ==
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1 2 1 2 1");
  CHECK(lex_error("x = 1 \\ y") ==
        "unexpected character after line continuation character 1 8 1 0");
  CHECK(lex_error("x = \\") == "unexpected EOF while parsing 1 6 1 -1");
}

TEST_CASE("the error token ends the stream and says how the error competes with the parser's") {
  SourceBuffer buf("x = (1,\n");
  Lexer lexer(buf);
  auto toks = lexer.tokenize();
  CHECK(toks.back().kind == Tok::Error);
  CHECK(lexer.error().kind == LexErrorKind::Unclosed);
  CHECK(lexer.error().bracket_line == 1);
  SourceBuffer buf2("if x:\n\ta\n        b\n");
  Lexer lexer2(buf2);
  lexer2.tokenize();
  CHECK(lexer2.error().kind == LexErrorKind::AtToken);
}

TEST_CASE("a number directly followed by a keyword is a SyntaxWarning, as in CPython 3.11") {
  SourceBuffer buf("x = 1if y else 2\nz = 0x1for\n");
  Lexer lexer(buf);
  lexer.tokenize();
  REQUIRE(lexer.warnings().size() == 2);
  CHECK(lexer.warnings()[0].line == 1);
  CHECK(lexer.warnings()[0].msg == "invalid decimal literal");
  CHECK(lexer.warnings()[1].line == 2);
  CHECK(lexer.warnings()[1].msg == "invalid hexadecimal literal");
}

TEST_SUITE_END();
