// The symbol table, a port of CPython 3.11's Python/symtable.c: a visiting pass records flags
// per name and scope, then analyze() resolves every name's scope top-down (what enclosing
// scopes bind) and bottom-up (which locals nested scopes capture, so they become cells).
#include "lang/symtable.h"

#include <set>

#include "lang/lexer.h"

namespace looplab {

using namespace ast;

std::string mangle(const std::string& priv, const std::string& name) {
  if (priv.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  size_t n = name.size();
  if ((name[n - 1] == '_' && name[n - 2] == '_') || name.find('.') != std::string::npos)
    return name;
  size_t i = 0;
  while (i < priv.size() && priv[i] == '_') i++;
  if (i == priv.size()) return name;
  return "_" + priv.substr(i) + name;
}

// `from __future__ import annotations` among the module's leading statements.
bool has_future_annotations(const Module& mod) {
  size_t i = 0;
  if (!mod.body.empty()) {
    auto* e = as<ExprStmt>(mod.body[0]);
    auto* c = e ? as<Constant>(e->value) : nullptr;
    if (c && c->value.kind == ConstValue::Kind::Str) i = 1;
  }
  for (; i < mod.body.size(); i++) {
    auto* f = as<ImportFrom>(mod.body[i]);
    if (!f || f->module != "__future__" || f->level != 0) break;
    for (Alias* a : f->names)
      if (a->name == "annotations") return true;
  }
  return false;
}

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& t, const SourceBuffer& src, SyntaxErrorInfo* err)
      : t_(t), src_(src), err_(err) {}

  bool run(const Module& mod);

 private:
  using NameSet = std::set<std::string>;

  // ---- errors ----
  bool error(const std::string& msg, const Pos& p) {
    if (err_ && !err_->set()) {
      err_->kind = SyntaxErrorKind::Syntax;
      err_->msg = msg;
      err_->line = p.line;
      err_->offset = src_.char_offset(p.line, p.col);
      err_->end_line = p.end_line;
      err_->end_offset = src_.char_offset(p.end_line, p.end_col);
      err_->text = std::string(src_.line(p.line));
    }
    return false;
  }

  // ---- scopes ----
  Scope* enter(BlockType type, const std::string& name, const void* node, const Pos& pos) {
    auto s = std::make_unique<Scope>();
    s->type = type;
    s->name = name;
    s->node = node;
    s->pos = pos;
    if (cur_ && (cur_->nested || cur_->type == BlockType::Function)) s->nested = true;
    Scope* raw = s.get();
    t_.scopes_.push_back(std::move(s));
    t_.by_node_[node] = raw;
    if (cur_) cur_->children.push_back(raw);
    stack_.push_back(raw);
    cur_ = raw;
    return raw;
  }
  void exit() {
    stack_.pop_back();
    cur_ = stack_.empty() ? nullptr : stack_.back();
  }

  bool add_def_helper(const std::string& name, uint32_t flag, Scope* ste, const Pos& p) {
    std::string mangled = mangle(private_, name);
    auto it = ste->symbols.find(mangled);
    uint32_t val;
    if (it != ste->symbols.end()) {
      val = it->second.flags;
      if ((flag & kDefParam) && (val & kDefParam))
        return error("duplicate argument '" + name + "' in function definition", p);
      val |= flag;
    } else {
      val = flag;
      ste->order.push_back(mangled);
    }
    if (ste->comp_iter_target) {
      if (val & (kDefGlobal | kDefNonlocal))
        return error("comprehension inner loop cannot rebind assignment expression target '" +
                         name + "'",
                     p);
      val |= kDefCompIter;
    }
    ste->symbols[mangled].flags = val;
    if (flag & kDefParam) {
      ste->varnames.push_back(mangled);
    } else if (flag & kDefGlobal) {
      Scope* g = t_.top_;
      auto git = g->symbols.find(mangled);
      if (git == g->symbols.end()) {
        g->order.push_back(mangled);
        g->symbols[mangled].flags = flag;
      } else {
        git->second.flags |= flag;
      }
    }
    return true;
  }
  bool add_def(const std::string& name, uint32_t flag, const Pos& p) {
    return add_def_helper(name, flag, cur_, p);
  }
  uint32_t lookup(const std::string& name) { return cur_->flags_of(mangle(private_, name)); }
  void record_directive(const std::string& name, const Pos& p) {
    std::string mangled = mangle(private_, name);
    if (!cur_->directives.count(mangled)) cur_->directives[mangled] = p;
  }

