// printf-style formatting, `format % args`: mirrors Objects/unicodeobject.c PyUnicode_Format
// (unicode_format_arg_parse / _format / _output, mainformatlong, _PyUnicode_FormatLong,
// formatfloat, formatchar) and, in bytes mode, Objects/bytesobject.c _PyBytes_FormatEx.
// Numbers are rendered by the numbers engine (int_to_text, format_float); padding, signs and
// prefixes are applied here as CPython does.
#include <climits>

#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

enum Flags { kLjust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Arg {
  uint32_t ch = 0;  // the conversion character
  int flags = 0;
  int64_t width = -1;
  int64_t prec = -1;
  bool sign = false;  // a numeric conversion (sign and zero padding apply)
};

struct Formatter {
  VM& vm;
  std::string_view fmt;
  bool bytes_mode = false;  // b'...' % args: the format and the result are bytes
  size_t pos = 0;        // byte position in fmt
  Value args;            // the current argument source
  int64_t arglen = -1;   // -1: args is a single value
  int64_t argidx = -2;
  Value dict;            // args when it is a mapping (Undef otherwise)
  std::string out;

  Value next_arg() {
    if (argidx < arglen) {
      argidx++;
      if (arglen < 0) return args;
      return static_cast<TupleObj*>(args.o)->items()[argidx - 1];
    }
    return vm.raise(vm.t.TypeError, "not enough arguments for format string");
  }

  // The character at pos as a code point (a byte in bytes mode), advancing pos; 0 at the end.
  uint32_t read() {
    if (pos >= fmt.size()) return 0;
    if (bytes_mode) return static_cast<unsigned char>(fmt[pos++]);
    return utf8::decode(fmt, pos);
  }
  bool at_end() const { return pos >= fmt.size(); }
};

Value incomplete(VM& vm) { return vm.raise(vm.t.ValueError, "incomplete format"); }

bool is_int_value(Value v) { return v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt); }

