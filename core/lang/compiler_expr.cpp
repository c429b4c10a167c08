// The compiler: expressions. Each instruction takes the position of the expression being
// compiled (visit_expr sets it), so a traceback can underline exactly that expression.
#include <cstring>

#include "lang/compiler_impl.h"
#include "lang/vm.h"

namespace looplab {

using namespace ast;

namespace {

constexpr size_t kStackUseGuideline = 30;  // compile.c's STACK_USE_GUIDELINE

// The truth of a literal, when the literal alone decides it.
bool const_truth(Expr* e, bool& truth) {
  auto* c = as<Constant>(e);
  if (!c) return false;
  const ConstValue& v = c->value;
  switch (v.kind) {
    case ConstValue::Kind::None: truth = false; return true;
    case ConstValue::Kind::True: truth = true; return true;
    case ConstValue::Kind::False: truth = false; return true;
    case ConstValue::Kind::Ellipsis: truth = true; return true;
    case ConstValue::Kind::Int: truth = v.i != 0; return true;
    case ConstValue::Kind::BigInt: truth = true; return true;
    case ConstValue::Kind::Float: truth = v.f != 0; return true;
    case ConstValue::Kind::Str:
    case ConstValue::Kind::Bytes: truth = !v.s.empty(); return true;
    default: return false;
  }
}

bool is_const(Expr* e) { return e && e->kind == EK::Constant; }

// A literal after CPython's constant folding: a constant, a signed number, a tuple of those.
const Constant* folded_literal(Expr* e, bool* is_tuple) {
  *is_tuple = false;
  if (auto* c = as<Constant>(e)) return c;
  if (auto* u = as<ast::UnaryOp>(e)) {
    auto* c = as<Constant>(u->operand);
    if (c && u->op != UnaryOpKind::Not &&
        (c->value.kind == ConstValue::Kind::Int || c->value.kind == ConstValue::Kind::BigInt ||
         (c->value.kind == ConstValue::Kind::Float && u->op != UnaryOpKind::Invert)))
      return c;
    return nullptr;
  }
  if (e->kind == EK::Tuple) {
    for (Expr* x : static_cast<Seq*>(e)->elts) {
      bool inner;
      if (!folded_literal(x, &inner)) return nullptr;
    }
    *is_tuple = true;
    return nullptr;
  }
  return nullptr;
}

const char* const_type_name(const ConstValue& v) {
  switch (v.kind) {
    case ConstValue::Kind::None: return "NoneType";
    case ConstValue::Kind::True:
    case ConstValue::Kind::False: return "bool";
    case ConstValue::Kind::Ellipsis: return "ellipsis";
    case ConstValue::Kind::Int:
    case ConstValue::Kind::BigInt: return "int";
    case ConstValue::Kind::Float: return "float";
    case ConstValue::Kind::Imag: return "complex";
    case ConstValue::Kind::Str: return "str";
    case ConstValue::Kind::Bytes: return "bytes";
  }
  return nullptr;
}

// infer_type: the type an expression certainly has, by its syntax alone (or null).
const char* infer_type(Expr* e) {
  bool is_tuple;
  if (const Constant* c = folded_literal(e, &is_tuple)) return const_type_name(c->value);
  if (is_tuple) return "tuple";
  switch (e->kind) {
    case EK::Tuple: return "tuple";
    case EK::List:
    case EK::ListComp: return "list";
    case EK::Dict:
    case EK::DictComp: return "dict";
    case EK::Set:
    case EK::SetComp: return "set";
    case EK::GeneratorExp: return "generator";
    case EK::Lambda: return "function";
    case EK::JoinedStr:
    case EK::FormattedValue: return "str";
    case EK::Slice: return "slice";
    default: return nullptr;
  }
}

// check_is_arg: `is` with anything but None, True, False or ... compares identities of
// values the program did not make, which is almost always a mistake.
bool is_literal_for_is(Expr* e) {
  bool is_tuple;
  const Constant* c = folded_literal(e, &is_tuple);
  if (is_tuple) return true;
  if (!c) return false;
  auto k = c->value.kind;
  return !(k == ConstValue::Kind::None || k == ConstValue::Kind::True ||
           k == ConstValue::Kind::False || k == ConstValue::Kind::Ellipsis);
}

}  // namespace

void Compiler::check_compare(Compare* e) {
  bool left = is_literal_for_is(e->left);
  for (size_t i = 0; i < e->ops.size(); i++) {
    bool right = is_literal_for_is(e->comparators[i]);
    if ((e->ops[i] == CmpOp::Is || e->ops[i] == CmpOp::IsNot) && (left || right)) {
      warn(e->ops[i] == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                  : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

void Compiler::check_caller(Expr* func) {
  switch (func->kind) {
    case EK::Constant: case EK::Tuple: case EK::List: case EK::ListComp: case EK::Dict:
    case EK::DictComp: case EK::Set: case EK::SetComp: case EK::GeneratorExp:
    case EK::JoinedStr: case EK::FormattedValue:
      if (const char* t = infer_type(func))
        warn(std::string("'") + t + "' object is not callable; perhaps you missed a comma?");
      return;
    default: return;
  }
}

// check_subscripter and check_index, for a subscript being read.
void Compiler::check_subscript(Subscript* e) {
  Expr* v = e->value;
  bool is_tuple;
  const Constant* c = folded_literal(v, &is_tuple);
  bool not_subscriptable = false;
  if (c) {
    auto k = c->value.kind;
    not_subscriptable = k == ConstValue::Kind::None || k == ConstValue::Kind::Ellipsis ||
                        k == ConstValue::Kind::Int || k == ConstValue::Kind::BigInt ||
                        k == ConstValue::Kind::Float || k == ConstValue::Kind::Imag;
  } else if (!is_tuple) {
    not_subscriptable = v->kind == EK::Set || v->kind == EK::SetComp ||
                        v->kind == EK::GeneratorExp || v->kind == EK::Lambda;
  }
  if (not_subscriptable) {
    if (const char* t = infer_type(v))
      warn(std::string("'") + t + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  const char* index_type = infer_type(e->slice);
  if (!index_type || std::strcmp(index_type, "int") == 0 || std::strcmp(index_type, "bool") == 0 ||
      std::strcmp(index_type, "slice") == 0)
    return;
  bool sequence_literal;
  if (c) {
    auto k = c->value.kind;
    sequence_literal = k == ConstValue::Kind::Str || k == ConstValue::Kind::Bytes;
  } else {
    sequence_literal = is_tuple || v->kind == EK::Tuple || v->kind == EK::List ||
                       v->kind == EK::ListComp || v->kind == EK::JoinedStr ||
                       v->kind == EK::FormattedValue;
  }
  if (sequence_literal)
    warn(std::string(infer_type(v)) + " indices must be integers or slices, not " + index_type +
         "; perhaps you missed a comma?");
}

bool Compiler::visit_exprs(const std::vector<Expr*>& v) {
  for (Expr* e : v)
    if (!visit_expr(e)) return false;
  return true;
}

bool Compiler::visit_expr(Expr* e) {
  // CPython's compiler recursion limit (3 * the recursion limit): `1+1+...+1` and
  // `x.a.a...a` make trees as deep as they are long.
  if (depth_ >= kMaxCompileDepth) return fail("", SyntaxErrorKind::Recursion);
  depth_++;
  SourcePos saved = u_->loc;
  set_loc(e->pos);
  bool ok = visit_expr1(e);
  u_->loc = saved;
  depth_--;
  return ok;
}

bool Compiler::visit_expr1(Expr* e) {
  switch (e->kind) {
    case EK::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      if (!visit_expr(n->value)) return false;
      emit(Op::COPY, 1);
      return nameop(static_cast<Name*>(n->target)->id, Ctx::Store);
    }
    case EK::BoolOp: return boolop(static_cast<BoolOp*>(e));
    case EK::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
      emit(Op::BINARY_OP, uint32_t(binop_for(b->op)));
      return true;
    }
    case EK::UnaryOp: {
      auto* u = static_cast<ast::UnaryOp*>(e);
      Value v;
      std::string key;
      if (fold_constant(e, v, key)) {
        emit(Op::LOAD_CONST, add_const(v, key));
        return true;
      }
      if (failed_) return false;
      if (!visit_expr(u->operand)) return false;
      switch (u->op) {
        case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
        case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
        case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
        case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
      }
      return true;
    }
    case EK::Lambda: return lambda(static_cast<Lambda*>(e));
    case EK::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      int end = new_label(), next = new_label();
      if (!jump_if(i->test, next, false)) return false;
      if (!visit_expr(i->body)) return false;
      emit_jump(Op::JUMP, end);
      bind(next);
      if (!visit_expr(i->orelse)) return false;
      bind(end);
      return true;
    }
    case EK::Dict: return dict(static_cast<Dict*>(e));
    case EK::Set:
      return starunpack_helper(static_cast<ast::Set*>(e)->elts, 0, Op::BUILD_SET, Op::SET_ADD,
                               Op::SET_UPDATE, false);
    case EK::GeneratorExp:
    case EK::ListComp:
    case EK::SetComp:
    case EK::DictComp: return comprehension(static_cast<Comp*>(e));
    case EK::Yield: {
      if (u_->ste->type != BlockType::Function) return fail("'yield' outside function");
      auto* y = static_cast<Yield*>(e);
      if (y->value) {
        if (!visit_expr(y->value)) return false;
      } else {
        load_none();
      }
      add_yield();
      return true;
    }
    case EK::YieldFrom: {
      if (u_->ste->type != BlockType::Function) return fail("'yield' outside function");
      if (u_->scope_type == ScopeType::AsyncFunction)
        return fail("'yield from' inside async function");
      if (!visit_expr(static_cast<YieldFrom*>(e)->value)) return false;
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      add_yield_from(false);
      return true;
    }
    case EK::Await: {
      if (!is_top_level_await()) {
        if (u_->ste->type != BlockType::Function) return fail("'await' outside function");
        if (u_->scope_type != ScopeType::AsyncFunction &&
            u_->scope_type != ScopeType::Comprehension)
          return fail("'await' outside async function");
      }
      if (!visit_expr(static_cast<Await*>(e)->value)) return false;
      emit(Op::GET_AWAITABLE, 0);
      load_none();
      add_yield_from(true);
      return true;
    }
    case EK::Compare: return compare(static_cast<Compare*>(e));
    case EK::Call: return call(static_cast<Call*>(e));
    case EK::FormattedValue: return formatted_value(static_cast<FormattedValue*>(e));
    case EK::JoinedStr: return joined_str(static_cast<JoinedStr*>(e));
    case EK::Constant: {
      Value v;
      std::string key;
      if (!constant_value(static_cast<Constant*>(e)->value, v, key)) return false;
      emit(Op::LOAD_CONST, add_const(v, key));
      return true;
    }
    case EK::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      if (!visit_expr(a->value)) return false;
      set_loc(e->pos);
      match_attr_location(a);
      uint32_t name = add_name_mangled(a->attr);
      emit(a->ctx == Ctx::Load    ? Op::LOAD_ATTR
           : a->ctx == Ctx::Store ? Op::STORE_ATTR
                                  : Op::DELETE_ATTR,
           name);
      return true;
    }
    case EK::Subscript: {
      auto* s = static_cast<Subscript*>(e);
      if (s->ctx == Ctx::Load) check_subscript(s);
      if (!visit_expr(s->value) || !visit_expr(s->slice)) return false;
      emit(s->ctx == Ctx::Load    ? Op::BINARY_SUBSCR
           : s->ctx == Ctx::Store ? Op::STORE_SUBSCR
                                  : Op::DELETE_SUBSCR);
      return true;
    }
    case EK::Starred:
      if (static_cast<Starred*>(e)->ctx == Ctx::Store)
        return fail("starred assignment target must be in a list or tuple");
      return fail("can't use starred expression here");
    case EK::Slice: return slice(static_cast<Slice*>(e));
    case EK::Name: {
      auto* n = static_cast<Name*>(e);
      if (n->id == "__debug__" && n->ctx == Ctx::Load) {  // CPython folds it to True
        emit(Op::LOAD_CONST, add_const(Value::boolean(true), "T"));
        return true;
      }
      return nameop(n->id, n->ctx);
    }
    case EK::List:
    case EK::Tuple: {
      auto* s = static_cast<Seq*>(e);
      if (s->ctx == Ctx::Store) return assignment_helper(s->elts);
      if (s->ctx == Ctx::Del) {
        for (Expr* x : s->elts)
          if (!visit_expr(x)) return false;
        return true;
      }
      if (e->kind == EK::Tuple) {
        Value v;
        std::string key;
        if (fold_constant(e, v, key)) {
          emit(Op::LOAD_CONST, add_const(v, key));
          return true;
        }
        if (failed_) return false;
        return starunpack_helper(s->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND,
                                 true);
      }
      return starunpack_helper(s->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND,
                               false);
    }
  }
  return true;
}

// compiler_jump_if: jump to `label` when the truth of `e` equals `cond`, without building
// booleans for `not`, `and`/`or`, conditional expressions and chained comparisons.
bool Compiler::jump_if(Expr* e, int label, bool cond) {
  bool truth;
  if (const_truth(e, truth)) {
    if (truth == cond) emit_jump(Op::JUMP, label);
    return true;
  }
  switch (e->kind) {
    case EK::UnaryOp: {
      auto* u = static_cast<ast::UnaryOp*>(e);
      if (u->op == UnaryOpKind::Not) return jump_if(u->operand, label, !cond);
      break;
    }
    case EK::BoolOp: {
      auto* b = static_cast<BoolOp*>(e);
      bool cond2 = b->op == BoolOpKind::Or;
      int next2 = label;
      if (cond2 != cond) next2 = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); i++)
        if (!jump_if(b->values[i], next2, cond2)) return false;
      if (!jump_if(b->values.back(), label, cond)) return false;
      if (next2 != label) bind(next2);
      return true;
    }
    case EK::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      int end = new_label(), next2 = new_label();
      if (!jump_if(i->test, next2, false)) return false;
      if (!jump_if(i->body, label, cond)) return false;
      emit_jump(Op::JUMP, end);
      bind(next2);
      if (!jump_if(i->orelse, label, cond)) return false;
      bind(end);
      return true;
    }
    case EK::Compare: {
      auto* c = static_cast<Compare*>(e);
      size_t n = c->ops.size() - 1;
      if (n == 0 && (c->ops[0] == CmpOp::Is || c->ops[0] == CmpOp::IsNot)) {
        // `x is None` jumps on the value itself (CPython's peephole does the same).
        auto* k = as<Constant>(c->comparators[0]);
        if (k && k->value.kind == ConstValue::Kind::None) {
          SourcePos at = u_->loc;
          set_loc(e->pos);
          check_compare(c);
          u_->loc = at;
          if (!visit_expr(c->left)) return false;
          SourcePos saved = u_->loc;
          set_loc(e->pos);
          bool jump_if_none = (c->ops[0] == CmpOp::Is) == cond;
          emit_jump(jump_if_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE, label);
          u_->loc = saved;
          return true;
        }
      }
      if (n > 0) {
        SourcePos saved = u_->loc;
        set_loc(e->pos);
        check_compare(c);
        int cleanup = new_label();
        if (!visit_expr(c->left)) return false;
        for (size_t i = 0; i < n; i++) {
          if (!visit_expr(c->comparators[i])) return false;
          emit(Op::SWAP, 2);
          emit(Op::COPY, 2);
          compare_op(c->ops[i]);
          emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
        }
        if (!visit_expr(c->comparators[n])) return false;
        compare_op(c->ops[n]);
        emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
        int end = new_label();
        emit_jump(Op::JUMP, end);
        bind(cleanup);
        emit(Op::POP_TOP);
        if (!cond) emit_jump(Op::JUMP, label);
        bind(end);
        u_->loc = saved;
        return true;
      }
      break;
    }
    default: break;
  }
  if (!visit_expr(e)) return false;
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  return true;
}

