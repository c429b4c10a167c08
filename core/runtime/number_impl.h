// Internal interfaces between the number files (int_type, int_methods, float_type,
// float_repr, number_format, number_builtins). Not for use outside the number code.
#pragma once

#include <string>
#include <string_view>

#include "lang/opcodes.h"
#include "runtime/bigint.h"
#include "runtime/class.h"
#include "runtime/value.h"

namespace looplab {

class VM;

// v is a small int or a bool: its value.
inline bool small_int(const Value& v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  return false;
}

// Both operands are ints (any size, bools included). In-place ops are mapped to plain ones.
Value int_binop(VM& vm, Value a, Value b, BinOp op);
// Both operands are numbers and at least one is a float (ints are converted).
Value float_binop(VM& vm, double a, double b, BinOp op);
Value float_pow(VM& vm, double a, double b);
// divmod(a, b) for numbers; NotImplemented when either is not a number.
Value number_divmod(VM& vm, Value a, Value b);
// pow(a, b, m) for ints; NotImplemented when one is not an int.
Value int_pow_mod(VM& vm, Value a, Value b, Value m);
Value int_unary(VM& vm, Value v, UnaryOp op);
Value float_unary(VM& vm, double d, UnaryOp op);

// Three-way comparison of an int with a double: -1, 0, 1, or 2 when unordered (NaN).
int compare_int_double(IntRef i, double d);
bool int_hash(VM& vm, Value v, int64_t* out);

// The value as a double (int or float); OverflowError for huge ints. False if not a number.
bool number_to_double(VM& vm, const Value& v, double* out, bool* is_number);

// str(int) with the sys.set_int_max_str_digits limit (ValueError past it).
Value int_to_str_checked(VM& vm, const Value& v);
// round(int, ndigits) / round(float, ndigits) (ndigits Undef or None: round to an int).
Value int_round(VM& vm, Value v, Value ndigits);
Value float_round(VM& vm, double x, Value ndigits);
// int(float) style conversion of the floor/ceil/trunc of a double.
Value float_floor_to_int(VM& vm, double d);
Value float_ceil_to_int(VM& vm, double d);

// Unicode decimal digits and spaces as ASCII, other non-ASCII as '?' (int()/float() of str).
std::string ascii_number_text(std::string_view text);

// Python float syntax (no surrounding spaces): '1_000.5', 'inf', '-nan', '1e5'. False if invalid.
bool parse_float_text(std::string_view text, double* out);

// PyOS_double_to_string: type 'e', 'f', 'g' or 'r' (repr: shortest round-trip, precision ignored).
// alt: '#' flag (keep the point and trailing zeros); add_dot_0: make integral results look
// like floats ('1.0'); no_neg_0: '-0.0' prints as '0.0'.
struct DoubleFormat {
  char type = 'r';
  int precision = 0;
  bool alt = false;
  bool add_dot_0 = false;
  bool upper = false;
};
std::string double_to_string(double d, const DoubleFormat& f);
// Shortest round-trip digits of a positive finite double by Grisu3 (value = 0.DIGITS * 10**decpt);
// false when Grisu3 cannot guarantee them (then printf/strtod decide).
bool grisu3_shortest(double v, std::string* digits, int* decpt);
// The same digits from the exact printf/strtod search (tests compare the two).
std::string shortest_repr_digits_slow(double d, int* decpt);

// Registering the rest of the number family (called from init_number_types).
void init_int_methods(VM& vm);
void init_float_type(VM& vm);
void init_number_builtins(VM& vm);

}  // namespace looplab
