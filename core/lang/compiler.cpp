// The compiler: AST + symbol table -> CodeObj. This file holds the machinery (code units,
// emission, labels, constants, the assembler with its stack-depth analysis), the entry point,
// and the code-object builders: module and class bodies, functions, lambdas, comprehensions.
#include "lang/compiler.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstring>

#include "lang/ast_dump.h"
#include "lang/compiler_impl.h"
#include "lang/parser.h"
#include "lang/vm.h"
#include "runtime/numbers.h"

namespace looplab {

using namespace ast;

looplab::BinOp binop_for(Operator op) {
  switch (op) {
    case Operator::Add: return looplab::BinOp::Add;
    case Operator::Sub: return looplab::BinOp::Subtract;
    case Operator::Mult: return looplab::BinOp::Multiply;
    case Operator::MatMult: return looplab::BinOp::MatMul;
    case Operator::Div: return looplab::BinOp::TrueDivide;
    case Operator::Mod: return looplab::BinOp::Remainder;
    case Operator::Pow: return looplab::BinOp::Power;
    case Operator::LShift: return looplab::BinOp::LShift;
    case Operator::RShift: return looplab::BinOp::RShift;
    case Operator::BitOr: return looplab::BinOp::Or;
    case Operator::BitXor: return looplab::BinOp::Xor;
    case Operator::BitAnd: return looplab::BinOp::And;
    case Operator::FloorDiv: return looplab::BinOp::FloorDivide;
  }
  return looplab::BinOp::Add;
}

Compiler::Compiler(VM& vm, const SourceBuffer& src, std::shared_ptr<const SourceText> text,
                   SymbolTable& st)
    : vm_(vm), src_(src), text_(std::move(text)), st_(st) {}

// ---- errors ----------------------------------------------------------------------------------

bool Compiler::fail(const std::string& msg, SyntaxErrorKind kind) {
  if (failed_) return false;
  failed_ = true;
  const SourcePos& p = u_->loc;
  error.kind = kind;
  error.msg = msg;
  error.line = p.line;
  error.offset = src_.char_offset(p.line, p.col);
  error.end_line = p.end_line;
  error.end_offset = p.end_col < 0 ? 0 : src_.char_offset(p.end_line, p.end_col);
  error.text = std::string(src_.line(p.line));
  return false;
}

// A SyntaxWarning as the warnings module prints it: file:line: SyntaxWarning: message, then
// the source line when linecache could read the file (not for names like "<main>").
static void write_syntax_warning(VM& vm, const std::string& filename, const SourceBuffer& src,
                                 int lineno, const std::string& msg) {
  std::string out = filename + ":" + std::to_string(lineno) + ": SyntaxWarning: " + msg + "\n";
  bool pseudo = !filename.empty() && filename.front() == '<' && filename.back() == '>';
  if (!pseudo) {
    std::string_view line = src.line(lineno);
    size_t b = line.find_first_not_of(" \t\f");
    size_t e = line.find_last_not_of(" \t\f");
    if (b != std::string_view::npos) out += "  " + std::string(line.substr(b, e - b + 1)) + "\n";
  }
  vm.write(OutStream::Stderr, out);
}

void Compiler::warn(const std::string& msg) {
  write_syntax_warning(vm_, text_->filename, src_, u_->loc.line, msg);
}

bool Compiler::not_implemented(const std::string& what) {
  return fail(what + " (line " + std::to_string(u_->loc.line) + ")",
              SyntaxErrorKind::NotImplemented);
}

void Compiler::set_loc(const Pos& p) { u_->loc = SourcePos{p.line, p.end_line, p.col, p.end_col}; }

// ---- emission --------------------------------------------------------------------------------

void Compiler::emit(Op op, uint32_t arg) { u_->instrs.push_back(Instr{op, arg, -1, u_->loc}); }

void Compiler::emit_jump(Op op, int label) { u_->instrs.push_back(Instr{op, 0, label, u_->loc}); }

int Compiler::new_label() {
  u_->labels.push_back(-1);
  return int(u_->labels.size()) - 1;
}

void Compiler::bind(int label) { u_->labels[label] = int(u_->instrs.size()); }

uint32_t Compiler::add_const(Value v, const std::string& key) {
  auto it = u_->const_index.find(key);
  if (it != u_->const_index.end()) return it->second;
  uint32_t i = uint32_t(u_->consts.size());
  u_->consts.push_back(v);
  u_->const_index.emplace(key, i);
  return i;
}

uint32_t Compiler::const_none() { return add_const(Value::none(), "N"); }
uint32_t Compiler::const_int(int64_t i) { return add_const(Value::integer(i), "i" + std::to_string(i)); }
// Constant keys tell values apart by type and content; strings carry their length so that
// tuple keys (items joined) cannot collide.
static std::string str_key(char tag, const std::string& s) {
  return tag + std::to_string(s.size()) + ":" + s;
}

uint32_t Compiler::const_str(const std::string& s) { return add_const(str_value(s), str_key('s', s)); }

// Identifier-like string constants are interned, as CPython interns them.
Value Compiler::str_value(const std::string& s) {
  bool ident = s.size() <= 64;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      ident = false;
  return Value::object(ident ? vm_.intern(s) : vm_.new_str(s));
}

uint32_t Compiler::const_names_tuple(const std::vector<std::string>& names) {
  std::string key = "t(";
  TupleObj* t = vm_.new_tuple(names.size());
  for (size_t i = 0; i < names.size(); i++) {
    (*t)[i] = Value::object(vm_.intern(names[i]));
    key += str_key('s', names[i]) + "\x1f";
  }
  key += ")";
  return add_const(Value::object(t), key);
}

uint32_t Compiler::add_name(const std::string& name) {
  auto it = u_->name_index.find(name);
  if (it != u_->name_index.end()) return it->second;
  uint32_t i = uint32_t(u_->names.size());
  u_->names.push_back(vm_.intern(name));
  u_->name_index.emplace(name, i);
  return i;
}

uint32_t Compiler::add_name_mangled(const std::string& name) { return add_name(mangled(name)); }

uint32_t Compiler::varname(const std::string& name) {
  auto it = u_->varname_index.find(name);
  if (it != u_->varname_index.end()) return it->second;
  uint32_t i = uint32_t(u_->varnames.size());
  u_->varnames.push_back(name);
  u_->varname_index.emplace(name, i);
  return i;
}

// The Value of a literal, and a key that tells constants apart by type and value.
bool Compiler::constant_value(const ConstValue& c, Value& out, std::string& key) {
  switch (c.kind) {
    case ConstValue::Kind::None: out = Value::none(); key = "N"; return true;
    case ConstValue::Kind::True: out = Value::boolean(true); key = "T"; return true;
    case ConstValue::Kind::False: out = Value::boolean(false); key = "F"; return true;
    case ConstValue::Kind::Ellipsis: out = vm_.ellipsis; key = "E"; return true;
    case ConstValue::Kind::Int: out = Value::integer(c.i); key = "i" + std::to_string(c.i); return true;
    case ConstValue::Kind::Float: {
      out = Value::real(c.f);
      uint64_t bits;
      std::memcpy(&bits, &c.f, sizeof bits);
      key = "f" + std::to_string(bits);
      return true;
    }
    case ConstValue::Kind::BigInt: {
      out = int_from_text(vm_, c.s, c.base);
      if (out.is_error()) {
        vm_error = failed_ = true;
        return false;
      }
      key = "I" + std::to_string(c.base) + ":" + c.s;
      return true;
    }
    case ConstValue::Kind::Imag: return not_implemented("complex numbers are not supported");
    case ConstValue::Kind::Str: out = str_value(c.s); key = str_key('s', c.s); return true;
    case ConstValue::Kind::Bytes:
      out = Value::object(vm_.new_bytes(c.s));
      key = str_key('b', c.s);
      return true;
  }
  return false;
}

// CPython's AST optimizer folds negated numbers and tuples of constants; so do we (only
// those: the other folds do not change what a program prints).
bool Compiler::fold_constant(Expr* e, Value& out, std::string& key) {
  if (auto* c = as<Constant>(e)) return constant_value(c->value, out, key);
  if (auto* u = as<ast::UnaryOp>(e)) {
    auto* c = as<Constant>(u->operand);
    if (!c || u->op == UnaryOpKind::Not) return false;
    const ConstValue& v = c->value;
    if (v.kind == ConstValue::Kind::Int) {
      if (u->op == UnaryOpKind::UAdd) return constant_value(v, out, key);
      int64_t r = u->op == UnaryOpKind::USub ? -v.i : ~v.i;
      out = Value::integer(r);
      key = "i" + std::to_string(r);
      return true;
    }
    if (v.kind == ConstValue::Kind::Float && u->op != UnaryOpKind::Invert) {
      double r = u->op == UnaryOpKind::USub ? -v.f : v.f;
      ConstValue f;
      f.kind = ConstValue::Kind::Float;
      f.f = r;
      return constant_value(f, out, key);
    }
    if (v.kind == ConstValue::Kind::BigInt && u->op == UnaryOpKind::USub) {
      out = int_from_text(vm_, "-" + v.s, v.base);
      if (out.is_error()) {
        vm_error = failed_ = true;
        return false;
      }
      key = "I-" + std::to_string(v.base) + ":" + v.s;
      return true;
    }
    return false;
  }
  if (e->kind == EK::Tuple) {
    auto* t = static_cast<Seq*>(e);
    if (t->ctx != Ctx::Load) return false;
    std::vector<Value> items;
    std::string k = "t(";
    for (Expr* x : t->elts) {
      if (x->kind == EK::Starred) return false;
      Value v;
      std::string xk;
      if (!fold_constant(x, v, xk)) return false;
      items.push_back(v);
      k += xk + "\x1f";
    }
    TupleObj* tup = vm_.new_tuple(items.size());
    for (size_t i = 0; i < items.size(); i++) (*tup)[i] = items[i];
    out = Value::object(tup);
    key = k + ")";
    return true;
  }
  return false;
}

// ---- units -----------------------------------------------------------------------------------

void Compiler::enter_scope(const std::string& name, ScopeType type, const void* key, int lineno) {
  auto u = std::make_unique<Unit>();
  u->ste = st_.scope_for(key);
  u->scope_type = type;
  u->name = name;
  u->firstlineno = lineno;
  u->loc = SourcePos{lineno, lineno, 0, 0};
  if (u_) u->private_name = u_->private_name;
  for (const std::string& v : u->ste->varnames) {
    u->varname_index.emplace(v, uint32_t(u->varnames.size()));
    u->varnames.push_back(v);
  }
  std::vector<std::string> cells, frees;
  for (const std::string& n : u->ste->order) {
    NameScope sc = u->ste->symbols[n].scope;
    if (sc == NameScope::Cell) cells.push_back(n);
    else if (sc == NameScope::Free) frees.push_back(n);
    else if (u->ste->type == BlockType::Class && (u->ste->symbols[n].flags & kDefFreeClass))
      frees.push_back(n);  // a class body reads method-captured names through a cell too
  }
  if (u->ste->needs_class_closure) cells.push_back("__class__");
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  u->cellvars = cells;
  u->freevars = frees;
  for (size_t i = 0; i < cells.size(); i++) u->cell_index[cells[i]] = uint32_t(i);
  for (size_t i = 0; i < frees.size(); i++) u->free_index[frees[i]] = uint32_t(i);
  Unit* raw = u.get();
  stack_.push_back(std::move(u));
  u_ = raw;
  if (type != ScopeType::Module) set_qualname();
}

void Compiler::exit_scope() {
  stack_.pop_back();
  u_ = stack_.empty() ? nullptr : stack_.back().get();
}

// compiler_set_qualname: "f.<locals>.g", "C.m", "<listcomp>"; a name declared global
// restarts from the module.
void Compiler::set_qualname() {
  Unit* u = u_;
  std::string base;
  bool have_base = false;
  if (stack_.size() > 2) {
    Unit* parent = stack_[stack_.size() - 2].get();
    bool force_global = false;
    if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction ||
        u->scope_type == ScopeType::Class) {
      std::string m = mangle(parent->private_name, u->name);
      if (parent->ste->scope_of(m) == NameScope::GlobalExplicit) force_global = true;
    }
    if (!force_global) {
      have_base = true;
      if (parent->scope_type == ScopeType::Function ||
          parent->scope_type == ScopeType::AsyncFunction ||
          parent->scope_type == ScopeType::Lambda)
        base = parent->qualname + ".<locals>";
      else
        base = parent->qualname;
    }
  }
  u->qualname = have_base ? base + "." + u->name : u->name;
}

