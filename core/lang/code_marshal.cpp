// The byte format: "LLBC", a version byte, then one code object. Numbers are LEB128 varints
// (signed ones zigzagged); a value is a tag byte and its payload; an interned string is written
// once and referred to by its index afterwards (names repeat a lot). Positions are deltas from
// the previous instruction's, one byte when it is the same.
#include "lang/code_marshal.h"

#include <cstring>
#include <unordered_map>
#include <vector>

#include "lang/vm.h"
#include "runtime/class.h"
#include "runtime/misc_objects.h"
#include "runtime/numbers.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace looplab {

namespace {

constexpr char kMagic[4] = {'L', 'L', 'B', 'C'};
constexpr uint8_t kVersion = 1;

enum ValueTag : uint8_t {
  kUndef, kNone, kTrue, kFalse, kInt, kFloat, kBigInt, kStr, kInternedStr, kBytes, kTuple,
  kCode, kEllipsis, kConstRef,
};

class Writer {
 public:
  std::string out;
  bool ok = true;

  void byte(uint8_t b) { out.push_back(char(b)); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      byte(uint8_t(v) | 0x80);
      v >>= 7;
    }
    byte(uint8_t(v));
  }
  void signed_varint(int64_t v) { varint((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
  void bytes(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
  void interned(const StrObj* s) {
    auto [it, fresh] = interned_ids_.emplace(s, interned_ids_.size());
    if (fresh) {
      varint(0);
      bytes(s->view());
    } else {
      varint(it->second + 1);
    }
  }
  void strs(const std::vector<StrObj*>& v) {
    varint(v.size());
    for (const StrObj* s : v) interned(s);
  }

  void value(const Value& v, const CodeObj* owner) {
    switch (v.tag) {
      case Tag::Undef: byte(kUndef); return;
      case Tag::None: byte(kNone); return;
      case Tag::Bool: byte(v.b ? kTrue : kFalse); return;
      case Tag::Int: byte(kInt); signed_varint(v.i); return;
      case Tag::Float: {
        byte(kFloat);
        uint64_t bits;
        std::memcpy(&bits, &v.f, 8);
        for (int i = 0; i < 8; i++) byte(uint8_t(bits >> (8 * i)));
        return;
      }
      case Tag::Error: break;
      case Tag::Obj: object(v.o, owner); return;
    }
    ok = false;
  }

  void object(const Obj* o, const CodeObj* owner) {
    // The docstring is also the first constant: keep them one object.
    if (owner)
      for (size_t i = 0; i < owner->consts.size(); i++)
        if (owner->consts[i].tag == Tag::Obj && owner->consts[i].o == o) {
          byte(kConstRef);
          varint(i);
          return;
        }
    switch (o->kind) {
      case Kind::Str: {
        auto* s = static_cast<const StrObj*>(o);
        if (s->interned) {
          byte(kInternedStr);
          interned(s);
        } else {
          byte(kStr);
          bytes(s->view());
        }
        return;
      }
      case Kind::Bytes: byte(kBytes); bytes(static_cast<const BytesObj*>(o)->view()); return;
      case Kind::BigInt: {
        auto* b = static_cast<const BigIntObj*>(o);
        byte(kBigInt);
        byte(b->negative);
        varint(b->digits.size());
        for (uint32_t d : b->digits) varint(d);
        return;
      }
      case Kind::Tuple: {
        auto* t = static_cast<const TupleObj*>(o);
        byte(kTuple);
        varint(t->size);
        for (size_t i = 0; i < t->size; i++) value((*t)[i], nullptr);
        return;
      }
      case Kind::Code: byte(kCode); code(*static_cast<const CodeObj*>(o)); return;
      default: break;
    }
    if (o->cls && o->cls->name && o->cls->name->view() == "ellipsis") {
      byte(kEllipsis);
      return;
    }
    ok = false;  // not a constant the compiler makes
  }

  void code(const CodeObj& co) {
    varint(co.flags);
    varint(co.argcount);
    varint(co.posonlyargcount);
    varint(co.kwonlyargcount);
    varint(co.stacksize);
    varint(co.blockdepth);
    signed_varint(co.firstlineno);
    interned(co.name);
    interned(co.qualname);
    varint(co.code.size());
    for (uint32_t word : co.code) varint(word);
    // 0: the previous instruction's position again (common: one node, several instructions);
    // else the line delta (zigzag) shifted left with the low bit set, then the rest.
    SourcePos prev{co.firstlineno, co.firstlineno, -1, -1};
    for (const SourcePos& p : co.positions) {
      if (p.line == prev.line && p.end_line == prev.end_line && p.col == prev.col &&
          p.end_col == prev.end_col) {
        byte(0);
        continue;
      }
      int64_t delta = int64_t(p.line) - prev.line;
      varint((((uint64_t(delta) << 1) ^ uint64_t(delta >> 63)) << 1) | 1);
      signed_varint(p.end_line - p.line);
      signed_varint(p.col);
      signed_varint(p.end_col - p.col);
      prev = p;
    }
    varint(co.consts.size());
    for (const Value& v : co.consts) value(v, nullptr);
    strs(co.names);
    strs(co.varnames);
    strs(co.cellvars);
    strs(co.freevars);
    varint(co.cell2arg.size());
    for (int32_t a : co.cell2arg) signed_varint(a);
    value(co.docstring, &co);
  }

 private:
  std::unordered_map<const StrObj*, size_t> interned_ids_;
};

class Reader {
 public:
  Reader(VM& vm, std::string_view in, std::shared_ptr<const SourceText> source)
      : vm_(vm), p_(in.data()), end_(in.data() + in.size()), source_(std::move(source)) {}

  bool ok = true;

  bool header() {
    if (size_t(end_ - p_) < 5 || std::memcmp(p_, kMagic, 4) != 0 || uint8_t(p_[4]) != kVersion)
      return ok = false;
    p_ += 5;
    return true;
  }
  bool at_end() const { return p_ == end_; }

  uint8_t byte() {
    if (p_ == end_) {
      ok = false;
      return 0;
    }
    return uint8_t(*p_++);
  }
  uint64_t varint() {
    if (p_ != end_ && uint8_t(*p_) < 0x80) return uint8_t(*p_++);  // most are one byte
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = byte();
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  int64_t signed_varint() {
    uint64_t u = varint();
    return int64_t(u >> 1) ^ -int64_t(u & 1);
  }
  // A count of things still to read, each at least one byte: bounds every allocation by the input.
  size_t count() {
    uint64_t n = varint();
    if (n > uint64_t(end_ - p_)) ok = false;
    return ok ? size_t(n) : 0;
  }
  std::string_view bytes() {
    size_t n = count();
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  StrObj* interned() {
    uint64_t id = varint();
    if (id == 0) {
      StrObj* s = vm_.intern(bytes());
      interned_.push_back(s);
      return s;
    }
    if (id > interned_.size()) {
      ok = false;
      return vm_.intern("");
    }
    return interned_[id - 1];
  }
  void strs(std::vector<StrObj*>& v) {
    size_t n = count();
    v.reserve(n);
    for (size_t i = 0; i < n && ok; i++) v.push_back(interned());
  }

  Value value(const CodeObj* owner) {
    switch (byte()) {
      case kUndef: return Value();
      case kNone: return Value::none();
      case kTrue: return Value::boolean(true);
      case kFalse: return Value::boolean(false);
      case kInt: return Value::integer(signed_varint());
      case kFloat: {
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) bits |= uint64_t(byte()) << (8 * i);
        double d;
        std::memcpy(&d, &bits, 8);
        return Value::real(d);
      }
      case kBigInt: {
        BigIntObj* b = vm_.heap.make<BigIntObj>(vm_.t.int_);
        b->negative = byte() != 0;
        size_t n = count();
        b->digits.reserve(n);
        for (size_t i = 0; i < n && ok; i++) b->digits.push_back(uint32_t(varint()));
        return Value::object(b);
      }
      case kStr: return Value::object(vm_.new_str(bytes()));
      case kInternedStr: return Value::object(interned());
      case kBytes: return Value::object(vm_.new_bytes(bytes()));
      case kTuple: {
        size_t n = count();
        TupleObj* t = vm_.new_tuple(n);
        for (size_t i = 0; i < n; i++) (*t)[i] = ok ? value(nullptr) : Value::none();
        return Value::object(t);
      }
      case kCode: return Value::object(code());
      case kEllipsis: return vm_.ellipsis;
      case kConstRef: {
        uint64_t i = varint();
        if (owner && i < owner->consts.size()) return owner->consts[i];
        break;
      }
      default: break;
    }
    ok = false;
    return Value::none();
  }

  CodeObj* code() {
    CodeObj* co = vm_.heap.make<CodeObj>(vm_.t.code);
    co->source = source_;
    co->flags = uint32_t(varint());
    co->argcount = uint32_t(varint());
    co->posonlyargcount = uint32_t(varint());
    co->kwonlyargcount = uint32_t(varint());
    co->stacksize = uint32_t(varint());
    co->blockdepth = uint32_t(varint());
    co->firstlineno = int(signed_varint());
    co->name = interned();
    co->qualname = interned();
    size_t n = count();
    co->code.reserve(n);
    for (size_t i = 0; i < n && ok; i++) co->code.push_back(uint32_t(varint()));
    co->positions.reserve(n);
    SourcePos prev{co->firstlineno, co->firstlineno, -1, -1};
    for (size_t i = 0; i < n && ok; i++) {
      uint64_t head = varint();
      if (head & 1) {
        uint64_t zz = head >> 1;
        prev.line += int32_t(int64_t(zz >> 1) ^ -int64_t(zz & 1));
        prev.end_line = prev.line + int32_t(signed_varint());
        prev.col = int32_t(signed_varint());
        prev.end_col = prev.col + int32_t(signed_varint());
      }
      co->positions.push_back(prev);
    }
    size_t nconsts = count();
    co->consts.reserve(nconsts);
    for (size_t i = 0; i < nconsts && ok; i++) co->consts.push_back(value(nullptr));
    strs(co->names);
    strs(co->varnames);
    strs(co->cellvars);
    strs(co->freevars);
    size_t ncell2arg = count();
    for (size_t i = 0; i < ncell2arg && ok; i++) co->cell2arg.push_back(int32_t(signed_varint()));
    co->docstring = ok ? value(co) : Value();
    return co;
  }

 private:
  VM& vm_;
  const char* p_;
  const char* end_;
  std::shared_ptr<const SourceText> source_;
  std::vector<StrObj*> interned_;
};

}  // namespace

std::string marshal_code(const CodeObj& code) {
  Writer w;
  w.out.append(kMagic, 4);
  w.byte(kVersion);
  w.code(code);
  return w.ok ? std::move(w.out) : std::string();
}

CodeObj* unmarshal_code(VM& vm, std::string_view bytes, std::shared_ptr<const SourceText> source) {
  Reader r(vm, bytes, std::move(source));
  CodeObj* co = r.header() ? r.code() : nullptr;
  if (r.ok && r.at_end()) return co;
  vm.raisef(vm.t.RuntimeError, "malformed frozen code object");
  return nullptr;
}

}  // namespace looplab
