// _json.scan_once: the JSON decoder's scanner, mirroring Modules/_json.c (scan_once_unicode,
// _parse_object_unicode, _parse_array_unicode, scanstring_unicode, _match_number_unicode).
// Positions reported to Python are code point indices; the scan itself runs on UTF-8 bytes
// (every JSON delimiter is ASCII).
#include <cstdlib>
#include <string>

#include "modules/json_parts.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

struct Scanner {
  VM& vm;
  StrObj* doc;
  std::string_view s;
  bool strict = true;
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  Value error_class;  // JSONDecodeError
  int depth = 0;

  // The code point index of byte offset `pos`.
  int64_t cp(size_t pos) const { return doc->ascii ? int64_t(pos) : int64_t(utf8::count_code_points(s.substr(0, pos))); }

  // raise JSONDecodeError(msg, doc, pos)
  Value error(const char* msg, size_t pos) {
    Value exc = vm.call(error_class, {vm.str(msg), Value::object(doc), Value::integer(cp(pos))});
    if (exc.is_error()) return exc;
    return vm.raise_value(exc);
  }

  static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void skip_ws(size_t& i) const {
    while (i < s.size() && is_ws(s[i])) i++;
  }
  bool has(size_t i, std::string_view word) const { return s.substr(i, word.size()) == word; }

  Value scan(size_t idx, size_t* next);
  Value scan_string(size_t begin, size_t* next);
  Value parse_object(size_t idx, size_t* next);
  Value parse_array(size_t idx, size_t* next);
  Value match_number(size_t start, size_t* next);
  Value constant(const char* name, double value, size_t idx, size_t len, size_t* next);
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// mirrors scanstring_unicode; `begin` is just after the opening quote.
Value Scanner::scan_string(size_t begin, size_t* next_out) {
  std::string out;
  size_t end = begin;
  const size_t len = s.size();
  for (;;) {
    size_t next = end;
    char c = 0;
    for (; next < len; next++) {
      c = s[next];
      if (c == '"' || c == '\\') break;
      if (static_cast<unsigned char>(c) <= 0x1f && strict) return error("Invalid control character at", next);
    }
    if (next >= len || !(c == '"' || c == '\\')) return error("Unterminated string starting at", begin - 1);
    out.append(s.substr(end, next - end));
    next++;
    if (c == '"') {
      end = next;
      break;
    }
    if (next == len) return error("Unterminated string starting at", begin - 1);
    c = s[next];
    uint32_t cp;
    if (c != 'u') {
      end = next + 1;
      switch (c) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        default: return error("Invalid \\escape", end - 2);
      }
    } else {
      next++;
      end = next + 4;
      if (end >= len) return error("Invalid \\uXXXX escape", next - 1);
      cp = 0;
      for (; next < end; next++) {
        int d = hex_digit(s[next]);
        if (d < 0) return error("Invalid \\uXXXX escape", end - 5);
        cp = (cp << 4) | uint32_t(d);
      }
      // A high surrogate followed by \uDC00-\uDFFF joins into one character.
      if (cp >= 0xD800 && cp <= 0xDBFF && end + 6 < len && s[next] == '\\' && s[next + 1] == 'u') {
        next += 2;
        uint32_t c2 = 0;
        size_t end2 = end + 6;
        for (; next < end2; next++) {
          int d = hex_digit(s[next]);
          if (d < 0) return error("Invalid \\uXXXX escape", end2 - 5);
          c2 = (c2 << 4) | uint32_t(d);
        }
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (c2 - 0xDC00);
          end = end2;
        }
      }
    }
    utf8::encode(cp, out);
  }
  *next_out = end;
  return vm.str(out);
}

// mirrors _parse_object_unicode; idx is just after '{'.
Value Scanner::parse_object(size_t idx, size_t* next_out) {
  bool pairs = !object_pairs_hook.is_none();
  DictObj* d = pairs ? nullptr : vm.new_dict();
  ListObj* list = pairs ? vm.new_list() : nullptr;
  skip_ws(idx);
  if (idx >= s.size() || s[idx] != '}') {
    for (;;) {
      if (idx >= s.size() || s[idx] != '"') return error("Expecting property name enclosed in double quotes", idx);
      size_t next;
      Value key = scan_string(idx + 1, &next);
      if (key.is_error()) return key;
      idx = next;
      skip_ws(idx);
      if (idx >= s.size() || s[idx] != ':') return error("Expecting ':' delimiter", idx);
      idx++;
      skip_ws(idx);
      Value val = scan(idx, &next);
      if (val.is_error()) return val;
      if (pairs) list->items.push_back(Value::object(vm.tuple_of({key, val})));
      else d->set_str(as_str(key), val);
      idx = next;
      skip_ws(idx);
      if (idx < s.size() && s[idx] == '}') break;
      if (idx >= s.size() || s[idx] != ',') return error("Expecting ',' delimiter", idx);
      idx++;
      skip_ws(idx);
    }
  }
  *next_out = idx + 1;
  if (pairs) return vm.call(object_pairs_hook, {Value::object(list)});
  if (!object_hook.is_none()) return vm.call(object_hook, {Value::object(d)});
  return Value::object(d);
}

