// str methods that search: find rfind index rindex count startswith endswith replace, and the
// ones that cut: split rsplit splitlines partition rpartition join strip lstrip rstrip
// removeprefix removesuffix. Indices are code points; the search runs on the UTF-8 bytes.
#include <algorithm>
#include <climits>
#include <cstring>

#include "runtime/ops.h"
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab {

namespace {

using namespace strimpl;

constexpr size_t npos = std::string_view::npos;

bool self_ok(VM& vm, CallArgs& a, const char* name) { return check_self(vm, a, vm.t.str, Kind::Str, name); }

// A piece of s's bytes as a new str.
Value piece(VM& vm, StrObj* s, std::string_view part) {
  if (s->ascii) return make_ascii(vm, part);
  if (part.size() == s->size) return same_or_copy(vm, s);
  return vm.str(part);
}

// Code point count of the bytes [0, byte) of s.
size_t cp_index(const StrObj* s, size_t byte) {
  return s->ascii ? byte : utf8::count_code_points(s->view().substr(0, byte));
}

// The window [start, end) (code points, already adjusted) as byte offsets.
void byte_window(const StrObj* s, int64_t start, int64_t end, size_t* b0, size_t* b1) {
  if (s->ascii) {
    *b0 = size_t(start);
    *b1 = size_t(end);
    return;
  }
  std::string_view v = s->view();
  *b0 = utf8::offset_of(v, size_t(start));
  *b1 = *b0 + utf8::offset_of(v.substr(*b0), size_t(end - start));
}

// mirrors any_find_slice: the code point index of sub in s[start:end], or -1.
int64_t find_in(StrObj* s, StrObj* sub, int64_t start, int64_t end, bool reverse) {
  adjust_indices(start, end, int64_t(s->length));
  if (end - start < int64_t(sub->length)) return -1;
  if (sub->length == 0) return reverse ? end : start;
  size_t b0, b1;
  byte_window(s, start, end, &b0, &b1);
  std::string_view window = s->view().substr(b0, b1 - b0);
  size_t at = reverse ? window.rfind(sub->view()) : window.find(sub->view());
  if (at == npos) return -1;
  return int64_t(cp_index(s, b0 + at));
}

// find/rfind/index/rindex: (sub[, start[, end]]).
Value find_method(VM& vm, CallArgs& a, const char* name, bool reverse, bool raise) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, "str", name, 1, 3)) return Value::error();
  StrObj* sub;
  if (!str_arg(vm, r[0], nullptr, &sub)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  int64_t i = find_in(as_str(a[0]), sub, start, end, reverse);
  if (i < 0 && raise) return vm.raise(vm.t.ValueError, "substring not found");
  return Value::integer(i);
}

Value str_find(VM& vm, CallArgs& a) { return find_method(vm, a, "find", false, false); }
Value str_rfind(VM& vm, CallArgs& a) { return find_method(vm, a, "rfind", true, false); }
Value str_index(VM& vm, CallArgs& a) { return find_method(vm, a, "index", false, true); }
Value str_rindex(VM& vm, CallArgs& a) { return find_method(vm, a, "rindex", true, true); }

Value str_count(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "count")) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, "str", "count", 1, 3)) return Value::error();
  StrObj* sub;
  if (!str_arg(vm, r[0], nullptr, &sub)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  StrObj* s = as_str(a[0]);
  adjust_indices(start, end, int64_t(s->length));
  if (end - start < int64_t(sub->length)) return Value::integer(0);
  if (sub->length == 0) return Value::integer(end - start + 1);
  size_t b0, b1;
  byte_window(s, start, end, &b0, &b1);
  std::string_view window = s->view().substr(b0, b1 - b0), needle = sub->view();
  int64_t n = 0;
  for (size_t at = window.find(needle); at != npos; at = window.find(needle, at + needle.size())) n++;
  return Value::integer(n);
}

