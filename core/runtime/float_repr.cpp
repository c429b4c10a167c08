// Text forms of floats: repr (shortest round-trip digits), the e/f/g/r renderings behind
// format(), and parsing Python float syntax. Digits come from printf (exact, round half to
// even) and strtod; the layout mirrors Python/pystrtod.c format_float_short.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/number_impl.h"
#include "runtime/numbers.h"

namespace looplab {

namespace {

// A finite double's decimal digits (no leading/trailing zeros, "0" for zero) and the position
// of the decimal point: value = 0.DIGITS * 10**decpt.
struct Digits {
  std::string digits;
  int decpt = 0;
  bool negative = false;
};

// Parses printf's "%.Ne" output ("-d.ddde+XX").
void parse_e(const char* buf, Digits* out) {
  const char* p = buf;
  if (*p == '-') p++;
  std::string ds;
  for (; *p && *p != 'e'; p++)
    if (*p != '.') ds += *p;
  int exp = std::atoi(p + 1);
  out->digits = ds;
  out->decpt = exp + 1;
}

void strip_trailing_zeros(Digits* d) {
  while (d->digits.size() > 1 && d->digits.back() == '0') d->digits.pop_back();
  if (d->digits == "0") d->decpt = 1;
}

// Replaces the mantissa digits of buf ("d.ddde+XX") with its last-digit neighbour (+1 or -1
// in the last place) when that one reads back as d.
bool neighbour_round_trips(char* buf, double d) {
  char* e = std::strchr(buf, 'e');
  if (!e) return false;
  for (int delta : {1, -1}) {
    std::string s(buf);
    size_t epos = size_t(e - buf);
    // Add delta to the digit string (ignoring '-' and '.').
    int i = int(epos) - 1;
    int carry = delta;
    while (i >= 0 && carry) {
      char c = s[size_t(i)];
      if (c < '0' || c > '9') {
        i--;
        continue;
      }
      int v = c - '0' + carry;
      carry = v > 9 ? 1 : v < 0 ? -1 : 0;
      s[size_t(i)] = char('0' + (v + 10) % 10);
      i--;
    }
    if (carry) continue;  // would change the number of digits: not a same-length candidate
    size_t first = s[0] == '-' ? 1 : 0;
    if (s[first] == '0') continue;
    if (std::strtod(s.c_str(), nullptr) == d) {
      std::strcpy(buf, s.c_str());
      return true;
    }
  }
  return false;
}

// mode 0 of _Py_dg_dtoa: the shortest digits that read back as d (the closest of them).
Digits shortest_digits_slow(double d, bool try_fast);
Digits shortest_digits(double d) { return shortest_digits_slow(d, true); }
Digits shortest_digits_slow(double d) { return shortest_digits_slow(d, false); }

Digits shortest_digits_slow(double d, bool try_fast) {
  Digits r;
  r.negative = std::signbit(d);
  if (d == 0.0) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  if (try_fast && grisu3_shortest(std::fabs(d), &r.digits, &r.decpt)) {
    strip_trailing_zeros(&r);
    return r;
  }
  // The smallest precision whose digits read back as d. Round-tripping is monotonic in the
  // number of digits (a shorter string that works can be padded with zeros), so binary search.
  char buf[64], best[64];
  auto round_trips = [&](int prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec, d);
    if (std::strtod(buf, nullptr) == d) return true;
    // The nearest prec+1 digit decimal can fall outside the rounding interval while its
    // neighbour on the other side is inside (the interval is not centred on d at powers of
    // two): try both neighbours before adding a digit.
    return neighbour_round_trips(buf, d);
  };
  int lo = 0, hi = 16;  // 17 significant digits always round-trip
  std::snprintf(best, sizeof best, "%.16e", d);
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (round_trips(mid)) {
      hi = mid;
      std::strcpy(best, buf);
    } else {
      lo = mid + 1;
    }
  }
  std::strcpy(buf, best);
  parse_e(buf, &r);
  strip_trailing_zeros(&r);
  return r;
}

// mode 2: n significant digits, correctly rounded.
Digits significant_digits(double d, int n) {
  Digits r;
  r.negative = std::signbit(d);
  if (d == 0.0) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*e", n - 1, d);
  parse_e(buf, &r);
  strip_trailing_zeros(&r);
  return r;
}