namespace {

bool is_terminal(Op op) {
  return op == Op::JUMP || op == Op::RETURN_VALUE || op == Op::RERAISE ||
         op == Op::RAISE_VARARGS;
}

// Stack effect of an instruction when it falls through (jump = false) or jumps.
int stack_effect(Op op, uint32_t arg, bool jump) {
  switch (op) {
    case Op::NOP: case Op::SWAP: case Op::DELETE_FAST: case Op::DELETE_DEREF:
    case Op::DELETE_GLOBAL: case Op::DELETE_NAME: case Op::LOAD_ATTR: case Op::KW_NAMES:
    case Op::UNARY_NEGATIVE: case Op::UNARY_POSITIVE: case Op::UNARY_NOT:
    case Op::UNARY_INVERT: case Op::LIST_TO_TUPLE: case Op::JUMP: case Op::GET_ITER:
    case Op::GET_AITER: case Op::GET_AWAITABLE: case Op::GET_YIELD_FROM_ITER:
    case Op::YIELD_VALUE: case Op::ASYNC_GEN_WRAP: case Op::SETUP_FINALLY:
    case Op::SETUP_CLEANUP: case Op::SETUP_WITH: case Op::POP_BLOCK:
    case Op::CHECK_EXC_MATCH: case Op::CHECK_EG_MATCH: case Op::SETUP_ANNOTATIONS:
      return 0;
    case Op::POP_TOP: case Op::STORE_FAST: case Op::STORE_DEREF: case Op::STORE_GLOBAL:
    case Op::STORE_NAME: case Op::DELETE_ATTR: case Op::RETURN_VALUE: case Op::BINARY_OP:
    case Op::COMPARE_OP: case Op::IS_OP: case Op::CONTAINS_OP: case Op::BINARY_SUBSCR:
    case Op::LIST_APPEND: case Op::SET_ADD: case Op::LIST_EXTEND: case Op::SET_UPDATE:
    case Op::DICT_UPDATE: case Op::DICT_MERGE: case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE: case Op::POP_JUMP_IF_NONE: case Op::POP_JUMP_IF_NOT_NONE:
    case Op::POP_EXCEPT: case Op::PREP_RERAISE_STAR: case Op::RERAISE: case Op::IMPORT_NAME:
    case Op::IMPORT_STAR:
      return -1;
    case Op::PUSH_NULL: case Op::COPY: case Op::LOAD_CONST: case Op::LOAD_FAST:
    case Op::LOAD_DEREF: case Op::LOAD_CLASSDEREF: case Op::LOAD_CLOSURE: case Op::LOAD_GLOBAL:
    case Op::LOAD_NAME: case Op::LOAD_METHOD: case Op::GET_ANEXT: case Op::PUSH_EXC_INFO:
    case Op::LOAD_ASSERTION_ERROR: case Op::WITH_EXCEPT_START: case Op::LOAD_BUILD_CLASS:
    case Op::IMPORT_FROM:
      return 1;
    case Op::STORE_ATTR: case Op::DELETE_SUBSCR: case Op::MAP_ADD: case Op::END_ASYNC_FOR:
      return -2;
    case Op::STORE_SUBSCR: return -3;
    case Op::CALL: return -int(arg) - 1;
    case Op::CALL_FUNCTION_EX: return (arg & 1) ? -3 : -2;
    case Op::BUILD_SLICE: return 1 - int(arg);
    case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET: case Op::BUILD_STRING:
      return 1 - int(arg);
    case Op::BUILD_MAP: return 1 - 2 * int(arg);
    case Op::BUILD_CONST_KEY_MAP: return -int(arg);
    case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return int(arg) - 1;
    case Op::UNPACK_EX: return int(arg & 0xFF) + int(arg >> 8);
    case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::SEND: return jump ? -1 : 0;
    case Op::RAISE_VARARGS: return -int(arg);
    case Op::BEFORE_WITH: case Op::BEFORE_ASYNC_WITH: return 2;
    case Op::MAKE_FUNCTION:
      return -(((arg & 1) ? 1 : 0) + ((arg & 2) ? 1 : 0) + ((arg & 8) ? 1 : 0));
    case Op::kCount: return 0;
  }
  return 0;
}

}  // namespace