bool Compiler::boolop(BoolOp* e) {
  Op jump = e->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  int end = new_label();
  for (size_t i = 0; i + 1 < e->values.size(); i++) {
    if (!visit_expr(e->values[i])) return false;
    emit_jump(jump, end);
  }
  if (!visit_expr(e->values.back())) return false;
  bind(end);
  return true;
}

void Compiler::compare_op(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: emit(Op::COMPARE_OP, uint32_t(CompareOp::Eq)); break;
    case CmpOp::NotEq: emit(Op::COMPARE_OP, uint32_t(CompareOp::Ne)); break;
    case CmpOp::Lt: emit(Op::COMPARE_OP, uint32_t(CompareOp::Lt)); break;
    case CmpOp::LtE: emit(Op::COMPARE_OP, uint32_t(CompareOp::Le)); break;
    case CmpOp::Gt: emit(Op::COMPARE_OP, uint32_t(CompareOp::Gt)); break;
    case CmpOp::GtE: emit(Op::COMPARE_OP, uint32_t(CompareOp::Ge)); break;
    case CmpOp::Is: emit(Op::IS_OP, 0); break;
    case CmpOp::IsNot: emit(Op::IS_OP, 1); break;
    case CmpOp::In: emit(Op::CONTAINS_OP, 0); break;
    case CmpOp::NotIn: emit(Op::CONTAINS_OP, 1); break;
  }
}

