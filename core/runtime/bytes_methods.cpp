// bytes and bytearray methods (mirrors Objects/bytes_methods.c and the stringlib functions
// CPython shares between str, bytes and bytearray): searching, splitting, joining, stripping,
// ASCII case mapping and predicates, padding. Each native serves both types: the class it was
// found on (calling_native->owner) decides what self must be and what the results are.
#include <algorithm>
#include <climits>

#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

constexpr size_t npos = std::string_view::npos;

// Which type a method runs for, decided on entry (before any nested call changes calling_native).
struct Owner {
  bool bytearray;
};

bool self_ok(VM& vm, CallArgs& a, const char* name, Owner* o) {
  ClassObj* owner = vm.calling_native->owner;
  o->bytearray = owner != vm.t.bytes;
  if (!o->bytearray) return check_self(vm, a, vm.t.bytes, Kind::Bytes, name);
  if (a.nargs == 0) {
    vm.raisef(vm.t.TypeError, "unbound method bytearray.%s() needs an argument", name);
    return false;
  }
  if (!as_bytearray(vm, a[0])) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' for 'bytearray' objects doesn't apply to a '%s' object", name,
              type_name(vm, a[0]).c_str());
    return false;
  }
  return true;
}
const char* tname(const Owner& o) { return o.bytearray ? "bytearray" : "bytes"; }
// self's bytes; read it after the arguments are converted (their __index__ may run Python).
std::string_view self_view(VM& vm, CallArgs& a) {
  std::string_view v;
  bytes_like(vm, a[0], &v);
  return v;
}
// A result of self's kind (bytearray methods return bytearrays).
Value make(VM& vm, const Owner& o, std::string_view v) {
  return o.bytearray ? new_bytearray(vm, v) : Value::object(vm.new_bytes(v));
}
// self itself when unchanged and exactly bytes, else a copy (bytearrays are always copied).
Value same_or_copy_b(VM& vm, const Owner& o, Value self) {
  if (!o.bytearray && self.o->cls == vm.t.bytes) return self;
  std::string_view v;
  bytes_like(vm, self, &v);
  return make(vm, o, v);
}

bool need_bytes(VM& vm, Value v, std::string_view* out) {
  if (bytes_like(vm, v, out)) return true;
  vm.raisef(vm.t.TypeError, "a bytes-like object is required, not '%s'", type_name(vm, v).c_str());
  return false;
}

bool is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// ---- find / count / startswith ---------------------------------------------------------------

// The sub argument of find & co: bytes, or an int byte value ("argument should be integer or
// bytes-like object, not 'str'").
bool sub_arg(VM& vm, Value v, std::string* out) {
  std::string_view bv;
  if (bytes_like(vm, v, &bv)) {
    out->assign(bv);
    return true;
  }
  bool idx = v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt) ||
             (!v.is_float() && !vm.type_of(v)->lookup(vm.n.__index__).is_undef());
  if (!idx) {
    vm.raisef(vm.t.TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(vm, v).c_str());
    return false;
  }
  int64_t b = -1;
  if (!(v.is_obj() && v.o->kind == Kind::BigInt) && !index_value(vm, v, &b)) return false;
  if (b < 0 || b > 255) {
    vm.raise(vm.t.ValueError, "byte must be in range(0, 256)");
    return false;
  }
  out->assign(1, char(b));
  return true;
}

Value find_method(VM& vm, CallArgs& a, const char* name, bool reverse, bool raise) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, tname(o), name, 1, 3)) return Value::error();
  std::string sub;
  if (!sub_arg(vm, r[0], &sub)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  std::string_view v = self_view(vm, a);
  adjust_indices(start, end, int64_t(v.size()));
  int64_t found = -1;
  if (end - start >= int64_t(sub.size())) {
    if (sub.empty()) {
      found = reverse ? end : start;
    } else {
      std::string_view w = v.substr(size_t(start), size_t(end - start));
      size_t at = reverse ? w.rfind(sub) : w.find(sub);
      if (at != npos) found = start + int64_t(at);
    }
  }
  if (found < 0 && raise) return vm.raise(vm.t.ValueError, "subsection not found");
  return Value::integer(found);
}