  // ---- visiting ----
  bool stmts(const std::vector<Stmt*>& v) {
    for (Stmt* s : v)
      if (!stmt(s)) return false;
    return true;
  }
  bool exprs(const std::vector<Expr*>& v) {
    for (Expr* e : v)
      if (e && !expr(e)) return false;
    return true;
  }
  bool stmt(Stmt* s);
  bool expr(Expr* e);
  bool arguments(Arguments* a);
  bool params(const std::vector<Arg*>& v) {
    for (Arg* a : v)
      if (!add_def(a->arg, kDefParam, a->pos)) return false;
    return true;
  }
  // Parameter and return annotations are evaluated in the enclosing scope when the function
  // is defined; with `from __future__ import annotations` they are strings and use no names.
  bool annotations(Arguments* a, Expr* returns) {
    if (future_annotations_) return true;
    for (const auto* list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
      for (Arg* x : *list)
        if (x->annotation && !expr(x->annotation)) return false;
    for (Arg* x : {a->vararg, a->kwarg})
      if (x && x->annotation && !expr(x->annotation)) return false;
    return !returns || expr(returns);
  }
  bool comprehension(Expr* e, const char* scope_name, const std::vector<Comprehension*>& gens,
                     Expr* elt, Expr* value);
  bool namedexpr(NamedExpr* e);
  bool extend_namedexpr_scope(Name* target);

  // ---- analysis ----
  bool analyze_block(Scope* ste, NameSet* bound, NameSet& free, NameSet& global);
  bool analyze_name(Scope* ste, std::unordered_map<std::string, NameScope>& scopes,
                    const std::string& name, uint32_t flags, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global);
  bool error_at_directive(Scope* ste, const std::string& name, const std::string& msg) {
    auto it = ste->directives.find(name);
    return error(msg, it != ste->directives.end() ? it->second : ste->pos);
  }

  SymbolTable& t_;
  const SourceBuffer& src_;
  SyntaxErrorInfo* err_;
  std::vector<Scope*> stack_;
  Scope* cur_ = nullptr;
  std::string private_;  // the enclosing class name, for mangling
  bool future_annotations_ = false;
  static constexpr int kMaxDepth = 3000;  // as the compiler's
  int depth_ = 0;
};

bool SymtableBuilder::run(const Module& mod) {
  future_annotations_ = has_future_annotations(mod);
  t_.top_ = enter(BlockType::Module, "top", &mod, Pos{1, 0, 1, 0});
  if (!stmts(mod.body)) return false;
  exit();
  NameSet free, global;
  return analyze_block(t_.top_, nullptr, free, global);
}

bool SymtableBuilder::arguments(Arguments* a) {
  if (!params(a->posonlyargs) || !params(a->args) || !params(a->kwonlyargs)) return false;
  if (a->vararg) {
    if (!add_def(a->vararg->arg, kDefParam, a->vararg->pos)) return false;
    cur_->varargs = true;
  }
  if (a->kwarg) {
    if (!add_def(a->kwarg->arg, kDefParam, a->kwarg->pos)) return false;
    cur_->varkeywords = true;
  }
  return true;
}

bool SymtableBuilder::stmt(Stmt* s) {
  switch (s->kind) {
    case SK::FunctionDef:
    case SK::AsyncFunctionDef: {
      auto* f = static_cast<FunctionDef*>(s);
      if (!add_def(f->name, kDefLocal, s->pos)) return false;
      if (!exprs(f->args->defaults) || !exprs(f->args->kw_defaults)) return false;
      if (!annotations(f->args, f->returns)) return false;
      if (!exprs(f->decorator_list)) return false;
      enter(BlockType::Function, f->name, f, s->pos);
      if (s->kind == SK::AsyncFunctionDef) cur_->coroutine = true;
      if (!arguments(f->args) || !stmts(f->body)) return false;
      exit();
      return true;
    }
    case SK::ClassDef: {
      auto* c = static_cast<ClassDef*>(s);
      if (!add_def(c->name, kDefLocal, s->pos)) return false;
      if (!exprs(c->bases)) return false;
      for (Keyword* k : c->keywords)
        if (!expr(k->value)) return false;
      if (!exprs(c->decorator_list)) return false;
      enter(BlockType::Class, c->name, c, s->pos);
      std::string saved = private_;
      private_ = c->name;
      if (!stmts(c->body)) return false;
      private_ = saved;
      exit();
      return true;
    }
    case SK::Return: {
      auto* r = static_cast<Return*>(s);
      if (r->value) {
        if (!expr(r->value)) return false;
        cur_->returns_value = true;
      }
      return true;
    }
    case SK::Delete: return exprs(static_cast<Delete*>(s)->targets);
    case SK::Assign: {
      auto* a = static_cast<Assign*>(s);
      return exprs(a->targets) && expr(a->value);
    }
    case SK::AnnAssign: {
      auto* a = static_cast<AnnAssign*>(s);
      if (auto* n = as<Name>(a->target)) {
        uint32_t cur = lookup(n->id);
        if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != t_.top_ && a->simple) {
          return error(std::string("annotated name '") + n->id + "' can't be " +
                           ((cur & kDefGlobal) ? "global" : "nonlocal"),
                       s->pos);
        }
        if (a->simple) {
          if (!add_def(n->id, kDefAnnot | kDefLocal, n->pos)) return false;
        } else if (a->value && !add_def(n->id, kDefLocal, n->pos)) {
          return false;
        }
      } else if (!expr(a->target)) {
        return false;
      }
      if (!expr(a->annotation)) return false;
      return !a->value || expr(a->value);
    }
    case SK::AugAssign: {
      auto* a = static_cast<AugAssign*>(s);
      return expr(a->target) && expr(a->value);
    }
    case SK::For:
    case SK::AsyncFor: {
      auto* f = static_cast<For*>(s);
      return expr(f->target) && expr(f->iter) && stmts(f->body) && stmts(f->orelse);
    }
    case SK::While: {
      auto* w = static_cast<While*>(s);
      return expr(w->test) && stmts(w->body) && stmts(w->orelse);
    }
    case SK::If: {
      auto* i = static_cast<If*>(s);
      return expr(i->test) && stmts(i->body) && stmts(i->orelse);
    }
    case SK::With:
    case SK::AsyncWith: {
      auto* w = static_cast<With*>(s);
      for (WithItem* it : w->items) {
        if (!expr(it->context_expr)) return false;
        if (it->optional_vars && !expr(it->optional_vars)) return false;
      }
      return stmts(w->body);
    }
    case SK::Raise: {
      auto* r = static_cast<Raise*>(s);
      return (!r->exc || expr(r->exc)) && (!r->cause || expr(r->cause));
    }
    case SK::Try:
    case SK::TryStar: {
      auto* t = static_cast<Try*>(s);
      if (!stmts(t->body)) return false;
      for (ExceptHandler* h : t->handlers) {
        if (h->type && !expr(h->type)) return false;
        if (!h->name.empty() && !add_def(h->name, kDefLocal, h->pos)) return false;
        if (!stmts(h->body)) return false;
      }
      return stmts(t->orelse) && stmts(t->finalbody);
    }
    case SK::Assert: {
      auto* a = static_cast<Assert*>(s);
      return expr(a->test) && (!a->msg || expr(a->msg));
    }
    case SK::Import:
    case SK::ImportFrom: {
      const auto& names = s->kind == SK::Import ? static_cast<Import*>(s)->names
                                                : static_cast<ImportFrom*>(s)->names;
      for (Alias* a : names) {
        if (a->name == "*") {
          if (cur_->type != BlockType::Module)
            return error("import * only allowed at module level", a->pos);
          continue;
        }
        std::string store = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
        if (!add_def(store, kDefImport, a->pos)) return false;
      }
      return true;
    }
    case SK::Global:
    case SK::Nonlocal: {
      bool global = s->kind == SK::Global;
      for (const std::string& name : static_cast<NameList*>(s)->names) {
        uint32_t cur = lookup(name);
        if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
          const char* what = global ? "global" : "nonlocal";
          std::string msg;
          if (cur & kDefParam) msg = "name '" + name + "' is parameter and " + what;
          else if (cur & kUse) msg = "name '" + name + "' is used prior to " + what + " declaration";
          else if (cur & kDefAnnot) msg = "annotated name '" + name + "' can't be " + what;
          else msg = "name '" + name + "' is assigned to before " + what + " declaration";
          return error(msg, s->pos);
        }
        if (!add_def(name, global ? kDefGlobal : kDefNonlocal, s->pos)) return false;
        record_directive(name, s->pos);
      }
      return true;
    }
    case SK::Expr: return expr(static_cast<ExprStmt*>(s)->value);
    case SK::Pass:
    case SK::Break:
    case SK::Continue: return true;
  }
  return true;
}