// compiler_compare: `a < b < c` keeps b with COPY/SWAP and stops at the first false.
bool Compiler::compare(Compare* e) {
  check_compare(e);
  if (!visit_expr(e->left)) return false;
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    if (!visit_expr(e->comparators[0])) return false;
    compare_op(e->ops[0]);
    return true;
  }
  int cleanup = new_label();
  for (size_t i = 0; i < n; i++) {
    if (!visit_expr(e->comparators[i])) return false;
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    compare_op(e->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_expr(e->comparators[n])) return false;
  compare_op(e->ops[n]);
  int end = new_label();
  emit_jump(Op::JUMP, end);
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  bind(end);
  return true;
}

bool Compiler::validate_keywords(const std::vector<Keyword*>& keywords) {
  for (size_t i = 0; i < keywords.size(); i++) {
    if (!keywords[i]->has_arg) continue;
    for (size_t j = i + 1; j < keywords.size(); j++) {
      if (keywords[j]->has_arg && keywords[j]->arg == keywords[i]->arg) {
        set_loc(keywords[j]->pos);
        return fail("keyword argument repeated: " + keywords[i]->arg);
      }
    }
  }
  return true;
}

bool Compiler::is_import_originated(Expr* e) {
  auto* n = as<Name>(e);
  return n && (st_.module()->flags_of(n->id) & kDefImport);
}