Value b_find(VM& vm, CallArgs& a) { return find_method(vm, a, "find", false, false); }
Value b_rfind(VM& vm, CallArgs& a) { return find_method(vm, a, "rfind", true, false); }
Value b_index(VM& vm, CallArgs& a) { return find_method(vm, a, "index", false, true); }
Value b_rindex(VM& vm, CallArgs& a) { return find_method(vm, a, "rindex", true, true); }

Value b_count(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "count", &o)) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, tname(o), "count", 1, 3)) return Value::error();
  std::string sub;
  if (!sub_arg(vm, r[0], &sub)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  std::string_view v = self_view(vm, a);
  adjust_indices(start, end, int64_t(v.size()));
  if (end - start < int64_t(sub.size())) return Value::integer(0);
  if (sub.empty()) return Value::integer(end - start + 1);
  std::string_view w = v.substr(size_t(start), size_t(end - start));
  int64_t n = 0;
  for (size_t at = w.find(sub); at != npos; at = w.find(sub, at + sub.size())) n++;
  return Value::integer(n);
}

bool tailmatch(std::string_view v, std::string_view sub, int64_t start, int64_t end, bool at_end) {
  adjust_indices(start, end, int64_t(v.size()));
  end -= int64_t(sub.size());
  if (end < start) return false;
  if (sub.empty()) return true;
  size_t pos = at_end ? size_t(end) : size_t(start);
  return v.substr(pos, sub.size()) == sub;
}

Value starts_ends(VM& vm, CallArgs& a, const char* name, bool at_end) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, tname(o), name, 1, 3)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  std::string_view v = self_view(vm, a);
  Value arg = r[0];
  if (arg.is_obj() && arg.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(arg.o);
    for (size_t i = 0; i < t->size; i++) {
      std::string_view sub;
      if (!need_bytes(vm, (*t)[i], &sub)) return Value::error();
      if (tailmatch(v, sub, start, end, at_end)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  if (!is_bytes_obj(arg))
    return vm.raisef(vm.t.TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                     type_name(vm, arg).c_str());
  return Value::boolean(tailmatch(v, as_bytes(arg)->view(), start, end, at_end));
}

Value b_startswith(VM& vm, CallArgs& a) { return starts_ends(vm, a, "startswith", false); }
Value b_endswith(VM& vm, CallArgs& a) { return starts_ends(vm, a, "endswith", true); }

Value b_replace(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "replace", &o)) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, tname(o), "replace", 2, 3)) return Value::error();
  std::string_view from, to;
  if (!need_bytes(vm, r[0], &from) || !need_bytes(vm, r[1], &to)) return Value::error();
  int64_t count = -1;
  if (r.nargs > 2 && !ssize_arg(vm, r[2], &count)) return Value::error();
  if (count < 0) count = INT64_MAX;
  std::string_view v = self_view(vm, a);
  std::string out;
  int64_t done = 0;
  if (from.empty()) {
    for (size_t i = 0; i < v.size(); i++) {
      if (done < count) {
        out.append(to);
        done++;
      }
      out += v[i];
    }
    if (done < count) out.append(to);
    return make(vm, o, out);
  }
  size_t pos = 0;
  for (size_t at = v.find(from); at != npos && done < count; at = v.find(from, pos)) {
    out.append(v.substr(pos, at - pos));
    out.append(to);
    pos = at + from.size();
    done++;
  }
  if (done == 0) return same_or_copy_b(vm, o, a[0]);
  out.append(v.substr(pos));
  return make(vm, o, out);
}

// ---- split / join / strip --------------------------------------------------------------------