// Resolves labels, computes the deepest stack and block nesting over every path (compile.c's
// stackdepth), and builds the CodeObj.
CodeObj* Compiler::assemble(bool add_none_return) {
  Unit& u = *u_;
  bool falls_off = u.instrs.empty() || !is_terminal(u.instrs.back().op);
  for (int pos : u.labels)
    if (pos == int(u.instrs.size())) falls_off = true;
  if (add_none_return && falls_off) {
    load_none();
    emit(Op::RETURN_VALUE);
  }
  size_t n = u.instrs.size();
  CodeObj* co = vm_.heap.make<CodeObj>(vm_.t.code);
  co->code.reserve(n);
  co->positions.reserve(n);
  for (Instr& in : u.instrs) {
    if (in.label >= 0) {
      assert(u.labels[in.label] >= 0);
      in.arg = uint32_t(u.labels[in.label]);
    }
    co->code.push_back(encode(in.op, in.arg));
    co->positions.push_back(in.pos);
  }

  std::vector<int> depth(n + 1, -1), blocks(n + 1, -1);
  std::vector<size_t> work;
  int maxdepth = 0, maxblocks = 0;
  auto reach = [&](size_t pc, int d, int b) {
    if (pc > n) return;
    if (d > maxdepth) maxdepth = d;
    if (b > maxblocks) maxblocks = b;
    if (depth[pc] < 0) {
      depth[pc] = d;
      blocks[pc] = b;
      work.push_back(pc);
    }
    assert(depth[pc] == d && "inconsistent stack depth");
  };
  if (n) reach(0, 0, 0);
  while (!work.empty()) {
    size_t pc = work.back();
    work.pop_back();
    int d = depth[pc], b = blocks[pc];
    for (; pc < n; pc++) {
      const Instr& in = u.instrs[pc];
      if (in.op == Op::SETUP_FINALLY || in.op == Op::SETUP_CLEANUP || in.op == Op::SETUP_WITH) {
        int handler = in.op == Op::SETUP_FINALLY ? d + 1 : d;
        reach(in.arg, handler, b);
        b++;
        if (b > maxblocks) maxblocks = b;
      } else if (op_is_jump(in.op)) {
        reach(in.arg, d + stack_effect(in.op, in.arg, true), b);
      }
      if (in.op == Op::POP_BLOCK) b--;
      if (is_terminal(in.op)) break;
      d += stack_effect(in.op, in.arg, false);
      if (d > maxdepth) maxdepth = d;
      if (depth[pc + 1] >= 0) {
        assert(depth[pc + 1] == d && "inconsistent stack depth");
        break;
      }
      depth[pc + 1] = d;
      blocks[pc + 1] = b;
    }
  }

  co->consts = std::move(u.consts);
  co->names = std::move(u.names);
  for (const std::string& v : u.varnames) co->varnames.push_back(vm_.intern(v));
  for (const std::string& c : u.cellvars) {
    co->cellvars.push_back(vm_.intern(c));
    auto it = u.varname_index.find(c);
    co->cell2arg.push_back(it != u.varname_index.end() && it->second < u.ste->varnames.size()
                               ? int32_t(it->second)
                               : -1);
  }
  bool any_cell_arg = false;
  for (int32_t a : co->cell2arg) any_cell_arg |= a >= 0;
  if (!any_cell_arg) co->cell2arg.clear();
  for (const std::string& f : u.freevars) co->freevars.push_back(vm_.intern(f));
  co->argcount = u.argcount;
  co->posonlyargcount = u.posonlyargcount;
  co->kwonlyargcount = u.kwonlyargcount;
  uint32_t flags = 0;
  const Scope* ste = u.ste;
  if (ste->type == BlockType::Function) {
    flags |= kCoNewLocals | kCoOptimized;
    if (ste->nested) flags |= kCoNested;
    if (ste->generator && !ste->coroutine) flags |= kCoGenerator;
    if (!ste->generator && ste->coroutine) flags |= kCoCoroutine;
    if (ste->generator && ste->coroutine) flags |= kCoAsyncGenerator;
    if (ste->varargs) flags |= kCoVarArgs;
    if (ste->varkeywords) flags |= kCoVarKeywords;
  }
  co->flags = flags;
  co->stacksize = uint32_t(maxdepth);
  co->blockdepth = uint32_t(maxblocks);
  co->name = vm_.intern(u.name);
  co->qualname = vm_.intern(u.qualname);
  co->firstlineno = u.firstlineno;
  co->source = text_;
  co->docstring = u.docstring;
  return co;
}

