// The format mini-language for ints and floats: format(x, spec), f"{x:spec}", str.format and
// %-formatting all end here (mirrors Python/formatter_unicode.c).
#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "lang/vm.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

struct FormatSpec {
  std::string fill = " ";  // one code point, UTF-8
  char align = '>';
  char sign = '\0';
  bool no_neg_0 = false;
  bool alternate = false;
  int64_t width = -1;
  char thousands = '\0';   // ',' or '_'
  int group = 3;           // digits per group (4 for '_' with b/o/x/X)
  int64_t precision = -1;
  uint32_t type;
};

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads a decimal integer; -1 on overflow (error raised), else the number of digits consumed.
int get_integer(VM& vm, std::string_view s, size_t& pos, int64_t* out) {
  int64_t v = 0;
  int n = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    int d = s[pos] - '0';
    if (v > (INT64_MAX - d) / 10) {
      vm.raise(vm.t.ValueError, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + d;
    pos++;
    n++;
  }
  *out = v;
  return n;
}

// mirrors parse_internal_render_format_spec. False with ValueError pending.
bool parse_spec(VM& vm, std::string_view spec, char default_type, const char* type_name, FormatSpec* f) {
  f->type = uint32_t((unsigned char)default_type);
  size_t pos = 0, end = spec.size();
  bool fill_specified = false, align_specified = false;
  // The fill may be any code point: find where the second code point starts.
  size_t second = 0;
  if (end > 0) {
    size_t p = 0;
    utf8::decode(spec, p);
    second = p;
  }
  if (end > 0 && second < end && is_align((unsigned char)spec[second])) {
    f->fill = std::string(spec.substr(0, second));
    f->align = spec[second];
    fill_specified = align_specified = true;
    pos = second + 1;
  } else if (end > 0 && is_align((unsigned char)spec[0])) {
    f->align = spec[0];
    align_specified = true;
    pos = 1;
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f->sign = spec[pos++];
  if (pos < end && spec[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (pos < end && spec[pos] == '#') {
    f->alternate = true;
    pos++;
  }
  if (!fill_specified && pos < end && spec[pos] == '0') {
    f->fill = "0";
    if (!align_specified) f->align = '=';
    pos++;
  }
  int consumed = get_integer(vm, spec, pos, &f->width);
  if (consumed < 0) return false;
  if (consumed == 0) f->width = -1;
  if (pos < end && spec[pos] == ',') {
    f->thousands = ',';
    pos++;
  }
  if (pos < end && spec[pos] == '_') {
    if (f->thousands) {
      vm.raise(vm.t.ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->thousands = '_';
    pos++;
  }
  if (pos < end && spec[pos] == ',' && f->thousands == '_') {
    vm.raise(vm.t.ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < end && spec[pos] == '.') {
    pos++;
    consumed = get_integer(vm, spec, pos, &f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      vm.raise(vm.t.ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (pos < end) {
    size_t p = pos;
    uint32_t cp = utf8::decode(spec, p);
    if (p != end) {
      vm.raisef(vm.t.ValueError, "Invalid format specifier '%.*s' for object of type '%s'", int(spec.size()),
                spec.data(), type_name);
      return false;
    }
    f->type = cp;
  }
  if (f->thousands) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0': break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->thousands == '_') {
          f->group = 4;
          break;
        }
        [[fallthrough]];
      default:
        if (f->type > 32 && f->type < 128)
          vm.raisef(vm.t.ValueError, "Cannot specify '%c' with '%c'.", f->thousands, char(f->type));
        else
          vm.raisef(vm.t.ValueError, "Cannot specify '%c' with '\\x%x'.", f->thousands, unsigned(f->type));
        return false;
    }
  }
  return true;
}

Value unknown_type(VM& vm, uint32_t type, const char* type_name) {
  if (type > 32 && type < 128)
    return vm.raisef(vm.t.ValueError, "Unknown format code '%c' for object of type '%s'", char(type), type_name);
  return vm.raisef(vm.t.ValueError, "Unknown format code '\\x%x' for object of type '%s'", unsigned(type), type_name);
}

// mirrors _PyUnicode_InsertThousandsGrouping: digits grouped right to left, padded with zeros
// to at least min_width characters (separators included). group 0: no grouping.
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
  min_width = std::max<int64_t>(0, min_width);
  int64_t remaining = int64_t(digits.size());
  std::vector<std::string> parts;  // right to left
  size_t digits_end = digits.size();
  bool use_sep = false, broken = false;
  auto take = [&](int64_t len) {
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    std::string part;
    part.append(size_t(n_zeros), '0');
    part.append(digits.substr(digits_end - size_t(n_chars), size_t(n_chars)));
    digits_end -= size_t(n_chars);
    if (use_sep) part += sep;
    parts.push_back(part);
    use_sep = true;
    remaining -= n_chars;
  };
  if (group > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      take(len);
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        broken = true;
        break;
      }
      min_width -= 1;  // the separator
    }
  }
  if (!broken) take(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::string out;
  for (size_t i = parts.size(); i-- > 0;) out += parts[i];
  return out;
}

// mirrors calc_number_widths + fill_number. `number` is [sign]digits[remainder]: the digits
// are grouped, the remainder (decimal point and after, or 'c' text) is copied.
std::string fill_number(const FormatSpec& f, bool negative, std::string_view prefix, std::string_view digits,
                        bool has_decimal, std::string_view remainder, bool upper) {
  char sign = 0;
  if (f.sign == '+') sign = negative ? '-' : '+';
  else if (f.sign == ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  int64_t n_sign = sign ? 1 : 0;
  int64_t n_non_digit = n_sign + int64_t(prefix.size()) + (has_decimal ? 1 : 0) + int64_t(remainder.size());
  int64_t min_width = (f.fill == "0" && f.align == '=') ? f.width - n_non_digit : 0;
  int group = f.thousands ? f.group : 0;
  std::string grouped = digits.empty() ? "" : group_digits(digits, min_width, group, f.thousands);
  int64_t n_padding = f.width - (n_non_digit + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<': rpad = n_padding; break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string out;
  for (int64_t i = 0; i < lpad; i++) out += f.fill;
  if (sign) out += sign;
  std::string pre(prefix);
  if (upper)
    for (char& c : pre) c = char(std::toupper((unsigned char)c));
  out += pre;
  for (int64_t i = 0; i < spad; i++) out += f.fill;
  if (upper)
    for (char& c : grouped) c = char(std::toupper((unsigned char)c));
  out += grouped;
  if (has_decimal) out += '.';
  out += remainder;
  for (int64_t i = 0; i < rpad; i++) out += f.fill;
  return out;
}

// mirrors format_float_internal.
Value format_float_spec(VM& vm, double val, FormatSpec& f) {
  uint32_t type = f.type;
  DoubleFormat df;
  df.alt = f.alternate;
  int default_precision = 6;
  if (type == '\0') {
    df.add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (f.precision > INT_MAX) return vm.raise(vm.t.ValueError, "precision too big");
  int precision = int(f.precision);
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  df.upper = type == 'E' || type == 'F' || type == 'G';
  df.type = char(std::tolower(int(type)));
  df.precision = precision;
  if (f.no_neg_0 && val == 0.0) val = 0.0;
  std::string buf = double_to_string(val, df);
  if (f.no_neg_0 && buf[0] == '-') {
    // Negative zero after rounding ('-0.00'): drop the sign.
    bool all_zero = true;
    for (size_t i = 1; i < buf.size(); i++)
      if (buf[i] >= '1' && buf[i] <= '9') all_zero = false;
    if (all_zero && std::isfinite(val)) buf.erase(0, 1);
  }
  if (add_pct) buf += '%';
  if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.type != 'n' && !f.thousands) return vm.str(buf);
  bool negative = false;
  std::string_view s = buf;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  size_t d = 0;
  while (d < s.size() && s[d] >= '0' && s[d] <= '9') d++;
  bool has_decimal = d < s.size() && s[d] == '.';
  std::string_view remainder = s.substr(d + (has_decimal ? 1 : 0));
  FormatSpec g = f;
  if (f.type == 'n') g.thousands = 0;
  return vm.str(fill_number(g, negative, "", s.substr(0, d), has_decimal, remainder, false));
}

}  // namespace

// mirrors format_obj / format_long_internal.
Value format_int(VM& vm, Value v, std::string_view spec) {
  if (spec.empty()) return op_str(vm, v);
  std::string tname = type_name(vm, v);
  FormatSpec f;
  if (!parse_spec(vm, spec, 'd', tname.c_str(), &f)) return Value::error();
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!int_to_double(vm, v, &d)) return Value::error();
      return format_float_spec(vm, d, f);
    }
    default: return unknown_type(vm, f.type, tname.c_str());
  }
  if (f.precision != -1) return vm.raise(vm.t.ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    return vm.raise(vm.t.ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == 'c') {
    if (f.sign) return vm.raise(vm.t.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) return vm.raise(vm.t.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t x;
    if (!int_fits_i64(v, &x)) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C long");
    if (x < 0 || x > 0x10ffff) return vm.raise(vm.t.OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    utf8::encode(uint32_t(x), ch);
    // A 'c' is one "remainder" character: padded like text, never grouped.
    FormatSpec g = f;
    std::string out;
    int64_t pad = f.width - 1;
    int64_t lpad = 0, rpad = 0;
    if (pad > 0) {
      if (g.align == '<') rpad = pad;
      else if (g.align == '^') {
        lpad = pad / 2;
        rpad = pad - lpad;
      } else {
        lpad = pad;
      }
    }
    for (int64_t i = 0; i < lpad; i++) out += g.fill;
    out += ch;
    for (int64_t i = 0; i < rpad; i++) out += g.fill;
    return vm.str(out);
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  if (base == 10 && int_max_str_digits > 0 && r.n > 2) {
    Value s = int_to_str_checked(vm, v);
    if (s.is_error()) return s;
  }
  std::string digits = bigint::to_string(IntRef{r.d, r.n, false}, base);
  std::string prefix;
  if (f.alternate && base != 10) prefix = base == 16 ? "0x" : base == 8 ? "0o" : "0b";
  FormatSpec g = f;
  if (f.type == 'n') g.thousands = 0;
  return vm.str(fill_number(g, r.neg, prefix, digits, false, "", f.type == 'X'));
}

Value format_float(VM& vm, double d, std::string_view spec) {
  if (spec.empty()) return vm.str(float_repr(d));
  FormatSpec f;
  if (!parse_spec(vm, spec, '\0', "float", &f)) return Value::error();
  switch (f.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_spec(vm, d, f);
    default: return unknown_type(vm, f.type, "float");
  }
}

}  // namespace looplab
