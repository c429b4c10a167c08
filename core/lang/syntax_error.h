// SyntaxErrorInfo: a front-end error before it becomes a Python exception. The lexer, parser,
// symbol table and compiler fill one; compile_module turns it into SyntaxError (or
// IndentationError, TabError, NotImplementedError) in the VM. Kept VM-free so the lexer and
// parser can be tested alone.
#pragma once

#include <string>

namespace looplab {

// Not all are SyntaxErrors: CPython reports code nested too deeply to parse as MemoryError
// and too deeply to compile as RecursionError; unsupported features are NotImplementedError.
enum class SyntaxErrorKind : uint8_t { Syntax, Indentation, Tab, NotImplemented, Memory, Recursion };

struct SyntaxErrorInfo {
  SyntaxErrorKind kind = SyntaxErrorKind::Syntax;
  std::string msg;     // CPython 3.11's message text
  // As CPython's SyntaxError attributes: lineno, offset (1-based, in characters), end_lineno,
  // end_offset (0 or -1 when CPython reports none).
  int line = 0, offset = 0, end_line = 0, end_offset = 0;
  std::string text;    // the source line the error is on (CPython's .text), without newline

  bool set() const { return !msg.empty(); }
};

// A SyntaxWarning found while lexing (CPython's tokenizer warns about `1if x else y`); the
// compiler prints these first, then its own.
struct SyntaxWarningInfo {
  int line = 0;
  std::string msg;
};

}  // namespace looplab
