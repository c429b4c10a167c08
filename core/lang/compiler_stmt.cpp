// The compiler: statements. Exception handling uses the VM's block stack (SETUP_* / POP_BLOCK)
// laid out as CPython 3.11 lays out its exception table; `return`, `break` and `continue`
// leave try/with/except blocks by unwinding them at compile time (compiler_unwind_fblock).
#include "lang/compiler_impl.h"
#include "lang/vm.h"

namespace looplab {

using namespace ast;

namespace {
constexpr size_t kMaxBlocks = 20;  // CPython's CO_MAXBLOCKS
}

bool Compiler::visit_stmts(const std::vector<Stmt*>& v) {
  for (Stmt* s : v)
    if (!visit_stmt(s)) return false;
  return true;
}

bool Compiler::visit_stmt(Stmt* s) {
  set_loc(s->pos);
  switch (s->kind) {
    case SK::FunctionDef:
    case SK::AsyncFunctionDef: return function_def(static_cast<FunctionDef*>(s));
    case SK::ClassDef: return class_def(static_cast<ClassDef*>(s));
    case SK::Return: return return_stmt(static_cast<Return*>(s));
    case SK::Delete: return visit_exprs(static_cast<Delete*>(s)->targets);
    case SK::Assign: {
      auto* a = static_cast<Assign*>(s);
      if (!visit_expr(a->value)) return false;
      for (size_t i = 0; i < a->targets.size(); i++) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        if (!visit_expr(a->targets[i])) return false;
      }
      return true;
    }
    case SK::AugAssign: return augassign(static_cast<AugAssign*>(s));
    case SK::AnnAssign: return annassign(static_cast<AnnAssign*>(s));
    case SK::For: return for_stmt(static_cast<For*>(s));
    case SK::AsyncFor: return async_for(static_cast<For*>(s));
    case SK::While: return while_stmt(static_cast<While*>(s));
    case SK::If: return if_stmt(static_cast<If*>(s));
    case SK::With: return with_stmt(static_cast<With*>(s), 0);
    case SK::AsyncWith:
      if (!is_top_level_await() && u_->scope_type != ScopeType::AsyncFunction)
        return fail("'async with' outside async function");
      return async_with(static_cast<With*>(s), 0);
    case SK::Raise: {
      auto* r = static_cast<Raise*>(s);
      uint32_t n = 0;
      if (r->exc) {
        if (!visit_expr(r->exc)) return false;
        n++;
        if (r->cause) {
          if (!visit_expr(r->cause)) return false;
          n++;
        }
      }
      emit(Op::RAISE_VARARGS, n);
      return true;
    }
    case SK::Try:
    case SK::TryStar: return try_stmt(static_cast<Try*>(s));
    case SK::Assert: return assert_stmt(static_cast<Assert*>(s));
    case SK::Import: return import(static_cast<Import*>(s));
    case SK::ImportFrom: return import_from(static_cast<ImportFrom*>(s));
    case SK::Global:
    case SK::Nonlocal:
    case SK::Pass: return true;
    case SK::Expr: {
      Expr* v = static_cast<ExprStmt*>(s)->value;
      if (v->kind == EK::Constant) return true;  // a bare literal compiles to nothing
      if (!visit_expr(v)) return false;
      emit(Op::POP_TOP);
      return true;
    }
    case SK::Break: return break_stmt();
    case SK::Continue: return continue_stmt();
  }
  return true;
}

// ---- blocks to unwind ------------------------------------------------------------------------

bool Compiler::push_fblock(FBlockType t, int block, int exit, const void* datum) {
  if (u_->fblocks.size() >= kMaxBlocks) return fail("too many statically nested blocks");
  u_->fblocks.push_back(FBlock{t, block, exit, datum});
  return true;
}

// POP_EXCEPT_AND_RERAISE: [prev, exc] -> restore prev as the handled exception, raise exc.
void Compiler::pop_except_and_reraise() {
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
}

void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Op::CALL, 3);
}