bool SymtableBuilder::expr(Expr* e) {
  struct Depth {
    int& d;
    explicit Depth(int& x) : d(x) { d++; }
    ~Depth() { d--; }
  } depth(depth_);
  if (depth_ > kMaxDepth) {
    if (err_ && !err_->set()) {
      err_->kind = SyntaxErrorKind::Recursion;
      err_->msg = "maximum recursion depth exceeded during compilation";
    }
    return false;
  }
  switch (e->kind) {
    case EK::NamedExpr: return namedexpr(static_cast<NamedExpr*>(e));
    case EK::BoolOp: return exprs(static_cast<BoolOp*>(e)->values);
    case EK::BinOp: {
      auto* b = static_cast<BinOp*>(e);
      return expr(b->left) && expr(b->right);
    }
    case EK::UnaryOp: return expr(static_cast<UnaryOp*>(e)->operand);
    case EK::Lambda: {
      auto* l = static_cast<Lambda*>(e);
      if (!exprs(l->args->defaults) || !exprs(l->args->kw_defaults)) return false;
      enter(BlockType::Function, "lambda", l, e->pos);
      if (!arguments(l->args) || !expr(l->body)) return false;
      exit();
      return true;
    }
    case EK::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      return expr(i->test) && expr(i->body) && expr(i->orelse);
    }
    case EK::Dict: {
      auto* d = static_cast<Dict*>(e);
      return exprs(d->keys) && exprs(d->values);
    }
    case EK::Set: return exprs(static_cast<ast::Set*>(e)->elts);
    case EK::GeneratorExp: {
      auto* c = static_cast<Comp*>(e);
      return comprehension(e, "genexpr", c->generators, c->elt, nullptr);
    }
    case EK::ListComp: {
      auto* c = static_cast<Comp*>(e);
      return comprehension(e, "listcomp", c->generators, c->elt, nullptr);
    }
    case EK::SetComp: {
      auto* c = static_cast<Comp*>(e);
      return comprehension(e, "setcomp", c->generators, c->elt, nullptr);
    }
    case EK::DictComp: {
      auto* c = static_cast<Comp*>(e);
      return comprehension(e, "dictcomp", c->generators, c->elt, c->value);
    }
    case EK::Yield:
    case EK::YieldFrom: {
      Expr* v = e->kind == EK::Yield ? static_cast<Yield*>(e)->value
                                     : static_cast<YieldFrom*>(e)->value;
      if (v && !expr(v)) return false;
      cur_->generator = true;
      if (cur_->comprehension != CompKind::None) {
        const char* msg = cur_->comprehension == CompKind::List ? "'yield' inside list comprehension"
                          : cur_->comprehension == CompKind::Set ? "'yield' inside set comprehension"
                          : cur_->comprehension == CompKind::Dict
                              ? "'yield' inside dict comprehension"
                              : "'yield' inside generator expression";
        return error(msg, e->pos);
      }
      return true;
    }
    case EK::Await:
      if (!expr(static_cast<Await*>(e)->value)) return false;
      cur_->coroutine = true;
      return true;
    case EK::Compare: {
      auto* c = static_cast<Compare*>(e);
      return expr(c->left) && exprs(c->comparators);
    }
    case EK::Call: {
      auto* c = static_cast<Call*>(e);
      if (!expr(c->func) || !exprs(c->args)) return false;
      for (Keyword* k : c->keywords)
        if (!expr(k->value)) return false;
      return true;
    }
    case EK::FormattedValue: {
      auto* f = static_cast<FormattedValue*>(e);
      return expr(f->value) && (!f->format_spec || expr(f->format_spec));
    }
    case EK::JoinedStr: return exprs(static_cast<JoinedStr*>(e)->values);
    case EK::Constant: return true;
    case EK::Attribute: return expr(static_cast<Attribute*>(e)->value);
    case EK::Subscript: {
      auto* s = static_cast<Subscript*>(e);
      return expr(s->value) && expr(s->slice);
    }
    case EK::Starred: return expr(static_cast<Starred*>(e)->value);
    case EK::Slice: {
      auto* s = static_cast<Slice*>(e);
      return (!s->lower || expr(s->lower)) && (!s->upper || expr(s->upper)) &&
             (!s->step || expr(s->step));
    }
    case EK::Name: {
      auto* n = static_cast<Name*>(e);
      if (!add_def(n->id, n->ctx == Ctx::Load ? kUse : kDefLocal, e->pos)) return false;
      // Zero-argument super() needs the __class__ cell.
      if (n->ctx == Ctx::Load && cur_->type == BlockType::Function && n->id == "super")
        return add_def("__class__", kUse, e->pos);
      return true;
    }
    case EK::List:
    case EK::Tuple: return exprs(static_cast<Seq*>(e)->elts);
  }
  return true;
}