bool split_args(VM& vm, CallArgs& a, const char* name, Owner* o, std::string_view* sep, bool* have_sep,
                int64_t* maxsplit) {
  if (!self_ok(vm, a, name, o)) return false;
  Value args[2];
  if (!keyword_args(vm, rest(a), name, {"sep", "maxsplit"}, 0, 2, args)) return false;
  *have_sep = false;
  if (!args[0].is_undef() && !args[0].is_none()) {
    if (!need_bytes(vm, args[0], sep)) return false;
    if (sep->empty()) {
      vm.raise(vm.t.ValueError, "empty separator");
      return false;
    }
    *have_sep = true;
  }
  *maxsplit = -1;
  if (!args[1].is_undef() && !ssize_arg(vm, args[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value b_split(VM& vm, CallArgs& a) {
  std::string_view sep;
  bool have_sep;
  int64_t maxsplit;
  Owner o;
  if (!split_args(vm, a, "split", &o, &sep, &have_sep, &maxsplit)) return Value::error();
  std::string_view v = self_view(vm, a);
  ListObj* out = vm.new_list();
  if (have_sep) {
    size_t pos = 0;
    for (size_t at; maxsplit > 0 && (at = v.find(sep, pos)) != npos; maxsplit--) {
      out->items.push_back(make(vm, o, v.substr(pos, at - pos)));
      pos = at + sep.size();
    }
    out->items.push_back(make(vm, o, v.substr(pos)));
    return Value::object(out);
  }
  size_t i = 0;
  while (true) {
    while (i < v.size() && is_space(static_cast<unsigned char>(v[i]))) i++;
    if (i == v.size()) break;
    if (maxsplit-- <= 0) {
      out->items.push_back(make(vm, o, v.substr(i)));
      break;
    }
    size_t j = i;
    while (j < v.size() && !is_space(static_cast<unsigned char>(v[j]))) j++;
    out->items.push_back(make(vm, o, v.substr(i, j - i)));
    i = j;
  }
  return Value::object(out);
}

Value b_rsplit(VM& vm, CallArgs& a) {
  std::string_view sep;
  bool have_sep;
  int64_t maxsplit;
  Owner o;
  if (!split_args(vm, a, "rsplit", &o, &sep, &have_sep, &maxsplit)) return Value::error();
  std::string_view v = self_view(vm, a);
  ListObj* out = vm.new_list();
  std::vector<Value>& items = out->items;
  if (have_sep) {
    size_t end = v.size();
    while (maxsplit > 0 && end >= sep.size()) {
      size_t at = v.substr(0, end).rfind(sep);
      if (at == npos) break;
      items.push_back(make(vm, o, v.substr(at + sep.size(), end - at - sep.size())));
      end = at;
      maxsplit--;
    }
    items.push_back(make(vm, o, v.substr(0, end)));
  } else {
    size_t i = v.size();
    while (true) {
      while (i > 0 && is_space(static_cast<unsigned char>(v[i - 1]))) i--;
      if (i == 0) break;
      if (maxsplit-- <= 0) {
        items.push_back(make(vm, o, v.substr(0, i)));
        break;
      }
      size_t j = i;
      while (j > 0 && !is_space(static_cast<unsigned char>(v[j - 1]))) j--;
      items.push_back(make(vm, o, v.substr(j, i - j)));
      i = j;
    }
  }
  std::reverse(items.begin(), items.end());
  return Value::object(out);
}

Value b_splitlines(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "splitlines", &o)) return Value::error();
  Value args[1];
  if (!keyword_args(vm, rest(a), "splitlines", {"keepends"}, 0, 1, args)) return Value::error();
  int64_t keepends = 0;
  if (!args[0].is_undef()) {
    if (args[0].is_float()) return vm.raise(vm.t.TypeError, "'float' object cannot be interpreted as an integer");
    if (!index_value(vm, args[0], &keepends)) return Value::error();
  }
  std::string_view v = self_view(vm, a);
  ListObj* out = vm.new_list();
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && v[j] != '\n' && v[j] != '\r') j++;
    size_t eol = j;
    if (j < v.size()) {
      j += (v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n') ? 2 : 1;
      if (keepends) eol = j;
    }
    out->items.push_back(make(vm, o, v.substr(i, eol - i)));
    i = j;
  }
  return Value::object(out);
}

Value partition(VM& vm, CallArgs& a, const char* name, bool reverse) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, tname(o), name)) return Value::error();
  std::string_view sep;
  if (!need_bytes(vm, r[0], &sep)) return Value::error();
  if (sep.empty()) return vm.raise(vm.t.ValueError, "empty separator");
  std::string_view v = self_view(vm, a);
  size_t at = reverse ? v.rfind(sep) : v.find(sep);
  Value empty = make(vm, o, "");
  if (at == npos) {
    Value whole = same_or_copy_b(vm, o, a[0]);
    return Value::object(reverse ? vm.tuple_of({empty, empty, whole}) : vm.tuple_of({whole, empty, empty}));
  }
  return Value::object(
      vm.tuple_of({make(vm, o, v.substr(0, at)), o.bytearray ? make(vm, o, sep) : r[0],
                   make(vm, o, v.substr(at + sep.size()))}));
}

