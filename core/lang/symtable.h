// The symbol table: which names each scope binds, uses, declares global/nonlocal, and the
// resulting scope of every name (local, global, free, cell), as CPython 3.11's symtable.c
// computes it. The compiler picks LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME from it.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/syntax_error.h"

namespace looplab {

struct SourceBuffer;

// Symbol flags, with symtable.c's names and values.
enum SymFlag : uint32_t {
  kDefGlobal = 1,       // `global` statement
  kDefLocal = 2,        // bound in this scope
  kDefParam = 4,        // a parameter
  kDefNonlocal = 8,     // `nonlocal` statement
  kUse = 16,            // read in this scope
  kDefFree = 32,        // free in a nested scope
  kDefFreeClass = 64,   // free in a method, bound in the class body
  kDefImport = 128,     // bound by an import
  kDefAnnot = 256,      // annotated
  kDefCompIter = 512,   // a comprehension's iteration variable
};
constexpr uint32_t kDefBound = kDefLocal | kDefParam | kDefImport;

enum class NameScope : uint8_t { None, Local, GlobalExplicit, GlobalImplicit, Free, Cell };
enum class BlockType : uint8_t { Module, Class, Function };
enum class CompKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  uint32_t flags = 0;
  NameScope scope = NameScope::None;
};

struct Scope {
  BlockType type;
  std::string name;
  const void* node = nullptr;   // the AST node that opened it (Module, FunctionDef, Lambda, ...)
  ast::Pos pos;
  std::vector<std::string> order;                  // symbol names in first-seen order
  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> varnames;               // parameters, in CodeObj order
  std::vector<Scope*> children;
  std::unordered_map<std::string, ast::Pos> directives;  // where global/nonlocal named each
  bool nested = false;            // inside a function (directly or not)
  bool generator = false;         // contains yield (or is a generator expression)
  bool coroutine = false;         // async def, or contains await / async comprehension
  bool varargs = false, varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;  // a class whose methods use __class__ / super
  bool free = false, child_free = false;
  bool comp_iter_target = false;
  int comp_iter_expr = 0;
  CompKind comprehension = CompKind::None;

  NameScope scope_of(const std::string& name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? NameScope::None : it->second.scope;
  }
  uint32_t flags_of(const std::string& name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? 0 : it->second.flags;
  }
};

class SymbolTable {
 public:
  // Builds and analyzes the table for a module. On a SyntaxError returns false with *err set.
  bool build(const ast::Module& mod, const SourceBuffer& src, SyntaxErrorInfo* err);

  Scope* scope_for(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
  }
  Scope* module() const { return top_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const void*, Scope*> by_node_;
  Scope* top_ = nullptr;
};

// Whether the module starts with `from __future__ import annotations` (after its docstring).
bool has_future_annotations(const ast::Module& mod);

// _Py_Mangle: `__name` inside class C becomes `_C__name`.
std::string mangle(const std::string& private_name, const std::string& name);

}  // namespace looplab