// mirrors tailmatch: does s[start:end] start (or end) with sub?
bool tailmatch(StrObj* s, StrObj* sub, int64_t start, int64_t end, bool at_end) {
  adjust_indices(start, end, int64_t(s->length));
  end -= int64_t(sub->length);
  if (end < start) return false;
  if (sub->length == 0) return true;
  size_t b0, b1;
  byte_window(s, start, end + int64_t(sub->length), &b0, &b1);
  std::string_view window = s->view().substr(b0, b1 - b0), needle = sub->view();
  if (window.size() < needle.size()) return false;
  return at_end ? window.substr(window.size() - needle.size()) == needle : window.substr(0, needle.size()) == needle;
}

Value starts_ends(VM& vm, CallArgs& a, const char* name, bool at_end) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!tuple_args(vm, r, "str", name, 1, 3)) return Value::error();
  int64_t start, end;
  if (!start_end_args(vm, r, 1, &start, &end)) return Value::error();
  StrObj* s = as_str(a[0]);
  Value arg = r[0];
  if (arg.is_obj() && arg.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(arg.o);
    for (size_t i = 0; i < t->size; i++) {
      Value item = (*t)[i];
      if (!is_str_obj(item))
        return vm.raisef(vm.t.TypeError, "tuple for %s must only contain str, not %s", name,
                         type_name(vm, item).c_str());
      if (tailmatch(s, as_str(item), start, end, at_end)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  if (!is_str_obj(arg))
    return vm.raisef(vm.t.TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                     type_name(vm, arg).c_str());
  return Value::boolean(tailmatch(s, as_str(arg), start, end, at_end));
}

Value str_startswith(VM& vm, CallArgs& a) { return starts_ends(vm, a, "startswith", false); }
Value str_endswith(VM& vm, CallArgs& a) { return starts_ends(vm, a, "endswith", true); }

// mirrors Objects/unicodeobject.c replace.
Value str_replace(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "replace")) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, "str", "replace", 2, 3)) return Value::error();
  StrObj *old_s, *new_s;
  if (!str_arg(vm, r[0], "replace() argument 1", &old_s)) return Value::error();
  if (!str_arg(vm, r[1], "replace() argument 2", &new_s)) return Value::error();
  int64_t count = -1;
  if (r.nargs > 2 && !ssize_arg(vm, r[2], &count)) return Value::error();
  if (count < 0) count = INT64_MAX;
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view(), from = old_s->view(), to = new_s->view();
  if (count == 0 || (from.empty() && to.empty()) || from.size() > v.size() + (from.empty() ? 1 : 0))
    return same_or_copy(vm, s);
  std::string out;
  int64_t done = 0;
  if (from.empty()) {
    // Insert `to` before every character and at the end, up to count times.
    out.reserve(v.size() + to.size() * (s->length + 1));
    size_t pos = 0;
    while (pos < v.size()) {
      if (done < count) {
        out.append(to);
        done++;
      }
      size_t start = pos;
      if (s->ascii) pos++;
      else utf8::decode(v, pos);
      out.append(v.substr(start, pos - start));
    }
    if (done < count) out.append(to);
  } else {
    size_t pos = 0;
    for (size_t at = v.find(from); at != npos && done < count; at = v.find(from, pos)) {
      out.append(v.substr(pos, at - pos));
      out.append(to);
      pos = at + from.size();
      done++;
    }
    if (done == 0) return same_or_copy(vm, s);
    out.append(v.substr(pos));
  }
  if (s->ascii && new_s->ascii) return make_ascii(vm, out);
  return vm.str(out);
}

// ---- split ----------------------------------------------------------------------------------

bool is_space_at(std::string_view v, size_t pos, size_t* next) {
  unsigned char c = static_cast<unsigned char>(v[pos]);
  if (c < 0x80) {
    *next = pos + 1;
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  }
  size_t p = pos;
  uint32_t cp = utf8::decode(v, p);
  *next = p;
  return unicode::is_space(cp);
}

// The start of the code point ending at byte `end` (end > 0).
size_t prev_start(std::string_view v, size_t end) {
  size_t p = end - 1;
  while (p > 0 && (static_cast<unsigned char>(v[p]) & 0xC0) == 0x80) p--;
  return p;
}

bool is_space_before(std::string_view v, size_t end, size_t* start) {
  *start = prev_start(v, end);
  size_t next;
  return is_space_at(v, *start, &next);
}

