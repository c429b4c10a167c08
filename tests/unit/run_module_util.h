// Runs a compiled module as __main__ on a VM and returns what it printed ("<raised>" appended
// when it ended with an exception): for unit tests that check a program's output.
#pragma once

#include <string>

#include "lang/code.h"
#include "lang/vm.h"

namespace looplab {

inline std::string run_module_output(VM& vm, CodeObj* code) {
  std::string out;
  vm.write_output = [&](OutStream, std::string_view s) { out += s; };
  DictObj* globals = vm.new_dict();
  globals->set_str(vm.n.__name__, vm.str("__main__"));
  globals->set_str(vm.n.__builtins__, Value::object(vm.builtins));
  ExecResult r = vm.run_module(code, globals);
  if (r.status != ExecStatus::Returned) out += "<raised>";
  vm.write_output = nullptr;
  return out;
}

}  // namespace looplab
