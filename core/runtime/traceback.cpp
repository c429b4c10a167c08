// Printing an exception as CPython 3.11's traceback module does: the chain of causes and
// contexts, "Traceback (most recent call last):", one entry per frame with its source line
// and caret markers, then "Type: message". Exception groups print nested in boxes.
#include <algorithm>
#include <cstdint>

#include "lang/code.h"
#include "lang/parser.h"
#include "lang/vm.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

std::string strip(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) b--;
  return std::string(s.substr(a, b - a));
}

// unicodedata.east_asian_width(c) in ('F', 'W'): the ranges that matter in source lines
// (Hangul, CJK, full-width forms, emoji).
bool is_wide(char32_t c) {
  static const std::pair<char32_t, char32_t> kWide[] = {
      {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
      {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
      {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
      {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
      {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
      {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
      {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
      {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
      {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
      {0xFF01, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
      {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
      {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
  };
  for (const auto& [lo, hi] : kWide)
    if (c >= lo && c <= hi) return true;
  return false;
}

// traceback._display_width: columns on a terminal (wide characters take two).
size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) width += is_wide(utf8::decode(s, i)) ? 2 : 1;
  return width;
}

// traceback._extract_caret_anchors_from_line_segment: where the operator of a binary operation
// or the brackets of a subscript sit in the failing expression (character offsets into the
// segment), to print "~~^~~" / "~~^^^^^" instead of plain carets. False: no anchors.
bool caret_anchors(std::string_view segment, size_t* left, size_t* right) {
  SyntaxErrorInfo err;
  std::unique_ptr<ast::Module> tree = parse_module(segment, &err);
  if (!tree || tree->body.size() != 1 || tree->body[0]->kind != ast::SK::Expr) return false;
  ast::Expr* expr = static_cast<ast::ExprStmt*>(tree->body[0])->value;
  // The segment as characters: Python indexes the str, the ast gives byte offsets.
  std::u32string chars;
  std::vector<size_t> char_at_byte(segment.size() + 1, 0);
  for (size_t i = 0; i < segment.size();) {
    size_t start = i;
    char32_t c = utf8::decode(segment, i);
    for (size_t k = start; k < i; k++) char_at_byte[k] = chars.size();
    chars.push_back(c);
  }
  char_at_byte[segment.size()] = chars.size();
  auto normalize = [&](int32_t byte) { return char_at_byte[std::min(size_t(std::max(byte, 0)), segment.size())]; };
  auto is_space = [](char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  size_t len = chars.size();
  if (auto* b = ast::as<ast::BinOp>(expr)) {
    size_t op_start = normalize(b->left->pos.end_col), op_end = normalize(b->right->pos.col);
    size_t op_offset = 0;
    while (op_start + op_offset < op_end && is_space(chars[op_start + op_offset])) op_offset++;
    // CPython adds the (character) lstrip count to the left operand's byte end, as here.
    size_t l = size_t(b->left->pos.end_col) + op_offset, r = l + 1;
    if (op_start + op_offset + 1 < op_end && !is_space(chars[op_start + op_offset + 1])) r++;
    while (l < len && (is_space(chars[l]) || chars[l] == ')' || chars[l] == '#')) l++, r++;
    *left = normalize(int32_t(l));
    *right = normalize(int32_t(r));
    return true;
  }
  if (auto* sub = ast::as<ast::Subscript>(expr)) {
    size_t l = normalize(sub->value->pos.end_col), r = normalize(sub->slice->pos.end_col + 1);
    while (l < len && (is_space(chars[l]) || chars[l] != '[')) l++;
    while (r < len && (is_space(chars[r]) || chars[r] != ']')) r++;
    if (r < len) r++;
    *left = l;
    *right = r;
    return true;
  }
  return false;
}

void format_frames(TracebackObj* tb, std::vector<std::string>& lines) {
  // CPython collapses a run of more than 3 identical entries ("[Previous line repeated N more
  // times]"), which keeps RecursionError tracebacks short.
  std::string last_key;
  int repeats = 0;
  auto flush_repeats = [&]() {
    if (repeats > 3)
      lines.push_back(strprintf("  [Previous line repeated %d more time%s]\n", repeats - 3, repeats - 3 == 1 ? "" : "s"));
    repeats = 0;
  };
  for (; tb; tb = tb->next) {
    CodeObj* code = tb->code;
    std::string file = code->source ? code->source->filename : "<unknown>";
    std::string key = file + ":" + std::to_string(tb->lineno) + ":" + code->name->str();
    if (key == last_key) {
      repeats++;
      if (repeats > 3) continue;
    } else {
      flush_repeats();
      last_key = key;
      repeats = 1;
    }
    std::string entry = strprintf("  File \"%s\", line %d, in %s\n", file.c_str(), tb->lineno, code->name->data());
    std::string_view src = code->source ? code->source->line(tb->lineno) : std::string_view();
    std::string stripped = strip(src);
    if (!stripped.empty()) {
      entry += "    " + stripped + "\n";
      // Carets under the failing expression when it is narrower than the line (3.11).
      if (tb->lasti < code->positions.size()) {
        const SourcePos& p = code->positions[tb->lasti];
        size_t indent = src.size() - strip(src).size() - (src.size() - src.find_last_not_of(" \t\r") - 1);
        indent = src.find_first_not_of(" \t");
        if (p.line == tb->lineno && p.end_line == p.line && p.col >= 0 && p.end_col > p.col &&
            size_t(p.col) >= indent) {
          size_t start = display_width(src.substr(indent, size_t(p.col) - indent));
          std::string_view segment = src.substr(size_t(p.col), size_t(p.end_col - p.col));
          size_t width = display_width(segment);
          size_t left = 0, right = 0;
          bool anchored = caret_anchors(segment, &left, &right) && left <= right &&
                          right <= utf8::count_code_points(segment);
          if (anchored) {  // character offsets -> columns
            left = display_width(segment.substr(0, utf8::offset_of(segment, left)));
            right = display_width(segment.substr(0, utf8::offset_of(segment, right)));
          }
          if (width < display_width(stripped) || (anchored && right > left)) {
            entry += "    " + std::string(start, ' ');
            if (anchored)
              entry += std::string(left, '~') + std::string(right - left, '^') + std::string(width - right, '~');
            else
              entry += std::string(width, '^');
            entry += "\n";
          }
        }
      }
    }
    lines.push_back(entry);
  }
  flush_repeats();
}

std::string exception_line(VM& vm, Value exc) {
  ClassObj* cls = vm.type_of(exc);
  std::string name = cls->qualname->str();
  std::string mod = cls->module ? cls->module->str() : "builtins";
  if (mod != "builtins" && mod != "__main__") name = mod + "." + name;
  std::string msg;
  if (!str_text(vm, exc, msg)) {
    vm.clear_exception();
    msg = "<exception str() failed>";
  }
  std::string out = msg.empty() ? name + "\n" : name + ": " + msg + "\n";
  // __notes__, one per line.
  if (exc.is_obj() && exc.o->kind == Kind::Exception && static_cast<ExceptionObj*>(exc.o)->dict) {
    Value notes = static_cast<ExceptionObj*>(exc.o)->dict->get_str(vm.n.__notes__);
    if (notes.is_obj() && notes.o->kind == Kind::List)
      for (Value n : static_cast<ListObj*>(notes.o)->items) {
        std::string s;
        if (str_text(vm, n, s)) out += s + "\n";
        else vm.clear_exception();
      }
  }
  return out;
}

void format_one(VM& vm, Value exc, std::vector<std::string>& lines, int depth);

void format_group(VM& vm, ExceptionObj* e, std::vector<std::string>& lines, int depth) {
  // The boxed layout of traceback.TracebackException.format for exception groups.
  std::vector<std::string> own;
  if (e->traceback) {
    own.push_back("Exception Group Traceback (most recent call last):\n");
    format_frames(e->traceback, own);
  }
  own.push_back(exception_line(vm, Value::object(e)));
  std::string first_prefix = depth == 0 ? "  + " : "";
  for (size_t i = 0; i < own.size(); i++) {
    std::string_view chunk = own[i];
    size_t pos = 0;
    while (pos < chunk.size()) {
      size_t nl = chunk.find('\n', pos);
      std::string line(chunk.substr(pos, nl - pos));
      lines.push_back((i == 0 && pos == 0 ? std::string(depth == 0 ? "  + " : "") : std::string("  | ")) + line + "\n");
      pos = nl == std::string_view::npos ? chunk.size() : nl + 1;
    }
  }
  Value excs = e->dict ? e->dict->get_str(vm.intern("exceptions")) : Value();
  if (!excs.is_obj() || excs.o->kind != Kind::Tuple) return;
  TupleObj* t = static_cast<TupleObj*>(excs.o);
  size_t n = std::min<size_t>(t->size, 15);
  for (size_t i = 0; i < n; i++) {
    std::string head = i == 0 ? "  +-+" : "    +";
    lines.push_back(head + std::string(16, '-') + " " + std::to_string(i + 1) + " " + std::string(16, '-') + "\n");
    std::vector<std::string> sub;
    format_one(vm, (*t)[i], sub, depth + 1);
    for (const std::string& chunk : sub) {
      size_t pos = 0;
      while (pos < chunk.size()) {
        size_t nl = chunk.find('\n', pos);
        lines.push_back("    | " + chunk.substr(pos, nl - pos) + "\n");
        pos = nl == std::string::npos ? chunk.size() : nl + 1;
      }
    }
  }
  lines.push_back("    +" + std::string(36, '-') + "\n");
}

// mirrors traceback.TracebackException._format_syntax_error: where the problem was found, then
// "SyntaxError: msg" (the message alone, not str(exc)).
std::string syntax_error_lines(VM& vm, ExceptionObj* e) {
  auto field = [&](const char* name) { return e->dict ? e->dict->get_str(vm.intern(name)) : Value(); };
  std::string out;
  Value filename = field("filename"), lineno = field("lineno"), text = field("text"), offset = field("offset");
  Value end_offset = field("end_offset");
  std::string suffix;
  if (lineno.is_int()) {
    std::string fn = filename.is_obj() && filename.o->kind == Kind::Str ? static_cast<StrObj*>(filename.o)->str() : "<string>";
    out += "  File \"" + fn + "\", line " + std::to_string(lineno.i) + "\n";
  } else if (filename.is_obj() && filename.o->kind == Kind::Str) {
    suffix = " (" + static_cast<StrObj*>(filename.o)->str() + ")";
  }
  if (text.is_obj() && text.o->kind == Kind::Str) {
    std::string rtext = static_cast<StrObj*>(text.o)->str();
    while (!rtext.empty() && rtext.back() == '\n') rtext.pop_back();
    size_t lead = rtext.find_first_not_of(" \n\f");
    std::string ltext = lead == std::string::npos ? "" : rtext.substr(lead);
    int64_t spaces = int64_t(utf8::count_code_points(rtext) - utf8::count_code_points(ltext));
    out += "    " + ltext + "\n";
    if (offset.is_int()) {
      int64_t off = offset.i;
      int64_t end = end_offset.is_int() && end_offset.i != 0 ? end_offset.i : off;
      if (off == end || end == -1) end = off + 1;
      int64_t col = off - 1 - spaces, end_col = end - 1 - spaces;
      if (col >= 0) {
        std::string caret;
        size_t pos = 0;
        for (int64_t i = 0; i < col && pos < ltext.size(); i++) {
          uint32_t cp = utf8::decode(ltext, pos);
          caret += (cp == '\t' || cp == '\f') ? char(cp) : ' ';
        }
        out += "    " + caret + std::string(size_t(std::max<int64_t>(end_col - col, 0)), '^') + "\n";
      }
    }
  }
  std::string msg = "<no detail available>";
  Value m = field("msg");
  if (m.is_obj() && m.o->kind == Kind::Str && static_cast<StrObj*>(m.o)->size) msg = static_cast<StrObj*>(m.o)->str();
  ClassObj* cls = vm.type_of(Value::object(e));
  out += cls->qualname->str() + ": " + msg + suffix + "\n";
  return out;
}

void format_one(VM& vm, Value exc, std::vector<std::string>& lines, int depth) {
  if (!exc.is_obj() || exc.o->kind != Kind::Exception) {
    lines.push_back(exception_line(vm, exc));
    return;
  }
  ExceptionObj* e = static_cast<ExceptionObj*>(exc.o);
  if (vm.isinstance(exc, vm.t.SyntaxError)) {
    if (e->traceback) {
      lines.push_back("Traceback (most recent call last):\n");
      format_frames(e->traceback, lines);
    }
    lines.push_back(syntax_error_lines(vm, e));
    return;
  }
  if (vm.isinstance(exc, vm.t.BaseExceptionGroup)) {
    format_group(vm, e, lines, depth);
    return;
  }
  if (e->traceback) {
    lines.push_back("Traceback (most recent call last):\n");
    format_frames(e->traceback, lines);
  }
  lines.push_back(exception_line(vm, exc));
}

}  // namespace

bool format_exception(VM& vm, Value exc, std::string& out) {
  // Walk the chain from the outermost cause/context back to `exc` (printed last).
  std::vector<std::pair<Value, int>> chain;  // exception, how it links to the next (0 none, 1 cause, 2 context)
  std::vector<Obj*> seen;
  Value cur = exc;
  int link = 0;
  while (cur.is_obj() && cur.o->kind == Kind::Exception &&
         std::find(seen.begin(), seen.end(), cur.o) == seen.end()) {
    seen.push_back(cur.o);
    chain.emplace_back(cur, link);
    ExceptionObj* e = static_cast<ExceptionObj*>(cur.o);
    if (!e->cause.is_undef() && !e->cause.is_none()) {
      cur = e->cause;
      link = 1;
    } else if (!e->context.is_undef() && !e->context.is_none() && !e->suppress_context) {
      cur = e->context;
      link = 2;
    } else {
      break;
    }
  }
  std::vector<std::string> lines;
  for (size_t i = chain.size(); i-- > 0;) {
    format_one(vm, chain[i].first, lines, 0);
    if (i > 0) {
      int l = chain[i - 1].second;
      (void)l;
      lines.push_back(chain[i].second == 1
                          ? "\nThe above exception was the direct cause of the following exception:\n\n"
                          : "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  }
  for (const std::string& l : lines) out += l;
  return true;
}

}  // namespace looplab
