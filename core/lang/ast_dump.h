// A text dump of the AST in exactly the format of CPython 3.11's `ast.dump(tree)` (and with
// `include_attributes=True` when positions are wanted), so tests and tools can compare our
// tree with CPython's.
#pragma once

#include <string>

#include "lang/ast.h"

namespace looplab {

std::string ast_dump(const ast::Module& mod, bool include_attributes = false);
std::string ast_dump(const ast::Expr* e, bool include_attributes = false);

// Python's repr() of a str / bytes / float value (also used by the disassembler).
std::string py_repr_str(std::string_view utf8);
std::string py_repr_bytes(std::string_view data);
std::string py_repr_float(double v);
// Decimal digits of a non-negative integer written in `base` (for BigInt constants).
std::string digits_to_decimal(std::string_view digits, int base);

}  // namespace looplab
