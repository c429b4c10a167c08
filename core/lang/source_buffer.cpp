#include "lang/source_buffer.h"

#include <cstring>

namespace looplab {

SourceBuffer::SourceBuffer(std::string_view source) {
  if (source.size() >= 3 && std::memcmp(source.data(), "\xEF\xBB\xBF", 3) == 0)
    source.remove_prefix(3);
  text.reserve(source.size() + 1);
  if (source.find('\r') == std::string_view::npos) {
    text.assign(source);  // the common case: nothing to translate
  } else {
    for (size_t i = 0; i < source.size(); i++) {
      char c = source[i];
      if (c == '\r') {
        if (i + 1 < source.size() && source[i + 1] == '\n') i++;
        c = '\n';
      }
      text.push_back(c);
    }
  }
  if (text.empty() || text.back() != '\n') text.push_back('\n');
  line_starts.push_back(0);
  const char* begin = text.data();
  const char* last = begin + text.size() - 1;  // the final '\n' starts no line
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', size_t(last - p)))); p++)
    line_starts.push_back(uint32_t(p - begin + 1));
}

std::string_view SourceBuffer::line(int lineno) const {
  if (lineno < 1 || lineno > line_count()) return {};
  uint32_t b = line_starts[lineno - 1];
  uint32_t e = lineno < line_count() ? line_starts[lineno] : uint32_t(text.size());
  std::string_view s(text.data() + b, e - b);
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return s;
}

int SourceBuffer::char_offset(int lineno, int byte_col) const {
  if (lineno < 1 || lineno > line_count()) return byte_col + 1;
  uint32_t b = line_starts[lineno - 1];
  int chars = 0;
  for (int i = 0; i < byte_col && b + i < text.size(); i++)
    if ((static_cast<unsigned char>(text[b + i]) & 0xC0) != 0x80) chars++;
  return chars + 1;
}

}  // namespace looplab