// compiler_unwind_fblock: the code that leaving one block needs. With preserve_tos the
// value on top (a return value) stays on top.
bool Compiler::unwind_fblock(const FBlock& info, bool preserve_tos) {
  switch (info.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator:
      return true;
    case FBlockType::ForLoop:  // pop the iterator
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
    case FBlockType::TryExcept:
      emit(Op::POP_BLOCK);
      return true;
    case FBlockType::FinallyTry: {
      emit(Op::POP_BLOCK);
      if (preserve_tos && !push_fblock(FBlockType::PopValue, -1, -1, nullptr)) return false;
      SourcePos saved = u_->loc;
      if (!visit_stmts(*static_cast<const std::vector<Stmt*>*>(info.datum))) return false;
      u_->loc = saved;
      if (preserve_tos) pop_fblock();
      return true;
    }
    case FBlockType::FinallyEnd:  // inside the exceptional copy of a finally: [prev, exc]
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      return true;
    case FBlockType::With:
    case FBlockType::AsyncWith: {  // [m, s] under the body's values
      SourcePos saved = u_->loc;
      set_loc(static_cast<const Stmt*>(info.datum)->pos);
      emit(Op::POP_BLOCK);
      if (preserve_tos) {
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
      }
      call_exit_with_nones();
      if (info.type == FBlockType::AsyncWith) {
        emit(Op::GET_AWAITABLE, 2);
        load_none();
        add_yield_from(true);
      }
      emit(Op::POP_TOP);
      u_->loc = saved;
      return true;
    }
    case FBlockType::HandlerCleanup: {  // inside an except body: [prev]
      auto* name = static_cast<const std::string*>(info.datum);
      if (name) emit(Op::POP_BLOCK);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      if (name) {
        load_none();
        if (!nameop(*name, Ctx::Store) || !nameop(*name, Ctx::Del)) return false;
      }
      return true;
    }
    case FBlockType::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
  }
  return true;
}

// compiler_unwind_fblock_stack: unwinds every block (return), or up to the innermost loop
// (break/continue, which get it in *loop).
bool Compiler::unwind_fblock_stack(bool preserve_tos, const FBlock** loop) {
  if (u_->fblocks.empty()) return true;
  FBlock top = u_->fblocks.back();
  if (top.type == FBlockType::ExceptionGroupHandler)
    return fail("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    *loop = &u_->fblocks.back();
    return true;
  }
  u_->fblocks.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u_->fblocks.push_back(top);
  if (loop && *loop) {
    // The loop entry may have moved when the vector grew back: find it again.
    for (size_t i = u_->fblocks.size(); i-- > 0;) {
      if (u_->fblocks[i].type == FBlockType::WhileLoop || u_->fblocks[i].type == FBlockType::ForLoop) {
        *loop = &u_->fblocks[i];
        break;
      }
    }
  }
  return ok;
}

bool Compiler::return_stmt(Return* s) {
  if (u_->ste->type != BlockType::Function) return fail("'return' outside function");
  if (s->value && u_->ste->coroutine && u_->ste->generator)
    return fail("'return' with value in async generator");
  bool preserve_tos = s->value && s->value->kind != EK::Constant;
  if (preserve_tos && !visit_expr(s->value)) return false;
  if (!unwind_fblock_stack(preserve_tos, nullptr)) return false;
  set_loc(s->pos);
  if (!s->value) load_none();
  else if (!preserve_tos && !visit_expr(s->value)) return false;
  emit(Op::RETURN_VALUE);
  return true;
}

bool Compiler::break_stmt() {
  const FBlock* loop = nullptr;
  SourcePos saved = u_->loc;
  if (!unwind_fblock_stack(false, &loop)) return false;
  u_->loc = saved;
  if (!loop) return fail("'break' outside loop");
  FBlock l = *loop;
  if (!unwind_fblock(l, false)) return false;
  emit_jump(Op::JUMP, l.exit);
  return true;
}

bool Compiler::continue_stmt() {
  const FBlock* loop = nullptr;
  SourcePos saved = u_->loc;
  if (!unwind_fblock_stack(false, &loop)) return false;
  u_->loc = saved;
  if (!loop) return fail("'continue' not properly in loop");
  emit_jump(Op::JUMP, loop->block);
  return true;
}

// ---- control flow ----------------------------------------------------------------------------

bool Compiler::if_stmt(If* s) {
  int end = new_label();
  int next = s->orelse.empty() ? end : new_label();
  if (!jump_if(s->test, next, false)) return false;
  if (!visit_stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    set_loc(s->pos);
    emit_jump(Op::JUMP, end);
    bind(next);
    if (!visit_stmts(s->orelse)) return false;
  }
  bind(end);
  return true;
}

