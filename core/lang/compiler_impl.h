// The compiler's internals, shared by compiler.cpp (units, emission, assembly, functions and
// classes), compiler_expr.cpp (expressions) and compiler_stmt.cpp (statements, loops, try,
// with). The code shapes follow CPython 3.11's Python/compile.c, adapted to this VM's
// instruction set (opcodes.h): where a function mirrors one there, it keeps its name.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/code.h"
#include "lang/lexer.h"
#include "lang/symtable.h"
#include "lang/syntax_error.h"
#include "runtime/value.h"

namespace looplab {

class VM;

enum class ScopeType : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// compile.c's fblockinfo: what `return`, `break` and `continue` must unwind.
enum class FBlockType : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};

struct FBlock {
  FBlockType type;
  int block = -1;  // label: a loop's start (continue)
  int exit = -1;   // label: a loop's end (break)
  const void* datum = nullptr;  // FinallyTry: the finally body; With: the statement;
                                // HandlerCleanup: the bound name (or null)
};

struct Instr {
  Op op;
  uint32_t arg;
  int label;  // jump target label, or -1
  SourcePos pos;
};

// One code object being compiled (compile.c's compiler_unit).
struct Unit {
  Scope* ste = nullptr;
  ScopeType scope_type = ScopeType::Module;
  std::string name, qualname;
  std::string private_name;  // class name for mangling __names
  int firstlineno = 1;
  std::vector<Instr> instrs;
  std::vector<int> labels;   // label -> instruction index, -1 while unbound
  std::vector<Value> consts;
  std::unordered_map<std::string, uint32_t> const_index;
  std::vector<StrObj*> names;
  std::unordered_map<std::string, uint32_t> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, uint32_t> varname_index;
  std::vector<std::string> cellvars, freevars;  // sorted, as CPython's dictbytype
  std::unordered_map<std::string, uint32_t> cell_index, free_index;
  uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  std::vector<FBlock> fblocks;
  SourcePos loc;           // position given to emitted instructions
  Value docstring;
};

class Compiler {
 public:
  Compiler(VM& vm, const SourceBuffer& src, std::shared_ptr<const SourceText> text,
           SymbolTable& st);
  CodeObj* compile_module(ast::Module& mod);

  SyntaxErrorInfo error;  // set when compilation failed with a SyntaxError/NotImplementedError
  bool vm_error = false;  // a Python exception is pending in the VM instead

 private:
  using Expr = ast::Expr;
  using Stmt = ast::Stmt;