// ---- names -----------------------------------------------------------------------------------

// compiler_nameop: LOAD_FAST in functions, LOAD_DEREF for cells, LOAD_GLOBAL for globals,
// LOAD_NAME in module and class bodies.
bool Compiler::nameop(const std::string& name, Ctx ctx) {
  if (name == "__debug__" && ctx != Ctx::Load)
    return fail(ctx == Ctx::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
  std::string m = mangled(name);
  enum { Fast, Global, Deref, NameOp } optype = NameOp;
  NameScope scope = u_->ste->scope_of(m);
  uint32_t arg = 0;
  bool is_function = u_->ste->type == BlockType::Function;
  switch (scope) {
    case NameScope::Free:
      optype = Deref;
      arg = uint32_t(u_->cellvars.size()) + u_->free_index[m];
      break;
    case NameScope::Cell:
      optype = Deref;
      arg = u_->cell_index[m];
      break;
    case NameScope::Local:
      if (is_function) optype = Fast;
      break;
    case NameScope::GlobalImplicit:
      if (is_function) optype = Global;
      break;
    case NameScope::GlobalExplicit: optype = Global; break;
    default: break;
  }
  switch (optype) {
    case Deref:
      emit(ctx == Ctx::Load ? (u_->ste->type == BlockType::Class ? Op::LOAD_CLASSDEREF
                                                                 : Op::LOAD_DEREF)
           : ctx == Ctx::Store ? Op::STORE_DEREF
                               : Op::DELETE_DEREF,
           arg);
      return true;
    case Fast:
      emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST,
           varname(m));
      return true;
    case Global:
      emit(ctx == Ctx::Load    ? Op::LOAD_GLOBAL
           : ctx == Ctx::Store ? Op::STORE_GLOBAL
                               : Op::DELETE_GLOBAL,
           add_name(m));
      return true;
    case NameOp:
      emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME,
           add_name(m));
      return true;
  }
  return true;
}