bool SymtableBuilder::namedexpr(NamedExpr* e) {
  if (cur_->comp_iter_expr > 0)
    return error("assignment expression cannot be used in a comprehension iterable expression",
                 e->pos);
  if (cur_->comprehension != CompKind::None) {
    if (!extend_namedexpr_scope(static_cast<Name*>(e->target))) return false;
  }
  return expr(e->value) && expr(e->target);
}

// A walrus inside a comprehension binds in the nearest enclosing function or module.
bool SymtableBuilder::extend_namedexpr_scope(Name* target) {
  const std::string& name = target->id;
  for (size_t i = stack_.size(); i-- > 0;) {
    Scope* ste = stack_[i];
    if (ste->comprehension != CompKind::None) {
      if (ste->flags_of(name) & kDefCompIter)
        return error("assignment expression cannot rebind comprehension iteration variable '" +
                         name + "'",
                     target->pos);
      continue;
    }
    if (ste->type == BlockType::Function) {
      if (ste->flags_of(name) & kDefGlobal) {
        if (!add_def(name, kDefGlobal, target->pos)) return false;
      } else {
        if (!add_def(name, kDefNonlocal, target->pos)) return false;
      }
      record_directive(name, target->pos);
      return add_def_helper(name, kDefLocal, ste, target->pos);
    }
    if (ste->type == BlockType::Module) {
      if (!add_def(name, kDefGlobal, target->pos)) return false;
      record_directive(name, target->pos);
      return add_def_helper(name, kDefGlobal, ste, target->pos);
    }
    if (ste->type == BlockType::Class)
      return error("assignment expression within a comprehension cannot be used in a class body",
                   target->pos);
  }
  return true;
}

