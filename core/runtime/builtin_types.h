// Creating the builtin types. bootstrap_types builds the type objects and then calls each
// type family's init function, which fills in its slots and methods.
#pragma once

namespace looplab {

class VM;

void bootstrap_types(VM& vm);

// Each fills in the slots and methods of its types (the classes already exist).
void init_object_and_type(VM& vm);      // object_type.cpp
void init_number_types(VM& vm);         // int, bool, float (numbers)
void init_str_type(VM& vm);             // str (strings)
void init_bytes_type(VM& vm);           // bytes (strings)
void init_container_types(VM& vm);      // tuple, list, dict, set, frozenset, range, slice
void init_function_types(VM& vm);       // function, builtin, method, property, ..., cell, code
void init_exception_types(VM& vm);      // BaseException and the hierarchy
void init_generator_types(VM& vm);      // generator, coroutine, async_generator
void init_builtins_module(VM& vm);      // print, len, ... (needs every type)

}  // namespace looplab