// The cells[] index, in the current unit, of a variable an inner code object closes over.
uint32_t Compiler::closure_index(const std::string& name) {
  auto c = u_->cell_index.find(name);
  if (c != u_->cell_index.end()) return c->second;
  auto f = u_->free_index.find(name);
  assert(f != u_->free_index.end() && "a closure variable the symbol table did not provide");
  return uint32_t(u_->cellvars.size()) + (f != u_->free_index.end() ? f->second : 0);
}

// compiler_make_closure: [closure tuple] code -> MAKE_FUNCTION.
bool Compiler::make_closure(CodeObj* co, uint32_t flags) {
  if (!co->freevars.empty()) {
    for (StrObj* f : co->freevars) emit(Op::LOAD_CLOSURE, closure_index(f->str()));
    emit(Op::BUILD_TUPLE, uint32_t(co->freevars.size()));
    flags |= 8;
  }
  emit(Op::LOAD_CONST, add_const(Value::object(co), "c" + std::to_string(u_->consts.size())));
  emit(Op::MAKE_FUNCTION, flags);
  return true;
}

// ---- bodies ----------------------------------------------------------------------------------

bool Compiler::find_ann(const std::vector<Stmt*>& stmts) {
  for (Stmt* s : stmts) {
    switch (s->kind) {
      case SK::AnnAssign: return true;
      case SK::For:
      case SK::AsyncFor: {
        auto* f = static_cast<For*>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case SK::While: {
        auto* w = static_cast<While*>(s);
        if (find_ann(w->body) || find_ann(w->orelse)) return true;
        break;
      }
      case SK::If: {
        auto* i = static_cast<If*>(s);
        if (find_ann(i->body) || find_ann(i->orelse)) return true;
        break;
      }
      case SK::With:
      case SK::AsyncWith:
        if (find_ann(static_cast<With*>(s)->body)) return true;
        break;
      case SK::Try:
      case SK::TryStar: {
        auto* t = static_cast<Try*>(s);
        for (ExceptHandler* h : t->handlers)
          if (find_ann(h->body)) return true;
        if (find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse)) return true;
        break;
      }
      default: break;
    }
  }
  return false;
}

static Constant* docstring_of(const std::vector<Stmt*>& body) {
  if (body.empty()) return nullptr;
  auto* e = as<ExprStmt>(body[0]);
  if (!e) return nullptr;
  auto* c = as<Constant>(e->value);
  return c && c->value.kind == ConstValue::Kind::Str ? c : nullptr;
}

// compiler_body: module and class bodies (__annotations__, __doc__, then the statements).
bool Compiler::body(const std::vector<Stmt*>& stmts) {
  if (u_->scope_type == ScopeType::Module && !stmts.empty()) set_loc(stmts[0]->pos);
  if (find_ann(stmts)) emit(Op::SETUP_ANNOTATIONS);
  size_t i = 0;
  if (Constant* doc = docstring_of(stmts)) {
    set_loc(stmts[0]->pos);
    emit(Op::LOAD_CONST, const_str(doc->value.s));
    if (!nameop("__doc__", Ctx::Store)) return false;
    i = 1;
  }
  for (; i < stmts.size(); i++)
    if (!visit_stmt(stmts[i])) return false;
  return true;
}

// Defaults tuple (flag 1) and keyword-only defaults dict (flag 2), pushed before the code.
bool Compiler::default_arguments(Arguments* a, uint32_t& flags) {
  if (!a->defaults.empty()) {
    if (!visit_exprs(a->defaults)) return false;
    emit(Op::BUILD_TUPLE, uint32_t(a->defaults.size()));
    flags |= 1;
  }
  std::vector<std::string> keys;
  for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
    if (!a->kw_defaults[i]) continue;
    keys.push_back(mangled(a->kwonlyargs[i]->arg));
    if (!visit_expr(a->kw_defaults[i])) return false;
  }
  if (!keys.empty()) {
    emit(Op::LOAD_CONST, const_names_tuple(keys));
    emit(Op::BUILD_CONST_KEY_MAP, uint32_t(keys.size()));
    flags |= 2;
  }
  return true;
}