bool Compiler::while_stmt(While* s) {
  int loop = new_label(), anchor = new_label(), end = new_label();
  bind(loop);
  if (!push_fblock(FBlockType::WhileLoop, loop, end, nullptr)) return false;
  if (!jump_if(s->test, anchor, false)) return false;
  if (!visit_stmts(s->body)) return false;
  set_loc(s->pos);
  emit_jump(Op::JUMP, loop);
  pop_fblock();
  bind(anchor);
  if (!visit_stmts(s->orelse)) return false;
  bind(end);
  return true;
}

// `for`: the iterator stays on the stack while the loop runs; FOR_ITER pops it at the end.
bool Compiler::for_stmt(For* s) {
  int start = new_label(), cleanup = new_label(), end = new_label();
  if (!push_fblock(FBlockType::ForLoop, start, end, nullptr)) return false;
  if (!visit_expr(s->iter)) return false;
  emit(Op::GET_ITER);
  bind(start);
  emit_jump(Op::FOR_ITER, cleanup);
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  set_loc(s->pos);
  emit_jump(Op::JUMP, start);
  bind(cleanup);
  pop_fblock();
  if (!visit_stmts(s->orelse)) return false;
  bind(end);
  return true;
}

// `async for`: each __anext__ is awaited under a handler that ends the loop on
// StopAsyncIteration (END_ASYNC_FOR).
bool Compiler::async_for(For* s) {
  if (!is_top_level_await() && u_->scope_type != ScopeType::AsyncFunction)
    return fail("'async for' outside async function");
  int start = new_label(), except = new_label(), end = new_label();
  if (!visit_expr(s->iter)) return false;
  emit(Op::GET_AITER);
  bind(start);
  if (!push_fblock(FBlockType::ForLoop, start, end, nullptr)) return false;
  emit_jump(Op::SETUP_FINALLY, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit(Op::POP_BLOCK);
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  set_loc(s->pos);
  emit_jump(Op::JUMP, start);
  pop_fblock();
  bind(except);
  set_loc(s->iter->pos);
  emit(Op::END_ASYNC_FOR);
  if (!visit_stmts(s->orelse)) return false;
  bind(end);
  return true;
}

// ---- try -------------------------------------------------------------------------------------

bool Compiler::try_stmt(Try* s) {
  if (!s->finalbody.empty()) return try_finally(s);
  return s->kind == SK::TryStar ? try_star_except(s) : try_except(s);
}

// try/finally: the finally body is compiled twice, on the normal path and as the handler
// (which re-raises the exception after it).
bool Compiler::try_finally(Try* s) {
  int end = new_label(), exit = new_label(), cleanup = new_label();
  emit_jump(Op::SETUP_FINALLY, end);
  if (!push_fblock(FBlockType::FinallyTry, -1, -1, &s->finalbody)) return false;
  if (!s->handlers.empty()) {
    if (!(s->kind == SK::TryStar ? try_star_except(s) : try_except(s))) return false;
  } else if (!visit_stmts(s->body)) {
    return false;
  }
  emit(Op::POP_BLOCK);
  pop_fblock();
  if (!visit_stmts(s->finalbody)) return false;
  emit_jump(Op::JUMP, exit);

  bind(end);  // [exc]
  emit(Op::PUSH_EXC_INFO);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  if (!push_fblock(FBlockType::FinallyEnd, -1, -1, nullptr)) return false;
  if (!visit_stmts(s->finalbody)) return false;
  pop_fblock();
  emit(Op::RERAISE);
  bind(cleanup);
  pop_except_and_reraise();
  bind(exit);
  return true;
}

// try/except: handlers run with the exception as the handled one (PUSH_EXC_INFO), under a
// cleanup handler that restores the previous one if a handler raises.
bool Compiler::try_except(Try* s) {
  int except = new_label(), end = new_label(), cleanup = new_label();
  emit_jump(Op::SETUP_FINALLY, except);
  if (!push_fblock(FBlockType::TryExcept, -1, -1, nullptr)) return false;
  if (!visit_stmts(s->body)) return false;
  pop_fblock();
  emit(Op::POP_BLOCK);
  if (!visit_stmts(s->orelse)) return false;
  emit_jump(Op::JUMP, end);

  bind(except);  // [exc]
  emit(Op::PUSH_EXC_INFO);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  if (!push_fblock(FBlockType::ExceptionHandler, -1, -1, nullptr)) return false;
  for (size_t i = 0; i < s->handlers.size(); i++) {
    ExceptHandler* h = s->handlers[i];
    set_loc(h->pos);
    if (!h->type && i + 1 < s->handlers.size()) return fail("default 'except:' must be last");
    int next = new_label();
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (!h->name.empty()) {
      int cleanup_end = new_label();
      if (!nameop(h->name, Ctx::Store)) return false;
      emit_jump(Op::SETUP_FINALLY, cleanup_end);
      if (!push_fblock(FBlockType::HandlerCleanup, -1, -1, &h->name)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      set_loc(h->pos);
      emit(Op::POP_BLOCK);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      load_none();
      if (!nameop(h->name, Ctx::Store) || !nameop(h->name, Ctx::Del)) return false;
      emit_jump(Op::JUMP, end);
      bind(cleanup_end);  // [prev, exc2]: `name = None; del name`, then re-raise
      load_none();
      if (!nameop(h->name, Ctx::Store) || !nameop(h->name, Ctx::Del)) return false;
      emit(Op::RERAISE);
    } else {
      emit(Op::POP_TOP);
      if (!push_fblock(FBlockType::HandlerCleanup, -1, -1, nullptr)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      set_loc(h->pos);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP, end);
    }
    bind(next);
  }
  pop_fblock();
  emit(Op::RERAISE);  // no handler matched
  bind(cleanup);
  pop_except_and_reraise();
  bind(end);
  return true;
}

// try/except*: each clause splits the group (CHECK_EG_MATCH) and takes its part; what the
// clauses raise and what none matched are combined by PREP_RERAISE_STAR.
// Stack in the handlers: [prev, orig, raised_list, rest].
bool Compiler::try_star_except(Try* s) {
  int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
  int reraise_star = new_label(), reraise = new_label();
  emit_jump(Op::SETUP_FINALLY, except);
  if (!push_fblock(FBlockType::TryExcept, -1, -1, nullptr)) return false;
  if (!visit_stmts(s->body)) return false;
  pop_fblock();
  emit(Op::POP_BLOCK);
  emit_jump(Op::JUMP, orelse);

  bind(except);  // [exc]
  emit(Op::PUSH_EXC_INFO);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  if (!push_fblock(FBlockType::ExceptionGroupHandler, -1, -1, nullptr)) return false;
  size_t n = s->handlers.size();
  for (size_t i = 0; i < n; i++) {
    ExceptHandler* h = s->handlers[i];
    set_loc(h->pos);
    int next = new_label(), handle = new_label(), cleanup_end = new_label();
    if (i == 0) {  // [prev, exc] -> [prev, orig, [], exc]
      emit(Op::COPY, 1);
      emit(Op::BUILD_LIST, 0);
      emit(Op::SWAP, 2);
    }
    if (!visit_expr(h->type)) return false;
    emit(Op::CHECK_EG_MATCH);
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NOT_NONE, handle);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP, next);
    bind(handle);  // [prev, orig, res, rest, match]
    if (!h->name.empty()) {
      if (!nameop(h->name, Ctx::Store)) return false;
    } else {
      emit(Op::POP_TOP);
    }
    emit_jump(Op::SETUP_FINALLY, cleanup_end);
    if (!push_fblock(FBlockType::HandlerCleanup, -1, -1, h->name.empty() ? nullptr : &h->name))
      return false;
    if (!visit_stmts(h->body)) return false;
    pop_fblock();
    set_loc(h->pos);
    emit(Op::POP_BLOCK);
    if (!h->name.empty()) {
      load_none();
      if (!nameop(h->name, Ctx::Store) || !nameop(h->name, Ctx::Del)) return false;
    }
    emit_jump(Op::JUMP, next);
    bind(cleanup_end);  // [prev, orig, res, rest, raised]
    if (!h->name.empty()) {
      load_none();
      if (!nameop(h->name, Ctx::Store) || !nameop(h->name, Ctx::Del)) return false;
    }
    emit(Op::LIST_APPEND, 2);
    bind(next);
    if (i + 1 == n) {
      emit(Op::LIST_APPEND, 1);  // what no clause matched (None if nothing)
      emit_jump(Op::JUMP, reraise_star);
    }
  }
  pop_fblock();
  bind(reraise_star);  // [prev, orig, res]
  emit(Op::PREP_RERAISE_STAR);
  emit(Op::COPY, 1);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Op::POP_TOP);
  emit(Op::POP_BLOCK);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP, end);
  bind(reraise);  // [prev, exc]
  emit(Op::POP_BLOCK);
  pop_except_and_reraise();
  bind(cleanup);
  pop_except_and_reraise();
  bind(orelse);
  if (!visit_stmts(s->orelse)) return false;
  bind(end);
  return true;
}

