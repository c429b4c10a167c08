// The shortest decimal digits of a double that read back as it, quickly: Grisu3 (Florian
// Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with Integers", PLDI 2010,
// as in double-conversion's FastDtoa). It gives the shortest, closest digits (what repr()
// prints) for about 99.5% of doubles and says when it cannot decide; float_repr.cpp then falls
// back to exact printf/strtod. The cached powers of ten are computed once with exact big-int
// arithmetic instead of being typed in.
#include <cstdint>
#include <cstring>

#include "runtime/bigint.h"
#include "runtime/number_impl.h"

namespace looplab {

namespace {

struct DiyFp {
  uint64_t f;
  int e;
};

// The rounded upper 64 bits of the 128-bit product.
DiyFp mul(DiyFp x, DiyFp y) {
  const uint64_t kM32 = 0xFFFFFFFFu;
  uint64_t a = x.f >> 32, b = x.f & kM32, c = y.f >> 32, d = y.f & kM32;
  uint64_t ac = a * c, bc = b * c, ad = a * d, bd = b * d;
  uint64_t tmp = (bd >> 32) + (ad & kM32) + (bc & kM32);
  tmp += uint64_t(1) << 31;
  return {ac + (ad >> 32) + (bc >> 32) + (tmp >> 32), x.e + y.e + 64};
}

DiyFp normalize(DiyFp x) {
  int s = __builtin_clzll(x.f);
  return {x.f << s, x.e - s};
}

constexpr int kMinDecimalExponent = -348;
constexpr int kDecimalExponentDistance = 8;
constexpr int kCachedPowers = 87;  // 10**-348 .. 10**340
constexpr int kMinimalTargetExponent = -60;
constexpr int kMaximalTargetExponent = -32;

struct CachedPower {
  uint64_t f;
  int e;
  int k;
};

// 10**k as a normalized 64-bit significand rounded to nearest, and its binary exponent.
CachedPower power_of_ten(int k) {
  BigInt ten = BigInt::from_i64(10);
  BigInt p = bigint::pow(ten.ref(), uint64_t(k < 0 ? -k : k));
  BigInt q;
  int64_t shift;  // value ~= q * 2**shift
  if (k >= 0) {
    q = p;
    shift = 0;
  } else {
    int64_t n = int64_t(bigint::bit_length(p.ref())) + 66;
    BigInt num = bigint::lshift(BigInt::from_i64(1).ref(), uint64_t(n));
    bigint::divmod_mag(num.ref(), p.ref(), &q, nullptr);
    shift = -n;
  }
  int64_t bits = int64_t(bigint::bit_length(q.ref()));
  if (bits <= 64) {
    q = bigint::lshift(q.ref(), uint64_t(64 - bits));
    shift -= 64 - bits;
  } else {
    int64_t drop = bits - 64;
    BigInt half_bit = bigint::rshift(q.ref(), uint64_t(drop - 1));
    bool round_up = !half_bit.is_zero() && (half_bit.mag[0] & 1);
    q = bigint::rshift(q.ref(), uint64_t(drop));
    shift += drop;
    if (round_up) q = bigint::add(q.ref(), BigInt::from_i64(1).ref());
    if (bigint::bit_length(q.ref()) > 64) {
      q = bigint::rshift(q.ref(), 1);
      shift++;
    }
  }
  uint64_t f = (uint64_t(q.mag.size() > 1 ? q.mag[1] : 0) << 32) | (q.mag.empty() ? 0 : q.mag[0]);
  return {f, int(shift), k};
}

const CachedPower* cached_powers() {
  static CachedPower table[kCachedPowers];
  static bool made = false;
  if (!made) {
    for (int i = 0; i < kCachedPowers; i++) table[i] = power_of_ten(kMinDecimalExponent + i * kDecimalExponentDistance);
    made = true;
  }
  return table;
}

// mirrors PowersOfTenCache::GetCachedPowerForBinaryExponentRange.
CachedPower cached_power_for(int min_exponent) {
  const double kD1Log2_10 = 0.30102999566398114;  // 1 / lg(10)
  int k = int(__builtin_ceil((min_exponent + 64 - 1) * kD1Log2_10));
  int index = (-kMinDecimalExponent + k - 1) / kDecimalExponentDistance + 1;
  return cached_powers()[index];
}

// mirrors RoundWeed: moves the last digit closer to w; false when that cannot be done safely.
bool round_weed(char* buffer, int length, uint64_t distance_too_high_w, uint64_t unsafe_interval, uint64_t rest,
                uint64_t ten_kappa, uint64_t unit) {
  uint64_t small_distance = distance_too_high_w - unit;
  uint64_t big_distance = distance_too_high_w + unit;
  while (rest < small_distance && unsafe_interval - rest >= ten_kappa &&
         (rest + ten_kappa < small_distance || small_distance - rest >= rest + ten_kappa - small_distance)) {
    buffer[length - 1]--;
    rest += ten_kappa;
  }
  if (rest < big_distance && unsafe_interval - rest >= ten_kappa &&
      (rest + ten_kappa < big_distance || big_distance - rest > rest + ten_kappa - big_distance)) {
    return false;
  }
  return (2 * unit <= rest) && (rest <= unsafe_interval - 4 * unit);
}

// mirrors DigitGen.
bool digit_gen(DiyFp low, DiyFp w, DiyFp high, char* buffer, int* length, int* kappa) {
  uint64_t unit = 1;
  DiyFp too_low = {low.f - unit, low.e};
  DiyFp too_high = {high.f + unit, high.e};
  uint64_t unsafe_interval = too_high.f - too_low.f;
  int neg_e = -w.e;
  uint64_t one_f = uint64_t(1) << neg_e;
  uint32_t integrals = uint32_t(too_high.f >> neg_e);
  uint64_t fractionals = too_high.f & (one_f - 1);
  uint32_t divisor = 0;
  int exponent_plus_one = 0;
  if (integrals) {
    divisor = 1;
    exponent_plus_one = 1;
    while (uint64_t(divisor) * 10 <= integrals) {
      divisor *= 10;
      exponent_plus_one++;
    }
  }
  *kappa = exponent_plus_one;
  *length = 0;
  while (*kappa > 0) {
    uint32_t digit = integrals / divisor;
    buffer[(*length)++] = char('0' + digit);
    integrals %= divisor;
    (*kappa)--;
    uint64_t rest = (uint64_t(integrals) << neg_e) + fractionals;
    if (rest < unsafe_interval)
      return round_weed(buffer, *length, too_high.f - w.f, unsafe_interval, rest, uint64_t(divisor) << neg_e, unit);
    divisor /= 10;
  }
  for (;;) {
    fractionals *= 10;
    unit *= 10;
    unsafe_interval *= 10;
    uint32_t digit = uint32_t(fractionals >> neg_e);
    buffer[(*length)++] = char('0' + digit);
    fractionals &= one_f - 1;
    (*kappa)--;
    if (fractionals < unsafe_interval)
      return round_weed(buffer, *length, (too_high.f - w.f) * unit, unsafe_interval, fractionals, one_f, unit);
    if (*length >= 18) return false;
  }
}

}  // namespace

bool grisu3_shortest(double v, std::string* digits, int* decpt) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  bits &= ~(uint64_t(1) << 63);
  uint64_t fraction = bits & ((uint64_t(1) << 52) - 1);
  int biased = int(bits >> 52);
  if (biased == 0x7ff || bits == 0) return false;
  DiyFp raw = biased == 0 ? DiyFp{fraction, -1074} : DiyFp{fraction | (uint64_t(1) << 52), biased - 1075};
  DiyFp w = normalize(raw);
  DiyFp m_plus = normalize(DiyFp{(raw.f << 1) + 1, raw.e - 1});
  bool lower_closer = fraction == 0 && biased > 1;
  DiyFp m_minus = lower_closer ? DiyFp{(raw.f << 2) - 1, raw.e - 2} : DiyFp{(raw.f << 1) - 1, raw.e - 1};
  m_minus.f <<= (m_minus.e - m_plus.e);
  m_minus.e = m_plus.e;
  CachedPower cp = cached_power_for(kMinimalTargetExponent - (w.e + 64));
  (void)kMaximalTargetExponent;
  DiyFp ten_mk = {cp.f, cp.e};
  DiyFp scaled_w = mul(w, ten_mk);
  DiyFp scaled_minus = mul(m_minus, ten_mk);
  DiyFp scaled_plus = mul(m_plus, ten_mk);
  char buffer[32];
  int length = 0, kappa = 0;
  if (!digit_gen(scaled_minus, scaled_w, scaled_plus, buffer, &length, &kappa)) return false;
  digits->assign(buffer, size_t(length));
  *decpt = length + (-cp.k + kappa);
  return true;
}

}  // namespace looplab
