// CallArgs: how arguments reach a callable, in CPython's vectorcall shape. Positional values,
// then the keyword values, all in one array (usually the caller's value stack, never copied).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "runtime/tuple.h"

namespace looplab {

class VM;
struct StrObj;

struct CallArgs {
  Value* args = nullptr;        // nargs positional values, then len(kwnames) keyword values
  uint32_t nargs = 0;
  TupleObj* kwnames = nullptr;  // names (interned StrObj) of the trailing keyword values

  size_t nkw() const { return kwnames ? kwnames->size : 0; }
  Value& operator[](size_t i) const { return args[i]; }
  Value kwvalue(size_t i) const { return args[nargs + i]; }
  StrObj* kwname(size_t i) const { return reinterpret_cast<StrObj*>((*kwnames)[i].o.get()); }
};

// Whose error messages a native's argument binding gives: a C function's ("sleep() takes at
// most 2 arguments (3 given)"), or, for a native standing in for a function CPython writes in
// Python (asyncio.sleep, BaseEventLoop methods), a def's ("sleep() takes from 1 to 2
// positional arguments but 3 were given"); then fn_name is the qualname and methods list "self".
enum class ArgStyle : uint8_t { Native, Python };

// Binds CallArgs to a native's parameter list, with CPython's error messages.
//   params: names in order; "/" ends positional-only ones, "*" starts keyword-only ones,
//           a trailing "=" marks an optional one (its out slot stays Undef when not given).
//   out:    one slot per named parameter (markers excluded), in order.
// Returns false with a TypeError pending.
bool bind_args(VM& vm, const CallArgs& a, std::string_view fn_name,
               std::initializer_list<std::string_view> params, Value* out,
               ArgStyle style = ArgStyle::Native);

// Fails with "f() takes no keyword arguments" / "f() takes exactly N arguments (M given)" etc.
bool no_kwargs(VM& vm, const CallArgs& a, std::string_view fn_name);
bool check_nargs(VM& vm, const CallArgs& a, std::string_view fn_name, uint32_t min, uint32_t max);
// The same for a method whose a[0] is self, counted out as CPython's C methods do:
// "Future.set_result() takes exactly one argument (0 given)".
bool check_method_nargs(VM& vm, const CallArgs& a, std::string_view qualname, uint32_t min, uint32_t max);

}  // namespace looplab