// The source text of an expression (a stringized annotation).
std::string Compiler::source_text(const Pos& p) const {
  std::string text;
  for (int line = p.line; line <= p.end_line; line++) {
    std::string_view l = src_.line(line);
    size_t b = line == p.line ? size_t(p.col) : 0;
    size_t e = line == p.end_line ? size_t(p.end_col) : l.size();
    if (line != p.line) text += "\n";
    if (b < e && e <= l.size()) text += std::string(l.substr(b, e - b));
  }
  return text;
}

// An annotation's value: the expression, or its text under `from __future__ import annotations`.
bool Compiler::annotation_value(Expr* annotation) {
  if (future_annotations_) {
    // CPython stores ast.unparse() of the annotation; the source text is the same but for
    // spacing, except a string literal, which unparse writes as its repr.
    auto* c = as<Constant>(annotation);
    bool is_str = c && c->value.kind == ConstValue::Kind::Str;
    emit(Op::LOAD_CONST, const_str(is_str ? py_repr_str(c->value.s) : source_text(annotation->pos)));
    return true;
  }
  return visit_expr(annotation);
}

// compiler_visit_annotations: a function's parameter and return annotations, in CPython's
// order (args, positional-only, *args, keyword-only, **kwargs, return). CPython hands them to
// MAKE_FUNCTION; here they go into the function's __annotations__ right after it is made:
// [func] -> [func].
bool Compiler::function_annotations(Arguments* a, Expr* returns) {
  std::vector<std::pair<std::string, Expr*>> items;
  for (Arg* x : a->args)
    if (x->annotation) items.emplace_back(mangled(x->arg), x->annotation);
  for (Arg* x : a->posonlyargs)
    if (x->annotation) items.emplace_back(mangled(x->arg), x->annotation);
  if (a->vararg && a->vararg->annotation)
    items.emplace_back(mangled(a->vararg->arg), a->vararg->annotation);
  for (Arg* x : a->kwonlyargs)
    if (x->annotation) items.emplace_back(mangled(x->arg), x->annotation);
  if (a->kwarg && a->kwarg->annotation)
    items.emplace_back(mangled(a->kwarg->arg), a->kwarg->annotation);
  if (returns) items.emplace_back("return", returns);
  if (items.empty()) return true;
  emit(Op::COPY, 1);
  for (auto& [name, value] : items) {
    emit(Op::LOAD_CONST, const_str(name));
    if (!annotation_value(value)) return false;
  }
  emit(Op::BUILD_MAP, uint32_t(items.size()));
  emit(Op::SWAP, 2);
  emit(Op::STORE_ATTR, add_name("__annotations__"));
  return true;
}

void Compiler::set_arg_counts(Arguments* a) {
  u_->argcount = uint32_t(a->posonlyargs.size() + a->args.size());
  u_->posonlyargcount = uint32_t(a->posonlyargs.size());
  u_->kwonlyargcount = uint32_t(a->kwonlyargs.size());
}

// compiler_function: decorators, defaults, the code object, the closure, the store.
bool Compiler::function_def(FunctionDef* f) {
  bool is_async = f->kind == SK::AsyncFunctionDef;
  for (Expr* d : f->decorator_list) {
    set_loc(d->pos);
    emit(Op::PUSH_NULL);
    if (!visit_expr(d)) return false;
  }
  set_loc(f->pos);
  int firstlineno = f->decorator_list.empty() ? f->pos.line : f->decorator_list[0]->pos.line;
  uint32_t flags = 0;
  if (!default_arguments(f->args, flags)) return false;

  enter_scope(f->name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, f, firstlineno);
  set_arg_counts(f->args);
  size_t first = 0;
  if (Constant* doc = docstring_of(f->body)) {
    u_->docstring = str_value(doc->value.s);
    first = 1;
  }
  for (size_t i = first; i < f->body.size(); i++) {
    if (!visit_stmt(f->body[i])) {
      exit_scope();
      return false;
    }
  }
  CodeObj* co = assemble(true);
  exit_scope();

  set_loc(f->pos);
  make_closure(co, flags);
  if (!function_annotations(f->args, f->returns)) return false;
  for (size_t i = f->decorator_list.size(); i-- > 0;) {
    set_loc(f->decorator_list[i]->pos);
    emit(Op::CALL, 1);
  }
  set_loc(f->pos);
  return nameop(f->name, Ctx::Store);
}

// compiler_class: the body runs as a function whose locals become the class namespace;
// builtins.__build_class__(body, name, *bases, **keywords) makes the class.
bool Compiler::class_def(ClassDef* c) {
  for (Expr* d : c->decorator_list) {
    set_loc(d->pos);
    emit(Op::PUSH_NULL);
    if (!visit_expr(d)) return false;
  }
  int firstlineno = c->decorator_list.empty() ? c->pos.line : c->decorator_list[0]->pos.line;
  set_loc(c->pos);

  enter_scope(c->name, ScopeType::Class, c, firstlineno);
  u_->private_name = c->name;
  set_loc(c->pos);
  emit(Op::LOAD_NAME, add_name("__name__"));
  emit(Op::STORE_NAME, add_name("__module__"));
  emit(Op::LOAD_CONST, const_str(u_->qualname));
  emit(Op::STORE_NAME, add_name("__qualname__"));
  if (!body(c->body)) {
    exit_scope();
    return false;
  }
  set_loc(c->pos);
  if (u_->ste->needs_class_closure) {
    emit(Op::LOAD_CLOSURE, u_->cell_index["__class__"]);
    emit(Op::STORE_NAME, add_name("__classcell__"));
  }
  load_none();
  emit(Op::RETURN_VALUE);
  CodeObj* co = assemble(true);
  exit_scope();

  set_loc(c->pos);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  make_closure(co, 0);
  emit(Op::LOAD_CONST, const_str(c->name));
  if (!call_helper(2, c->bases, c->keywords)) return false;
  for (size_t i = c->decorator_list.size(); i-- > 0;) {
    set_loc(c->decorator_list[i]->pos);
    emit(Op::CALL, 1);
  }
  set_loc(c->pos);
  return nameop(c->name, Ctx::Store);
}