Value b_partition(VM& vm, CallArgs& a) { return partition(vm, a, "partition", false); }
Value b_rpartition(VM& vm, CallArgs& a) { return partition(vm, a, "rpartition", true); }

Value b_join(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "join", &o)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, tname(o), "join")) return Value::error();
  std::vector<Value> items;
  Value seq = r[0];
  ClassObj* cls = vm.type_of(seq);
  if (!cls->slots.iter && !cls->slots.getitem) return vm.raise(vm.t.TypeError, "can only join an iterable");
  if (!op_for_each(vm, seq, [&](Value v) {
        items.push_back(v);
        return 1;
      }))
    return Value::error();
  std::string_view sep = self_view(vm, a);
  std::string out;
  for (size_t i = 0; i < items.size(); i++) {
    std::string_view item;
    if (!bytes_like(vm, items[i], &item))
      return vm.raisef(vm.t.TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                       type_name(vm, items[i]).c_str());
    if (i) out.append(sep);
    out.append(item);
  }
  if (!o.bytearray && items.size() == 1 && items[0].o->cls == vm.t.bytes) return items[0];
  return make(vm, o, out);
}

enum { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip(VM& vm, CallArgs& a, const char* name, int side) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, tname(o), name, 0, 1)) return Value::error();
  std::string_view chars;
  bool have = false;
  if (r.nargs == 1 && !r[0].is_none()) {
    if (!need_bytes(vm, r[0], &chars)) return Value::error();
    have = true;
  }
  std::string_view v = self_view(vm, a);
  auto strippable = [&](char c) {
    return have ? chars.find(c) != npos : is_space(static_cast<unsigned char>(c));
  };
  size_t i = 0, j = v.size();
  if (side & kLeft)
    while (i < j && strippable(v[i])) i++;
  if (side & kRight)
    while (j > i && strippable(v[j - 1])) j--;
  if (i == 0 && j == v.size()) return same_or_copy_b(vm, o, a[0]);
  return make(vm, o, v.substr(i, j - i));
}

Value b_strip(VM& vm, CallArgs& a) { return strip(vm, a, "strip", kBoth); }
Value b_lstrip(VM& vm, CallArgs& a) { return strip(vm, a, "lstrip", kLeft); }
Value b_rstrip(VM& vm, CallArgs& a) { return strip(vm, a, "rstrip", kRight); }

Value remove_affix(VM& vm, CallArgs& a, const char* name, bool suffix) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, tname(o), name)) return Value::error();
  std::string_view x;
  if (!need_bytes(vm, r[0], &x)) return Value::error();
  std::string_view v = self_view(vm, a);
  if (x.empty() || v.size() < x.size()) return same_or_copy_b(vm, o, a[0]);
  if (suffix && v.substr(v.size() - x.size()) == x) return make(vm, o, v.substr(0, v.size() - x.size()));
  if (!suffix && v.substr(0, x.size()) == x) return make(vm, o, v.substr(x.size()));
  return same_or_copy_b(vm, o, a[0]);
}

Value b_removeprefix(VM& vm, CallArgs& a) { return remove_affix(vm, a, "removeprefix", false); }
Value b_removesuffix(VM& vm, CallArgs& a) { return remove_affix(vm, a, "removesuffix", true); }

// ---- ASCII case and predicates ----------------------------------------------------------------

enum class Case { Upper, Lower, Swap, Title, Capitalize };

