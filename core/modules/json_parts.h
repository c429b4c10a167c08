// The natives of the _json module, shared between its files (json_module.cpp, json_decode.cpp).
#pragma once

#include "lang/vm.h"

namespace looplab {

// _json.scan_once(string, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
//                 parse_constant, error_class) -> (value, end index)
Value json_scan_once(VM& vm, CallArgs& a);

}  // namespace looplab
