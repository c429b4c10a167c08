// Shared helpers of the str and bytes files: making strings, slices, argument checking with
// CPython's messages (Python/getargs.c), and the final-sigma rule of lower().
#include <climits>
#include <cstring>
#include <memory>

#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab::strimpl {

StrObj* make_of_class(VM& vm, ClassObj* cls, std::string_view text) {
  if (cls == vm.t.str) return vm.new_str(text);
  bool ascii = utf8::is_ascii(text);
  size_t len = ascii ? text.size() : utf8::count_code_points(text);
  // A subclass instance: room for the attribute dict pointer after the text (StrObj::dict_slot).
  size_t slot = ((sizeof(StrObj) + text.size() + 1 + 7) & ~size_t(7)) - sizeof(StrObj);
  StrObj* o = vm.heap.make_var<StrObj>(slot + sizeof(DictObj*), cls, text.size(), len, ascii);
  std::memcpy(o->data(), text.data(), text.size());
  o->data()[text.size()] = '\0';
  o->has_dict = true;
  *o->dict_slot() = nullptr;
  return o;
}

Value make_known(VM& vm, std::string_view text, bool ascii, size_t length) {
  if (text.size() <= 1) return Value::object(vm.new_str(text));  // shared one-character strings
  StrObj* o = vm.heap.make_var<StrObj>(text.size() + 1, vm.t.str, text.size(), length, ascii);
  std::memcpy(o->data(), text.data(), text.size());
  o->data()[text.size()] = '\0';
  return Value::object(o);
}

Value same_or_copy(VM& vm, StrObj* self) {
  if (self->cls == vm.t.str) return Value::object(self);
  return make_known(vm, self->view(), self->ascii, self->length);
}

size_t length_of(std::string_view text) {
  return utf8::is_ascii(text) ? text.size() : utf8::count_code_points(text);
}

// ---- code point -> byte offset, with a one-entry cache ------------------------------------------
// Indexing a non-ASCII str walks its UTF-8, so `for i in range(len(s)): s[i]` would be
// quadratic; remembering the last (string, index, offset) makes such sequential access O(1).
// The entry must never outlive its string: objects are only freed by a collection or by the
// heap's destruction, and each VM's heap clears the entry at both (install_offset_cache_hook).
namespace {

struct OffsetCache {
  const StrObj* s = nullptr;
  size_t cp = 0, byte = 0;
};
OffsetCache g_offset_cache;

struct OffsetCacheToken {
  ~OffsetCacheToken() { g_offset_cache.s = nullptr; }
};

}  // namespace

void install_offset_cache_hook(VM& vm) {
  auto token = std::make_shared<OffsetCacheToken>();
  vm.heap.add_roots([token](Tracer&) { g_offset_cache.s = nullptr; });
}

size_t offset_cached(const StrObj* s, size_t i) {
  if (s->ascii) return i;
  std::string_view v = s->view();
  size_t cp = 0, byte = 0;
  OffsetCache& c = g_offset_cache;
  // Start from the cached position when it is closer than the start (append-only growth by
  // str_append_to_local keeps a cached prefix valid).
  if (c.s == s && c.cp <= i && c.byte <= v.size()) {
    cp = c.cp;
    byte = c.byte;
  } else if (c.s == s && c.cp > i && i > c.cp / 2 && c.byte <= v.size()) {
    // Walk backwards from the cached position.
    cp = c.cp;
    byte = c.byte;
    while (cp > i) {
      byte--;
      while (byte > 0 && (static_cast<unsigned char>(v[byte]) & 0xC0) == 0x80) byte--;
      cp--;
    }
  }
  if (cp < i) byte += utf8::offset_of(v.substr(byte), i - cp);
  c.s = s;
  c.cp = i;
  c.byte = byte;
  return byte;
}

Value substr(VM& vm, StrObj* s, size_t start, size_t stop) {
  if (stop <= start) return Value::object(vm.n.empty);
  if (s->ascii) return make_ascii(vm, s->view().substr(start, stop - start));
  std::string_view v = s->view();
  size_t b0 = offset_cached(s, start);
  size_t b1 = b0 + utf8::offset_of(v.substr(b0), stop - start);
  std::string_view part = v.substr(b0, b1 - b0);
  return make_known(vm, part, part.size() == stop - start, stop - start);
}

Value char_at(VM& vm, StrObj* s, size_t i) {
  if (s->ascii) return Value::object(vm.intern(s->view().substr(i, 1)));
  std::string_view v = s->view();
  size_t pos = offset_cached(s, i);
  size_t start = pos;
  uint32_t cp = utf8::decode(v, pos);
  return make_known(vm, v.substr(start, pos - start), cp < 0x80, 1);
}

Value from_code_point(VM& vm, uint32_t cp) {
  std::string s;
  utf8::encode(cp, s);
  return make_known(vm, s, cp < 0x80, 1);
}

