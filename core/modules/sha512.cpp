// SHA-512 (FIPS 180-4). The round constants are the first 64 bits of the fractional parts of
// the cube roots of the first 80 primes (square roots of the first 8 for the initial hash);
// they are computed once with exact integer roots instead of being typed in.
#include "modules/sha512.h"

#include <vector>

#include "runtime/bigint.h"

namespace looplab {

namespace {

// floor(root-th root of n) by Newton's method from an over-estimate (root 2 or 3).
BigInt int_root(const BigInt& n, unsigned root) {
  uint64_t bits = bigint::bit_length(n.ref());
  BigInt x = bigint::lshift(BigInt::from_i64(1).ref(), bits / root + 1);
  BigInt k = BigInt::from_i64(root), km1 = BigInt::from_i64(root - 1);
  for (;;) {
    BigInt p = root == 2 ? x : bigint::mul(x.ref(), x.ref());  // x**(root-1)
    BigInt q;
    bigint::divmod_mag(n.ref(), p.ref(), &q, nullptr);
    BigInt y = bigint::add(bigint::mul(km1.ref(), x.ref()).ref(), q.ref());
    bigint::divmod_mag(y.ref(), k.ref(), &y, nullptr);
    if (bigint::cmp(y.ref(), x.ref()) >= 0) return x;
    x = std::move(y);
  }
}

// The low 64 bits of floor(root-th root of p * 2**(64*root)): the root's first 64 fraction bits.
uint64_t frac_bits(unsigned p, unsigned root) {
  BigInt n = bigint::lshift(BigInt::from_i64(p).ref(), 64 * root);
  BigInt r = int_root(n, root);
  uint64_t lo = r.mag.size() > 0 ? r.mag[0] : 0, hi = r.mag.size() > 1 ? r.mag[1] : 0;
  return (hi << 32) | lo;
}

struct Constants {
  uint64_t k[80];
  uint64_t h0[8];
  Constants() {
    std::vector<unsigned> primes;
    for (unsigned c = 2; primes.size() < 80; c++) {
      bool prime = true;
      for (unsigned p : primes)
        if (c % p == 0) {
          prime = false;
          break;
        }
      if (prime) primes.push_back(c);
    }
    for (int i = 0; i < 80; i++) k[i] = frac_bits(primes[size_t(i)], 3);
    for (int i = 0; i < 8; i++) h0[i] = frac_bits(primes[size_t(i)], 2);
  }
};

const Constants& constants() {
  static const Constants c;
  return c;
}

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(uint64_t h[8], const uint8_t* block, const uint64_t* k) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) {
    uint64_t v = 0;
    for (int j = 0; j < 8; j++) v = (v << 8) | block[i * 8 + j];
    w[i] = v;
  }
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; i++) {
    uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + S1 + ch + k[i] + w[i];
    uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
    uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

}  // namespace

std::array<uint8_t, 64> sha512(std::string_view data) {
  const Constants& c = constants();
  uint64_t h[8];
  for (int i = 0; i < 8; i++) h[i] = c.h0[i];
  size_t full = data.size() / 128 * 128;
  for (size_t off = 0; off < full; off += 128)
    compress(h, reinterpret_cast<const uint8_t*>(data.data()) + off, c.k);
  // Padding: 0x80, zeros, then the bit length as a 128-bit big-endian number.
  uint8_t tail[256] = {0};
  size_t rest = data.size() - full;
  for (size_t i = 0; i < rest; i++) tail[i] = uint8_t(data[full + i]);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 16 <= 128 ? 128 : 256;
  uint64_t bits = uint64_t(data.size()) * 8;
  for (int i = 0; i < 8; i++) tail[tail_len - 1 - i] = uint8_t(bits >> (8 * i));
  for (size_t off = 0; off < tail_len; off += 128) compress(h, tail + off, c.k);
  std::array<uint8_t, 64> out;
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) out[size_t(i * 8 + j)] = uint8_t(h[i] >> (56 - 8 * j));
  return out;
}

}  // namespace looplab
