// str methods about case and character classes: upper lower casefold swapcase capitalize title,
// and the is*() predicates. mirrors Objects/unicodeobject.c (do_upper, do_title, unicode_isupper...).
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab {

namespace {

using namespace strimpl;

// Each method: self check, no arguments.
#define STR_NOARGS(fname, pyname)                                                               \
  if (!check_self(vm, a, vm.t.str, Kind::Str, pyname) || !no_args(vm, rest(a), "str", pyname)) \
    return Value::error();                                                                      \
  StrObj* s = as_str(a[0]);

enum class CaseOp { Upper, Lower, Casefold, Swapcase, Capitalize, Title };

Value map_case(VM& vm, StrObj* s, CaseOp op) {
  std::string_view v = s->view();
  std::string out;
  out.reserve(v.size());
  if (s->ascii) {
    out.assign(v);
    bool prev_cased = false;
    for (size_t i = 0; i < out.size(); i++) {
      char& c = out[i];
      bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      bool to_upper = false, to_lower = false;
      switch (op) {
        case CaseOp::Upper: to_upper = true; break;
        case CaseOp::Lower:
        case CaseOp::Casefold: to_lower = true; break;
        case CaseOp::Swapcase: to_upper = low, to_lower = up; break;
        case CaseOp::Capitalize: (i == 0 ? to_upper : to_lower) = true; break;
        case CaseOp::Title:
          (prev_cased ? to_lower : to_upper) = true;
          prev_cased = up || low;
          break;
      }
      if (to_upper && low) c = char(c - 32);
      else if (to_lower && up) c = char(c + 32);
    }
    return make_ascii(vm, out);
  }
  bool prev_cased = false;
  bool first = true;
  for (size_t pos = 0; pos < v.size();) {
    size_t at = pos;
    uint32_t cp = utf8::decode(v, pos);
    switch (op) {
      case CaseOp::Upper: unicode::append_upper(cp, out); break;
      case CaseOp::Lower: append_lower_at(s, at, cp, out); break;
      case CaseOp::Casefold: unicode::append_fold(cp, out); break;
      case CaseOp::Swapcase:
        if (unicode::is_upper(cp)) append_lower_at(s, at, cp, out);
        else if (unicode::is_lower(cp)) unicode::append_upper(cp, out);
        else out.append(v.substr(at, pos - at));
        break;
      case CaseOp::Capitalize:
        if (first) unicode::append_title(cp, out);
        else append_lower_at(s, at, cp, out);
        break;
      case CaseOp::Title:
        if (prev_cased) append_lower_at(s, at, cp, out);
        else unicode::append_title(cp, out);
        prev_cased = unicode::is_cased(cp);
        break;
    }
    first = false;
  }
  return vm.str(out);
}

Value str_upper(VM& vm, CallArgs& a) {
  STR_NOARGS(upper, "upper");
  return map_case(vm, s, CaseOp::Upper);
}
Value str_lower(VM& vm, CallArgs& a) {
  STR_NOARGS(lower, "lower");
  return map_case(vm, s, CaseOp::Lower);
}
Value str_casefold(VM& vm, CallArgs& a) {
  STR_NOARGS(casefold, "casefold");
  return map_case(vm, s, CaseOp::Casefold);
}
Value str_swapcase(VM& vm, CallArgs& a) {
  STR_NOARGS(swapcase, "swapcase");
  return map_case(vm, s, CaseOp::Swapcase);
}
Value str_capitalize(VM& vm, CallArgs& a) {
  STR_NOARGS(capitalize, "capitalize");
  return map_case(vm, s, CaseOp::Capitalize);
}
Value str_title(VM& vm, CallArgs& a) {
  STR_NOARGS(title, "title");
  return map_case(vm, s, CaseOp::Title);
}

// True when s is non-empty and every character satisfies pred.
template <class Pred>
Value all_chars(StrObj* s, Pred pred) {
  if (s->size == 0) return Value::boolean(false);
  std::string_view v = s->view();
  for (size_t pos = 0; pos < v.size();)
    if (!pred(utf8::decode(v, pos))) return Value::boolean(false);
  return Value::boolean(true);
}

Value str_isalpha(VM& vm, CallArgs& a) {
  STR_NOARGS(isalpha, "isalpha");
  return all_chars(s, unicode::is_alpha);
}
Value str_isalnum(VM& vm, CallArgs& a) {
  STR_NOARGS(isalnum, "isalnum");
  return all_chars(s, unicode::is_alnum);
}
Value str_isdecimal(VM& vm, CallArgs& a) {
  STR_NOARGS(isdecimal, "isdecimal");
  return all_chars(s, unicode::is_decimal);
}
Value str_isdigit(VM& vm, CallArgs& a) {
  STR_NOARGS(isdigit, "isdigit");
  return all_chars(s, unicode::is_digit);
}
Value str_isnumeric(VM& vm, CallArgs& a) {
  STR_NOARGS(isnumeric, "isnumeric");
  return all_chars(s, unicode::is_numeric);
}
Value str_isspace(VM& vm, CallArgs& a) {
  STR_NOARGS(isspace, "isspace");
  return all_chars(s, unicode::is_space);
}

Value str_isascii(VM& vm, CallArgs& a) {
  STR_NOARGS(isascii, "isascii");
  return Value::boolean(s->ascii);
}

Value str_isprintable(VM& vm, CallArgs& a) {
  STR_NOARGS(isprintable, "isprintable");
  std::string_view v = s->view();
  for (size_t pos = 0; pos < v.size();)
    if (!unicode::is_printable(utf8::decode(v, pos))) return Value::boolean(false);
  return Value::boolean(true);
}

// mirrors unicode_isupper / unicode_islower.
Value cased_check(StrObj* s, bool want_upper) {
  std::string_view v = s->view();
  bool cased = false;
  for (size_t pos = 0; pos < v.size();) {
    uint32_t cp = utf8::decode(v, pos);
    bool up = unicode::is_upper(cp), low = unicode::is_lower(cp), title = cp >= 0x80 && unicode::is_title(cp);
    if (want_upper ? (low || title) : (up || title)) return Value::boolean(false);
    if (want_upper ? up : low) cased = true;
  }
  return Value::boolean(cased);
}

Value str_isupper(VM& vm, CallArgs& a) {
  STR_NOARGS(isupper, "isupper");
  return cased_check(s, true);
}
Value str_islower(VM& vm, CallArgs& a) {
  STR_NOARGS(islower, "islower");
  return cased_check(s, false);
}

// mirrors unicode_istitle.
Value str_istitle(VM& vm, CallArgs& a) {
  STR_NOARGS(istitle, "istitle");
  std::string_view v = s->view();
  bool cased = false, prev_cased = false;
  for (size_t pos = 0; pos < v.size();) {
    uint32_t cp = utf8::decode(v, pos);
    if (unicode::is_upper(cp) || (cp >= 0x80 && unicode::is_title(cp))) {
      if (prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else if (unicode::is_lower(cp)) {
      if (!prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::boolean(cased);
}

Value str_isidentifier(VM& vm, CallArgs& a) {
  STR_NOARGS(isidentifier, "isidentifier");
  std::string_view v = s->view();
  if (v.empty()) return Value::boolean(false);
  size_t pos = 0;
  uint32_t first = utf8::decode(v, pos);
  if (first != '_' && !unicode::is_xid_start(first)) return Value::boolean(false);
  while (pos < v.size())
    if (!unicode::is_xid_continue(utf8::decode(v, pos))) return Value::boolean(false);
  return Value::boolean(true);
}

#undef STR_NOARGS

}  // namespace

void init_str_case_methods(VM& vm) {
  ClassObj* str = vm.t.str;
  def(vm, str, "upper", str_upper);
  def(vm, str, "lower", str_lower);
  def(vm, str, "casefold", str_casefold);
  def(vm, str, "swapcase", str_swapcase);
  def(vm, str, "capitalize", str_capitalize);
  def(vm, str, "title", str_title);
  def(vm, str, "isalpha", str_isalpha);
  def(vm, str, "isalnum", str_isalnum);
  def(vm, str, "isdecimal", str_isdecimal);
  def(vm, str, "isdigit", str_isdigit);
  def(vm, str, "isnumeric", str_isnumeric);
  def(vm, str, "isspace", str_isspace);
  def(vm, str, "isascii", str_isascii);
  def(vm, str, "isprintable", str_isprintable);
  def(vm, str, "isupper", str_isupper);
  def(vm, str, "islower", str_islower);
  def(vm, str, "istitle", str_istitle);
  def(vm, str, "isidentifier", str_isidentifier);
}

}  // namespace looplab