bool slice_index(VM& vm, Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    *out = static_cast<BigIntObj*>(v.o)->negative ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (vm.type_of(v)->lookup(vm.n.__index__).is_undef()) {
    vm.raise(vm.t.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return index_value(vm, v, out);
}

bool start_end_args(VM& vm, const CallArgs& a, size_t first, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  if (first < a.nargs && !a[first].is_none() && !slice_index(vm, a[first], start)) return false;
  if (first + 1 < a.nargs && !a[first + 1].is_none() && !slice_index(vm, a[first + 1], end)) return false;
  return true;
}

// mirrors Objects/sliceobject.c PySlice_Unpack and PySlice_AdjustIndices.
bool slice_unpack(VM& vm, Value slice, int64_t len, int64_t* start, int64_t* stop, int64_t* step,
                  int64_t* slicelen) {
  SliceObj* sl = static_cast<SliceObj*>(slice.o);
  *step = 1;
  if (!sl->step.is_none()) {
    if (!slice_index(vm, sl->step, step)) return false;
    if (*step == 0) {
      vm.raise(vm.t.ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (sl->start.is_none()) *start = *step < 0 ? INT64_MAX : 0;
  else if (!slice_index(vm, sl->start, start)) return false;
  if (sl->stop.is_none()) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_index(vm, sl->stop, stop)) return false;

  auto adjust = [&](int64_t* i) {
    if (*i < 0) {
      *i += len;
      if (*i < 0) *i = *step < 0 ? -1 : 0;
    } else if (*i >= len) {
      *i = *step < 0 ? len - 1 : len;
    }
  };
  adjust(start);
  adjust(stop);
  *slicelen = 0;
  if (*step < 0) {
    if (*stop < *start) *slicelen = (*start - *stop - 1) / (-*step) + 1;
  } else if (*start < *stop) {
    *slicelen = (*stop - *start - 1) / *step + 1;
  }
  return true;
}

// ---- argument checking -------------------------------------------------------------------------

bool check_self(VM& vm, const CallArgs& a, ClassObj* type, Kind kind, const char* method) {
  if (a.nargs == 0) {
    vm.raisef(vm.t.TypeError, "unbound method %s.%s() needs an argument", type->name->data(), method);
    return false;
  }
  if (!a[0].is_obj() || a[0].o->kind != kind || !vm.isinstance(a[0], type)) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", method,
              type->name->data(), type_name(vm, a[0]).c_str());
    return false;
  }
  return true;
}

static bool no_keywords(VM& vm, const CallArgs& r, const char* type, const char* method) {
  if (r.nkw() == 0) return true;
  vm.raisef(vm.t.TypeError, "%s.%s() takes no keyword arguments", type, method);
  return false;
}

bool no_args(VM& vm, const CallArgs& r, const char* type, const char* method) {
  if (!no_keywords(vm, r, type, method)) return false;
  if (r.nargs == 0) return true;
  vm.raisef(vm.t.TypeError, "%s.%s() takes no arguments (%u given)", type, method, r.nargs);
  return false;
}

bool one_arg(VM& vm, const CallArgs& r, const char* type, const char* method) {
  if (!no_keywords(vm, r, type, method)) return false;
  if (r.nargs == 1) return true;
  vm.raisef(vm.t.TypeError, "%s.%s() takes exactly one argument (%u given)", type, method, r.nargs);
  return false;
}

bool tuple_args(VM& vm, const CallArgs& r, const char* type, const char* method, uint32_t min, uint32_t max) {
  if (!no_keywords(vm, r, type, method)) return false;
  if (r.nargs < min) {
    vm.raisef(vm.t.TypeError, "%s() takes at least %u argument%s (%u given)", method, min, min == 1 ? "" : "s",
              r.nargs);
    return false;
  }
  if (r.nargs > max) {
    vm.raisef(vm.t.TypeError, "%s() takes at most %u argument%s (%u given)", method, max, max == 1 ? "" : "s",
              r.nargs);
    return false;
  }
  return true;
}

bool positional_args(VM& vm, const CallArgs& r, const char* type, const char* method, uint32_t min, uint32_t max) {
  if (!no_keywords(vm, r, type, method)) return false;
  if (r.nargs < min) {
    vm.raisef(vm.t.TypeError, "%s expected at least %u argument%s, got %u", method, min, min == 1 ? "" : "s",
              r.nargs);
    return false;
  }
  if (r.nargs > max) {
    vm.raisef(vm.t.TypeError, "%s expected at most %u argument%s, got %u", method, max, max == 1 ? "" : "s",
              r.nargs);
    return false;
  }
  return true;
}

// mirrors Python/getargs.c _PyArg_UnpackKeywords (no positional-only parameters).
bool keyword_args(VM& vm, const CallArgs& r, const char* fname, std::initializer_list<const char*> names,
                  uint32_t minpos, uint32_t maxpos, Value* out) {
  const uint32_t maxargs = uint32_t(names.size());
  const uint32_t nargs = r.nargs;
  const size_t nkw = r.nkw();
  for (uint32_t i = 0; i < maxargs; i++) out[i] = Value();
  if (nkw == 0 && nargs >= minpos && nargs <= maxpos) {  // the usual call: nothing to match
    for (uint32_t i = 0; i < nargs; i++) out[i] = r[i];
    return true;
  }
  if (nargs + nkw > maxargs) {
    vm.raisef(vm.t.TypeError, "%s() takes at most %u %sargument%s (%zu given)", fname, maxargs,
              nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0) vm.raisef(vm.t.TypeError, "%s() takes no positional arguments", fname);
    else
      vm.raisef(vm.t.TypeError, "%s() takes %s %u positional argument%s (%u given)", fname,
                minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
    return false;
  }
  for (uint32_t i = 0; i < nargs; i++) out[i] = r[i];
  auto find_kw = [&](const char* name) -> Value {
    for (size_t k = 0; k < nkw; k++)
      if (r.kwname(k)->view() == name) return r.kwvalue(k);
    return Value();
  };
  size_t left = nkw;
  uint32_t i = 0;
  for (const char* name : names) {
    if (i >= nargs) {
      Value v = left ? find_kw(name) : Value();
      out[i] = v;
      if (!v.is_undef()) left--;
      else if (i < minpos) {
        vm.raisef(vm.t.TypeError, "%s() missing required argument '%s' (pos %u)", fname, name, i + 1);
        return false;
      }
    }
    i++;
  }
  if (left > 0) {
    i = 0;
    for (const char* name : names) {
      if (i < nargs && !find_kw(name).is_undef()) {
        vm.raisef(vm.t.TypeError, "argument for %s() given by name ('%s') and position (%u)", fname, name, i + 1);
        return false;
      }
      i++;
    }
    for (size_t k = 0; k < nkw; k++) {
      bool known = false;
      for (const char* name : names)
        if (r.kwname(k)->view() == name) known = true;
      if (!known) {
        vm.raisef(vm.t.TypeError, "'%s' is an invalid keyword argument for %s()", r.kwname(k)->data(), fname);
        return false;
      }
    }
  }
  return true;
}

bool ssize_arg(VM& vm, Value v, int64_t* out) {
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return index_value(vm, v, out);
}

bool str_arg(VM& vm, Value v, const char* what, StrObj** out) {
  if (is_str_obj(v)) {
    *out = as_str(v);
    return true;
  }
  if (what) vm.raisef(vm.t.TypeError, "%s must be str, not %s", what, type_name(vm, v).c_str());
  else vm.raisef(vm.t.TypeError, "must be str, not %s", type_name(vm, v).c_str());
  return false;
}

void def(VM& vm, ClassObj* cls, const char* name, NativeFn fn) { vm.def_method(cls, name, fn); }

// ---- the final sigma rule ---------------------------------------------------------------------

// The code point that ends just before byte `pos` (pos > 0), moving pos to its start.
static uint32_t decode_before(std::string_view v, size_t& pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(v[p]) & 0xC0) == 0x80) p--;
  pos = p;
  size_t q = p;
  return utf8::decode(v, q);
}

// mirrors Objects/unicodeobject.c handle_capital_sigma.
void append_lower_at(const StrObj* s, size_t byte_pos, uint32_t cp, std::string& out) {
  if (cp != 0x3A3) {
    unicode::append_lower(cp, out);
    return;
  }
  std::string_view v = s->view();
  size_t p = byte_pos;
  uint32_t c = 0;
  bool found = false;
  while (p > 0) {
    c = decode_before(v, p);
    if (!unicode::is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && unicode::is_cased(c);
  if (final_sigma) {
    size_t q = byte_pos;
    utf8::decode(v, q);  // skip the sigma
    bool at_end = true;
    while (q < v.size()) {
      c = utf8::decode(v, q);
      if (!unicode::is_case_ignorable(c)) {
        at_end = false;
        break;
      }
    }
    final_sigma = at_end || !unicode::is_cased(c);
  }
  utf8::encode(final_sigma ? 0x3C2 : 0x3C3, out);
}

}  // namespace looplab::strimpl

namespace looplab {

Value str_concat(VM& vm, const Value* parts, size_t n) {
  size_t bytes = 0, length = 0;
  bool ascii = true;
  for (size_t i = 0; i < n; i++) {
    const StrObj* p = static_cast<const StrObj*>(parts[i].o);
    bytes += p->size;
    length += p->length;
    ascii = ascii && p->ascii;
  }
  if (bytes <= 1) {
    for (size_t i = 0; i < n; i++)
      if (static_cast<const StrObj*>(parts[i].o)->size) return strimpl::same_or_copy(vm, static_cast<StrObj*>(parts[i].o));
    return Value::object(vm.n.empty);
  }
  if (vm.heap.would_exceed(bytes)) return vm.raise(vm.t.MemoryError, "");
  StrObj* o = vm.heap.make_var<StrObj>(bytes + 1, vm.t.str, bytes, length, ascii);
  char* out = o->data();
  for (size_t i = 0; i < n; i++) {
    const StrObj* p = static_cast<const StrObj*>(parts[i].o);
    std::memcpy(out, p->data(), p->size);
    out += p->size;
  }
  *out = '\0';
  return Value::object(o);
}

}  // namespace looplab
