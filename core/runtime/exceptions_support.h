// Exception helpers the VM needs beyond raising: exception groups for except*, and rendering
// tracebacks as CPython prints them.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace looplab {

class VM;

// ExceptionGroup(msg, excs) (BaseExceptionGroup when any is not an Exception).
Value make_exception_group(VM& vm, Value msg, std::vector<Value> excs);
// except*: the exception to re-raise after the handlers ran (CPython's _PyExc_PrepReraiseStar).
Value prepare_reraise_star(VM& vm, Value orig, Value raised_list);

// "Traceback (most recent call last):\n  File ..." with causes and contexts, as
// traceback.print_exception prints it. False when formatting itself failed.
bool format_exception(VM& vm, Value exc, std::string& out);

}  // namespace looplab