// ---- with ------------------------------------------------------------------------------------

// The exceptional exit of a `with`: [m, s, prev, exc, exit_result] -> suppressed or re-raised.
void Compiler::with_except_finish(int cleanup) {
  int suppress = new_label();
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  bind(cleanup);
  pop_except_and_reraise();
  bind(suppress);
  emit(Op::POP_TOP);  // exc
  emit(Op::POP_BLOCK);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
}

bool Compiler::with_stmt(With* s, size_t pos) {
  WithItem* item = s->items[pos];
  int final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  set_loc(s->pos);
  emit(Op::BEFORE_WITH);  // [m, s, entered]
  emit_jump(Op::SETUP_WITH, final);
  if (!push_fblock(FBlockType::With, -1, -1, s)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  if (pos + 1 == s->items.size()) {
    if (!visit_stmts(s->body)) return false;
  } else if (!with_stmt(s, pos + 1)) {
    return false;
  }
  set_loc(s->pos);
  emit(Op::POP_BLOCK);
  pop_fblock();
  call_exit_with_nones();
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);

  bind(final);  // [m, s, exc]
  emit(Op::PUSH_EXC_INFO);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  bind(exit);
  return true;
}

bool Compiler::async_with(With* s, size_t pos) {
  WithItem* item = s->items[pos];
  int final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  set_loc(s->pos);
  emit(Op::BEFORE_ASYNC_WITH);
  emit(Op::GET_AWAITABLE, 1);
  load_none();
  add_yield_from(true);
  emit_jump(Op::SETUP_WITH, final);
  if (!push_fblock(FBlockType::AsyncWith, -1, -1, s)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  if (pos + 1 == s->items.size()) {
    if (!visit_stmts(s->body)) return false;
  } else if (!async_with(s, pos + 1)) {
    return false;
  }
  pop_fblock();
  set_loc(s->pos);
  emit(Op::POP_BLOCK);
  call_exit_with_nones();
  emit(Op::GET_AWAITABLE, 2);
  load_none();
  add_yield_from(true);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);

  bind(final);
  emit(Op::PUSH_EXC_INFO);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::WITH_EXCEPT_START);
  emit(Op::GET_AWAITABLE, 2);
  load_none();
  add_yield_from(true);
  with_except_finish(cleanup);
  bind(exit);
  return true;
}