bool SymtableBuilder::comprehension(Expr* e, const char* scope_name,
                                    const std::vector<Comprehension*>& gens, Expr* elt,
                                    Expr* value) {
  bool is_generator = e->kind == EK::GeneratorExp;
  Comprehension* outermost = gens[0];
  // The outermost iterable is evaluated in the enclosing scope.
  cur_->comp_iter_expr++;
  if (!expr(outermost->iter)) return false;
  cur_->comp_iter_expr--;
  enter(BlockType::Function, scope_name, e, e->pos);
  switch (e->kind) {
    case EK::ListComp: cur_->comprehension = CompKind::List; break;
    case EK::SetComp: cur_->comprehension = CompKind::Set; break;
    case EK::DictComp: cur_->comprehension = CompKind::Dict; break;
    default: cur_->comprehension = CompKind::Generator; break;
  }
  if (outermost->is_async) cur_->coroutine = true;
  // The outermost iterator arrives as the implicit argument ".0".
  if (!add_def(".0", kDefParam, e->pos)) return false;
  cur_->comp_iter_target = true;
  if (!expr(outermost->target)) return false;
  cur_->comp_iter_target = false;
  if (!exprs(outermost->ifs)) return false;
  for (size_t i = 1; i < gens.size(); i++) {
    Comprehension* c = gens[i];
    cur_->comp_iter_target = true;
    if (!expr(c->target)) return false;
    cur_->comp_iter_target = false;
    cur_->comp_iter_expr++;
    if (!expr(c->iter)) return false;
    cur_->comp_iter_expr--;
    if (!exprs(c->ifs)) return false;
    if (c->is_async) cur_->coroutine = true;
  }
  if (value && !expr(value)) return false;
  if (!expr(elt)) return false;
  cur_->generator = is_generator;
  bool is_async = cur_->coroutine && !is_generator;
  exit();
  if (is_async) cur_->coroutine = true;
  return true;
}