// mode 3: n digits after the point, correctly rounded.
Digits fixed_digits(double d, int n) {
  Digits r;
  r.negative = std::signbit(d);
  int len = std::snprintf(nullptr, 0, "%.*f", n, d);
  std::string buf(size_t(len) + 1, '\0');
  std::snprintf(buf.data(), buf.size(), "%.*f", n, d);
  buf.pop_back();
  size_t start = buf[0] == '-' ? 1 : 0;
  size_t point = buf.find('.');
  std::string intpart = buf.substr(start, point == std::string::npos ? std::string::npos : point - start);
  std::string frac = point == std::string::npos ? "" : buf.substr(point + 1);
  std::string all = intpart + frac;
  size_t lead = 0;
  while (lead < all.size() && all[lead] == '0') lead++;
  if (lead == all.size()) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  r.digits = all.substr(lead);
  r.decpt = int(intpart.size()) - int(lead);
  strip_trailing_zeros(&r);
  return r;
}

}  // namespace

// mirrors Python/pystrtod.c format_float_short.
std::string double_to_string(double d, const DoubleFormat& f) {
  char type = f.type;
  int precision = f.precision;
  std::string out;
  if (std::isnan(d)) return f.upper ? "NAN" : "nan";
  if (std::isinf(d)) return std::string(d < 0 ? "-" : "") + (f.upper ? "INF" : "inf");
  Digits dg;
  switch (type) {
    case 'e':
      precision++;  // as PyOS_double_to_string: 'e' asks for precision + 1 digits
      dg = significant_digits(d, precision);
      break;
    case 'f':
      dg = fixed_digits(d, precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      dg = significant_digits(d, precision);
      break;
    default:  // 'r'
      dg = shortest_digits(d);
      break;
  }
  int decpt = dg.decpt;
  const std::string& digits = dg.digits;
  int digits_len = int(digits.size());
  bool use_exp = false;
  int vdigits_end = digits_len;
  switch (type) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (f.add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (f.alt) vdigits_end = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && f.add_dot_0)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

  if (dg.negative) out += '-';
  if (decpt <= 0) {
    out.append(size_t(decpt - vdigits_start), '0');
    out += '.';
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, size_t(decpt));
    out += '.';
    out.append(digits, size_t(decpt), std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(size_t(decpt - digits_len), '0');
    out += '.';
    out.append(size_t(vdigits_end - decpt), '0');
  } else {
    out.append(size_t(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !f.alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", f.upper ? 'E' : 'e', exp);
    out += buf;
  }
  return out;
}

std::string shortest_repr_digits_slow(double d, int* decpt) {
  Digits r = shortest_digits_slow(d);
  *decpt = r.decpt;
  return r.digits;
}

std::string float_repr(double d) {
  DoubleFormat f;
  f.type = 'r';
  f.add_dot_0 = true;
  return double_to_string(d, f);
}

// Python's float syntax (Python/pystrtod.c _PyOS_ascii_strtod plus the underscore rules of
// _Py_string_to_number_with_underscores).
bool parse_float_text(std::string_view text, double* out) {
  size_t i = 0, n = text.size();
  std::string clean;
  if (i < n && (text[i] == '+' || text[i] == '-')) clean += text[i++];
  std::string rest;
  for (size_t k = i; k < n; k++) rest += char(std::tolower((unsigned char)text[k]));
  if (rest == "inf" || rest == "infinity") {
    *out = clean == "-" ? -INFINITY : INFINITY;
    return true;
  }
  if (rest == "nan") {
    *out = clean == "-" ? -NAN : NAN;
    return true;
  }
  // digitpart: digit (["_"] digit)*
  auto digitpart = [&](bool* any) {
    *any = false;
    while (i < n) {
      if (text[i] >= '0' && text[i] <= '9') {
        clean += text[i++];
        *any = true;
      } else if (text[i] == '_' && *any && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9') {
        i++;
      } else {
        break;
      }
    }
  };
  bool int_digits, frac_digits = false;
  digitpart(&int_digits);
  if (i < n && text[i] == '.') {
    clean += text[i++];
    digitpart(&frac_digits);
  }
  if (!int_digits && !frac_digits) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    clean += text[i++];
    if (i < n && (text[i] == '+' || text[i] == '-')) clean += text[i++];
    bool exp_digits;
    digitpart(&exp_digits);
    if (!exp_digits) return false;
  }
  if (i != n) return false;
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

}  // namespace looplab
