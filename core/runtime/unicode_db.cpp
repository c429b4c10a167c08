// Lookup in the generated Unicode tables: a binary search over code point runs.
#include "runtime/unicode_db.h"

#include <algorithm>
#include <cstring>

#include "runtime/str.h"

namespace looplab::unicode {

namespace {

struct UnicodeRecord {
  uint16_t flags;
  int32_t upper, lower, title;  // simple mappings as deltas (0 when the mapping is special)
  int8_t decimal;
};

struct SpecialCase {
  uint32_t cp;
  const char* upper;
  const char* lower;
  const char* title;
  const char* fold;
};

#include "runtime/unicode_db_data.inc"

const UnicodeRecord& record(uint32_t cp) {
  if (cp >= 0x110000) return kRecords[0];
  // The last run starting at or before cp.
  uint32_t key = (cp << 11) | 0x7ff;
  const uint32_t* end = kRuns + sizeof kRuns / sizeof kRuns[0];
  const uint32_t* it = std::upper_bound(kRuns, end, key);
  return kRecords[it[-1] & 0x7ff];
}

bool has(uint32_t cp, uint16_t flag) { return (record(cp).flags & flag) != 0; }

const SpecialCase* special(uint32_t cp) {
  const SpecialCase* end = kSpecial + sizeof kSpecial / sizeof kSpecial[0];
  const SpecialCase* it = std::lower_bound(kSpecial, end, cp, [](const SpecialCase& s, uint32_t c) { return s.cp < c; });
  return it != end && it->cp == cp ? it : nullptr;
}

}  // namespace

bool is_alpha(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return has(cp, kAlpha);
}
bool is_decimal(uint32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : has(cp, kDecimal); }
bool is_digit(uint32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : has(cp, kDigit); }
bool is_numeric(uint32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : has(cp, kNumeric); }
bool is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  return has(cp, kSpace);
}
bool is_lower(uint32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : has(cp, kLower); }
bool is_upper(uint32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : has(cp, kUpper); }
bool is_title(uint32_t cp) { return has(cp, kTitle); }
bool is_cased(uint32_t cp) { return has(cp, kCased); }
bool is_case_ignorable(uint32_t cp) { return has(cp, kCaseIgnorable); }
bool is_printable(uint32_t cp) { return cp < 0x80 ? cp >= 0x20 && cp < 0x7f : has(cp, kPrintable); }
bool is_xid_start(uint32_t cp) { return has(cp, kXidStart); }
bool is_xid_continue(uint32_t cp) { return has(cp, kXidContinue); }
bool is_linebreak(uint32_t cp) { return has(cp, kLinebreak); }
int decimal_value(uint32_t cp) { return record(cp).decimal; }

namespace {

enum class Mapping { Upper, Lower, Title, Fold };

void append_mapping(uint32_t cp, std::string& out, Mapping m) {
  if (cp < 0x80) {
    char c = char(cp);
    if (m == Mapping::Upper || m == Mapping::Title) {
      if (c >= 'a' && c <= 'z') c = char(c - 32);
    } else if (c >= 'A' && c <= 'Z') {
      c = char(c + 32);
    }
    out += c;
    return;
  }
  const UnicodeRecord& r = record(cp);
  if (r.flags & kExtended) {
    if (const SpecialCase* s = special(cp)) {
      out += m == Mapping::Upper ? s->upper : m == Mapping::Lower ? s->lower : m == Mapping::Title ? s->title : s->fold;
      return;
    }
  }
  int32_t d = m == Mapping::Upper ? r.upper : m == Mapping::Title ? r.title : r.lower;
  utf8::encode(uint32_t(int32_t(cp) + d), out);
}

}  // namespace

void append_upper(uint32_t cp, std::string& out) { append_mapping(cp, out, Mapping::Upper); }
void append_lower(uint32_t cp, std::string& out) { append_mapping(cp, out, Mapping::Lower); }
void append_title(uint32_t cp, std::string& out) { append_mapping(cp, out, Mapping::Title); }
void append_fold(uint32_t cp, std::string& out) { append_mapping(cp, out, Mapping::Fold); }

}  // namespace looplab::unicode
