// _json: the native half of the json module (modules/py/json.py holds the Python API, ported
// from CPython 3.11's Lib/json). The encoder mirrors Lib/json/encoder.py's _make_iterencode
// output byte for byte (including indent layouts, which CPython's C encoder does not do) with
// c_make_encoder's type checks; the scanner is in json_decode.cpp.
#include <cmath>
#include <unordered_set>

#include "modules/json_parts.h"
#include "modules/module_inits.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

// mirrors py_encode_basestring_ascii / py_encode_basestring.
void encode_string(std::string_view v, bool ascii_only, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  auto u_escape = [&](uint32_t c) {
    out += "\\u";
    for (int sh = 12; sh >= 0; sh -= 4) out += kHex[(c >> sh) & 15];
  };
  out += '"';
  for (size_t pos = 0; pos < v.size();) {
    unsigned char b = static_cast<unsigned char>(v[pos]);
    if (b < 0x80) {
      pos++;
      switch (b) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (b < 0x20 || (ascii_only && b == 0x7f)) u_escape(b);
          else out += char(b);
      }
      continue;
    }
    size_t start = pos;
    uint32_t cp = utf8::decode(v, pos);
    if (!ascii_only) {
      out.append(v.substr(start, pos - start));
    } else if (cp >= 0x10000) {
      uint32_t n = cp - 0x10000;
      u_escape(0xD800 | (n >> 10));
      u_escape(0xDC00 | (n & 0x3FF));
    } else {
      u_escape(cp);
    }
  }
  out += '"';
}

struct Encoder {
  VM& vm;
  Value default_fn;
  std::string_view key_sep, item_sep;
  bool sort_keys = false, skipkeys = false, allow_nan = true, ensure_ascii = true, check_circular = true;
  bool python_path = false;  // words errors as Lib/json/encoder.py rather than the C encoder
  bool has_indent = false;
  std::string_view indent;
  std::unordered_set<Obj*> markers;
  std::string out;
  int depth = 0;

  bool fail() { return false; }

  void newline(int level) {
    out += '\n';
    for (int i = 0; i < level; i++) out.append(indent);
  }

  // mirrors floatstr: NaN/Infinity spellings, float.__repr__ otherwise.
  bool float_text(double d, std::string& text) {
    if (std::isnan(d)) text = "NaN";
    else if (std::isinf(d)) text = d > 0 ? "Infinity" : "-Infinity";
    else {
      text = float_repr(d);
      return true;
    }
    if (!allow_nan) {
      if (python_path)
        vm.raisef(vm.t.ValueError, "Out of range float values are not JSON compliant: %s", float_repr(d).c_str());
      else
        vm.raise(vm.t.ValueError, "Out of range float values are not JSON compliant");
      return false;
    }
    return true;
  }

  // int.__repr__(o), also for int subclasses (IntEnum members print as numbers).
  bool int_text(Value o, std::string& text) {
    if (o.is_int() || (o.is_obj() && o.o->kind == Kind::BigInt)) {
      text = int_to_text(o, 10);
      return true;
    }
    Value r = vm.t.int_->lookup(vm.n.__repr__);
    Value s = r.is_undef() ? op_repr(vm, o) : vm.call(r, {o});
    if (s.is_error()) return false;
    text = as_str(s)->str();
    return true;
  }

  bool enter(Obj* o) {
    if (!check_circular) return true;
    if (!markers.insert(o).second) {
      vm.raise(vm.t.ValueError, "Circular reference detected");
      return false;
    }
    return true;
  }
  void leave(Obj* o) {
    if (check_circular) markers.erase(o);
  }

  bool encode(Value o, int level);
  bool encode_list(Value o, const std::vector<Value>& items, int level);
  bool encode_dict(DictObj* d, int level);
};

