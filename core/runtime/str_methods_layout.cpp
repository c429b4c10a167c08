// str methods that lay text out or map it: center ljust rjust zfill expandtabs, translate and
// str.maketrans, encode.
#include <unordered_map>

#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

bool self_ok(VM& vm, CallArgs& a, const char* name) { return check_self(vm, a, vm.t.str, Kind::Str, name); }

// s padded with `left` and `right` copies of the UTF-8 character `fill`.
Value pad(VM& vm, StrObj* s, size_t left, size_t right, std::string_view fill) {
  std::string out;
  out.reserve(s->size + (left + right) * fill.size());
  for (size_t i = 0; i < left; i++) out.append(fill);
  out.append(s->view());
  for (size_t i = 0; i < right; i++) out.append(fill);
  return make_known(vm, out, s->ascii && fill.size() == 1, s->length + left + right);
}

enum class Just { Left, Right, Center };

// center/ljust/rjust(width[, fillchar]): mirrors unicode_center etc.
Value justify(VM& vm, CallArgs& a, const char* name, Just how) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, "str", name, 1, 2)) return Value::error();
  int64_t width;
  if (!ssize_arg(vm, r[0], &width)) return Value::error();
  std::string_view fill = " ";
  if (r.nargs > 1) {
    if (!is_str_obj(r[1]))
      return vm.raisef(vm.t.TypeError, "The fill character must be a unicode character, not %s",
                       type_name(vm, r[1]).c_str());
    if (as_str(r[1])->length != 1)
      return vm.raise(vm.t.TypeError, "The fill character must be exactly one character long");
    fill = as_str(r[1])->view();
  }
  StrObj* s = as_str(a[0]);
  int64_t len = int64_t(s->length);
  if (width <= len) return same_or_copy(vm, s);
  int64_t marg = width - len;
  switch (how) {
    case Just::Left: return pad(vm, s, 0, size_t(marg), fill);
    case Just::Right: return pad(vm, s, size_t(marg), 0, fill);
    case Just::Center: {
      int64_t left = marg / 2 + (marg & width & 1);
      return pad(vm, s, size_t(left), size_t(marg - left), fill);
    }
  }
  return Value::error();
}

Value str_center(VM& vm, CallArgs& a) { return justify(vm, a, "center", Just::Center); }
Value str_ljust(VM& vm, CallArgs& a) { return justify(vm, a, "ljust", Just::Left); }
Value str_rjust(VM& vm, CallArgs& a) { return justify(vm, a, "rjust", Just::Right); }

// mirrors unicode_zfill_impl.
Value str_zfill(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "zfill")) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", "zfill")) return Value::error();
  int64_t width;
  if (!ssize_arg(vm, r[0], &width)) return Value::error();
  StrObj* s = as_str(a[0]);
  if (int64_t(s->length) >= width) return same_or_copy(vm, s);
  size_t fill = size_t(width - int64_t(s->length));
  std::string out(fill, '0');
  out.append(s->view());
  if (out[fill] == '+' || out[fill] == '-') {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return make_known(vm, out, s->ascii, size_t(width));
}

Value str_expandtabs(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "expandtabs")) return Value::error();
  Value args[1];
  if (!keyword_args(vm, rest(a), "expandtabs", {"tabsize"}, 0, 1, args)) return Value::error();
  int64_t tabsize = 8;
  if (!args[0].is_undef() && !ssize_arg(vm, args[0], &tabsize)) return Value::error();
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  if (v.find('\t') == std::string_view::npos) return same_or_copy(vm, s);
  std::string out;
  int64_t col = 0;
  size_t length = 0;
  for (size_t pos = 0; pos < v.size();) {
    unsigned char c = static_cast<unsigned char>(v[pos]);
    if (c == '\t') {
      pos++;
      if (tabsize > 0) {
        int64_t incr = tabsize - (col % tabsize);
        col += incr;
        out.append(size_t(incr), ' ');
        length += size_t(incr);
      }
      continue;
    }
    size_t start = pos;
    if (c < 0x80) pos++;
    else utf8::decode(v, pos);
    out.append(v.substr(start, pos - start));
    length++;
    col = (c == '\n' || c == '\r') ? 0 : col + 1;
  }
  return make_known(vm, out, s->ascii, length);
}

// ---- translate / maketrans --------------------------------------------------------------------

// mirrors unicode translate's charmaptranslate_lookup + output: one code point's replacement.
// Returns 1 (replacement appended), 0 (keep the character), -1 error.
int translate_char(VM& vm, Value table, uint32_t cp, std::string& out) {
  Value r = op_getitem(vm, table, Value::integer(cp));
  if (r.is_error()) {
    if (vm.pending_is(vm.t.LookupError)) {
      vm.clear_exception();
      return 0;
    }
    return -1;
  }
  if (r.is_none()) return 1;
  if (r.is_int() || r.is_bool() || (r.is_obj() && r.o->kind == Kind::BigInt)) {
    int64_t v = r.is_bool() ? r.b : r.is_int() ? r.i : -1;
    if (v < 0 || v >= 0x110000) {
      vm.raise(vm.t.ValueError, "character mapping must be in range(0x110000)");
      return -1;
    }
    utf8::encode(uint32_t(v), out);
    return 1;
  }
  if (is_str_obj(r)) {
    out.append(as_str(r)->view());
    return 1;
  }
  vm.raise(vm.t.TypeError, "character mapping must return integer, None or str");
  return -1;
}

