// Unicode character properties and case mappings, as CPython 3.11's (Objects/unicodectype.c),
// from tables generated out of CPython itself (unicode_db_gen.py -> unicode_db_data.inc).
#pragma once

#include <cstdint>
#include <string>

namespace looplab::unicode {

bool is_alpha(uint32_t cp);
bool is_decimal(uint32_t cp);
bool is_digit(uint32_t cp);
bool is_numeric(uint32_t cp);
bool is_space(uint32_t cp);       // str.isspace / split() whitespace
bool is_lower(uint32_t cp);
bool is_upper(uint32_t cp);
bool is_title(uint32_t cp);       // category Lt
bool is_cased(uint32_t cp);
bool is_case_ignorable(uint32_t cp);
bool is_printable(uint32_t cp);   // repr() keeps it as is
bool is_xid_start(uint32_t cp);   // str.isidentifier
bool is_xid_continue(uint32_t cp);
bool is_linebreak(uint32_t cp);   // str.splitlines boundaries
inline bool is_alnum(uint32_t cp) { return is_alpha(cp) || is_decimal(cp) || is_digit(cp) || is_numeric(cp); }
int decimal_value(uint32_t cp);   // 0..9, or -1

// Full case mappings (may give several characters, e.g. 'ß'.upper() == 'SS'), appended as UTF-8.
void append_upper(uint32_t cp, std::string& out);
void append_lower(uint32_t cp, std::string& out);
void append_title(uint32_t cp, std::string& out);
void append_fold(uint32_t cp, std::string& out);

}  // namespace looplab::unicode