// ---- assignments -----------------------------------------------------------------------------

// compiler_augassign: the target's object (and key) are evaluated once.
bool Compiler::augassign(AugAssign* s) {
  Expr* e = s->target;
  set_loc(e->pos);
  switch (e->kind) {
    case EK::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      if (!visit_expr(a->value)) return false;
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, add_name_mangled(a->attr));
      break;
    }
    case EK::Subscript: {
      auto* sub = static_cast<Subscript*>(e);
      if (!visit_expr(sub->value) || !visit_expr(sub->slice)) return false;
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case EK::Name:
      if (!nameop(static_cast<Name*>(e)->id, Ctx::Load)) return false;
      break;
    default: return fail("invalid node for augmented assignment");
  }
  set_loc(s->pos);
  if (!visit_expr(s->value)) return false;
  emit(Op::BINARY_OP, uint32_t(binop_for(s->op)) + 13);
  set_loc(e->pos);
  switch (e->kind) {
    case EK::Attribute:
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, add_name_mangled(static_cast<Attribute*>(e)->attr));
      return true;
    case EK::Subscript:
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      return true;
    default: return nameop(static_cast<Name*>(e)->id, Ctx::Store);
  }
}

// compiler_annassign: the assignment, then (module and class bodies only) the annotation
// into __annotations__; function bodies never evaluate annotations.
bool Compiler::annassign(AnnAssign* s) {
  Expr* targ = s->target;
  if (s->value) {
    if (!visit_expr(s->value) || !visit_expr(targ)) return false;
  }
  bool at_top = u_->scope_type == ScopeType::Module || u_->scope_type == ScopeType::Class;
  switch (targ->kind) {
    case EK::Name: {
      auto* n = static_cast<Name*>(targ);
      if (n->id == "__debug__") return fail("cannot assign to __debug__");
      if (s->simple && at_top) {
        if (!annotation_value(s->annotation)) return false;
        emit(Op::LOAD_NAME, add_name("__annotations__"));
        emit(Op::LOAD_CONST, const_str(mangled(n->id)));
        emit(Op::STORE_SUBSCR);
      }
      break;
    }
    case EK::Attribute:
      if (!s->value && at_top) {
        if (!visit_expr(static_cast<Attribute*>(targ)->value)) return false;
        emit(Op::POP_TOP);
      }
      break;
    case EK::Subscript:
      if (!s->value && at_top) {
        auto* sub = static_cast<Subscript*>(targ);
        if (!visit_expr(sub->value)) return false;
        emit(Op::POP_TOP);
        if (!visit_expr(sub->slice)) return false;
        emit(Op::POP_TOP);
      }
      break;
    default: return fail("invalid node for annotated assignment");
  }
  if (!s->simple && at_top && !future_annotations_) {
    if (!visit_expr(s->annotation)) return false;
    emit(Op::POP_TOP);
  }
  return true;
}