bool Encoder::encode(Value o, int level) {
  if (is_str_obj(o)) {
    encode_string(as_str(o)->view(), ensure_ascii, out);
    return true;
  }
  if (o.is_none()) {
    out += "null";
    return true;
  }
  if (o.is_bool()) {
    out += o.b ? "true" : "false";
    return true;
  }
  if (o.is_int() || vm.isinstance(o, vm.t.int_)) {
    std::string t;
    if (!int_text(o, t)) return false;
    out += t;
    return true;
  }
  if (o.is_float() || vm.isinstance(o, vm.t.float_)) {
    double d;
    if (!as_double(vm, o, &d)) return false;
    std::string t;
    if (!float_text(d, t)) return false;
    out += t;
    return true;
  }
  if (++depth > vm.recursion_limit) {
    depth--;
    vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded while encoding a JSON object");
    return false;
  }
  bool ok;
  if (o.is_obj() && o.o->kind == Kind::List) {
    // A copy: default() may mutate the list while we walk it.
    std::vector<Value> items = static_cast<ListObj*>(o.o)->items;
    ok = encode_list(o, items, level);
  } else if (o.is_obj() && o.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(o.o);
    ok = encode_list(o, std::vector<Value>(t->items(), t->items() + t->size), level);
  } else if (o.is_obj() && o.o->kind == Kind::Dict) {
    ok = encode_dict(static_cast<DictObj*>(o.o), level);
  } else {
    // mirrors the default() branch of _iterencode.
    Obj* marker = o.is_obj() ? o.o.get() : nullptr;
    if (marker && !enter(marker)) {
      depth--;
      return false;
    }
    Value r = vm.call(default_fn, {o});
    ok = !r.is_error() && encode(r, level);
    if (marker) leave(marker);
  }
  depth--;
  return ok;
}

// mirrors _iterencode_list.
bool Encoder::encode_list(Value o, const std::vector<Value>& items, int level) {
  if (items.empty()) {
    out += "[]";
    return true;
  }
  if (!enter(o.o)) return false;
  out += '[';
  if (has_indent) newline(++level);
  for (size_t i = 0; i < items.size(); i++) {
    if (i) {
      out.append(item_sep);
      if (has_indent) newline(level);
    }
    if (!encode(items[i], level)) return false;
  }
  if (has_indent) newline(--level);
  out += ']';
  leave(o.o);
  return true;
}

// mirrors _iterencode_dict.
bool Encoder::encode_dict(DictObj* d, int level) {
  if (d->size() == 0) {
    out += "{}";
    return true;
  }
  if (!enter(d)) return false;
  std::vector<std::pair<Value, Value>> items;
  if (sort_keys) {
    // sorted(dct.items()): list.sort on the keys gives CPython's comparisons and errors.
    ListObj* keys = vm.new_list();
    d->for_each([&](Value k, Value) { keys->items.push_back(k); });
    if (vm.call_method(Value::object(keys), vm.intern("sort"), {}).is_error()) return false;
    for (Value k : keys->items) {
      Value v = d->get(vm, k);
      if (v.is_error()) return false;
      items.emplace_back(k, v);
    }
  } else {
    d->for_each([&](Value k, Value v) { items.emplace_back(k, v); });
  }
  out += '{';
  if (has_indent) newline(++level);
  bool first = true;
  for (auto& [key, value] : items) {
    std::string ktext;
    bool is_text = false;
    if (is_str_obj(key)) {
      is_text = true;
    } else if (key.is_float() || vm.isinstance(key, vm.t.float_)) {
      double dv;
      if (!as_double(vm, key, &dv) || !float_text(dv, ktext)) return false;
    } else if (key.is_bool()) {
      ktext = key.b ? "true" : "false";
    } else if (key.is_none()) {
      ktext = "null";
    } else if (key.is_int() || vm.isinstance(key, vm.t.int_)) {
      if (!int_text(key, ktext)) return false;
    } else if (skipkeys) {
      continue;
    } else {
      vm.raisef(vm.t.TypeError, "keys must be str, int, float, bool or None, not %s", type_name(vm, key).c_str());
      return false;
    }
    if (!first) {
      out.append(item_sep);
      if (has_indent) newline(level);
    }
    first = false;
    encode_string(is_text ? as_str(key)->view() : std::string_view(ktext), ensure_ascii, out);
    out.append(key_sep);
    if (!encode(value, level)) return false;
  }
  if (has_indent) newline(--level);
  out += '}';
  leave(d);
  return true;
}

