// Arbitrary-precision integer arithmetic on sign + magnitude, the slow path behind Python's int.
// Magnitudes are little-endian base-2**32 limbs with no leading zeros (zero has no limbs); the
// same layout BigIntObj stores, so a BigIntObj is read through an IntRef without copying.
// Pure C++: no VM, no Python objects; int_type.cpp turns results back into Values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace looplab {

using Limbs = std::vector<uint32_t>;

// A read-only view of an integer (the limbs belong to someone else).
struct IntRef {
  const uint32_t* d = nullptr;
  size_t n = 0;  // limbs; 0 means zero
  bool neg = false;
};

// An owned integer value.
struct BigInt {
  bool neg = false;
  Limbs mag;

  static BigInt from_i64(int64_t v);
  static BigInt from_u64(uint64_t v);
  IntRef ref() const { return {mag.data(), mag.size(), neg}; }
  bool is_zero() const { return mag.empty(); }
  // Strip leading zero limbs; zero is never negative.
  void normalize();
};

// Storage for viewing an int64 as an IntRef (two limbs).
struct SmallLimbs {
  uint32_t d[2];
  IntRef ref(int64_t v);
};

namespace bigint {

bool fits_i64(IntRef a, int64_t* out);
int cmp_mag(IntRef a, IntRef b);
int cmp(IntRef a, IntRef b);  // -1, 0, 1

BigInt add(IntRef a, IntRef b);
BigInt sub(IntRef a, IntRef b);
BigInt mul(IntRef a, IntRef b);
// Python's floor division and modulo; b != 0. Either output may be null.
void divmod_floor(IntRef a, IntRef b, BigInt* q, BigInt* r);
// Truncating division of magnitudes (signs ignored); b != 0.
void divmod_mag(IntRef a, IntRef b, BigInt* q, BigInt* r);

BigInt lshift(IntRef a, uint64_t bits);
BigInt rshift(IntRef a, uint64_t bits);  // floor, as Python's >> on negatives
BigInt bit_and(IntRef a, IntRef b);
BigInt bit_or(IntRef a, IntRef b);
BigInt bit_xor(IntRef a, IntRef b);
BigInt invert(IntRef a);  // ~a == -(a + 1)
BigInt negate(IntRef a);
BigInt abs(IntRef a);
BigInt pow(IntRef base, uint64_t exp);
// (base ** exp) % mod for base, mod > 0 already reduced into [0, mod).
BigInt pow_mod(IntRef base, IntRef exp, IntRef mod);

uint64_t bit_length(IntRef a);
uint64_t bit_count(IntRef a);
// How many trailing zero bits (a != 0).
uint64_t trailing_zeros(IntRef a);

// Digits of |a| in base 2..36 (lowercase), with a leading '-' when negative; no prefix.
std::string to_string(IntRef a, int base);
// How many decimal digits |a| has at least (cheap bound, for the str-digits limit).
uint64_t decimal_digits_lower_bound(IntRef a);
// Parse validated digits (0-9a-z only, each < base, no sign or underscores).
BigInt from_digits(std::string_view digits, int base);

// Correctly rounded conversion (round half to even); *overflow when out of double range.
double to_double(IntRef a, bool* overflow);
// The integer part of a finite double.
BigInt from_double(double d);
// a / b correctly rounded (mirrors Objects/longobject.c long_true_divide); b != 0.
// *overflow when the quotient is too large for a double.
double true_divide(IntRef a, IntRef b, bool* overflow);
// a as a double scaled by 2**-*exp with a in [0.5, 1) (mirrors _PyLong_Frexp), a != 0.
double frexp(IntRef a, int64_t* exp);

// Python's hash: the value modulo 2**61 - 1, with the sign (mirrors long_hash).
int64_t hash(IntRef a);

}  // namespace bigint
}  // namespace looplab