bool Compiler::assert_stmt(Assert* s) {
  if (s->test->kind == EK::Tuple && !static_cast<Seq*>(s->test)->elts.empty())
    warn("assertion is always true, perhaps remove parentheses?");
  int end = new_label();
  if (!jump_if(s->test, end, true)) return false;
  if (s->msg) {
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_ASSERTION_ERROR);
    if (!visit_expr(s->msg)) return false;
    emit(Op::CALL, 1);
  } else {
    emit(Op::LOAD_ASSERTION_ERROR);
  }
  emit(Op::RAISE_VARARGS, 1);
  bind(end);
  return true;
}

// ---- imports ---------------------------------------------------------------------------------

bool Compiler::import(Import* s) {
  for (Alias* a : s->names) {
    set_loc(s->pos);
    emit(Op::LOAD_CONST, const_int(0));
    load_none();
    emit(Op::IMPORT_NAME, add_name_mangled(a->name));
    size_t dot = a->name.find('.');
    if (!a->asname.empty()) {
      if (dot != std::string::npos) {
        // import a.b.c as d: d = the innermost module, reached attribute by attribute
        size_t pos = dot + 1;
        for (;;) {
          size_t next = a->name.find('.', pos);
          emit(Op::IMPORT_FROM, add_name(a->name.substr(pos, next == std::string::npos ? std::string::npos : next - pos)));
          if (next == std::string::npos) break;
          emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          pos = next + 1;
        }
        if (!nameop(a->asname, Ctx::Store)) return false;
        emit(Op::POP_TOP);
      } else if (!nameop(a->asname, Ctx::Store)) {
        return false;
      }
    } else if (!nameop(a->name.substr(0, dot), Ctx::Store)) {
      return false;
    }
  }
  return true;
}

bool Compiler::import_from(ImportFrom* s) {
  if (s->module == "__future__" && s->level == 0) {
    if (s->pos.line > future_lines_)
      return fail("from __future__ imports must occur at the beginning of the file");
    return true;  // a compiler directive only (the __future__ module itself is not provided)
  }
  if (s->level > 0) return not_implemented("relative imports are not supported");
  emit(Op::LOAD_CONST, const_int(s->level));
  std::vector<std::string> names;
  for (Alias* a : s->names) names.push_back(a->name);
  emit(Op::LOAD_CONST, const_names_tuple(names));
  emit(Op::IMPORT_NAME, add_name_mangled(s->module));
  for (size_t i = 0; i < s->names.size(); i++) {
    Alias* a = s->names[i];
    if (i == 0 && a->name == "*") {
      emit(Op::IMPORT_STAR);
      return true;
    }
    emit(Op::IMPORT_FROM, add_name_mangled(a->name));
    if (!nameop(a->asname.empty() ? a->name : a->asname, Ctx::Store)) return false;
  }
  emit(Op::POP_TOP);
  return true;
}

}  // namespace looplab