bool Compiler::lambda(Lambda* l) {
  uint32_t flags = 0;
  if (!default_arguments(l->args, flags)) return false;
  enter_scope("<lambda>", ScopeType::Lambda, l, l->pos.line);
  set_arg_counts(l->args);
  set_loc(l->body->pos);
  if (!visit_expr(l->body)) {
    exit_scope();
    return false;
  }
  if (u_->ste->generator) emit(Op::POP_TOP);
  else emit(Op::RETURN_VALUE);
  CodeObj* co = assemble(true);
  exit_scope();
  set_loc(l->pos);
  return make_closure(co, flags);
}

// ---- comprehensions --------------------------------------------------------------------------

// A yield inside the code being compiled (ADDOP_YIELD): async generators wrap their values.
void Compiler::add_yield() {
  if (u_->ste->coroutine && u_->ste->generator) emit(Op::ASYNC_GEN_WRAP);
  emit(Op::YIELD_VALUE, 0);
}

// ADD_YIELD_FROM: the SEND loop the VM expects, exactly `L: SEND end; YIELD_VALUE 1; JUMP L`.
void Compiler::add_yield_from(bool await) {
  (void)await;
  int loop = new_label(), end = new_label();
  bind(loop);
  emit_jump(Op::SEND, end);
  emit(Op::YIELD_VALUE, 1);
  emit_jump(Op::JUMP, loop);
  bind(end);
}

// compiler_comprehension: the comprehension is a nested function called with the outermost
// iterator, which is evaluated here, in the enclosing scope.
bool Compiler::comprehension(Comp* e) {
  const char* name = e->kind == EK::ListComp  ? "<listcomp>"
                     : e->kind == EK::SetComp ? "<setcomp>"
                     : e->kind == EK::DictComp ? "<dictcomp>"
                                               : "<genexpr>";
  Comprehension* outermost = e->generators[0];
  ScopeType outer_type = u_->scope_type;
  enter_scope(name, ScopeType::Comprehension, e, e->pos.line);
  set_loc(e->pos);
  bool is_async_generator = u_->ste->coroutine;
  bool ok = true;
  if (is_async_generator && e->kind != EK::GeneratorExp &&
      outer_type != ScopeType::AsyncFunction && outer_type != ScopeType::Comprehension &&
      !is_top_level_await()) {
    fail("asynchronous comprehension outside of an asynchronous function");
    ok = false;
  }
  if (ok && e->kind != EK::GeneratorExp) {
    emit(e->kind == EK::ListComp ? Op::BUILD_LIST : e->kind == EK::SetComp ? Op::BUILD_SET
                                                                           : Op::BUILD_MAP,
         0);
  }
  ok = ok && comprehension_generator(e, 0, 0);
  if (ok && e->kind != EK::GeneratorExp) emit(Op::RETURN_VALUE);
  if (!ok) {
    exit_scope();
    return false;
  }
  CodeObj* co = assemble(true);
  exit_scope();

  set_loc(e->pos);
  emit(Op::PUSH_NULL);
  make_closure(co, 0);
  if (!visit_expr(outermost->iter)) return false;
  set_loc(e->pos);
  emit(outermost->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 1);
  if (is_async_generator && e->kind != EK::GeneratorExp) {
    emit(Op::GET_AWAITABLE, 0);
    load_none();
    add_yield_from(true);
  }
  return true;
}

bool Compiler::comprehension_generator(Comp* e, size_t gen_index, int depth) {
  if (e->generators[gen_index]->is_async) return async_comprehension_generator(e, gen_index, depth);
  return sync_comprehension_generator(e, gen_index, depth);
}

