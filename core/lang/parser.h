// Parser: tokens -> AST, following CPython 3.11's grammar (Grammar/python.gram) by recursive
// descent. Besides the tree, its job is CPython's error messages: the specific ones of the
// grammar's invalid_* rules for the common mistakes, "invalid syntax" at the furthest token
// otherwise, and CPython's rules for when a lexer error wins over a parser error.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/source_buffer.h"
#include "lang/syntax_error.h"

namespace looplab {

// Parses a whole module. On failure returns nullptr and fills *err. SyntaxWarnings found on
// the way are appended to *warnings when given.
std::unique_ptr<ast::Module> parse_module(std::string_view source, SyntaxErrorInfo* err,
                                          std::vector<SyntaxWarningInfo>* warnings = nullptr);
std::unique_ptr<ast::Module> parse_module(const SourceBuffer& buf, SyntaxErrorInfo* err,
                                          std::vector<SyntaxWarningInfo>* warnings = nullptr);

// CPython's name for an expression in error messages ("function call", "literal", ...).
const char* expr_name(const ast::Expr* e);

}  // namespace looplab