Value str_translate(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "translate")) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", "translate")) return Value::error();
  StrObj* s = as_str(a[0]);
  Value table = r[0];
  std::string_view v = s->view();
  std::string out;
  out.reserve(v.size());
  // Each distinct character is looked up once.
  std::unordered_map<uint32_t, std::string> cache;
  for (size_t pos = 0; pos < v.size();) {
    size_t start = pos;
    uint32_t cp = utf8::decode(v, pos);
    auto it = cache.find(cp);
    if (it == cache.end()) {
      std::string rep;
      int k = translate_char(vm, table, cp, rep);
      if (k < 0) return Value::error();
      if (k == 0) rep.assign(v.substr(start, pos - start));
      it = cache.emplace(cp, std::move(rep)).first;
    }
    out.append(it->second);
  }
  return vm.str(out);
}

// str.maketrans(x[, y[, z]]): mirrors unicode_maketrans_impl.
Value str_maketrans(VM& vm, CallArgs& a) {
  if (!positional_args(vm, a, "str", "maketrans", 1, 3)) return Value::error();
  DictObj* d = vm.new_dict();
  if (a.nargs == 1) {
    Value x = a[0];
    if (!x.is_obj() || x.o->kind != Kind::Dict)
      return vm.raise(vm.t.TypeError, "if you give only one argument to maketrans it must be a dict");
    bool ok = true;
    DictObj* src = static_cast<DictObj*>(x.o);
    std::vector<std::pair<Value, Value>> entries;
    src->for_each([&](Value k, Value v) { entries.emplace_back(k, v); });
    for (auto& [k, v] : entries) {
      Value key;
      if (is_str_obj(k)) {
        if (as_str(k)->length != 1)
          return vm.raise(vm.t.ValueError, "string keys in translate table must be of length 1");
        size_t pos = 0;
        key = Value::integer(utf8::decode(as_str(k)->view(), pos));
      } else if (k.is_int() || k.is_bool() || (k.is_obj() && k.o->kind == Kind::BigInt)) {
        key = k;
      } else {
        return vm.raise(vm.t.TypeError, "keys in translate table must be strings or integers");
      }
      ok = d->set(vm, key, v);
      if (!ok) return Value::error();
    }
    return Value::object(d);
  }
  if (!is_str_obj(a[0]))
    return vm.raise(vm.t.TypeError, "first maketrans argument must be a string if there is a second argument");
  for (uint32_t i = 1; i < a.nargs; i++)
    if (!is_str_obj(a[i]))
      return vm.raisef(vm.t.TypeError, "maketrans() argument %u must be str, not %s", i + 1,
                       type_name(vm, a[i]).c_str());
  StrObj* x = as_str(a[0]);
  StrObj* y = as_str(a[1]);
  if (x->length != y->length)
    return vm.raise(vm.t.ValueError, "the first two maketrans arguments must have equal length");
  std::string_view xv = x->view(), yv = y->view();
  for (size_t p = 0, q = 0; p < xv.size();) {
    uint32_t from = utf8::decode(xv, p), to = utf8::decode(yv, q);
    if (!d->set(vm, Value::integer(from), Value::integer(to))) return Value::error();
  }
  if (a.nargs > 2) {
    std::string_view zv = as_str(a[2])->view();
    for (size_t p = 0; p < zv.size();)
      if (!d->set(vm, Value::integer(utf8::decode(zv, p)), Value::none())) return Value::error();
  }
  return Value::object(d);
}

Value str_encode(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "encode")) return Value::error();
  Value args[2];
  if (!keyword_args(vm, rest(a), "encode", {"encoding", "errors"}, 0, 2, args)) return Value::error();
  const char* names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; i++)
    if (!args[i].is_undef() && !is_str_obj(args[i]))
      return vm.raisef(vm.t.TypeError, "encode() argument '%s' must be str, not %s", names[i],
                       type_name(vm, args[i]).c_str());
  std::string_view enc = args[0].is_undef() ? "utf-8" : as_str(args[0])->view();
  std::string_view errs = args[1].is_undef() ? "strict" : as_str(args[1])->view();
  return encode(vm, as_str(a[0]), enc, errs);
}

}  // namespace

void init_str_layout_methods(VM& vm) {
  ClassObj* str = vm.t.str;
  def(vm, str, "center", str_center);
  def(vm, str, "ljust", str_ljust);
  def(vm, str, "rjust", str_rjust);
  def(vm, str, "zfill", str_zfill);
  def(vm, str, "expandtabs", str_expandtabs);
  def(vm, str, "translate", str_translate);
  def(vm, str, "encode", str_encode);
  NativeFunctionObj* mt = vm.new_native("maketrans", str_maketrans);
  str->dict->set_str(vm.intern("maketrans"),
                     Value::object(vm.heap.make<WrapperObj>(vm.t.staticmethod, Kind::StaticMethod, Value::object(mt))));
}

}  // namespace looplab