// mirrors _parse_array_unicode; idx is just after '['.
Value Scanner::parse_array(size_t idx, size_t* next_out) {
  ListObj* list = vm.new_list();
  skip_ws(idx);
  if (idx >= s.size() || s[idx] != ']') {
    for (;;) {
      size_t next;
      Value val = scan(idx, &next);
      if (val.is_error()) return val;
      list->items.push_back(val);
      idx = next;
      skip_ws(idx);
      if (idx < s.size() && s[idx] == ']') break;
      if (idx >= s.size() || s[idx] != ',') return error("Expecting ',' delimiter", idx);
      idx++;
      skip_ws(idx);
    }
  }
  *next_out = idx + 1;
  return Value::object(list);
}

Value Scanner::constant(const char* name, double value, size_t idx, size_t len, size_t* next) {
  *next = idx + len;
  if (!parse_constant.is_none()) return vm.call(parse_constant, {vm.str(name)});
  return Value::real(value);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// mirrors _match_number_unicode.
Value Scanner::match_number(size_t start, size_t* next) {
  size_t idx = start;
  const size_t len = s.size();
  if (idx < len && s[idx] == '-') {
    idx++;
    if (idx >= len) return error("Expecting value", start);
  }
  if (idx < len && s[idx] >= '1' && s[idx] <= '9') {
    idx++;
    while (idx < len && is_digit(s[idx])) idx++;
  } else if (idx < len && s[idx] == '0') {
    idx++;
  } else {
    return error("Expecting value", start);
  }
  bool is_float = false;
  if (idx + 1 < len && s[idx] == '.' && is_digit(s[idx + 1])) {
    is_float = true;
    idx += 2;
    while (idx < len && is_digit(s[idx])) idx++;
  }
  if (idx + 1 < len && (s[idx] == 'e' || s[idx] == 'E')) {
    size_t e_start = idx;
    idx++;
    if (idx + 1 < len && (s[idx] == '-' || s[idx] == '+')) idx++;
    while (idx < len && is_digit(s[idx])) idx++;
    if (is_digit(s[idx - 1])) is_float = true;
    else idx = e_start;
  }
  *next = idx;
  std::string_view text = s.substr(start, idx - start);
  Value custom = is_float ? parse_float : parse_int;
  if (!custom.is_none()) return vm.call(custom, {vm.str(text)});
  if (is_float) return Value::real(std::strtod(std::string(text).c_str(), nullptr));
  if (text.size() <= 18) return Value::integer(std::strtoll(std::string(text).c_str(), nullptr, 10));
  return int_from_text(vm, text, 10);
}

// mirrors scan_once_unicode.
Value Scanner::scan(size_t idx, size_t* next) {
  if (idx >= s.size()) return error("Expecting value", idx);
  switch (s[idx]) {
    case '"': return scan_string(idx + 1, next);
    case '{':
    case '[': {
      if (++depth > vm.recursion_limit) {
        depth--;
        return vm.raisef(vm.t.RecursionError, "maximum recursion depth exceeded while decoding a JSON %s from a unicode string",
                         s[idx] == '{' ? "object" : "array");
      }
      Value r = s[idx] == '{' ? parse_object(idx + 1, next) : parse_array(idx + 1, next);
      depth--;
      return r;
    }
    case 'n':
      if (has(idx, "null")) {
        *next = idx + 4;
        return Value::none();
      }
      break;
    case 't':
      if (has(idx, "true")) {
        *next = idx + 4;
        return Value::boolean(true);
      }
      break;
    case 'f':
      if (has(idx, "false")) {
        *next = idx + 5;
        return Value::boolean(false);
      }
      break;
    case 'N':
      if (has(idx, "NaN")) return constant("NaN", __builtin_nan(""), idx, 3, next);
      break;
    case 'I':
      if (has(idx, "Infinity")) return constant("Infinity", __builtin_inf(), idx, 8, next);
      break;
    case '-':
      if (has(idx, "-Infinity")) return constant("-Infinity", -__builtin_inf(), idx, 9, next);
      break;
    default: break;
  }
  return match_number(idx, next);
}

}  // namespace

// scan_once(string, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
//           parse_constant, error_class) -> (value, end)
Value json_scan_once(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "scan_once", 9, 9)) return Value::error();
  if (!is_str_obj(a[0]))
    return vm.raisef(vm.t.TypeError, "first argument must be a string, not %.80s", type_name(vm, a[0]).c_str());
  int64_t idx;
  if (!index_value(vm, a[1], &idx)) return Value::error();
  Scanner sc{vm, as_str(a[0]), as_str(a[0])->view()};
  sc.strict = op_truth(vm, a[2]) > 0;
  sc.object_hook = a[3];
  sc.object_pairs_hook = a[4];
  // The default parsers (float, int) are done natively.
  sc.parse_float = a[5].same(Value::object(vm.t.float_)) ? Value::none() : a[5];
  sc.parse_int = a[6].same(Value::object(vm.t.int_)) ? Value::none() : a[6];
  sc.parse_constant = a[7];
  sc.error_class = a[8];
  if (idx < 0) return vm.raise(vm.t.ValueError, "idx cannot be negative");
  if (uint64_t(idx) >= sc.doc->length) {
    // StopIteration(idx) in CPython, which raw_decode turns into this error.
    Value exc = vm.call(sc.error_class, {vm.str("Expecting value"), a[0], Value::integer(idx)});
    if (exc.is_error()) return exc;
    return vm.raise_value(exc);
  }
  size_t start = sc.doc->ascii ? size_t(idx) : utf8::offset_of(sc.s, size_t(idx));
  size_t next = 0;
  Value v = sc.scan(start, &next);
  if (v.is_error()) return v;
  return Value::object(vm.tuple_of({v, Value::integer(sc.cp(next))}));
}

}  // namespace looplab