Value map_case(VM& vm, CallArgs& a, const char* name, Case how) {
  Owner o;
  if (!self_ok(vm, a, name, &o) || !no_args(vm, rest(a), tname(o), name)) return Value::error();
  std::string out(self_view(vm, a));
  bool prev_cased = false;
  for (size_t i = 0; i < out.size(); i++) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    bool up = is_upper(c), low = is_lower(c);
    bool to_up = false, to_low = false;
    switch (how) {
      case Case::Upper: to_up = true; break;
      case Case::Lower: to_low = true; break;
      case Case::Swap: to_up = low, to_low = up; break;
      case Case::Capitalize: (i == 0 ? to_up : to_low) = true; break;
      case Case::Title:
        (prev_cased ? to_low : to_up) = true;
        prev_cased = up || low;
        break;
    }
    if (to_up && low) out[i] = char(c - 32);
    else if (to_low && up) out[i] = char(c + 32);
  }
  return make(vm, o, out);
}

Value b_upper(VM& vm, CallArgs& a) { return map_case(vm, a, "upper", Case::Upper); }
Value b_lower(VM& vm, CallArgs& a) { return map_case(vm, a, "lower", Case::Lower); }
Value b_swapcase(VM& vm, CallArgs& a) { return map_case(vm, a, "swapcase", Case::Swap); }
Value b_title(VM& vm, CallArgs& a) { return map_case(vm, a, "title", Case::Title); }
Value b_capitalize(VM& vm, CallArgs& a) { return map_case(vm, a, "capitalize", Case::Capitalize); }

template <class Pred>
Value all_bytes(VM& vm, CallArgs& a, const char* name, Pred pred) {
  Owner o;
  if (!self_ok(vm, a, name, &o) || !no_args(vm, rest(a), tname(o), name)) return Value::error();
  std::string_view v = self_view(vm, a);
  if (v.empty()) return Value::boolean(false);
  for (unsigned char c : v)
    if (!pred(c)) return Value::boolean(false);
  return Value::boolean(true);
}

Value b_isdigit(VM& vm, CallArgs& a) { return all_bytes(vm, a, "isdigit", is_digit); }
Value b_isalpha(VM& vm, CallArgs& a) { return all_bytes(vm, a, "isalpha", is_alpha); }
Value b_isalnum(VM& vm, CallArgs& a) {
  return all_bytes(vm, a, "isalnum", [](unsigned char c) { return is_alpha(c) || is_digit(c); });
}
Value b_isspace(VM& vm, CallArgs& a) { return all_bytes(vm, a, "isspace", is_space); }

Value b_isascii(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "isascii", &o) || !no_args(vm, rest(a), tname(o), "isascii")) return Value::error();
  return Value::boolean(utf8::is_ascii(self_view(vm, a)));
}

Value cased(VM& vm, CallArgs& a, const char* name, bool want_upper) {
  Owner o;
  if (!self_ok(vm, a, name, &o) || !no_args(vm, rest(a), tname(o), name)) return Value::error();
  bool any = false;
  for (unsigned char c : self_view(vm, a)) {
    if (want_upper ? is_lower(c) : is_upper(c)) return Value::boolean(false);
    if (want_upper ? is_upper(c) : is_lower(c)) any = true;
  }
  return Value::boolean(any);
}

Value b_isupper(VM& vm, CallArgs& a) { return cased(vm, a, "isupper", true); }
Value b_islower(VM& vm, CallArgs& a) { return cased(vm, a, "islower", false); }

Value b_istitle(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "istitle", &o) || !no_args(vm, rest(a), tname(o), "istitle")) return Value::error();
  bool any = false, prev = false;
  for (unsigned char c : self_view(vm, a)) {
    if (is_upper(c)) {
      if (prev) return Value::boolean(false);
      prev = any = true;
    } else if (is_lower(c)) {
      if (!prev) return Value::boolean(false);
      prev = any = true;
    } else {
      prev = false;
    }
  }
  return Value::boolean(any);
}

// ---- padding --------------------------------------------------------------------------------

enum class Just { Left, Right, Center };