bool split_args(VM& vm, CallArgs& a, const char* name, StrObj** sep, int64_t* maxsplit) {
  if (!self_ok(vm, a, name)) return false;
  Value args[2];
  if (!keyword_args(vm, rest(a), name, {"sep", "maxsplit"}, 0, 2, args)) return false;
  *sep = nullptr;
  if (!args[0].is_undef() && !args[0].is_none()) {
    if (!is_str_obj(args[0])) {
      vm.raisef(vm.t.TypeError, "must be str or None, not %s", type_name(vm, args[0]).c_str());
      return false;
    }
    *sep = as_str(args[0]);
    if ((*sep)->size == 0) {
      vm.raise(vm.t.ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (!args[1].is_undef() && !ssize_arg(vm, args[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value str_split(VM& vm, CallArgs& a) {
  StrObj* sep;
  int64_t maxsplit;
  if (!split_args(vm, a, "split", &sep, &maxsplit)) return Value::error();
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  ListObj* out = vm.new_list();
  if (sep && sep->size == 1) {
    const char* base = v.data();
    const char* end = base + v.size();
    // No preallocation (CPython reserves 12 slots, which refcounting frees at once; here a
    // garbage list keeps its storage until a collection, and storage does not bring one closer).
    const char* p = base;
    for (const char* at; maxsplit > 0 && (at = static_cast<const char*>(std::memchr(p, sep->data()[0], size_t(end - p)))); maxsplit--) {
      out->items.push_back(piece(vm, s, std::string_view(p, size_t(at - p))));
      p = at + 1;
    }
    out->items.push_back(piece(vm, s, std::string_view(p, size_t(end - p))));
    return Value::object(out);
  }
  if (sep) {
    std::string_view d = sep->view();
    size_t pos = 0;
    for (size_t at; maxsplit > 0 && (at = v.find(d, pos)) != npos; maxsplit--) {
      out->items.push_back(piece(vm, s, v.substr(pos, at - pos)));
      pos = at + d.size();
    }
    out->items.push_back(piece(vm, s, v.substr(pos)));
    return Value::object(out);
  }
  // mirrors split_whitespace.
  size_t i = 0, next;
  while (true) {
    while (i < v.size() && is_space_at(v, i, &next)) i = next;
    if (i == v.size()) break;
    if (maxsplit-- <= 0) {
      out->items.push_back(piece(vm, s, v.substr(i)));
      break;
    }
    size_t j = i;
    while (j < v.size() && !is_space_at(v, j, &next)) j = next;
    out->items.push_back(piece(vm, s, v.substr(i, j - i)));
    i = j;
  }
  return Value::object(out);
}

Value str_rsplit(VM& vm, CallArgs& a) {
  StrObj* sep;
  int64_t maxsplit;
  if (!split_args(vm, a, "rsplit", &sep, &maxsplit)) return Value::error();
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  ListObj* out = vm.new_list();
  std::vector<Value>& items = out->items;
  if (sep) {
    std::string_view d = sep->view();
    size_t end = v.size();
    while (maxsplit > 0 && end >= d.size()) {
      size_t at = v.substr(0, end).rfind(d);
      if (at == npos) break;
      items.push_back(piece(vm, s, v.substr(at + d.size(), end - at - d.size())));
      end = at;
      maxsplit--;
    }
    items.push_back(piece(vm, s, v.substr(0, end)));
  } else {
    // mirrors rsplit_whitespace.
    size_t i = v.size(), start;
    while (true) {
      while (i > 0 && is_space_before(v, i, &start)) i = start;
      if (i == 0) break;
      if (maxsplit-- <= 0) {
        items.push_back(piece(vm, s, v.substr(0, i)));
        break;
      }
      size_t j = i;
      while (j > 0 && !is_space_before(v, j, &start)) j = start;
      items.push_back(piece(vm, s, v.substr(j, i - j)));
      i = j;
    }
  }
  std::reverse(items.begin(), items.end());
  return Value::object(out);
}

// Length of the line break at v[pos] (0 if none): \r\n counts as one.
size_t linebreak_at(std::string_view v, size_t pos) {
  unsigned char c = static_cast<unsigned char>(v[pos]);
  if (c < 0x80) {
    if (c == '\r') return pos + 1 < v.size() && v[pos + 1] == '\n' ? 2 : 1;
    return (c == '\n' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e) ? 1 : 0;
  }
  size_t p = pos;
  uint32_t cp = utf8::decode(v, p);
  return unicode::is_linebreak(cp) ? p - pos : 0;
}

Value str_splitlines(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "splitlines")) return Value::error();
  Value args[1];
  if (!keyword_args(vm, rest(a), "splitlines", {"keepends"}, 0, 1, args)) return Value::error();
  int64_t keepends = 0;
  if (!args[0].is_undef()) {
    if (args[0].is_float()) return vm.raise(vm.t.TypeError, "'float' object cannot be interpreted as an integer");
    if (!index_value(vm, args[0], &keepends)) return Value::error();
  }
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  ListObj* out = vm.new_list();
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i, br = 0;
    while (j < v.size() && (br = linebreak_at(v, j)) == 0) {
      unsigned char c = static_cast<unsigned char>(v[j]);
      j += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
    size_t eol = j;
    if (j < v.size()) {
      j += br;
      if (keepends) eol = j;
    }
    out->items.push_back(piece(vm, s, v.substr(i, eol - i)));
    i = j;
  }
  return Value::object(out);
}

Value partition(VM& vm, CallArgs& a, const char* name, bool reverse) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", name)) return Value::error();
  StrObj* sep;
  if (!str_arg(vm, r[0], nullptr, &sep)) return Value::error();
  if (sep->size == 0) return vm.raise(vm.t.ValueError, "empty separator");
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  size_t at = reverse ? v.rfind(sep->view()) : v.find(sep->view());
  Value empty = Value::object(vm.n.empty);
  if (at == npos) {
    Value whole = same_or_copy(vm, s);
    return Value::object(reverse ? vm.tuple_of({empty, empty, whole}) : vm.tuple_of({whole, empty, empty}));
  }
  return Value::object(vm.tuple_of({piece(vm, s, v.substr(0, at)), same_or_copy(vm, sep),
                                    piece(vm, s, v.substr(at + sep->size))}));
}

Value str_partition(VM& vm, CallArgs& a) { return partition(vm, a, "partition", false); }
Value str_rpartition(VM& vm, CallArgs& a) { return partition(vm, a, "rpartition", true); }

// mirrors Objects/stringlib/join.h / PyUnicode_Join.
Value str_join(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "join")) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", "join")) return Value::error();
  StrObj* sep = as_str(a[0]);
  Value seq = r[0];
  std::vector<Value> owned;
  const Value* items;
  size_t n;
  if (seq.is_obj() && seq.o->kind == Kind::List) {
    items = static_cast<ListObj*>(seq.o)->items.data();
    n = static_cast<ListObj*>(seq.o)->items.size();
  } else if (seq.is_obj() && seq.o->kind == Kind::Tuple) {
    items = static_cast<TupleObj*>(seq.o)->items();
    n = static_cast<TupleObj*>(seq.o)->size;
  } else {
    ClassObj* cls = vm.type_of(seq);
    if (!cls->slots.iter && !cls->slots.getitem) return vm.raise(vm.t.TypeError, "can only join an iterable");
    bool ok = op_for_each(vm, seq, [&](Value v) {
      owned.push_back(v);
      return 1;
    });
    if (!ok) return Value::error();
    items = owned.data();
    n = owned.size();
  }
  if (n == 0) return Value::object(vm.n.empty);
  size_t total = sep->size * (n - 1), length = sep->length * (n - 1);
  bool ascii = sep->ascii;
  for (size_t i = 0; i < n; i++) {
    if (!is_str_obj(items[i]))
      return vm.raisef(vm.t.TypeError, "sequence item %zu: expected str instance, %s found", i,
                       type_name(vm, items[i]).c_str());
    StrObj* it = as_str(items[i]);
    total += it->size;
    length += it->length;
    ascii = ascii && it->ascii;
  }
  if (n == 1 && as_str(items[0])->cls == vm.t.str) return items[0];
  if (vm.heap.would_exceed(total)) return vm.raise_value(Value::object(vm.t.MemoryError));
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < n; i++) {
    if (i) out.append(sep->view());
    out.append(as_str(items[i])->view());
  }
  return make_known(vm, out, ascii, length);
}

// ---- strip ----------------------------------------------------------------------------------

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip(VM& vm, CallArgs& a, const char* name, int side) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, "str", name, 0, 1)) return Value::error();
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view();
  StrObj* chars = nullptr;
  if (r.nargs == 1 && !r[0].is_none()) {
    if (!is_str_obj(r[0])) return vm.raisef(vm.t.TypeError, "%s arg must be None or str", name);
    chars = as_str(r[0]);
  }
  std::vector<uint32_t> set;
  if (chars) {
    std::string_view c = chars->view();
    for (size_t p = 0; p < c.size();) set.push_back(utf8::decode(c, p));
  }
  auto strippable = [&](size_t pos, size_t* next) {
    if (!chars) return is_space_at(v, pos, next);
    size_t p = pos;
    uint32_t cp = utf8::decode(v, p);
    *next = p;
    for (uint32_t c : set)
      if (c == cp) return true;
    return false;
  };
  size_t i = 0, j = v.size(), next;
  if (side & kLeft)
    while (i < j && strippable(i, &next)) i = next;
  if (side & kRight) {
    while (j > i) {
      size_t start = prev_start(v, j);
      if (!strippable(start, &next)) break;
      j = start;
    }
  }
  if (i == 0 && j == v.size()) return same_or_copy(vm, s);
  return piece(vm, s, v.substr(i, j - i));
}

