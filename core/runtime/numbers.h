// int (64-bit inline fast path, arbitrary precision beyond), bool and float: their types,
// conversions and text forms. Implemented in int*.cpp, bigint.cpp, float*.cpp, number_format.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/opcodes.h"
#include "runtime/bigint.h"
#include "runtime/object.h"

namespace looplab {

class VM;

struct DictObj;

// An int too large for int64. Always normalized: a value that fits int64 is never a BigIntObj
// of class int. Instances of int subclasses (IntEnum members, class MyInt(int)) are BigIntObj
// whatever their value, and keep their attributes in `dict`.
struct BigIntObj final : Obj {
  bool negative = false;
  std::vector<uint32_t> digits;  // magnitude, little-endian base 2**32, no leading zeros
  DictObj* dict = nullptr;       // attributes of an int-subclass instance (made on first store)
  explicit BigIntObj(ClassObj* cls) : Obj(cls, Kind::BigInt) {}
  void trace(Tracer& t) override { t.mark(reinterpret_cast<Obj*>(dict)); }
  size_t extra_bytes() const override { return digits.capacity() * sizeof(uint32_t); }
};

bool is_int(const Value& v);  // small int, BigInt or bool (bool is an int subclass)

// Fill in the int, bool and float types (slots, methods, constructors). Called by the VM.
void init_number_types(VM& vm);

// Parse an int literal or int(text, base) argument (base 0: infer from a 0x/0o/0b prefix,
// underscores allowed as in literals). ValueError with CPython's message on bad text.
Value int_from_text(VM& vm, std::string_view text, int base);
Value int_from_double(VM& vm, double d);            // int(3.9) == 3; OverflowError/ValueError
bool int_to_double(VM& vm, Value v, double* out);   // OverflowError when too large
std::string int_to_text(const Value& v, int base = 10);  // "-0x1f" style prefixes for 16/8/2

// The slow paths of the VM's arithmetic: operands that are ints (any size), bools or floats.
// Return NotImplemented when an operand is not a number.
Value number_binop(VM& vm, Value a, Value b, BinOp op);
Value number_compare(VM& vm, Value a, Value b, CompareOp op);

// repr(float): shortest text that round-trips, in Python's style ('1.0', '1e+16', 'inf').
std::string float_repr(double d);

// format(value, spec) for ints and floats (the format mini-language).
Value format_int(VM& vm, Value v, std::string_view spec);
Value format_float(VM& vm, double d, std::string_view spec);

// ---- helpers for natives that work with numbers ------------------------------------------------

// sys.set_int_max_str_digits: the most decimal digits str(int) / int(str) accept (0: no limit).
extern int64_t int_max_str_digits;

// The value of an instance of a float subclass (plain floats are inline Values).
struct FloatObj final : Obj {
  double value;
  FloatObj(ClassObj* cls, double v) : Obj(cls, Kind::Other), value(v) {}
};

// A view of an int-valued Value (small int, bool, or BigIntObj, which includes instances of int
// subclasses: those may hold small values). False when v is not an int.
bool int_ref(const Value& v, SmallLimbs& buf, IntRef* out);
// v (an int) as int64 when it fits.
bool int_fits_i64(const Value& v, int64_t* out);
// A Python int from a BigInt, small when it fits (never allocates then).
Value make_int(VM& vm, BigInt&& b);
Value make_int_u64(VM& vm, uint64_t v);
// float or float-subclass instance: its value.
bool float_value(VM& vm, const Value& v, double* out);
// int(x) for any x / operator.index(x): the int value (TypeError with CPython's messages).
Value number_index(VM& vm, Value v);

}  // namespace looplab