// maybe_optimize_method_call: obj.m(args) as LOAD_METHOD + CALL, no bound method made.
bool Compiler::maybe_method_call(Call* e, bool& done) {
  done = false;
  auto* meth = as<Attribute>(e->func);
  if (!meth || meth->ctx != Ctx::Load || is_import_originated(meth->value)) return true;
  size_t argsl = e->args.size(), kwdsl = e->keywords.size();
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return true;
  for (Expr* a : e->args)
    if (a->kind == EK::Starred) return true;
  for (Keyword* k : e->keywords)
    if (!k->has_arg) return true;
  done = true;
  if (!visit_expr(meth->value)) return false;
  SourcePos saved = u_->loc;
  set_loc(meth->pos);  // LOAD_METHOD is where `obj.name` is; CALL is the whole call
  match_attr_location(meth);
  emit(Op::LOAD_METHOD, add_name_mangled(meth->attr));
  u_->loc = saved;
  if (!visit_exprs(e->args)) return false;
  match_attr_location(meth);
  if (kwdsl) {
    std::vector<std::string> names;
    for (Keyword* k : e->keywords) {
      if (!visit_expr(k->value)) return false;
      names.push_back(k->arg);
    }
    emit(Op::KW_NAMES, const_names_tuple(names));
  }
  emit(Op::CALL, uint32_t(argsl + kwdsl));
  return true;
}

