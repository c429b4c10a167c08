// The front end's entry point: Python source text -> a module CodeObj.
#pragma once

#include <string_view>

namespace looplab {

class VM;
struct CodeObj;

// Compiles a whole module. On a SyntaxError (or an unsupported feature, NotImplementedError
// naming the feature and line) returns nullptr with the exception pending in the VM.
CodeObj* compile_module(VM& vm, std::string_view source, std::string_view filename);

}  // namespace looplab