// ---- analysis --------------------------------------------------------------------------------

bool SymtableBuilder::analyze_name(Scope* ste, std::unordered_map<std::string, NameScope>& scopes,
                                   const std::string& name, uint32_t flags, NameSet* bound,
                                   NameSet& local, NameSet& free, NameSet& global) {
  if (flags & kDefGlobal) {
    if (flags & kDefNonlocal)
      return error_at_directive(ste, name, "name '" + name + "' is nonlocal and global");
    scopes[name] = NameScope::GlobalExplicit;
    global.insert(name);
    if (bound) bound->erase(name);  // nested scopes now see the global, not an outer local
    return true;
  }
  if (flags & kDefNonlocal) {
    if (!bound)
      return error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
    if (!bound->count(name))
      return error_at_directive(ste, name, "no binding for nonlocal '" + name + "' found");
    scopes[name] = NameScope::Free;
    ste->free = true;
    free.insert(name);
    return true;
  }
  if (flags & kDefBound) {
    scopes[name] = NameScope::Local;
    local.insert(name);
    global.erase(name);
    return true;
  }
  if (bound && bound->count(name)) {
    scopes[name] = NameScope::Free;
    ste->free = true;
    free.insert(name);
    return true;
  }
  if (global.count(name)) {
    scopes[name] = NameScope::GlobalImplicit;
    return true;
  }
  if (ste->nested) ste->free = true;
  scopes[name] = NameScope::GlobalImplicit;
  return true;
}

bool SymtableBuilder::analyze_block(Scope* ste, NameSet* bound, NameSet& free,
                                    NameSet& global) {
  std::unordered_map<std::string, NameScope> scopes;
  NameSet local, newglobal, newfree, newbound;
  // A class body's names are invisible to nested functions: children see only what the
  // class's enclosing scopes bind.
  if (ste->type == BlockType::Class) {
    newglobal = global;
    if (bound) newbound = *bound;
  }
  for (const std::string& name : ste->order) {
    if (!analyze_name(ste, scopes, name, ste->symbols[name].flags, bound, local, free, global))
      return false;
  }
  if (ste->type != BlockType::Class) {
    if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert("__class__");
  }
  NameSet allfree;
  for (Scope* child : ste->children) {
    NameSet temp_bound = newbound, temp_free = newfree, temp_global = newglobal;
    if (!analyze_block(child, &temp_bound, temp_free, temp_global)) return false;
    allfree.insert(temp_free.begin(), temp_free.end());
    if (child->free || child->child_free) ste->child_free = true;
  }
  newfree.insert(allfree.begin(), allfree.end());
  if (ste->type == BlockType::Function) {
    // analyze_cells: locals captured by nested scopes become cells.
    for (auto& [name, sc] : scopes) {
      if (sc == NameScope::Local && newfree.count(name)) {
        sc = NameScope::Cell;
        newfree.erase(name);
      }
    }
  } else if (ste->type == BlockType::Class) {
    // drop_class_free: methods using __class__ make the class provide the cell.
    if (newfree.erase("__class__")) ste->needs_class_closure = true;
  }
  // update_symbols
  for (const std::string& name : ste->order) ste->symbols[name].scope = scopes[name];
  for (const std::string& name : newfree) {
    auto it = ste->symbols.find(name);
    if (it != ste->symbols.end()) {
      if (ste->type == BlockType::Class && (it->second.flags & (kDefBound | kDefGlobal)))
        it->second.flags |= kDefFreeClass;
      continue;
    }
    if (bound && !bound->count(name)) continue;  // a global
    ste->order.push_back(name);
    ste->symbols[name] = Symbol{0, NameScope::Free};
  }
  free.insert(newfree.begin(), newfree.end());
  return true;
}

bool SymbolTable::build(const ast::Module& mod, const SourceBuffer& src, SyntaxErrorInfo* err) {
  SymtableBuilder b(*this, src, err);
  return b.run(mod);
}

}  // namespace looplab
