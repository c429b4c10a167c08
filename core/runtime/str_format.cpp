// str.format, str.format_map and str.__format__: mirrors Objects/stringlib/unicode_format.h
// (the replacement-field language) and Python/formatter_unicode.c (the format spec of strings).
#include <climits>

#include "runtime/ops.h"
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab {

namespace {

using namespace strimpl;

std::string code_char(uint32_t c) {
  // The character as CPython prints it in these errors: as is when ASCII-printable.
  if (c > 32 && c < 128) return std::string(1, char(c));
  return strprintf("\\x%x", c);
}

// ---- the format spec of str (formatter_unicode.c) -------------------------------------------

// Digits at text[*pos...] as a number; returns digits consumed, or -1 (overflow, raised).
int spec_integer(VM& vm, std::string_view text, size_t* pos, int64_t* out) {
  int64_t acc = 0;
  int n = 0;
  while (*pos < text.size()) {
    size_t p = *pos;
    uint32_t cp = utf8::decode(text, p);
    int d = cp < 0x80 ? (cp >= '0' && cp <= '9' ? int(cp - '0') : -1) : unicode::decimal_value(cp);
    if (d < 0) break;
    if (acc > (INT64_MAX - d) / 10) {
      vm.raise(vm.t.ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
    *pos = p;
    n++;
  }
  *out = acc;
  return n;
}

struct StrSpec {
  std::string fill = " ";  // one character, UTF-8
  char align = '<';
  char sign = 0;
  bool no_neg_0 = false, alternate = false;
  int64_t width = -1, precision = -1;
  char thousands = 0;  // ',' or '_'
  uint32_t type = 's';
};

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// mirrors parse_internal_render_format_spec with default type 's' and alignment '<'.
bool parse_spec(VM& vm, std::string_view spec, const char* type_name_of_obj, StrSpec* f) {
  size_t pos = 0;
  bool fill_specified = false;
  // [[fill]align]: the fill is any one character.
  if (!spec.empty()) {
    size_t p = 0;
    utf8::decode(spec, p);
    if (p < spec.size() && is_align(static_cast<unsigned char>(spec[p]))) {
      f->fill.assign(spec.substr(0, p));
      f->align = spec[p];
      fill_specified = true;
      pos = p + 1;
    } else if (is_align(static_cast<unsigned char>(spec[0]))) {
      f->align = spec[0];
      pos = 1;
    }
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f->sign = spec[pos++];
  if (pos < spec.size() && spec[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (pos < spec.size() && spec[pos] == '#') {
    f->alternate = true;
    pos++;
  }
  if (!fill_specified && pos < spec.size() && spec[pos] == '0') {
    f->fill = "0";  // the default alignment of strings stays '<'
    pos++;
  }
  int consumed = spec_integer(vm, spec, &pos, &f->width);
  if (consumed < 0) return false;
  if (consumed == 0) f->width = -1;
  if (pos < spec.size() && spec[pos] == ',') {
    f->thousands = ',';
    pos++;
  }
  if (pos < spec.size() && spec[pos] == '_') {
    if (f->thousands) {
      vm.raise(vm.t.ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->thousands = '_';
    pos++;
  }
  if (pos < spec.size() && spec[pos] == ',' && f->thousands == '_') {
    vm.raise(vm.t.ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < spec.size() && spec[pos] == '.') {
    pos++;
    consumed = spec_integer(vm, spec, &pos, &f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      vm.raise(vm.t.ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (pos < spec.size()) {
    size_t p = pos;
    uint32_t t = utf8::decode(spec, p);
    if (p < spec.size()) {
      vm.raisef(vm.t.ValueError, "Invalid format specifier '%.*s' for object of type '%s'", int(spec.size()),
                spec.data(), type_name_of_obj);
      return false;
    }
    f->type = t;
  }
  if (f->thousands) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->thousands == '_') break;
        [[fallthrough]];
      default:
        vm.raisef(vm.t.ValueError, "Cannot specify '%c' with '%s'.", f->thousands, code_char(f->type).c_str());
        return false;
    }
  }
  return true;
}

}  // namespace

// mirrors _PyUnicode_FormatAdvancedWriter and format_string_internal.
Value format_str_spec(VM& vm, StrObj* s, std::string_view spec) {
  // An empty spec is str(s): a subclass's __str__ counts (format_obj).
  if (spec.empty()) return s->cls == vm.t.str ? Value::object(s) : op_str(vm, Value::object(s));
  StrSpec f;
  const char* tname = s->cls->name->data();
  if (!parse_spec(vm, spec, tname, &f)) return Value::error();
  if (f.type != 's')
    return vm.raisef(vm.t.ValueError, "Unknown format code '%s' for object of type '%s'", code_char(f.type).c_str(),
                     tname);
  if (f.sign == ' ') return vm.raise(vm.t.ValueError, "Space not allowed in string format specifier");
  if (f.sign) return vm.raise(vm.t.ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_0)
    return vm.raise(vm.t.ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return vm.raise(vm.t.ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return vm.raise(vm.t.ValueError, "'=' alignment not allowed in string format specifier");
  int64_t len = int64_t(s->length);
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  int64_t total = f.width >= 0 && f.width > len ? f.width : len;
  int64_t lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  int64_t rpad = total - len - lpad;
  if (lpad == 0 && rpad == 0 && len == int64_t(s->length)) return same_or_copy(vm, s);
  std::string out;
  for (int64_t i = 0; i < lpad; i++) out += f.fill;
  out.append(s->view().substr(0, offset(s, size_t(len))));
  for (int64_t i = 0; i < rpad; i++) out += f.fill;
  return make_known(vm, out, s->ascii && f.fill.size() == 1, size_t(total));
}

namespace {

// ---- str.format (unicode_format.h) ------------------------------------------------------------

struct FormatCall {
  VM& vm;
  const Value* args = nullptr;  // positional arguments; nullptr for format_map
  size_t nargs = 0;
  const CallArgs* kw = nullptr;  // keyword arguments of format()
  Value mapping;                 // the mapping of format_map (Undef for format)
  enum { Init, Auto, Manual } auto_state = Init;
  int64_t auto_next = 0;
};

// A field name part as an integer (-1 when it is not one, -2 on overflow with ValueError set).
int64_t get_integer(VM& vm, std::string_view s) {
  if (s.empty()) return -1;
  int64_t acc = 0;
  for (size_t pos = 0; pos < s.size();) {
    uint32_t cp = utf8::decode(s, pos);
    int d = cp < 0x80 ? (cp >= '0' && cp <= '9' ? int(cp - '0') : -1) : unicode::decimal_value(cp);
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      vm.raise(vm.t.ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

Value key_error(VM& vm, Value key) {
  Value exc = vm.call(Value::object(vm.t.KeyError), {key});
  if (exc.is_error()) return exc;
  return vm.raise_value(exc);
}

// mirrors get_field_object: the object named by `field` ("0", "name.attr[key]", "").
Value get_field_object(FormatCall& fc, std::string_view field) {
  VM& vm = fc.vm;
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
  std::string_view first = field.substr(0, i);
  int64_t index = get_integer(vm, first);
  if (index == -2) return Value::error();
  bool empty = first.empty();
  if (empty || index != -1) {
    if (fc.auto_state == FormatCall::Init) fc.auto_state = empty ? FormatCall::Auto : FormatCall::Manual;
    if (fc.auto_state == FormatCall::Manual && empty)
      return vm.raise(vm.t.ValueError, "cannot switch from manual field specification to automatic field numbering");
    if (fc.auto_state != FormatCall::Manual && !empty)
      return vm.raise(vm.t.ValueError, "cannot switch from automatic field numbering to manual field specification");
    if (empty) index = fc.auto_next++;
  }
  Value obj;
  if (index == -1) {
    Value key = vm.str(first);
    if (!fc.mapping.is_undef()) {
      obj = op_getitem(vm, fc.mapping, key);
      if (obj.is_error()) return obj;
    } else {
      if (fc.kw)
        for (size_t k = 0; k < fc.kw->nkw(); k++)
          if (fc.kw->kwname(k)->view() == first) obj = fc.kw->kwvalue(k);
      if (obj.is_undef()) return key_error(vm, key);
    }
  } else {
    if (!fc.args) return vm.raise(vm.t.ValueError, "Format string contains positional fields");
    if (size_t(index) >= fc.nargs)
      return vm.raisef(vm.t.IndexError, "Replacement index %lld out of range for positional args tuple",
                       static_cast<long long>(index));
    obj = fc.args[index];
  }
  // The rest: .attr and [key] lookups.
  while (i < field.size()) {
    char c = field[i++];
    std::string_view name;
    bool is_attr = c == '.';
    if (c == '.') {
      size_t start = i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
      name = field.substr(start, i - start);
    } else if (c == '[') {
      size_t start = i;
      while (i < field.size() && field[i] != ']') i++;
      if (i >= field.size()) return vm.raise(vm.t.ValueError, "Missing ']' in format string");
      name = field.substr(start, i - start);
      i++;
    } else {
      return vm.raise(vm.t.ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (name.empty()) return vm.raise(vm.t.ValueError, "Empty attribute in format string");
    if (is_attr) {
      obj = op_getattr(vm, obj, vm.intern(name));
    } else {
      int64_t idx = get_integer(vm, name);
      if (idx == -2) return Value::error();
      obj = op_getitem(vm, obj, idx == -1 ? vm.str(name) : Value::integer(idx));
    }
    if (obj.is_error()) return obj;
  }
  return obj;
}

bool build_string(FormatCall& fc, std::string_view input, int depth, std::string& out);

// mirrors output_markup + render_field.
bool output_markup(FormatCall& fc, std::string_view field, std::string_view spec, bool spec_expand,
                   uint32_t conversion, int depth, std::string& out) {
  VM& vm = fc.vm;
  Value obj = get_field_object(fc, field);
  if (obj.is_error()) return false;
  if (conversion) {
    switch (conversion) {
      case 'r': obj = op_repr(vm, obj); break;
      case 's': obj = op_str(vm, obj); break;
      case 'a': obj = op_ascii(vm, obj); break;
      default:
        vm.raisef(vm.t.ValueError, "Unknown conversion specifier %s", code_char(conversion).c_str());
        return false;
    }
    if (obj.is_error()) return false;
  }
  std::string expanded;
  if (spec_expand) {
    if (!build_string(fc, spec, depth - 1, expanded)) return false;
    spec = expanded;
  }
  if (is_str_obj(obj) && as_str(obj)->cls == vm.t.str) {
    if (spec.empty()) {
      out.append(as_str(obj)->view());
      return true;
    }
    Value r = format_str_spec(vm, as_str(obj), spec);
    if (r.is_error()) return false;
    out.append(as_str(r)->view());
    return true;
  }
  Value r = op_format(vm, obj, spec.empty() ? Value::object(vm.n.empty) : vm.str(spec));
  if (r.is_error()) return false;
  out.append(as_str(r)->view());
  return true;
}

// mirrors parse_field: splits "name!c:spec}" (input starts after the '{'); *pos ends after '}'.
bool parse_field(VM& vm, std::string_view s, size_t* pos, std::string_view* field, std::string_view* spec,
                 bool* spec_expand, uint32_t* conversion) {
  size_t p = *pos, start = p;
  char c = 0;
  *conversion = 0;
  *spec = {};
  *spec_expand = false;
  while (p < s.size()) {
    c = s[p++];
    if (c == '{') {
      vm.raise(vm.t.ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (p < s.size() && s[p] != ']') p++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  *field = s.substr(start, (p > start ? p - 1 : p) - start);
  if (p == start || (c != '}' && c != ':' && c != '!')) {
    vm.raise(vm.t.ValueError, "expected '}' before end of string");
    return false;
  }
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (p >= s.size()) {
        vm.raise(vm.t.ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      *conversion = utf8::decode(s, p);
      if (p < s.size()) {
        char n = s[p++];
        if (n == '}') {
          *pos = p;
          return true;
        }
        if (n != ':') {
          vm.raise(vm.t.ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    size_t spec_start = p;
    int count = 1;
    while (p < s.size()) {
      char d = s[p++];
      if (d == '{') {
        *spec_expand = true;
        count++;
      } else if (d == '}') {
        if (--count == 0) {
          *spec = s.substr(spec_start, p - 1 - spec_start);
          *pos = p;
          return true;
        }
      }
    }
    vm.raise(vm.t.ValueError, "unmatched '{' in format spec");
    return false;
  }
  *pos = p;
  return true;
}

// mirrors build_string / do_markup / MarkupIterator_next.
bool build_string(FormatCall& fc, std::string_view s, int depth, std::string& out) {
  VM& vm = fc.vm;
  if (depth <= 0) {
    vm.raise(vm.t.ValueError, "Max string recursion exceeded");
    return false;
  }
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char c = 0;
    bool markup = false;
    while (pos < s.size()) {
      c = s[pos++];
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = pos >= s.size();
    size_t len = pos - start;
    if (markup && c == '}' && (at_end || s[pos] != '}')) {
      vm.raise(vm.t.ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (markup && at_end && c == '{') {
      vm.raise(vm.t.ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (markup && !at_end) {
      if (s[pos] == c) {
        pos++;  // an escaped brace: the literal keeps one
        markup = false;
      } else {
        len--;
      }
    }
    out.append(s.substr(start, len));
    if (!markup) continue;
    std::string_view field, spec;
    bool expand;
    uint32_t conversion;
    if (!parse_field(vm, s, &pos, &field, &spec, &expand, &conversion)) return false;
    if (!output_markup(fc, field, spec, expand, conversion, depth, out)) return false;
  }
  return true;
}

Value str_format(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.str, Kind::Str, "format")) return Value::error();
  FormatCall fc{vm};
  fc.args = a.args + 1;
  fc.nargs = a.nargs - 1;
  fc.kw = &a;
  std::string out;
  StrObj* self = as_str(a[0]);
  if (!build_string(fc, self->view(), 2, out)) return Value::error();
  return vm.str(out);
}

Value str_format_map(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.str, Kind::Str, "format_map")) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", "format_map")) return Value::error();
  FormatCall fc{vm};
  fc.mapping = r[0];
  std::string out;
  if (!build_string(fc, as_str(a[0])->view(), 2, out)) return Value::error();
  return vm.str(out);
}

Value str_dunder_format(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.str, Kind::Str, "__format__")) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", "__format__")) return Value::error();
  if (!is_str_obj(r[0]))
    return vm.raisef(vm.t.TypeError, "__format__() argument must be str, not %s", type_name(vm, r[0]).c_str());
  return format_str_spec(vm, as_str(a[0]), as_str(r[0])->view());
}

}  // namespace

void init_str_format_methods(VM& vm) {
  ClassObj* str = vm.t.str;
  def(vm, str, "format", str_format);
  def(vm, str, "format_map", str_format_map);
  def(vm, str, "__format__", str_dunder_format);
}

}  // namespace looplab
