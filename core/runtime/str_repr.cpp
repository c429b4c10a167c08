// repr() of str: mirrors Objects/unicodeobject.c unicode_repr.
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab::strimpl {

std::string repr_text(std::string_view text) {
  // Single quotes, unless the text has a single quote and no double quote.
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  for (size_t pos = 0; pos < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      pos++;
      char c = char(b);
      if (c == quote || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (b < 0x20 || b == 0x7f) {
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 15];
      } else {
        out += c;
      }
      continue;
    }
    size_t start = pos;
    uint32_t cp = utf8::decode(text, pos);
    if (unicode::is_printable(cp)) {
      out.append(text.substr(start, pos - start));
    } else if (cp <= 0xff) {
      out += "\\x";
      out += kHex[cp >> 4];
      out += kHex[cp & 15];
    } else if (cp <= 0xffff) {
      out += "\\u";
      for (int sh = 12; sh >= 0; sh -= 4) out += kHex[(cp >> sh) & 15];
    } else {
      out += "\\U";
      for (int sh = 28; sh >= 0; sh -= 4) out += kHex[(cp >> sh) & 15];
    }
  }
  out += quote;
  return out;
}

}  // namespace looplab::strimpl
