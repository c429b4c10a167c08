// Arbitrary-precision integer arithmetic (see bigint.h). Schoolbook algorithms with Karatsuba
// multiplication for large operands and Knuth's algorithm D for division.
#include "runtime/bigint.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace looplab {

namespace {

using u32 = uint32_t;
using u64 = uint64_t;

constexpr size_t kKaratsubaCutoff = 40;  // limbs; below it schoolbook is faster

size_t trimmed(const u32* p, size_t n) {
  while (n && p[n - 1] == 0) n--;
  return n;
}

void trim(Limbs& v) {
  while (!v.empty() && v.back() == 0) v.pop_back();
}

int cmp_raw(const u32* a, size_t an, const u32* b, size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  for (size_t i = an; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

Limbs add_raw(const u32* a, size_t an, const u32* b, size_t bn) {
  if (an < bn) {
    std::swap(a, b);
    std::swap(an, bn);
  }
  Limbs r(an + 1);
  u64 carry = 0;
  size_t i = 0;
  for (; i < bn; i++) {
    u64 s = u64(a[i]) + b[i] + carry;
    r[i] = u32(s);
    carry = s >> 32;
  }
  for (; i < an; i++) {
    u64 s = u64(a[i]) + carry;
    r[i] = u32(s);
    carry = s >> 32;
  }
  r[an] = u32(carry);
  trim(r);
  return r;
}

// a - b for magnitudes with a >= b.
Limbs sub_raw(const u32* a, size_t an, const u32* b, size_t bn) {
  Limbs r(an);
  u64 borrow = 0;
  size_t i = 0;
  for (; i < bn; i++) {
    u64 d = u64(a[i]) - b[i] - borrow;
    r[i] = u32(d);
    borrow = d >> 63;
  }
  for (; i < an; i++) {
    u64 d = u64(a[i]) - borrow;
    r[i] = u32(d);
    borrow = d >> 63;
  }
  trim(r);
  return r;
}

// out[0..n) += x[0..xn), carrying as far as n (the sum must fit).
void add_into(u32* out, size_t n, const u32* x, size_t xn) {
  u64 carry = 0;
  size_t i = 0;
  for (; i < xn; i++) {
    u64 s = u64(out[i]) + x[i] + carry;
    out[i] = u32(s);
    carry = s >> 32;
  }
  for (; carry && i < n; i++) {
    u64 s = u64(out[i]) + carry;
    out[i] = u32(s);
    carry = s >> 32;
  }
}

// out[0..n) -= x[0..xn) (out >= x).
void sub_into(u32* out, size_t n, const u32* x, size_t xn) {
  u64 borrow = 0;
  size_t i = 0;
  for (; i < xn; i++) {
    u64 d = u64(out[i]) - x[i] - borrow;
    out[i] = u32(d);
    borrow = d >> 63;
  }
  for (; borrow && i < n; i++) {
    u64 d = u64(out[i]) - borrow;
    out[i] = u32(d);
    borrow = d >> 63;
  }
}

void mul_school(const u32* a, size_t an, const u32* b, size_t bn, u32* out) {
  for (size_t i = 0; i < an; i++) {
    u64 ai = a[i];
    if (!ai) continue;
    u64 carry = 0;
    for (size_t j = 0; j < bn; j++) {
      u64 t = ai * b[j] + out[i + j] + carry;
      out[i + j] = u32(t);
      carry = t >> 32;
    }
    out[i + bn] = u32(carry);
  }
}

// out[0..an+bn) (zeroed by the caller) = a * b.
void mul_into(const u32* a, size_t an, const u32* b, size_t bn, u32* out) {
  an = trimmed(a, an);
  bn = trimmed(b, bn);
  if (an < bn) {
    std::swap(a, b);
    std::swap(an, bn);
  }
  if (bn == 0) return;
  if (bn < kKaratsubaCutoff) {
    mul_school(a, an, b, bn, out);
    return;
  }
  if (2 * bn <= an) {
    // Unbalanced: multiply bn-sized slices of a by b.
    Limbs tmp(2 * bn);
    for (size_t i = 0; i < an; i += bn) {
      size_t len = std::min(bn, an - i);
      std::fill(tmp.begin(), tmp.end(), 0);
      mul_into(a + i, len, b, bn, tmp.data());
      add_into(out + i, an + bn - i, tmp.data(), len + bn);
    }
    return;
  }
  // Karatsuba: a = a1*B^h + a0, b = b1*B^h + b0.
  size_t h = (an + 1) / 2;
  const u32 *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
  size_t a0n = h, a1n = an - h, b0n = std::min(h, bn), b1n = bn > h ? bn - h : 0;
  Limbs z0(a0n + b0n), z2(a1n + b1n + 1);
  mul_into(a0, a0n, b0, b0n, z0.data());
  mul_into(a1, a1n, b1, b1n, z2.data());
  Limbs sa = add_raw(a0, trimmed(a0, a0n), a1, a1n);
  Limbs sb = add_raw(b0, trimmed(b0, b0n), b1, b1n);
  Limbs z1(sa.size() + sb.size() + 1);
  mul_into(sa.data(), sa.size(), sb.data(), sb.size(), z1.data());
  sub_into(z1.data(), z1.size(), z0.data(), trimmed(z0.data(), z0.size()));
  sub_into(z1.data(), z1.size(), z2.data(), trimmed(z2.data(), z2.size()));
  size_t total = an + bn;
  add_into(out, total, z0.data(), trimmed(z0.data(), z0.size()));
  add_into(out + 2 * h, total - 2 * h, z2.data(), trimmed(z2.data(), z2.size()));
  add_into(out + h, total - h, z1.data(), trimmed(z1.data(), z1.size()));
}

Limbs mul_raw(const u32* a, size_t an, const u32* b, size_t bn) {
  if (!an || !bn) return {};
  Limbs r(an + bn);
  mul_into(a, an, b, bn, r.data());
  trim(r);
  return r;
}

// Divides v in place by d (d != 0); returns the remainder.
u32 divrem1(Limbs& v, u32 d) {
  u64 rem = 0;
  for (size_t i = v.size(); i-- > 0;) {
    u64 cur = (rem << 32) | v[i];
    v[i] = u32(cur / d);
    rem = cur % d;
  }
  trim(v);
  return u32(rem);
}

// Knuth's algorithm D (after Hacker's Delight divmnu): u = q*v + r, v has n >= 2 limbs.
void divmod_knuth(const u32* u, size_t m, const u32* v, size_t n, Limbs* q, Limbs* r) {
  int s = __builtin_clz(v[n - 1]);
  Limbs vn(n), un(m + 1);
  if (s) {
    for (size_t i = n - 1; i > 0; i--) vn[i] = (v[i] << s) | (v[i - 1] >> (32 - s));
    vn[0] = v[0] << s;
    un[m] = u[m - 1] >> (32 - s);
    for (size_t i = m - 1; i > 0; i--) un[i] = (u[i] << s) | (u[i - 1] >> (32 - s));
    un[0] = u[0] << s;
  } else {
    std::copy(v, v + n, vn.begin());
    std::copy(u, u + m, un.begin());
    un[m] = 0;
  }
  Limbs qv(m - n + 1);
  const u64 kBase = u64(1) << 32;
  for (size_t j = m - n + 1; j-- > 0;) {
    u64 num = (u64(un[j + n]) << 32) | un[j + n - 1];
    u64 qhat = num / vn[n - 1];
    u64 rhat = num % vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      qhat--;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    int64_t k = 0, t;
    for (size_t i = 0; i < n; i++) {
      u64 p = qhat * vn[i];
      t = int64_t(un[i + j]) - k - int64_t(p & 0xffffffffu);
      un[i + j] = u32(t);
      k = int64_t(p >> 32) - (t >> 32);
    }
    t = int64_t(un[j + n]) - k;
    un[j + n] = u32(t);
    if (t < 0) {
      qhat--;
      u64 c = 0;
      for (size_t i = 0; i < n; i++) {
        u64 s2 = u64(un[i + j]) + vn[i] + c;
        un[i + j] = u32(s2);
        c = s2 >> 32;
      }
      un[j + n] = u32(u64(un[j + n]) + c);
    }
    qv[j] = u32(qhat);
  }
  if (q) {
    trim(qv);
    *q = std::move(qv);
  }
  if (r) {
    Limbs rv(n);
    if (s) {
      for (size_t i = 0; i < n - 1; i++) rv[i] = (un[i] >> s) | (un[i + 1] << (32 - s));
      rv[n - 1] = un[n - 1] >> s;
    } else {
      std::copy(un.begin(), un.begin() + n, rv.begin());
    }
    trim(rv);
    *r = std::move(rv);
  }
}

void divmod_raw(const u32* u, size_t m, const u32* v, size_t n, Limbs* q, Limbs* r) {
  if (cmp_raw(u, m, v, n) < 0) {
    if (q) q->clear();
    if (r) r->assign(u, u + m);
    return;
  }
  if (n == 1) {
    Limbs t(u, u + m);
    u32 rem = divrem1(t, v[0]);
    if (q) *q = std::move(t);
    if (r) {
      r->clear();
      if (rem) r->push_back(rem);
    }
    return;
  }
  divmod_knuth(u, m, v, n, q, r);
}

Limbs shl_raw(const u32* a, size_t an, uint64_t bits) {
  if (!an) return {};
  size_t limbs = size_t(bits / 32);
  int s = int(bits % 32);
  Limbs r(an + limbs + 1);
  if (s == 0) {
    std::copy(a, a + an, r.begin() + limbs);
  } else {
    u32 carry = 0;
    for (size_t i = 0; i < an; i++) {
      r[i + limbs] = (a[i] << s) | carry;
      carry = a[i] >> (32 - s);
    }
    r[an + limbs] = carry;
  }
  trim(r);
  return r;
}

// Magnitude shifted right (truncating); *lost set when nonzero bits fell off.
Limbs shr_raw(const u32* a, size_t an, uint64_t bits, bool* lost) {
  size_t limbs = size_t(std::min<uint64_t>(bits / 32, an));
  int s = int(bits % 32);
  if (lost) {
    *lost = false;
    for (size_t i = 0; i < limbs; i++)
      if (a[i]) *lost = true;
  }
  if (limbs >= an) return {};
  size_t n = an - limbs;
  Limbs r(n);
  if (s == 0) {
    std::copy(a + limbs, a + an, r.begin());
  } else {
    if (lost && (a[limbs] & ((u32(1) << s) - 1))) *lost = true;
    for (size_t i = 0; i < n; i++) {
      u32 lo = a[limbs + i] >> s;
      u32 hi = limbs + i + 1 < an ? a[limbs + i + 1] << (32 - s) : 0;
      r[i] = lo | hi;
    }
  }
  trim(r);
  return r;
}

BigInt make(bool neg, Limbs mag) {
  BigInt r;
  r.neg = neg;
  r.mag = std::move(mag);
  r.normalize();
  return r;
}

// Two's complement of a in `len` limbs (len > a.n so the sign bit fits).
Limbs twos(IntRef a, size_t len) {
  Limbs r(len, 0);
  std::copy(a.d, a.d + a.n, r.begin());
  if (a.neg) {
    for (u32& x : r) x = ~x;
    for (u32& x : r)
      if (++x != 0) break;
  }
  return r;
}

BigInt from_twos(Limbs r) {
  bool neg = !r.empty() && (r.back() >> 31);
  if (neg) {
    for (u32& x : r) x = ~x;
    for (u32& x : r)
      if (++x != 0) break;
  }
  return make(neg, std::move(r));
}

template <class F>
BigInt bitwise(IntRef a, IntRef b, F f) {
  size_t len = std::max(a.n, b.n) + 1;
  Limbs x = twos(a, len), y = twos(b, len);
  for (size_t i = 0; i < len; i++) x[i] = f(x[i], y[i]);
  return from_twos(std::move(x));
}

const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

BigInt BigInt::from_u64(uint64_t v) {
  BigInt r;
  if (v) r.mag.push_back(u32(v));
  if (v >> 32) r.mag.push_back(u32(v >> 32));
  return r;
}

BigInt BigInt::from_i64(int64_t v) {
  uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  BigInt r = from_u64(mag);
  r.neg = v < 0;
  return r;
}

void BigInt::normalize() {
  trim(mag);
  if (mag.empty()) neg = false;
}

IntRef SmallLimbs::ref(int64_t v) {
  uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  d[0] = u32(mag);
  d[1] = u32(mag >> 32);
  return {d, size_t(d[1] ? 2 : d[0] ? 1 : 0), v < 0};
}

namespace bigint {

bool fits_i64(IntRef a, int64_t* out) {
  if (a.n > 2) return false;
  u64 mag = a.n == 0 ? 0 : a.n == 1 ? a.d[0] : (u64(a.d[1]) << 32) | a.d[0];
  if (a.neg) {
    if (mag > (u64(1) << 63)) return false;
    *out = int64_t(u64(0) - mag);
  } else {
    if (mag >= (u64(1) << 63)) return false;
    *out = int64_t(mag);
  }
  return true;
}

int cmp_mag(IntRef a, IntRef b) { return cmp_raw(a.d, a.n, b.d, b.n); }

int cmp(IntRef a, IntRef b) {
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  int c = cmp_mag(a, b);
  return a.neg ? -c : c;
}

BigInt add(IntRef a, IntRef b) {
  if (a.neg == b.neg) return make(a.neg, add_raw(a.d, a.n, b.d, b.n));
  int c = cmp_mag(a, b);
  if (c == 0) return {};
  if (c > 0) return make(a.neg, sub_raw(a.d, a.n, b.d, b.n));
  return make(b.neg, sub_raw(b.d, b.n, a.d, a.n));
}

BigInt sub(IntRef a, IntRef b) {
  b.neg = !b.neg;
  return add(a, b);
}

BigInt mul(IntRef a, IntRef b) { return make(a.neg != b.neg, mul_raw(a.d, a.n, b.d, b.n)); }

void divmod_mag(IntRef a, IntRef b, BigInt* q, BigInt* r) {
  Limbs qm, rm;
  divmod_raw(a.d, a.n, b.d, b.n, q ? &qm : nullptr, r ? &rm : nullptr);
  if (q) *q = make(false, std::move(qm));
  if (r) *r = make(false, std::move(rm));
}

void divmod_floor(IntRef a, IntRef b, BigInt* q, BigInt* r) {
  Limbs qm, rm;
  divmod_raw(a.d, a.n, b.d, b.n, &qm, &rm);
  bool rem_zero = rm.empty();
  if (a.neg != b.neg && !rem_zero) {
    // Round the quotient toward minus infinity: q = -(|q| + 1), r = |b| - |r| with b's sign.
    if (q) {
      u32 one = 1;
      *q = make(true, add_raw(qm.data(), qm.size(), &one, 1));
    }
    if (r) *r = make(b.neg, sub_raw(b.d, b.n, rm.data(), rm.size()));
    return;
  }
  if (q) *q = make(a.neg != b.neg, std::move(qm));
  if (r) *r = make(a.neg, std::move(rm));
}

BigInt lshift(IntRef a, uint64_t bits) { return make(a.neg, shl_raw(a.d, a.n, bits)); }

BigInt rshift(IntRef a, uint64_t bits) {
  bool lost = false;
  Limbs m = shr_raw(a.d, a.n, bits, &lost);
  if (a.neg && lost) {
    u32 one = 1;
    m = add_raw(m.data(), m.size(), &one, 1);
  }
  return make(a.neg, std::move(m));
}

BigInt bit_and(IntRef a, IntRef b) {
  return bitwise(a, b, [](u32 x, u32 y) { return x & y; });
}
BigInt bit_or(IntRef a, IntRef b) {
  return bitwise(a, b, [](u32 x, u32 y) { return x | y; });
}
BigInt bit_xor(IntRef a, IntRef b) {
  return bitwise(a, b, [](u32 x, u32 y) { return x ^ y; });
}

BigInt invert(IntRef a) {
  u32 one = 1;
  BigInt r = add(a, IntRef{&one, 1, false});
  r.neg = !r.neg;
  r.normalize();
  return r;
}

BigInt negate(IntRef a) { return make(!a.neg, Limbs(a.d, a.d + a.n)); }
BigInt abs(IntRef a) { return make(false, Limbs(a.d, a.d + a.n)); }

BigInt pow(IntRef base, uint64_t exp) {
  bool neg = base.neg && (exp & 1);
  if (exp == 0) return BigInt::from_u64(1);
  if (base.n == 0) return {};
  // A power of two: just a shift.
  uint64_t tz = trailing_zeros(base);
  if (bit_length(base) == tz + 1) {
    u32 one = 1;
    return make(neg, shl_raw(&one, 1, tz * exp));
  }
  Limbs b(base.d, base.d + base.n);
  Limbs result{1};
  int top = 63 - __builtin_clzll(exp);
  for (int i = top; i >= 0; i--) {
    result = mul_raw(result.data(), result.size(), result.data(), result.size());
    if ((exp >> i) & 1) result = mul_raw(result.data(), result.size(), b.data(), b.size());
  }
  return make(neg, std::move(result));
}

BigInt pow_mod(IntRef base, IntRef exp, IntRef mod) {
  Limbs m(mod.d, mod.d + mod.n);
  Limbs b(base.d, base.d + base.n);
  Limbs z{1};
  if (m.size() == 1 && m[0] == 1) return {};
  uint64_t bits = bit_length(exp);
  for (uint64_t i = bits; i-- > 0;) {
    Limbs sq = mul_raw(z.data(), z.size(), z.data(), z.size());
    divmod_raw(sq.data(), sq.size(), m.data(), m.size(), nullptr, &z);
    if ((exp.d[i / 32] >> (i % 32)) & 1) {
      Limbs p = mul_raw(z.data(), z.size(), b.data(), b.size());
      divmod_raw(p.data(), p.size(), m.data(), m.size(), nullptr, &z);
    }
  }
  return make(false, std::move(z));
}

uint64_t bit_length(IntRef a) {
  if (!a.n) return 0;
  return uint64_t(a.n - 1) * 32 + (32 - __builtin_clz(a.d[a.n - 1]));
}

uint64_t bit_count(IntRef a) {
  uint64_t c = 0;
  for (size_t i = 0; i < a.n; i++) c += __builtin_popcount(a.d[i]);
  return c;
}

uint64_t trailing_zeros(IntRef a) {
  for (size_t i = 0; i < a.n; i++)
    if (a.d[i]) return uint64_t(i) * 32 + __builtin_ctz(a.d[i]);
  return 0;
}

std::string to_string(IntRef a, int base) {
  if (a.n == 0) return "0";
  std::string out;
  if ((base & (base - 1)) == 0) {
    // Power-of-two base: read the bits directly, lowest digit first.
    int bits = __builtin_ctz(unsigned(base));
    uint64_t total = bit_length(a);
    for (uint64_t pos = 0; pos < total; pos += bits) {
      unsigned v = 0;
      for (int k = 0; k < bits && pos + k < total; k++) {
        uint64_t bit = pos + k;
        v |= ((a.d[bit / 32] >> (bit % 32)) & 1u) << k;
      }
      out += kDigits[v];
    }
  } else {
    // Peel off chunks of k digits by dividing by base**k (the largest power that fits a limb).
    u32 chunk = base;
    int k = 1;
    while (u64(chunk) * base <= 0xffffffffu) {
      chunk *= base;
      k++;
    }
    Limbs t(a.d, a.d + a.n);
    while (!t.empty()) {
      u32 rem = divrem1(t, chunk);
      for (int i = 0; i < k; i++) {
        out += kDigits[rem % base];
        rem /= base;
        if (t.empty() && rem == 0) break;
      }
    }
    while (out.size() > 1 && out.back() == '0') out.pop_back();
  }
  if (a.neg) out += '-';
  std::reverse(out.begin(), out.end());
  return out;
}

uint64_t decimal_digits_lower_bound(IntRef a) {
  uint64_t bits = bit_length(a);
  if (bits == 0) return 1;
  // 2**(bits-1) <= |a|, so |a| has at least floor((bits-1)*log10(2)) + 1 digits.
  return uint64_t(double(bits - 1) * 0.30102999566398114) + 1;
}

BigInt from_digits(std::string_view digits, int base) {
  Limbs r;
  if ((base & (base - 1)) == 0) {
    int bits = __builtin_ctz(unsigned(base));
    uint64_t total = uint64_t(digits.size()) * bits;
    r.assign(size_t(total / 32 + 1), 0);
    uint64_t pos = 0;
    for (size_t i = digits.size(); i-- > 0; pos += bits) {
      u64 v = u64(digit_value(digits[i]));
      size_t limb = size_t(pos / 32);
      int off = int(pos % 32);
      r[limb] |= u32(v << off);
      if (off + bits > 32) r[limb + 1] |= u32(v >> (32 - off));
    }
    return make(false, std::move(r));
  }
  u32 chunk_max = base;
  int k = 1;
  while (u64(chunk_max) * base <= 0xffffffffu) {
    chunk_max *= base;
    k++;
  }
  size_t i = 0;
  while (i < digits.size()) {
    size_t len = std::min<size_t>(k, digits.size() - i);
    u32 mulby = 1, add = 0;
    for (size_t j = 0; j < len; j++) {
      mulby *= base;
      add = add * base + u32(digit_value(digits[i + j]));
    }
    i += len;
    u64 carry = add;
    for (u32& x : r) {
      u64 t = u64(x) * mulby + carry;
      x = u32(t);
      carry = t >> 32;
    }
    if (carry) r.push_back(u32(carry));
  }
  return make(false, std::move(r));
}

namespace {

// The top 64 bits of |a| (bit_length >= 64) with *sticky set when any lower bit is nonzero.
u64 top_bits(IntRef a, uint64_t nbits, bool* sticky) {
  uint64_t shift = nbits - 64;
  bool lost = false;
  Limbs t = shr_raw(a.d, a.n, shift, &lost);
  *sticky = lost;
  return (u64(t.size() > 1 ? t[1] : 0) << 32) | (t.empty() ? 0 : t[0]);
}

}  // namespace

double frexp(IntRef a, int64_t* exp) {
  uint64_t nbits = bit_length(a);
  double d;
  int e;
  if (nbits <= 64) {
    u64 v = a.n == 1 ? a.d[0] : (u64(a.d[1]) << 32) | a.d[0];
    d = std::frexp(double(v), &e);
    *exp = e;
  } else {
    bool sticky;
    u64 v = top_bits(a, nbits, &sticky);
    // OR-ing the sticky bit into bit 0 keeps round-half-even exact: bit 0 lies below the
    // 53-bit rounding position of a 64-bit value.
    if (sticky) v |= 1;
    d = std::frexp(double(v), &e);
    *exp = int64_t(e) + int64_t(nbits - 64);
  }
  return a.neg ? -d : d;
}

double to_double(IntRef a, bool* overflow) {
  *overflow = false;
  if (a.n == 0) return 0.0;
  int64_t e;
  double m = frexp(a, &e);
  if (e > 1024) {
    *overflow = true;
    return 0.0;
  }
  return std::ldexp(m, int(e));
}

BigInt from_double(double d) {
  d = std::trunc(d);
  bool neg = d < 0;
  if (neg) d = -d;
  if (d < 1) return {};
  int e;
  double m = std::frexp(d, &e);  // d = m * 2**e, m in [0.5, 1)
  u64 mant = u64(std::ldexp(m, 64));
  Limbs limbs{u32(mant), u32(mant >> 32)};
  Limbs r = e >= 64 ? shl_raw(limbs.data(), 2, uint64_t(e - 64)) : shr_raw(limbs.data(), 2, uint64_t(64 - e), nullptr);
  return make(neg, std::move(r));
}

double true_divide(IntRef a, IntRef b, bool* overflow) {
  *overflow = false;
  const int kMantDig = 53, kMaxExp = 1024, kMinExp = -1021;
  bool negate = a.neg != b.neg;
  if (a.n == 0) return negate ? -0.0 : 0.0;
  uint64_t a_bits = bit_length(a), b_bits = bit_length(b);
  if (a_bits <= 53 && b_bits <= 53) {
    double da = double((u64(a.n > 1 ? a.d[1] : 0) << 32) | a.d[0]);
    double db = double((u64(b.n > 1 ? b.d[1] : 0) << 32) | b.d[0]);
    double r = da / db;
    return negate ? -r : r;
  }
  int64_t diff = int64_t(a_bits) - int64_t(b_bits);
  if (diff > kMaxExp) {
    *overflow = true;
    return 0.0;
  }
  if (diff < kMinExp - kMantDig - 1) return negate ? -0.0 : 0.0;
  int64_t shift = std::max<int64_t>(diff, kMinExp) - kMantDig - 2;
  bool inexact = false;
  Limbs x;
  if (shift <= 0) {
    x = shl_raw(a.d, a.n, uint64_t(-shift));
  } else {
    x = shr_raw(a.d, a.n, uint64_t(shift), &inexact);
  }
  Limbs q, r;
  divmod_raw(x.data(), x.size(), b.d, b.n, &q, &r);
  if (!r.empty()) inexact = true;
  IntRef qr{q.data(), q.size(), false};
  int64_t x_bits = int64_t(bit_length(qr));
  int64_t extra_bits = std::max<int64_t>(x_bits, kMinExp - shift) - kMantDig;
  u64 mask = u64(1) << (extra_bits - 1);
  u64 low = u64(q[0]) | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  low &= ~(2 * mask - 1);
  // q has at most 56 bits: fold the rounded low limb back in exactly.
  u64 qv = (u64(q.size() > 1 ? q[1] : 0) << 32) + low;
  double dx = double(qv);
  if (shift + x_bits >= kMaxExp && (shift + x_bits > kMaxExp || dx == std::ldexp(1.0, int(x_bits)))) {
    *overflow = true;
    return 0.0;
  }
  double result = std::ldexp(dx, int(shift));
  return negate ? -result : result;
}

int64_t hash(IntRef a) {
  const u64 kModulus = (u64(1) << 61) - 1;
  u64 h = 0;
  for (size_t i = a.n; i-- > 0;) {
    h = ((h << 32) & kModulus) | (h >> 29);  // h * 2**32 modulo 2**61 - 1
    h += a.d[i];
    if (h >= kModulus) h -= kModulus;
  }
  int64_t r = int64_t(h);
  if (a.neg) r = -r;
  return r == -1 ? -2 : r;
}

}  // namespace bigint
}  // namespace looplab