  // ---- units and emission (compiler.cpp) ----------------------------------------------------
  void enter_scope(const std::string& name, ScopeType type, const void* key, int lineno);
  CodeObj* assemble(bool add_none_return);
  void exit_scope();
  void set_qualname();
  void emit(Op op, uint32_t arg = 0);
  void emit_jump(Op op, int label);
  int new_label();
  void bind(int label);
  uint32_t add_const(Value v, const std::string& key);
  uint32_t const_none();
  uint32_t const_str(const std::string& s);
  uint32_t const_int(int64_t i);
  uint32_t const_names_tuple(const std::vector<std::string>& names);
  void load_const(Value v, const std::string& key) { emit(Op::LOAD_CONST, add_const(v, key)); }
  void load_none() { emit(Op::LOAD_CONST, const_none()); }
  uint32_t add_name(const std::string& name);          // names[] index, not mangled
  uint32_t add_name_mangled(const std::string& name);  // ADDOP_NAME: mangled
  uint32_t varname(const std::string& name);
  std::string mangled(const std::string& name) const { return mangle(u_->private_name, name); }
  bool fail(const std::string& msg, SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  // compiler_warn: a SyntaxWarning on stderr at compile time, formatted as the warnings
  // module prints it.
  void warn(const std::string& msg);
  void check_compare(ast::Compare* e);
  void check_caller(Expr* func);
  void check_subscript(ast::Subscript* e);
  bool not_implemented(const std::string& what);
  void set_loc(const ast::Pos& p);
  Value str_value(const std::string& s);
  bool constant_value(const ast::ConstValue& c, Value& out, std::string& key);
  bool fold_constant(Expr* e, Value& out, std::string& key);

  // ---- scopes of names ----
  bool nameop(const std::string& name, ast::Ctx ctx);
  bool make_closure(CodeObj* co, uint32_t flags);
  uint32_t closure_index(const std::string& name);
  bool is_top_level_await() const { return false; }

  // ---- functions, classes, bodies (compiler.cpp) ----
  bool body(const std::vector<Stmt*>& stmts);
  bool function_def(ast::FunctionDef* f);
  bool class_def(ast::ClassDef* c);
  bool lambda(ast::Lambda* l);
  bool default_arguments(ast::Arguments* a, uint32_t& flags);
  bool function_annotations(ast::Arguments* a, Expr* returns);
  bool annotation_value(Expr* annotation);
  std::string source_text(const ast::Pos& p) const;
  void set_arg_counts(ast::Arguments* a);
  bool comprehension(ast::Comp* e);
  bool comprehension_generator(ast::Comp* e, size_t gen_index, int depth);
  bool sync_comprehension_generator(ast::Comp* e, size_t gen_index, int depth);
  bool async_comprehension_generator(ast::Comp* e, size_t gen_index, int depth);
  void add_yield();
  void add_yield_from(bool await);

  // ---- expressions (compiler_expr.cpp) ----
  bool visit_expr(Expr* e);
  bool visit_expr1(Expr* e);
  bool visit_exprs(const std::vector<Expr*>& v);
  bool jump_if(Expr* e, int label, bool cond);
  bool boolop(ast::BoolOp* e);
  bool compare(ast::Compare* e);
  void compare_op(ast::CmpOp op);
  bool call(ast::Call* e);
  bool maybe_method_call(ast::Call* e, bool& done);
  bool call_helper(int n, const std::vector<Expr*>& args,
                   const std::vector<ast::Keyword*>& keywords);
  bool validate_keywords(const std::vector<ast::Keyword*>& keywords);
  bool subkwargs(const std::vector<ast::Keyword*>& keywords, size_t begin, size_t end);
  bool starunpack_helper(const std::vector<Expr*>& elts, int pushed, Op build, Op add,
                         Op extend, bool tuple);
  bool unpack_helper(const std::vector<Expr*>& elts);
  bool assignment_helper(const std::vector<Expr*>& elts);
  bool dict(ast::Dict* e);
  bool subdict(ast::Dict* e, size_t begin, size_t end);
  bool joined_str(ast::JoinedStr* e);
  bool formatted_value(ast::FormattedValue* e);
  bool slice(ast::Slice* s);
  bool is_import_originated(Expr* e);
  void match_attr_location(ast::Attribute* a);

  // ---- statements (compiler_stmt.cpp) ----
  bool visit_stmt(Stmt* s);
  bool visit_stmts(const std::vector<Stmt*>& v);
  bool if_stmt(ast::If* s);
  bool for_stmt(ast::For* s);
  bool async_for(ast::For* s);
  bool while_stmt(ast::While* s);
  bool return_stmt(ast::Return* s);
  bool break_stmt();
  bool continue_stmt();
  bool try_stmt(ast::Try* s);
  bool try_finally(ast::Try* s);
  bool try_except(ast::Try* s);
  bool try_star_except(ast::Try* s);
  bool with_stmt(ast::With* s, size_t pos);
  bool async_with(ast::With* s, size_t pos);
  void with_except_finish(int cleanup);
  void call_exit_with_nones();
  bool assert_stmt(ast::Assert* s);
  bool import(ast::Import* s);
  bool import_from(ast::ImportFrom* s);
  bool augassign(ast::AugAssign* s);
  bool annassign(ast::AnnAssign* s);
  bool delete_target(Expr* e);
  bool push_fblock(FBlockType t, int block, int exit, const void* datum);
  void pop_fblock() { u_->fblocks.pop_back(); }
  bool unwind_fblock(const FBlock& info, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, const FBlock** loop);
  void pop_except_and_reraise();
  static bool find_ann(const std::vector<Stmt*>& stmts);

  VM& vm_;
  const SourceBuffer& src_;
  std::shared_ptr<const SourceText> text_;
  SymbolTable& st_;
  std::vector<std::unique_ptr<Unit>> stack_;  // enclosing units, innermost last
  Unit* u_ = nullptr;
  static constexpr int kMaxCompileDepth = 3000;
  int depth_ = 0;  // nesting of visit_expr
  bool future_annotations_ = false;
  int future_lines_ = 0;  // last line of the leading `from __future__ import` statements
  bool failed_ = false;
};

// CPython's BINARY_OP numbering for an ast operator.
BinOp binop_for(ast::Operator op);

}  // namespace looplab