// update_location_to_match_attr: for `obj\n  .name`, point at the name on its own line (a
// traceback would otherwise underline several lines, which CPython does not draw).
void Compiler::match_attr_location(Attribute* a) {
  if (a->pos.line == a->pos.end_line) return;
  u_->loc.line = a->pos.end_line;
  u_->loc.col = a->pos.end_col - int32_t(a->attr.size());
}

bool Compiler::call(Call* e) {
  if (!validate_keywords(e->keywords)) return false;
  bool done;
  if (!maybe_method_call(e, done)) return false;
  if (done) return true;
  check_caller(e->func);
  emit(Op::PUSH_NULL);
  if (!visit_expr(e->func)) return false;
  return call_helper(0, e->args, e->keywords);
}

// compiler_call_helper: `n` positional arguments are already on the stack.
bool Compiler::call_helper(int n, const std::vector<Expr*>& args,
                           const std::vector<Keyword*>& keywords) {
  if (!validate_keywords(keywords)) return false;
  size_t nelts = args.size(), nkwelts = keywords.size();
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
  for (Expr* a : args) ex_call |= a->kind == EK::Starred;
  for (Keyword* k : keywords) ex_call |= !k->has_arg;
  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkwelts) {
      std::vector<std::string> names;
      for (Keyword* k : keywords) {
        if (!visit_expr(k->value)) return false;
        names.push_back(k->arg);
      }
      emit(Op::KW_NAMES, const_names_tuple(names));
    }
    emit(Op::CALL, uint32_t(n + int(nelts + nkwelts)));
    return true;
  }
  if (n == 0 && nelts == 1 && args[0]->kind == EK::Starred) {
    if (!visit_expr(static_cast<Starred*>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true)) {
    return false;
  }
  if (nkwelts) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkwelts; i++) {
      Keyword* kw = keywords[i];
      if (!kw->has_arg) {
        if (nseen) {
          if (!subkwargs(keywords, i - nseen, i)) return false;
          if (have_dict) emit(Op::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0);
          have_dict = true;
        }
        if (!visit_expr(kw->value)) return false;
        emit(Op::DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (!subkwargs(keywords, nkwelts - nseen, nkwelts)) return false;
      if (have_dict) emit(Op::DICT_MERGE, 1);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  return true;
}

bool Compiler::subkwargs(const std::vector<Keyword*>& keywords, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    std::vector<std::string> names;
    for (size_t i = begin; i < end; i++) {
      if (!visit_expr(keywords[i]->value)) return false;
      names.push_back(keywords[i]->arg);
    }
    emit(Op::LOAD_CONST, const_names_tuple(names));
    emit(Op::BUILD_CONST_KEY_MAP, uint32_t(n));
    return true;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; i++) {
    emit(Op::LOAD_CONST, const_str(keywords[i]->arg));
    if (!visit_expr(keywords[i]->value)) return false;
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, uint32_t(n));
  return true;
}

// starunpack_helper: a list/tuple/set display (or call arguments) with `*x` items.
bool Compiler::starunpack_helper(const std::vector<Expr*>& elts, int pushed, Op build, Op add,
                                 Op extend, bool tuple) {
  size_t n = elts.size();
  if (n > 2 && build == Op::BUILD_LIST) {
    bool all_const = true;
    for (Expr* e : elts) all_const &= is_const(e);
    if (all_const) {
      std::vector<Value> items;
      std::string key = "t(";
      for (Expr* e : elts) {
        Value v;
        std::string k;
        if (!constant_value(static_cast<Constant*>(e)->value, v, k)) return false;
        items.push_back(v);
        key += k + "\x1f";
      }
      TupleObj* t = vm_.new_tuple(n);
      for (size_t i = 0; i < n; i++) (*t)[i] = items[i];
      uint32_t c = add_const(Value::object(t), key + ")");
      if (tuple && !pushed) {
        emit(Op::LOAD_CONST, c);
      } else {
        emit(build, uint32_t(pushed));
        emit(Op::LOAD_CONST, c);
        emit(extend, 1);
        if (tuple) emit(Op::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = n + size_t(pushed) > kStackUseGuideline;
  bool seen_star = false;
  for (Expr* e : elts) seen_star |= e->kind == EK::Starred;
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? Op::BUILD_TUPLE : build, uint32_t(n + size_t(pushed)));
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, uint32_t(pushed));
    built = true;
  }
  for (size_t i = 0; i < n; i++) {
    Expr* e = elts[i];
    if (e->kind == EK::Starred) {
      if (!built) {
        emit(build, uint32_t(i + size_t(pushed)));
        built = true;
      }
      if (!visit_expr(static_cast<Starred*>(e)->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expr(e)) return false;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
  return true;
}

bool Compiler::unpack_helper(const std::vector<Expr*>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; i++) {
    if (elts[i]->kind != EK::Starred) continue;
    if (seen_star) return fail("multiple starred expressions in assignment");
    if (i >= 256 || n - i - 1 >= (1u << 16))
      return fail("too many expressions in star-unpacking assignment");
    emit(Op::UNPACK_EX, uint32_t(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, uint32_t(n));
  return true;
}

bool Compiler::assignment_helper(const std::vector<Expr*>& elts) {
  if (!unpack_helper(elts)) return false;
  for (Expr* e : elts) {
    Expr* target = e->kind == EK::Starred ? static_cast<Starred*>(e)->value : e;
    if (!visit_expr(target)) return false;
  }
  return true;
}

bool Compiler::subdict(Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  bool all_const = n > 1 && !big;
  for (size_t i = begin; all_const && i < end; i++) all_const = is_const(e->keys[i]);
  if (all_const) {
    std::vector<Value> keys;
    std::string key = "t(";
    for (size_t i = begin; i < end; i++) {
      if (!visit_expr(e->values[i])) return false;
    }
    for (size_t i = begin; i < end; i++) {
      Value v;
      std::string k;
      if (!constant_value(static_cast<Constant*>(e->keys[i])->value, v, k)) return false;
      keys.push_back(v);
      key += k + "\x1f";
    }
    TupleObj* t = vm_.new_tuple(n);
    for (size_t i = 0; i < n; i++) (*t)[i] = keys[i];
    emit(Op::LOAD_CONST, add_const(Value::object(t), key + ")"));
    emit(Op::BUILD_CONST_KEY_MAP, uint32_t(n));
    return true;
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (size_t i = begin; i < end; i++) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, uint32_t(n));
  return true;
}

bool Compiler::dict(Dict* e) {
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; i++) {
    if (!e->keys[i]) {  // **mapping
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      if (!visit_expr(e->values[i])) return false;
      emit(Op::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      if (!subdict(e, i - elements, i + 1)) return false;
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) emit(Op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0);
  return true;
}

bool Compiler::joined_str(JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    emit(Op::LOAD_CONST, const_str(""));
    emit(Op::LOAD_METHOD, add_name("join"));
    emit(Op::BUILD_LIST, 0);
    for (Expr* v : e->values) {
      if (!visit_expr(v)) return false;
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::CALL, 1);
    return true;
  }
  if (!visit_exprs(e->values)) return false;
  if (n != 1) emit(Op::BUILD_STRING, uint32_t(n));
  return true;
}

bool Compiler::formatted_value(FormattedValue* e) {
  if (!visit_expr(e->value)) return false;
  uint32_t oparg = e->conversion == 's' ? 1 : e->conversion == 'r' ? 2 : e->conversion == 'a' ? 3 : 0;
  if (e->format_spec) {
    if (!visit_expr(e->format_spec)) return false;
    oparg |= 4;
  }
  emit(Op::FORMAT_VALUE, oparg);
  return true;
}

bool Compiler::slice(Slice* s) {
  uint32_t n = 2;
  if (s->lower) {
    if (!visit_expr(s->lower)) return false;
  } else {
    load_none();
  }
  if (s->upper) {
    if (!visit_expr(s->upper)) return false;
  } else {
    load_none();
  }
  if (s->step) {
    n++;
    if (!visit_expr(s->step)) return false;
  }
  emit(Op::BUILD_SLICE, n);
  return true;
}

}  // namespace looplab
