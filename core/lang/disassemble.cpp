// Opcode names and jump classification (from the opcodes.h X-macro list), and a listing of
// code objects in the spirit of CPython's `dis`, for tests and debugging.
#include <cstdio>
#include <string>

#include "lang/ast_dump.h"
#include "lang/code.h"
#include "runtime/class.h"
#include "runtime/misc_objects.h"
#include "runtime/numbers.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace looplab {

namespace {

const char* const kOpNames[] = {
#define LOOPLAB_OP_NAME(name) #name,
    LOOPLAB_OPCODES(LOOPLAB_OP_NAME)
#undef LOOPLAB_OP_NAME
};

std::string const_repr(const Value& v) {
  switch (v.tag) {
    case Tag::Undef: return "<undef>";
    case Tag::Error: return "<error>";
    case Tag::None: return "None";
    case Tag::Bool: return v.b ? "True" : "False";
    case Tag::Int: return std::to_string(v.i);
    case Tag::Float: return py_repr_float(v.f);
    case Tag::Obj: break;
  }
  Obj* o = v.o;
  switch (o->kind) {
    case Kind::Str: return py_repr_str(static_cast<StrObj*>(o)->view());
    case Kind::Bytes: return py_repr_bytes(static_cast<BytesObj*>(o)->view());
    case Kind::BigInt: return int_to_text(v);
    case Kind::Code: return "<code " + static_cast<CodeObj*>(o)->qualname->str() + ">";
    case Kind::Tuple: {
      auto* t = static_cast<TupleObj*>(o);
      std::string s = "(";
      for (size_t i = 0; i < t->size; i++) {
        if (i) s += ", ";
        s += const_repr((*t)[i]);
      }
      if (t->size == 1) s += ",";
      return s + ")";
    }
    default:
      if (o->cls && o->cls->name && o->cls->name->view() == "ellipsis") return "Ellipsis";
      return "<object>";
  }
}

const char* binop_symbol(uint32_t arg) {
  static const char* const names[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-",
                                      "/", "^"};
  return arg < 13 ? names[arg] : arg < 26 ? nullptr : "?";
}

std::string arg_info(const CodeObj& co, Op op, uint32_t arg) {
  auto cell_name = [&](uint32_t i) -> std::string {
    if (i < co.cellvars.size()) return co.cellvars[i]->str();
    i -= uint32_t(co.cellvars.size());
    return i < co.freevars.size() ? co.freevars[i]->str() : "?";
  };
  switch (op) {
    case Op::LOAD_CONST:
    case Op::KW_NAMES:
      return arg < co.consts.size() ? const_repr(co.consts[arg]) : "?";
    case Op::LOAD_NAME: case Op::STORE_NAME: case Op::DELETE_NAME: case Op::LOAD_GLOBAL:
    case Op::STORE_GLOBAL: case Op::DELETE_GLOBAL: case Op::LOAD_ATTR: case Op::STORE_ATTR:
    case Op::DELETE_ATTR: case Op::LOAD_METHOD: case Op::IMPORT_NAME: case Op::IMPORT_FROM:
      return arg < co.names.size() ? co.names[arg]->str() : "?";
    case Op::LOAD_FAST: case Op::STORE_FAST: case Op::DELETE_FAST:
      return arg < co.varnames.size() ? co.varnames[arg]->str() : "?";
    case Op::LOAD_DEREF: case Op::STORE_DEREF: case Op::DELETE_DEREF: case Op::LOAD_CLASSDEREF:
    case Op::LOAD_CLOSURE:
      return cell_name(arg);
    case Op::BINARY_OP: {
      if (arg < 13) return binop_symbol(arg);
      return std::string(binop_symbol(arg - 13)) + "=";
    }
    case Op::COMPARE_OP: {
      static const char* const names[] = {"<", "<=", "==", "!=", ">", ">="};
      return arg < 6 ? names[arg] : "?";
    }
    case Op::IS_OP: return arg ? "is not" : "is";
    case Op::CONTAINS_OP: return arg ? "not in" : "in";
    case Op::FORMAT_VALUE: {
      static const char* const conv[] = {"", "str", "repr", "ascii"};
      std::string s = conv[arg & 3];
      if (arg & 4) s += s.empty() ? "with format" : ", with format";
      return s;
    }
    case Op::MAKE_FUNCTION: {
      std::string s;
      if (arg & 1) s += "defaults";
      if (arg & 2) s += std::string(s.empty() ? "" : ", ") + "kwdefaults";
      if (arg & 8) s += std::string(s.empty() ? "" : ", ") + "closure";
      return s;
    }
    case Op::UNPACK_EX: return std::to_string(arg & 0xFF) + ", " + std::to_string(arg >> 8);
    default:
      if (op_is_jump(op)) return "to " + std::to_string(arg);
      return "";
  }
}

bool has_arg(Op op) {
  switch (op) {
    case Op::NOP: case Op::POP_TOP: case Op::PUSH_NULL: case Op::RETURN_VALUE:
    case Op::UNARY_NEGATIVE: case Op::UNARY_POSITIVE: case Op::UNARY_NOT: case Op::UNARY_INVERT:
    case Op::BINARY_SUBSCR: case Op::STORE_SUBSCR: case Op::DELETE_SUBSCR:
    case Op::LIST_TO_TUPLE: case Op::GET_ITER: case Op::GET_AITER: case Op::GET_ANEXT:
    case Op::END_ASYNC_FOR: case Op::GET_YIELD_FROM_ITER: case Op::ASYNC_GEN_WRAP:
    case Op::POP_BLOCK: case Op::PUSH_EXC_INFO: case Op::POP_EXCEPT: case Op::CHECK_EXC_MATCH:
    case Op::CHECK_EG_MATCH: case Op::PREP_RERAISE_STAR: case Op::RERAISE:
    case Op::LOAD_ASSERTION_ERROR: case Op::BEFORE_WITH: case Op::BEFORE_ASYNC_WITH:
    case Op::WITH_EXCEPT_START: case Op::LOAD_BUILD_CLASS: case Op::IMPORT_STAR:
    case Op::SETUP_ANNOTATIONS:
      return false;
    default: return true;
  }
}

void disassemble_one(const CodeObj& co, std::string& out) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s: stacksize %u, blockdepth %u, flags 0x%x, argcount %u",
                co.qualname ? co.qualname->str().c_str() : "?", co.stacksize, co.blockdepth,
                co.flags, co.argcount);
  out += buf;
  if (co.posonlyargcount) out += ", posonly " + std::to_string(co.posonlyargcount);
  if (co.kwonlyargcount) out += ", kwonly " + std::to_string(co.kwonlyargcount);
  out += "\n";
  auto names = [&](const char* label, const std::vector<StrObj*>& v) {
    if (v.empty()) return;
    out += "  ";
    out += label;
    out += ":";
    for (StrObj* s : v) out += " " + s->str();
    out += "\n";
  };
  names("varnames", co.varnames);
  names("cellvars", co.cellvars);
  names("freevars", co.freevars);
  int last_line = -1;
  for (size_t pc = 0; pc < co.code.size(); pc++) {
    Op op = decode_op(co.code[pc]);
    uint32_t arg = decode_arg(co.code[pc]);
    int line = co.line_at(pc);
    std::string lineno = line != last_line ? std::to_string(line) : "";
    last_line = line;
    std::string info = arg_info(co, op, arg);
    if (has_arg(op)) {
      std::snprintf(buf, sizeof buf, "%4s %4zu %-20s %u", lineno.c_str(), pc, op_name(op), arg);
    } else {
      std::snprintf(buf, sizeof buf, "%4s %4zu %s", lineno.c_str(), pc, op_name(op));
    }
    out += buf;
    if (!info.empty() && op != Op::RERAISE) out += " (" + info + ")";
    out += "\n";
  }
}

}  // namespace

const char* op_name(Op op) { return op < Op::kCount ? kOpNames[int(op)] : "?"; }

bool op_is_jump(Op op) {
  switch (op) {
    case Op::JUMP: case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE:
    case Op::POP_JUMP_IF_NONE: case Op::POP_JUMP_IF_NOT_NONE: case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: case Op::FOR_ITER: case Op::SEND: case Op::SETUP_FINALLY:
    case Op::SETUP_CLEANUP: case Op::SETUP_WITH:
      return true;
    default: return false;
  }
}

// The listing of a code object, then of every code object among its constants, in order.
std::string disassemble(const CodeObj& code) {
  std::string out;
  disassemble_one(code, out);
  for (const Value& c : code.consts) {
    if (c.is_obj() && c.o->kind == Kind::Code) {
      out += "\n";
      out += disassemble(*static_cast<CodeObj*>(c.o));
    }
  }
  return out;
}

}  // namespace looplab
