// The number builtins: abs, round, divmod, pow, hex, oct, bin (mirrors Python/bltinmodule.c).
#include "lang/vm.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

Value builtin_abs(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "abs") || !check_nargs(vm, a, "abs", 1, 1)) return Value::error();
  return op_unary(vm, a[0], UnaryOp::Abs);
}

// mirrors builtin_round_impl.
Value builtin_round(VM& vm, CallArgs& a) {
  Value args[2];
  if (!bind_args(vm, a, "round", {"number", "ndigits="}, args)) return Value::error();
  Value x = args[0], nd = args[1];
  if (is_int(x)) return int_round(vm, x, nd);
  double d;
  if (float_value(vm, x, &d) && vm.type_of(x) == vm.t.float_) return float_round(vm, d, nd);
  StrObj* name = vm.n.__round__;
  Value r = (nd.is_undef() || nd.is_none()) ? call_special(vm, x, name, nullptr, 0) : call_special(vm, x, name, &nd, 1);
  if (r.is_undef())
    return vm.raisef(vm.t.TypeError, "type %s doesn't define __round__ method", type_name(vm, x).c_str());
  return r;
}

Value builtin_divmod(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "divmod") || !check_nargs(vm, a, "divmod", 2, 2)) return Value::error();
  Value x = a[0], y = a[1];
  Value r = number_divmod(vm, x, y);
  if (!r.same(vm.not_implemented)) return r;
  r = call_special(vm, x, vm.intern("__divmod__"), &y, 1);
  if (r.is_error()) return r;
  if (!r.is_undef() && !r.same(vm.not_implemented)) return r;
  if (vm.type_of(x) != vm.type_of(y)) {
    r = call_special(vm, y, vm.intern("__rdivmod__"), &x, 1);
    if (r.is_error()) return r;
    if (!r.is_undef() && !r.same(vm.not_implemented)) return r;
  }
  return vm.raisef(vm.t.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(vm, x).c_str(),
                   type_name(vm, y).c_str());
}

Value builtin_pow(VM& vm, CallArgs& a) {
  Value args[3];
  if (!bind_args(vm, a, "pow", {"base", "exp", "mod="}, args)) return Value::error();
  Value base = args[0], exp = args[1], mod = args[2];
  if (mod.is_undef() || mod.is_none()) return op_binary(vm, base, exp, BinOp::Power);
  Value r = int_pow_mod(vm, base, exp, mod);
  if (!r.same(vm.not_implemented)) return r;
  double d;
  bool any_float = float_value(vm, base, &d) || float_value(vm, exp, &d) || float_value(vm, mod, &d);
  bool all_numbers = (is_int(base) || float_value(vm, base, &d)) && (is_int(exp) || float_value(vm, exp, &d)) &&
                     (is_int(mod) || float_value(vm, mod, &d));
  if (any_float && all_numbers)
    return vm.raise(vm.t.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  Value pargs[2] = {exp, mod};
  r = call_special(vm, base, vm.intern("__pow__"), pargs, 2);
  if (r.is_error()) return r;
  if (!r.is_undef() && !r.same(vm.not_implemented)) return r;
  return vm.raisef(vm.t.TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                   type_name(vm, base).c_str(), type_name(vm, exp).c_str(), type_name(vm, mod).c_str());
}

Value to_base(VM& vm, CallArgs& a, const char* name, int base) {
  if (!no_kwargs(vm, a, name) || !check_nargs(vm, a, name, 1, 1)) return Value::error();
  Value v = number_index(vm, a[0]);
  if (v.is_error()) return v;
  return vm.str(int_to_text(v, base));
}

Value builtin_hex(VM& vm, CallArgs& a) { return to_base(vm, a, "hex", 16); }
Value builtin_oct(VM& vm, CallArgs& a) { return to_base(vm, a, "oct", 8); }
Value builtin_bin(VM& vm, CallArgs& a) { return to_base(vm, a, "bin", 2); }

}  // namespace

void init_number_builtins(VM& vm) {
  DictObj* b = vm.builtins;
  vm.def_function(b, "abs", builtin_abs);
  vm.def_function(b, "round", builtin_round);
  vm.def_function(b, "divmod", builtin_divmod);
  vm.def_function(b, "pow", builtin_pow);
  vm.def_function(b, "hex", builtin_hex);
  vm.def_function(b, "oct", builtin_oct);
  vm.def_function(b, "bin", builtin_bin);
}

}  // namespace looplab
