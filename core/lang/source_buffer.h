// SourceBuffer: program text prepared for the lexer, and the line table tracebacks quote from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace looplab {

// The program text prepared for lexing: "\r\n" and "\r" become "\n", a UTF-8 BOM is dropped,
// and a final newline is added if missing (as CPython's tokenizer does). Tokens point into it.
struct SourceBuffer {
  std::string text;
  std::vector<uint32_t> line_starts;  // byte offset where each line starts; line 1 at [0]

  explicit SourceBuffer(std::string_view source);
  int line_count() const { return int(line_starts.size()); }
  std::string_view line(int lineno) const;  // without its '\n'; empty when out of range
  // CPython's 1-based character offset for a 0-based byte column on a line.
  int char_offset(int lineno, int byte_col) const;
};

}  // namespace looplab