Value str_strip(VM& vm, CallArgs& a) { return strip(vm, a, "strip", kBoth); }
Value str_lstrip(VM& vm, CallArgs& a) { return strip(vm, a, "lstrip", kLeft); }
Value str_rstrip(VM& vm, CallArgs& a) { return strip(vm, a, "rstrip", kRight); }

Value remove_affix(VM& vm, CallArgs& a, const char* name, bool suffix) {
  if (!self_ok(vm, a, name)) return Value::error();
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "str", name)) return Value::error();
  StrObj* affix;
  std::string what = std::string(name) + "() argument";
  if (!str_arg(vm, r[0], what.c_str(), &affix)) return Value::error();
  StrObj* s = as_str(a[0]);
  std::string_view v = s->view(), x = affix->view();
  if (x.empty() || v.size() < x.size()) return same_or_copy(vm, s);
  if (suffix && v.substr(v.size() - x.size()) == x) return piece(vm, s, v.substr(0, v.size() - x.size()));
  if (!suffix && v.substr(0, x.size()) == x) return piece(vm, s, v.substr(x.size()));
  return same_or_copy(vm, s);
}

Value str_removeprefix(VM& vm, CallArgs& a) { return remove_affix(vm, a, "removeprefix", false); }
Value str_removesuffix(VM& vm, CallArgs& a) { return remove_affix(vm, a, "removesuffix", true); }

}  // namespace

void init_str_search_methods(VM& vm) {
  ClassObj* str = vm.t.str;
  def(vm, str, "find", str_find);
  def(vm, str, "rfind", str_rfind);
  def(vm, str, "index", str_index);
  def(vm, str, "rindex", str_rindex);
  def(vm, str, "count", str_count);
  def(vm, str, "startswith", str_startswith);
  def(vm, str, "endswith", str_endswith);
  def(vm, str, "replace", str_replace);
  def(vm, str, "split", str_split);
  def(vm, str, "rsplit", str_rsplit);
  def(vm, str, "splitlines", str_splitlines);
  def(vm, str, "partition", str_partition);
  def(vm, str, "rpartition", str_rpartition);
  def(vm, str, "join", str_join);
  def(vm, str, "strip", str_strip);
  def(vm, str, "lstrip", str_lstrip);
  def(vm, str, "rstrip", str_rstrip);
  def(vm, str, "removeprefix", str_removeprefix);
  def(vm, str, "removesuffix", str_removesuffix);
}

}  // namespace looplab