// encode(o, default, key_separator, item_separator, sort_keys, skipkeys, allow_nan,
//        ensure_ascii, indent (None or str), check_circular, python_path) -> str
Value json_encode(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "encode", 11, 11)) return Value::error();
  for (int i : {2, 3})
    if (!is_str_obj(a[i]))
      return vm.raisef(vm.t.TypeError, "make_encoder() argument %d must be str, not %s", i + 1,
                       type_name(vm, a[i]).c_str());
  Encoder e{vm, a[1], as_str(a[2])->view(), as_str(a[3])->view()};
  int flags[6];
  const int at[6] = {4, 5, 6, 7, 9, 10};
  for (int i = 0; i < 6; i++) {
    flags[i] = op_truth(vm, a[at[i]]);
    if (flags[i] < 0) return Value::error();
  }
  e.sort_keys = flags[0];
  e.skipkeys = flags[1];
  e.allow_nan = flags[2];
  e.ensure_ascii = flags[3];
  e.check_circular = flags[4];
  e.python_path = flags[5];
  if (!a[8].is_none()) {
    if (!is_str_obj(a[8])) return vm.raise(vm.t.TypeError, "indent must be None or str");
    e.has_indent = true;
    e.indent = as_str(a[8])->view();
  }
  if (!e.encode(a[0], 0)) return Value::error();
  if (vm.heap.would_exceed(e.out.size())) return vm.raise_value(Value::object(vm.t.MemoryError));
  return vm.str(e.out);
}

Value json_encode_basestring_ascii(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "encode_basestring_ascii", 1, 1)) return Value::error();
  if (!is_str_obj(a[0]))
    return vm.raisef(vm.t.TypeError, "first argument must be a string, not %.80s", type_name(vm, a[0]).c_str());
  std::string out;
  encode_string(as_str(a[0])->view(), true, out);
  return make_ascii(vm, out);
}

Value json_encode_basestring(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "encode_basestring", 1, 1)) return Value::error();
  if (!is_str_obj(a[0]))
    return vm.raisef(vm.t.TypeError, "first argument must be a string, not %.80s", type_name(vm, a[0]).c_str());
  std::string out;
  encode_string(as_str(a[0])->view(), false, out);
  return vm.str(out);
}

// skip_ws(s, idx): the index of the first non-whitespace character at or after idx (the
// WHITESPACE.match(s, idx).end() of Lib/json/decoder.py).
Value json_skip_ws(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "skip_ws", 2, 2)) return Value::error();
  if (!is_str_obj(a[0]))
    return vm.raisef(vm.t.TypeError, "first argument must be a string, not %.80s", type_name(vm, a[0]).c_str());
  int64_t idx;
  if (!index_value(vm, a[1], &idx)) return Value::error();
  StrObj* s = as_str(a[0]);
  if (idx < 0 || uint64_t(idx) >= s->length) return Value::integer(idx);
  std::string_view v = s->view();
  size_t b = offset(s, size_t(idx)), start = b;
  while (b < v.size() && (v[b] == ' ' || v[b] == '\t' || v[b] == '\n' || v[b] == '\r')) b++;
  return Value::integer(idx + int64_t(b - start));
}

}  // namespace

bool init_json_native_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  vm.def_function(d, "encode", json_encode);
  vm.def_function(d, "encode_basestring_ascii", json_encode_basestring_ascii);
  vm.def_function(d, "encode_basestring", json_encode_basestring);
  vm.def_function(d, "scan_once", json_scan_once);
  vm.def_function(d, "skip_ws", json_skip_ws);
  return true;
}

}  // namespace looplab