Value justify(VM& vm, CallArgs& a, const char* name, Just how) {
  Owner o;
  if (!self_ok(vm, a, name, &o)) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, tname(o), name, 1, 2)) return Value::error();
  int64_t width;
  if (!ssize_arg(vm, r[0], &width)) return Value::error();
  char fill = ' ';
  if (r.nargs > 1) {
    std::string_view f;
    if (!bytes_like(vm, r[1], &f) || f.size() != 1)
      return vm.raisef(vm.t.TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                       type_name(vm, r[1]).c_str());
    fill = f[0];
  }
  std::string_view v = self_view(vm, a);
  int64_t len = int64_t(v.size());
  if (width <= len) return same_or_copy_b(vm, o, a[0]);
  int64_t marg = width - len;
  int64_t left = how == Just::Left ? 0 : how == Just::Right ? marg : marg / 2 + (marg & width & 1);
  std::string out(size_t(left), fill);
  out.append(v);
  out.append(size_t(marg - left), fill);
  return make(vm, o, out);
}

Value b_center(VM& vm, CallArgs& a) { return justify(vm, a, "center", Just::Center); }
Value b_ljust(VM& vm, CallArgs& a) { return justify(vm, a, "ljust", Just::Left); }
Value b_rjust(VM& vm, CallArgs& a) { return justify(vm, a, "rjust", Just::Right); }

Value b_zfill(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "zfill", &o)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, tname(o), "zfill")) return Value::error();
  int64_t width;
  if (!ssize_arg(vm, r[0], &width)) return Value::error();
  std::string_view v = self_view(vm, a);
  if (int64_t(v.size()) >= width) return same_or_copy_b(vm, o, a[0]);
  size_t fill = size_t(width) - v.size();
  std::string out(fill, '0');
  out.append(v);
  if (out[fill] == '+' || out[fill] == '-') {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return make(vm, o, out);
}

Value b_expandtabs(VM& vm, CallArgs& a) {
  Owner o;
  if (!self_ok(vm, a, "expandtabs", &o)) return Value::error();
  Value args[1];
  if (!keyword_args(vm, rest(a), "expandtabs", {"tabsize"}, 0, 1, args)) return Value::error();
  int64_t tabsize = 8;
  if (!args[0].is_undef() && !ssize_arg(vm, args[0], &tabsize)) return Value::error();
  std::string out;
  int64_t col = 0;
  for (char c : self_view(vm, a)) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t incr = tabsize - col % tabsize;
        col += incr;
        out.append(size_t(incr), ' ');
      }
    } else {
      out += c;
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make(vm, o, out);
}

}  // namespace

// Defines the shared methods on `b` (bytes or bytearray).
void init_bytes_methods(VM& vm, ClassObj* b) {
  struct M {
    const char* name;
    NativeFn fn;
  };
  const M methods[] = {
      {"find", b_find},           {"rfind", b_rfind},           {"index", b_index},
      {"rindex", b_rindex},       {"count", b_count},           {"startswith", b_startswith},
      {"endswith", b_endswith},   {"replace", b_replace},       {"split", b_split},
      {"rsplit", b_rsplit},       {"splitlines", b_splitlines}, {"partition", b_partition},
      {"rpartition", b_rpartition}, {"join", b_join},           {"strip", b_strip},
      {"lstrip", b_lstrip},       {"rstrip", b_rstrip},         {"removeprefix", b_removeprefix},
      {"removesuffix", b_removesuffix}, {"upper", b_upper},     {"lower", b_lower},
      {"swapcase", b_swapcase},   {"title", b_title},           {"capitalize", b_capitalize},
      {"isdigit", b_isdigit},     {"isalpha", b_isalpha},       {"isalnum", b_isalnum},
      {"isspace", b_isspace},     {"isascii", b_isascii},       {"isupper", b_isupper},
      {"islower", b_islower},     {"istitle", b_istitle},       {"center", b_center},
      {"ljust", b_ljust},         {"rjust", b_rjust},           {"zfill", b_zfill},
      {"expandtabs", b_expandtabs},
  };
  for (const M& m : methods) def(vm, b, m.name, m.fn);
}

}  // namespace looplab