// "* wants int": the width or precision taken from the arguments.
bool star_arg(Formatter& f, int64_t* out) {
  Value v = f.next_arg();
  if (v.is_error()) return false;
  if (!is_int_value(v)) {
    f.vm.raise(f.vm.t.TypeError, "* wants int");
    return false;
  }
  if (v.is_obj()) {
    f.vm.raise(f.vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = v.is_bool() ? v.b : v.i;
  return true;
}

// mirrors unicode_format_arg_parse; pos is just after the '%'. Returns Undef on success.
Value parse_arg(Formatter& f, Arg& arg) {
  VM& vm = f.vm;
  if (!f.at_end() && f.fmt[f.pos] == '(') {
    if (f.dict.is_undef()) return vm.raise(vm.t.TypeError, "format requires a mapping");
    f.pos++;
    size_t keystart = f.pos;
    int pcount = 1;
    while (pcount > 0 && f.pos < f.fmt.size()) {
      char c = f.fmt[f.pos++];
      if (c == ')') pcount--;
      else if (c == '(') pcount++;
    }
    if (pcount > 0) return vm.raise(vm.t.ValueError, "incomplete format key");
    std::string_view name = f.fmt.substr(keystart, f.pos - 1 - keystart);
    Value key = f.bytes_mode ? Value::object(vm.new_bytes(name)) : vm.str(name);
    Value v = op_getitem(vm, f.dict, key);
    if (v.is_error()) return v;
    f.args = v;
    f.arglen = -1;
    f.argidx = -2;
  }
  // Flags.
  uint32_t c = 0;
  bool have = false;
  while (!f.at_end()) {
    c = f.read();
    have = true;
    if (c == '-') arg.flags |= kLjust;
    else if (c == '+') arg.flags |= kSign;
    else if (c == ' ') arg.flags |= kBlank;
    else if (c == '#') arg.flags |= kAlt;
    else if (c == '0') arg.flags |= kZero;
    else break;
    have = false;
  }
  if (!have) return incomplete(vm);
  // Width.
  if (c == '*') {
    if (!star_arg(f, &arg.width)) return Value::error();
    if (arg.width < 0) {
      arg.flags |= kLjust;
      arg.width = -arg.width;
    }
    if (f.at_end()) return incomplete(vm);
    c = f.read();
  } else if (c >= '0' && c <= '9') {
    arg.width = c - '0';
    for (;;) {
      if (f.at_end()) return incomplete(vm);
      c = f.read();
      if (c < '0' || c > '9') break;
      if (arg.width > (INT64_MAX - int64_t(c - '0')) / 10) return vm.raise(vm.t.ValueError, "width too big");
      arg.width = arg.width * 10 + (c - '0');
    }
  }
  // Precision.
  if (c == '.') {
    arg.prec = 0;
    if (f.at_end()) return incomplete(vm);
    c = f.read();
    if (c == '*') {
      if (!star_arg(f, &arg.prec)) return Value::error();
      if (arg.prec > INT_MAX || arg.prec < INT_MIN)
        return vm.raise(vm.t.OverflowError, "Python int too large to convert to C int");
      if (arg.prec < 0) arg.prec = 0;
      if (f.at_end()) return incomplete(vm);
      c = f.read();
    } else if (c >= '0' && c <= '9') {
      arg.prec = c - '0';
      for (;;) {
        if (f.at_end()) return incomplete(vm);
        c = f.read();
        if (c < '0' || c > '9') break;
        if (arg.prec > (INT_MAX - int64_t(c - '0')) / 10) return vm.raise(vm.t.ValueError, "precision too big");
        arg.prec = arg.prec * 10 + (c - '0');
      }
    }
  }
  // "h", "l" and "L" length modifiers are ignored.
  if (c == 'h' || c == 'l' || c == 'L') {
    if (f.at_end()) return incomplete(vm);
    c = f.read();
  }
  arg.ch = c;
  return Value();
}

// mirrors mainformatlong + _PyUnicode_FormatLong: the text of an integer conversion.
Value format_long(Formatter& f, Value v, Arg& arg, std::string* text) {
  VM& vm = f.vm;
  char type = char(arg.ch);
  bool radix = type == 'o' || type == 'x' || type == 'X';
  auto wrongtype = [&]() {
    return vm.raisef(vm.t.TypeError, "%%%c format: %s is required, not %s", type,
                     radix ? "an integer" : "a real number", type_name(vm, v).c_str());
  };
  Value iv = v;
  if (v.is_bool()) {
    iv = Value::integer(v.b);
  } else if (!is_int_value(v)) {
    ClassObj* cls = vm.type_of(v);
    bool number = v.is_float() || !cls->lookup(vm.n.__index__).is_undef() || !cls->lookup(vm.n.__int__).is_undef() ||
                  !cls->lookup(vm.n.__float__).is_undef();
    if (!number) return wrongtype();
    if (radix) {
      if (v.is_float() || cls->lookup(vm.n.__index__).is_undef()) return wrongtype();
      Value r = call_special(vm, v, vm.n.__index__, nullptr, 0);
      if (r.is_error()) return r;
      if (!is_int_value(r))
        return vm.raisef(vm.t.TypeError, "__index__ returned non-int (type %s)", type_name(vm, r).c_str());
      iv = r.is_bool() ? Value::integer(r.b) : r;
    } else if (v.is_float()) {
      iv = int_from_double(vm, v.f);
      if (iv.is_error()) return iv;
    } else {
      // PyNumber_Long: __int__, then __index__; anything else is the wrong type.
      Value r = call_special(vm, v, vm.n.__int__, nullptr, 0);
      if (r.is_undef()) r = call_special(vm, v, vm.n.__index__, nullptr, 0);
      if (r.is_undef()) return wrongtype();
      if (r.is_error()) return r;
      if (!is_int_value(r))
        return vm.raisef(vm.t.TypeError, "__int__ returned non-int (type %s)", type_name(vm, r).c_str());
      iv = r.is_bool() ? Value::integer(r.b) : r;
    }
  }
  int base = type == 'o' ? 8 : radix ? 16 : 10;
  std::string s = int_to_text(iv, base);
  size_t sign = s[0] == '-' ? 1 : 0;
  size_t nondigits = sign + (radix ? 2 : 0);
  if (radix && !(arg.flags & kAlt)) {
    s.erase(sign, 2);  // drop the 0x / 0o marker
    nondigits -= 2;
  }
  size_t numdigits = s.size() - nondigits;
  if (arg.prec > int64_t(numdigits)) s.insert(nondigits, size_t(arg.prec) - numdigits, '0');
  if (type == 'X')
    for (char& c : s)
      if (c >= 'a' && c <= 'x') c = char(c - ('a' - 'A'));
  *text = std::move(s);
  return Value();
}

// mirrors formatfloat: PyOS_double_to_string(x, type, prec, alt flag) via format_float.
Value format_double(Formatter& f, Value v, Arg& arg, std::string* text) {
  double d;
  if (!as_double(f.vm, v, &d)) return Value::error();
  int64_t prec = arg.prec < 0 ? 6 : arg.prec;
  std::string spec = (arg.flags & kAlt) ? "#." : ".";
  spec += std::to_string(prec);
  spec += char(arg.ch);
  Value r = format_float(f.vm, d, spec);
  if (r.is_error()) return r;
  *text = as_str(r)->str();
  return Value();
}

// mirrors formatchar.
Value format_char(Formatter& f, Value v, std::string* text) {
  VM& vm = f.vm;
  if (is_str_obj(v)) {
    if (as_str(v)->length != 1) return vm.raise(vm.t.TypeError, "%c requires int or char");
    *text = as_str(v)->str();
    return Value();
  }
  int64_t x;
  if (v.is_obj() && v.o->kind == Kind::BigInt) return vm.raise(vm.t.OverflowError, "%c arg not in range(0x110000)");
  if (v.is_float() || (!is_int_value(v) && vm.type_of(v)->lookup(vm.n.__index__).is_undef()))
    return vm.raise(vm.t.TypeError, "%c requires int or char");
  if (!index_value(vm, v, &x)) return Value::error();
  if (x < 0 || x > 0x10FFFF) return vm.raise(vm.t.OverflowError, "%c arg not in range(0x110000)");
  text->clear();
  utf8::encode(uint32_t(x), *text);
  return Value();
}

// mirrors unicode_format_arg_output: sign, prefix, padding.
void output_arg(Formatter& f, Arg& arg, std::string_view str) {
  std::string& out = f.out;
  char fill = (arg.sign && (arg.flags & kZero)) ? '0' : ' ';
  int64_t len = int64_t(f.bytes_mode ? str.size() : length_of(str));
  if ((arg.width == -1 || arg.width <= len) && (arg.prec == -1 || arg.prec >= len) &&
      !(arg.flags & (kSign | kBlank))) {
    out.append(str);
    return;
  }
  if ((arg.ch == 's' || arg.ch == 'r' || arg.ch == 'a') && arg.prec >= 0 && len > arg.prec) {
    len = arg.prec;
    str = str.substr(0, f.bytes_mode ? size_t(len) : utf8::offset_of(str, size_t(len)));
  }
  size_t p = 0;  // byte index into str (sign and prefix are ASCII)
  char signchar = 0;
  if (arg.sign) {
    char c = str.empty() ? 0 : str[0];
    if (c == '-' || c == '+') {
      signchar = c;
      len--;
      p++;
    } else if (arg.flags & kSign) {
      signchar = '+';
    } else if (arg.flags & kBlank) {
      signchar = ' ';
    } else {
      arg.sign = false;
    }
  }
  if (arg.width < len) arg.width = len;
  if (arg.sign) {
    if (fill != ' ') out += signchar;
    if (arg.width > len) arg.width--;
  }
  bool alt_prefix = (arg.flags & kAlt) && (arg.ch == 'x' || arg.ch == 'X' || arg.ch == 'o');
  if (alt_prefix) {
    if (fill != ' ') {
      out.append(str.substr(p, 2));
      p += 2;
    }
    arg.width -= 2;
    if (arg.width < 0) arg.width = 0;
    len -= 2;
  }
  if (arg.width > len && !(arg.flags & kLjust)) {
    out.append(size_t(arg.width - len), fill);
    arg.width = len;
  }
  if (fill == ' ') {
    if (arg.sign) out += signchar;
    if (alt_prefix) {
      out.append(str.substr(p, 2));
      p += 2;
    }
  }
  out.append(str.substr(p));
  if (arg.width > len) out.append(size_t(arg.width - len), ' ');
}

// The bytes conversions of _PyBytes_FormatEx: %s/%b (bytes-like or __bytes__), %r/%a
// (ascii()), %c (an int in range(256) or one byte).
bool format_bytes_arg(Formatter& f, Value v, Arg& arg, std::string* text) {
  VM& vm = f.vm;
  std::string_view view;
  switch (arg.ch) {
    case 's':
    case 'b': {
      if (bytes_like(vm, v, &view)) {
        text->assign(view);
        return true;
      }
      Value r = call_special(vm, v, vm.intern("__bytes__"), nullptr, 0);
      if (r.is_error()) return false;
      if (!r.is_undef()) {
        if (!is_bytes_obj(r)) {
          vm.raisef(vm.t.TypeError, "__bytes__ returned non-bytes (type %s)", type_name(vm, r).c_str());
          return false;
        }
        text->assign(as_bytes(r)->view());
        return true;
      }
      vm.raisef(vm.t.TypeError,
                "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                type_name(vm, v).c_str());
      return false;
    }
    case 'r':
    case 'a': {
      Value r = op_ascii(vm, v);
      if (r.is_error()) return false;
      text->assign(as_str(r)->view());
      return true;
    }
    default: {  // 'c'
      if (bytes_like(vm, v, &view) && view.size() == 1) {
        text->assign(view);
        return true;
      }
      bool index_like = v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt) ||
                        (!v.is_float() && !vm.type_of(v)->lookup(vm.n.__index__).is_undef());
      if (!index_like) {
        vm.raise(vm.t.TypeError, "%c requires an integer in range(256) or a single byte");
        return false;
      }
      int64_t x = -1;
      if (!(v.is_obj() && v.o->kind == Kind::BigInt) && !index_value(vm, v, &x)) return false;
      if (x < 0 || x > 255) {
        vm.raise(vm.t.OverflowError, "%c arg not in range(256)");
        return false;
      }
      text->assign(1, char(x));
      return true;
    }
  }
}

// mirrors unicode_format_arg: one conversion, pos just after the '%'.
bool format_arg(Formatter& f) {
  VM& vm = f.vm;
  if (!f.at_end() && f.fmt[f.pos] == '%') {
    f.pos++;
    f.out += '%';
    return true;
  }
  Arg arg;
  if (parse_arg(f, arg).is_error()) return false;
  Value v = f.next_arg();
  if (v.is_error()) return false;
  std::string text;
  Value err;
  if (f.bytes_mode && (arg.ch == 's' || arg.ch == 'b' || arg.ch == 'r' || arg.ch == 'a' || arg.ch == 'c')) {
    if (!format_bytes_arg(f, v, arg, &text)) return false;
    output_arg(f, arg, text);
    if (!f.dict.is_undef() && f.argidx < f.arglen) {
      vm.raise(vm.t.TypeError, "not all arguments converted during bytes formatting");
      return false;
    }
    return true;
  }
  switch (arg.ch) {
    case 's':
    case 'r':
    case 'a': {
      if ((v.is_int() || (v.is_obj() && v.o->kind == Kind::BigInt && v.o->cls == vm.t.int_)) && arg.ch != 'a') {
        text = int_to_text(v, 10);
        break;
      }
      Value s;
      if (is_str_obj(v) && as_str(v)->cls == vm.t.str && arg.ch == 's') s = v;
      else s = arg.ch == 's' ? op_str(vm, v) : arg.ch == 'r' ? op_repr(vm, v) : op_ascii(vm, v);
      if (s.is_error()) return false;
      if (arg.width == -1 && arg.prec == -1 && !(arg.flags & (kSign | kBlank))) {
        f.out.append(as_str(s)->view());
        return true;
      }
      text = as_str(s)->str();
      break;
    }
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
      err = format_long(f, v, arg, &text);
      arg.sign = true;
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      err = format_double(f, v, arg, &text);
      arg.sign = true;
      break;
    case 'c':
      err = format_char(f, v, &text);
      break;
    default: {
      size_t at = f.pos - 1;
      if (!f.bytes_mode)
        while (at > 0 && (static_cast<unsigned char>(f.fmt[at]) & 0xC0) == 0x80) at--;
      size_t index = f.bytes_mode ? at : length_of(f.fmt.substr(0, at));
      vm.raisef(vm.t.ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                (arg.ch >= 31 && arg.ch <= 126) ? char(arg.ch) : '?', arg.ch, index);
      return false;
    }
  }
  if (err.is_error()) return false;
  output_arg(f, arg, text);
  if (!f.dict.is_undef() && f.argidx < f.arglen) {
    vm.raisef(vm.t.TypeError, "not all arguments converted during %s formatting", f.bytes_mode ? "bytes" : "string");
    return false;
  }
  return true;
}

}  // namespace

namespace {

// The loop of PyUnicode_Format / _PyBytes_FormatEx; false with an exception pending.
bool run(Formatter& f, Value args) {
  VM& vm = f.vm;
  f.args = args;
  if (args.is_obj() && args.o->kind == Kind::Tuple) {
    f.arglen = int64_t(static_cast<TupleObj*>(args.o)->size);
    f.argidx = 0;
  } else if (!is_str_obj(args) && vm.type_of(args)->slots.getitem) {
    std::string_view ignored;
    if (!f.bytes_mode || !bytes_like(vm, args, &ignored)) f.dict = args;  // PyMapping_Check
  }
  std::string_view s = f.fmt;
  f.out.reserve(s.size() + 16);
  while (f.pos < s.size()) {
    size_t pct = s.find('%', f.pos);
    if (pct == std::string_view::npos) {
      f.out.append(s.substr(f.pos));
      break;
    }
    f.out.append(s.substr(f.pos, pct - f.pos));
    f.pos = pct + 1;
    if (f.pos >= s.size()) {
      incomplete(vm);
      return false;
    }
    if (!format_arg(f)) return false;
  }
  if (f.argidx < f.arglen && f.dict.is_undef()) {
    vm.raisef(vm.t.TypeError, "not all arguments converted during %s formatting", f.bytes_mode ? "bytes" : "string");
    return false;
  }
  return true;
}

}  // namespace

Value percent_format(VM& vm, StrObj* format, Value args) {
  Formatter f{vm, format->view()};
  if (!run(f, args)) return Value::error();
  return vm.str(f.out);
}

Value percent_format_bytes(VM& vm, std::string_view format, Value args, bool bytearray) {
  Formatter f{vm, format};
  f.bytes_mode = true;
  if (!run(f, args)) return Value::error();
  return bytearray ? new_bytearray(vm, f.out) : Value::object(vm.new_bytes(f.out));
}

}  // namespace looplab