bool Compiler::sync_comprehension_generator(Comp* e, size_t gen_index, int depth) {
  Comprehension* gen = e->generators[gen_index];
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool looping = true;
  if (gen_index == 0) {
    u_->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]` binds y without a loop, as CPython does.
    Expr* only = nullptr;
    if (gen->iter->kind == EK::List || gen->iter->kind == EK::Tuple) {
      auto* s = static_cast<Seq*>(gen->iter);
      if (s->elts.size() == 1 && s->elts[0]->kind != EK::Starred) only = s->elts[0];
    }
    if (only) {
      if (!visit_expr(only)) return false;
      looping = false;
    } else {
      if (!visit_expr(gen->iter)) return false;
      emit(Op::GET_ITER);
    }
  }
  if (looping) {
    depth++;
    bind(start);
    emit_jump(Op::FOR_ITER, anchor);
  }
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  if (gen_index + 1 < e->generators.size()) {
    if (!comprehension_generator(e, gen_index + 1, depth)) return false;
  } else {
    set_loc(e->pos);
    if (e->kind == EK::GeneratorExp) {
      if (!visit_expr(e->elt)) return false;
      add_yield();
      emit(Op::POP_TOP);
    } else {
      if (!visit_expr(e->elt)) return false;
      if (e->kind == EK::DictComp && !visit_expr(e->value)) return false;
      emit(e->kind == EK::ListComp ? Op::LIST_APPEND
           : e->kind == EK::SetComp ? Op::SET_ADD
                                    : Op::MAP_ADD,
           uint32_t(depth + 1));
    }
  }
  bind(if_cleanup);
  if (looping) {
    emit_jump(Op::JUMP, start);
    bind(anchor);
  }
  return true;
}

bool Compiler::async_comprehension_generator(Comp* e, size_t gen_index, int depth) {
  Comprehension* gen = e->generators[gen_index];
  int start = new_label(), except = new_label(), if_cleanup = new_label();
  if (gen_index == 0) {
    u_->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    if (!visit_expr(gen->iter)) return false;
    emit(Op::GET_AITER);
  }
  bind(start);
  if (!push_fblock(FBlockType::AsyncComprehensionGenerator, start, -1, nullptr)) return false;
  emit_jump(Op::SETUP_FINALLY, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit(Op::POP_BLOCK);
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  depth++;
  if (gen_index + 1 < e->generators.size()) {
    if (!comprehension_generator(e, gen_index + 1, depth)) return false;
  } else {
    set_loc(e->pos);
    if (e->kind == EK::GeneratorExp) {
      if (!visit_expr(e->elt)) return false;
      add_yield();
      emit(Op::POP_TOP);
    } else {
      if (!visit_expr(e->elt)) return false;
      if (e->kind == EK::DictComp && !visit_expr(e->value)) return false;
      emit(e->kind == EK::ListComp ? Op::LIST_APPEND
           : e->kind == EK::SetComp ? Op::SET_ADD
                                    : Op::MAP_ADD,
           uint32_t(depth + 1));
    }
  }
  bind(if_cleanup);
  emit_jump(Op::JUMP, start);
  pop_fblock();
  bind(except);
  emit(Op::END_ASYNC_FOR);
  return true;
}

// ---- the module ------------------------------------------------------------------------------

CodeObj* Compiler::compile_module(Module& mod) {
  enter_scope("<module>", ScopeType::Module, &mod, 1);
  u_->qualname = "<module>";
  // future.c: `from __future__ import ...` lines lead the module (after its docstring).
  for (size_t i = docstring_of(mod.body) ? 1 : 0; i < mod.body.size(); i++) {
    auto* f = as<ImportFrom>(mod.body[i]);
    if (!f || f->module != "__future__" || f->level != 0) break;
    for (Alias* a : f->names) {
      static const char* const known[] = {"nested_scopes", "generators", "division",
                                          "absolute_import", "with_statement", "print_function",
                                          "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                          "annotations"};
      bool ok = false;
      for (const char* k : known) ok |= a->name == k;
      if (a->name == "annotations") future_annotations_ = true;
      if (a->name == "braces" || !ok) {
        set_loc(f->pos);
        u_->loc.end_line = u_->loc.line;
        u_->loc.end_col = -2;  // CPython reports no end for these
        fail(a->name == "braces" ? "not a chance"
                                 : "future feature " + a->name + " is not defined");
        return nullptr;
      }
    }
    future_lines_ = f->pos.line;
  }
  if (!body(mod.body)) return nullptr;
  return assemble(true);
}

// ---- entry point -----------------------------------------------------------------------------

static CodeObj* raise_error(VM& vm, const SyntaxErrorInfo& e, std::string_view filename) {
  if (e.kind == SyntaxErrorKind::NotImplemented) {
    vm.raise(vm.t.NotImplementedError, e.msg);
    return nullptr;
  }
  if (e.kind == SyntaxErrorKind::Memory) {
    vm.raise_value(Value::object(vm.t.MemoryError));
    return nullptr;
  }
  if (e.kind == SyntaxErrorKind::Recursion) {
    vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded during compilation");
    return nullptr;
  }
  ClassObj* type = e.kind == SyntaxErrorKind::Indentation ? vm.t.IndentationError
                   : e.kind == SyntaxErrorKind::Tab       ? vm.t.TabError
                                                          : nullptr;
  vm.raise_syntax_error(e.msg, filename, e.line, e.offset - 1, e.text, type);
  // CPython's SyntaxError also knows where the error ends (tracebacks underline the range).
  Value exc = vm.pending_exception();
  if (exc.is_obj() && exc.o->kind == Kind::Exception) {
    auto* eo = static_cast<ExceptionObj*>(exc.o);
    if (eo->dict) {
      eo->dict->set_str(vm.intern("end_lineno"), Value::integer(e.end_line));
      eo->dict->set_str(vm.intern("end_offset"), Value::integer(e.end_offset));
    }
  }
  return nullptr;
}

CodeObj* compile_module(VM& vm, std::string_view source, std::string_view filename) {
  SyntaxErrorInfo err;
  std::vector<SyntaxWarningInfo> warnings;
  auto text = std::make_shared<const SourceText>(filename, source);
  const SourceBuffer& buf = text->buffer;
  std::unique_ptr<Module> mod = parse_module(buf, &err, &warnings);
  for (const SyntaxWarningInfo& w : warnings)
    write_syntax_warning(vm, std::string(filename), buf, w.line, w.msg);
  if (!mod) return raise_error(vm, err, filename);
  SymbolTable st;
  if (!st.build(*mod, buf, &err)) return raise_error(vm, err, filename);
  Compiler c(vm, buf, text, st);
  CodeObj* co = c.compile_module(*mod);
  if (co) return co;
  if (c.vm_error) return nullptr;
  return raise_error(vm, c.error, filename);
}

}  // namespace looplab
