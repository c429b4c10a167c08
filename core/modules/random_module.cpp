// random: CPython's Mersenne Twister (mirrors Modules/_randommodule.c) and random.py's
// algorithms on top of it, step for step, so a seeded program draws the same numbers in the
// same order as CPython 3.11.
#include <cmath>
#include <unordered_set>
#include <vector>

#include "lang/vm.h"
#include "modules/module_inits.h"
#include "modules/sha512.h"
#include "runtime/exact_math.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr int kN = 624;
constexpr int kM = 397;

// A Random instance: the generator state and an attribute dict (gauss_next lives there, as in
// CPython, and subclasses may add their own attributes).
struct RandomObj final : Obj {
  uint32_t mt[kN];
  int index = kN + 1;
  DictObj* dict = nullptr;
  explicit RandomObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override { t.mark(reinterpret_cast<Obj*>(dict)); }

  // mirrors init_genrand.
  void init_genrand(uint32_t s) {
    mt[0] = s;
    for (int i = 1; i < kN; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
    index = kN;
  }

  // mirrors init_by_array.
  void init_by_array(const uint32_t* key, size_t len) {
    init_genrand(19650218U);
    size_t i = 1, j = 0;
    for (size_t k = kN > len ? kN : len; k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
      i++;
      j++;
      if (i >= kN) {
        mt[0] = mt[kN - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (size_t k = kN - 1; k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
      i++;
      if (i >= kN) {
        mt[0] = mt[kN - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000U;
  }

  // mirrors genrand_uint32.
  uint32_t next32() {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    const uint32_t upper = 0x80000000U, lower = 0x7fffffffU;
    uint32_t y;
    if (index >= kN) {
      int kk;
      for (kk = 0; kk < kN - kM; kk++) {
        y = (mt[kk] & upper) | (mt[kk + 1] & lower);
        mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      for (; kk < kN - 1; kk++) {
        y = (mt[kk] & upper) | (mt[kk + 1] & lower);
        mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      y = (mt[kN - 1] & upper) | (mt[0] & lower);
      mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
      index = 0;
    }
    y = mt[index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
  }

  // mirrors genrand_res53.
  double next_double() {
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
};

// Seeds for Random() / seed(None): CPython reads os.urandom; here runs stay reproducible (a share
// link replays the same program), and successive unseeded generators still differ.
uint32_t g_unseeded_counter = 0;

RandomObj* as_random(VM& vm, Value v, ClassObj* cls) {
  if (!v.is_obj() || v.o->kind != Kind::Other || !v.o->cls->is_subclass_of(cls)) {
    vm.raisef(vm.t.TypeError, "descriptor requires a 'Random' object but received a '%s'", type_name(vm, v).c_str());
    return nullptr;
  }
  return static_cast<RandomObj*>(v.o);
}

// ---- attributes (instances keep a dict) -----------------------------------------------------

Value random_getattr(VM& vm, Value self, StrObj* name) {
  auto* r = static_cast<RandomObj*>(self.o);
  ClassObj* cls = vm.type_of(self);
  Value descr = cls->lookup(name);
  if (!descr.is_undef()) {
    ClassObj* dcls = vm.type_of(descr);
    if (dcls->slots.descr_get && dcls->slots.descr_set) return dcls->slots.descr_get(vm, descr, self, Value::object(cls));
  }
  if (r->dict) {
    Value v = r->dict->get_str(name);
    if (!v.is_undef()) return v;
  }
  if (name == vm.n.__dict__) {
    if (!r->dict) r->dict = vm.new_dict();
    return Value::object(r->dict);
  }
  if (!descr.is_undef()) {
    ClassObj* dcls = vm.type_of(descr);
    if (dcls->slots.descr_get) return dcls->slots.descr_get(vm, descr, self, Value::object(cls));
    return descr;
  }
  return Value();
}

bool random_setattr(VM& vm, Value self, StrObj* name, Value v) {
  auto* r = static_cast<RandomObj*>(self.o);
  ClassObj* cls = vm.type_of(self);
  Value descr = cls->lookup(name);
  if (!descr.is_undef()) {
    ClassObj* dcls = vm.type_of(descr);
    if (dcls->slots.descr_set) return dcls->slots.descr_set(vm, descr, self, v);
  }
  if (!r->dict) r->dict = vm.new_dict();
  if (v.is_undef()) {
    if (!r->dict->del_str(name)) {
      vm.raisef(vm.t.AttributeError, "'%s' object has no attribute '%s'", cls->name->str().c_str(), name->str().c_str());
      return false;
    }
    return true;
  }
  r->dict->set_str(name, v);
  return true;
}

Value get_gauss_next(VM& vm, RandomObj* r) {
  Value v = r->dict ? r->dict->get_str(vm.intern("gauss_next")) : Value();
  return v.is_undef() ? Value::none() : v;
}

void set_gauss_next(VM& vm, RandomObj* r, Value v) {
  if (!r->dict) r->dict = vm.new_dict();
  r->dict->set_str(vm.intern("gauss_next"), v);
}

// ---- the generator as random.py sees it -----------------------------------------------------

// self.random(), self.getrandbits(k) and self._randbelow(n), honouring Python subclasses that
// override random() or getrandbits() (random.py's __init_subclass__ rule).
struct Gen {
  VM& vm;
  Value self;
  RandomObj* r;
  ClassObj* base;             // the Random class
  bool native = true;         // no overrides: use the generator directly
  enum { kInherit, kWithBits, kWithoutBits, kCustom } below = kInherit;

  Gen(VM& v, Value s, RandomObj* obj, ClassObj* b) : vm(v), self(s), r(obj), base(b) {
    ClassObj* cls = obj->cls;
    if (cls == base) return;
    StrObj* n_random = vm.intern("random");
    StrObj* n_bits = vm.intern("getrandbits");
    StrObj* n_below = vm.intern("_randbelow");
    for (ClassObj* c : cls->mro) {
      if (c == base) break;
      if (!c->dict->get_str(n_random).is_undef() || !c->dict->get_str(n_bits).is_undef()) native = false;
    }
    for (ClassObj* c : cls->mro) {
      if (c == base) break;
      if (!c->dict->get_str(n_below).is_undef()) {
        below = kCustom;
        break;
      }
      if (!c->dict->get_str(n_bits).is_undef()) {
        below = kWithBits;
        break;
      }
      if (!c->dict->get_str(n_random).is_undef()) {
        below = kWithoutBits;
        break;
      }
    }
  }

  bool random(double* out) {
    if (native) {
      *out = r->next_double();
      return true;
    }
    Value v = vm.call_method(self, vm.intern("random"), {});
    if (v.is_error()) return false;
    return as_double(vm, v, out);
  }

  Value getrandbits_native(int64_t k) {
    if (k <= 32) return Value::integer(k == 0 ? 0 : int64_t(r->next32() >> (32 - k)));
    if (k <= 63) {
      uint64_t lo = r->next32();
      uint64_t hi = r->next32() >> (64 - k);
      return Value::integer(int64_t((hi << 32) | lo));
    }
    BigInt b;
    size_t words = size_t((k - 1) / 32 + 1);
    b.mag.resize(words);
    int64_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
      uint32_t w = r->next32();
      if (left < 32) w >>= (32 - left);
      b.mag[i] = w;
    }
    b.normalize();
    return make_int(vm, std::move(b));
  }

  Value getrandbits(int64_t k) {
    if (native) return getrandbits_native(k);
    return vm.call_method(self, vm.intern("getrandbits"), {Value::integer(k)});
  }

  // mirrors Random._randbelow_with_getrandbits / _randbelow_without_getrandbits; n > 0.
  Value randbelow(Value n) {
    if (below == kCustom) return vm.call_method(self, vm.intern("_randbelow"), {n});
    if (below == kWithoutBits) return randbelow_without_bits(n);
    SmallLimbs buf;
    IntRef nr;
    int_ref(n, buf, &nr);
    int64_t k = int64_t(bigint::bit_length(nr));
    int64_t small;
    if (native && bigint::fits_i64(nr, &small)) {
      for (;;) {
        Value v = getrandbits_native(k);
        if (v.i < small) return v;
      }
    }
    for (;;) {
      Value v = getrandbits(k);
      if (v.is_error()) return v;
      Value lt = op_compare(vm, v, n, CompareOp::Lt);
      if (lt.is_error()) return lt;
      if (op_truth(vm, lt) == 1) return v;
    }
  }

  Value randbelow_without_bits(Value n) {
    const double maxsize = 9007199254740992.0;  // 1 << BPF
    double dn;
    if (!as_double(vm, n, &dn)) return Value::error();
    double x;
    if (dn >= maxsize) {
      if (!random(&x)) return Value::error();
      return float_floor_to_int(vm, x * dn);
    }
    int64_t ni;
    int_fits_i64(n, &ni);
    int64_t rem = int64_t(maxsize) % ni;
    double limit = double(int64_t(maxsize) - rem) / maxsize;
    if (!random(&x)) return Value::error();
    while (x >= limit)
      if (!random(&x)) return Value::error();
    return Value::integer(int64_t(std::floor(x * maxsize)) % ni);
  }
};

#define RANDOM_SELF(name)                                                     \
  ClassObj* base = vm.calling_native->owner;                                  \
  if (a.nargs < 1) return vm.raise(vm.t.TypeError, name "() missing self");   \
  RandomObj* r = as_random(vm, a[0], base);                                   \
  if (!r) return Value::error();                                              \
  Gen gen(vm, a[0], r, base);

// ---- seeding and state ----------------------------------------------------------------------

// mirrors random_seed (C): the key is the 32-bit words of abs(n), least significant first.
void seed_with_int(RandomObj* r, IntRef n) {
  std::vector<uint32_t> key(n.d, n.d + n.n);
  if (key.empty()) key.push_back(0);
  r->init_by_array(key.data(), key.size());
}

Value random_seed(VM& vm, CallArgs& a) {
  RANDOM_SELF("seed");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "seed", {"a=", "version="}, args))
    return Value::error();
  Value x = args[0].is_undef() ? Value::none() : args[0];
  int64_t version = 2;
  if (!args[1].is_undef() && !int_fits_i64(args[1], &version)) version = 0;
  std::string_view raw;
  bool is_str = x.is_obj() && x.o->kind == Kind::Str;
  bool is_bytes = x.is_obj() && !is_str && bytes_like(vm, x, &raw);
  if (version == 1 && (is_str || is_bytes)) {
    // random.py's version 1 string hash (latin-1 code points of the text).
    std::vector<uint32_t> cps;
    if (is_str) {
      std::string_view s = static_cast<StrObj*>(x.o)->view();
      size_t pos = 0;
      while (pos < s.size()) cps.push_back(utf8::decode(s, pos));
    } else {
      for (char c : raw) cps.push_back((unsigned char)c);
    }
    uint64_t h = cps.empty() ? 0 : uint64_t(cps[0]) << 7;
    for (uint32_t c : cps) h = (1000003 * h) ^ c;
    h ^= cps.size();
    BigInt b = BigInt::from_u64(h);
    seed_with_int(r, b.ref());
  } else if (version == 2 && (is_str || is_bytes)) {
    std::string_view data = is_str ? static_cast<StrObj*>(x.o)->view() : raw;
    std::string all(data);
    auto digest = sha512(data);
    all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    // int.from_bytes(all) (big-endian) as little-endian 32-bit words.
    BigInt n;
    n.mag.assign((all.size() + 3) / 4, 0);
    for (size_t i = 0; i < all.size(); i++) {
      size_t pos = all.size() - 1 - i;  // byte i from the least significant end
      n.mag[i / 4] |= uint32_t((unsigned char)all[pos]) << (8 * (i % 4));
    }
    n.normalize();
    seed_with_int(r, n.ref());
  } else if (x.is_none()) {
    uint32_t key[2] = {0x6c6f6f70u, ++g_unseeded_counter};  // "loop"
    r->init_by_array(key, 2);
  } else if (is_int(x)) {
    SmallLimbs buf;
    IntRef n;
    int_ref(x, buf, &n);
    n.neg = false;
    seed_with_int(r, n);
  } else {
    double d;
    if (!float_value(vm, x, &d) && !is_str && !is_bytes)
      return vm.raise(vm.t.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    int64_t h;
    if (!op_hash(vm, x, &h)) return Value::error();
    BigInt b = BigInt::from_u64(uint64_t(h));
    seed_with_int(r, b.ref());
  }
  set_gauss_next(vm, r, Value::none());
  return Value::none();
}

Value random_init(VM& vm, Value self, CallArgs& a) {
  Value args[1];
  if (!bind_args(vm, a, "Random", {"x="}, args)) return Value::error();
  Value x = args[0].is_undef() ? Value::none() : args[0];
  Value rv = vm.call_method(self, vm.intern("seed"), {x});
  if (rv.is_error()) return rv;
  auto* r = static_cast<RandomObj*>(self.o);
  set_gauss_next(vm, r, Value::none());
  return Value::none();
}

Value random_new(VM& vm, ClassObj* cls, CallArgs&) {
  RandomObj* r = vm.heap.make<RandomObj>(cls);
  uint32_t key[2] = {0x6c6f6f70u, ++g_unseeded_counter};
  r->init_by_array(key, 2);
  return Value::object(r);
}

Value random_getstate(VM& vm, CallArgs& a) {
  RANDOM_SELF("getstate");
  (void)gen;
  TupleObj* t = vm.new_tuple(kN + 1);
  for (int i = 0; i < kN; i++) (*t)[size_t(i)] = Value::integer(r->mt[i]);
  (*t)[kN] = Value::integer(r->index);
  return Value::object(vm.tuple_of({Value::integer(3), Value::object(t), get_gauss_next(vm, r)}));
}

Value random_setstate(VM& vm, CallArgs& a) {
  RANDOM_SELF("setstate");
  (void)gen;
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "setstate", 1, 1)) return Value::error();
  Value st = a[1];
  if (!st.is_obj() || st.o->kind != Kind::Tuple || static_cast<TupleObj*>(st.o)->size != 3)
    return vm.raise(vm.t.ValueError, "state with version None passed to Random.setstate() of version 3");
  TupleObj* outer = static_cast<TupleObj*>(st.o);
  int64_t version = 0;
  if (!int_fits_i64((*outer)[0], &version) || (version != 3 && version != 2)) {
    std::string v;
    if (!repr_text(vm, (*outer)[0], v)) return Value::error();
    return vm.raisef(vm.t.ValueError, "state with version %s passed to Random.setstate() of version 3", v.c_str());
  }
  Value inner = (*outer)[1];
  if (!inner.is_obj() || inner.o->kind != Kind::Tuple) return vm.raise(vm.t.TypeError, "state vector must be a tuple");
  TupleObj* t = static_cast<TupleObj*>(inner.o);
  if (t->size != size_t(kN + 1)) return vm.raise(vm.t.ValueError, "state vector is the wrong size");
  uint32_t mt[kN];
  for (int i = 0; i < kN; i++) {
    int64_t w;
    if (!int_fits_i64((*t)[size_t(i)], &w)) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C unsigned long");
    if (version == 2) w = ((w % 4294967296LL) + 4294967296LL) % 4294967296LL;
    if (w < 0 || w > 0xffffffffLL) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C unsigned long");
    mt[i] = uint32_t(w);
  }
  int64_t index;
  if (!int_fits_i64((*t)[kN], &index) || index < 0 || index > kN) return vm.raise(vm.t.ValueError, "invalid state");
  for (int i = 0; i < kN; i++) r->mt[i] = mt[i];
  r->index = int(index);
  set_gauss_next(vm, r, (*outer)[2]);
  return Value::none();
}

// ---- core draws -----------------------------------------------------------------------------

Value random_random(VM& vm, CallArgs& a) {
  RANDOM_SELF("random");
  if (a.nargs != 1 || a.nkw()) return vm.raisef(vm.t.TypeError, "random() takes no arguments (%u given)", a.nargs - 1);
  return Value::real(r->next_double());
}

Value random_getrandbits(VM& vm, CallArgs& a) {
  RANDOM_SELF("getrandbits");
  if (!no_kwargs(vm, a, "getrandbits") || !check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, nullptr}, "getrandbits", 1, 1))
    return Value::error();
  int64_t k;
  if (!index_value(vm, a[1], &k)) return Value::error();
  if (k < 0) return vm.raise(vm.t.ValueError, "number of bits must be non-negative");
  return gen.getrandbits_native(k);
}

Value random_randbelow(VM& vm, CallArgs& a) {
  RANDOM_SELF("_randbelow");
  if (a.nargs != 2) return vm.raise(vm.t.TypeError, "_randbelow() takes 1 argument");
  Value n = number_index(vm, a[1]);
  if (n.is_error()) return n;
  return gen.randbelow(n);
}

Value random_randbytes(VM& vm, CallArgs& a) {
  RANDOM_SELF("randbytes");
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "randbytes", 1, 1)) return Value::error();
  int64_t n;
  if (!index_value(vm, a[1], &n)) return Value::error();
  if (n < 0) return vm.raise(vm.t.ValueError, "number of bits must be non-negative");
  Value bits = gen.getrandbits(n * 8);
  if (bits.is_error()) return bits;
  SmallLimbs buf;
  IntRef ref;
  int_ref(bits, buf, &ref);
  std::string out(size_t(n), '\0');
  for (size_t i = 0; i < size_t(n) && i / 4 < ref.n; i++) out[i] = char((ref.d[i / 4] >> (8 * (i % 4))) & 0xff);
  return Value::object(vm.new_bytes(out));
}

// ---- integers -------------------------------------------------------------------------------

// randrange's argument conversion: _index(x), else int(x) when it equals x.
Value randrange_arg(VM& vm, Value v, const char* which) {
  Value i = number_index(vm, v);
  if (!i.is_error()) return i;
  if (!vm.pending_is(vm.t.TypeError)) return i;
  vm.clear_exception();
  Value iv = vm.call(Value::object(vm.t.int_), {v});
  if (iv.is_error()) return iv;
  int eq = op_eq(vm, iv, v);
  if (eq < 0) return Value::error();
  if (!eq) return vm.raisef(vm.t.ValueError, "non-integer %s for randrange()", which);
  return iv;
}

int sign_of(VM& vm, Value v) {
  Value gt = op_compare(vm, v, Value::integer(0), CompareOp::Gt);
  if (gt.is_error()) return -2;
  if (op_truth(vm, gt)) return 1;
  Value lt = op_compare(vm, v, Value::integer(0), CompareOp::Lt);
  if (lt.is_error()) return -2;
  return op_truth(vm, lt) ? -1 : 0;
}

// mirrors Random.randrange.
Value randrange(VM& vm, Gen& gen, Value start, Value stop, Value step) {
  Value istart = randrange_arg(vm, start, "arg 1");
  if (istart.is_error()) return istart;
  if (stop.is_undef() || stop.is_none()) {
    if (!step.is_undef()) return vm.raise(vm.t.TypeError, "Missing a non-None stop argument");
    int s = sign_of(vm, istart);
    if (s == -2) return Value::error();
    if (s > 0) return gen.randbelow(istart);
    return vm.raise(vm.t.ValueError, "empty range for randrange()");
  }
  Value istop = randrange_arg(vm, stop, "stop");
  if (istop.is_error()) return istop;
  Value width = op_binary(vm, istop, istart, BinOp::Subtract);
  if (width.is_error()) return width;
  Value istep = step.is_undef() ? Value::integer(1) : randrange_arg(vm, step, "step");
  if (istep.is_error()) return istep;
  int64_t st;
  if (int_fits_i64(istep, &st) && st == 1) {
    int s = sign_of(vm, width);
    if (s == -2) return Value::error();
    if (s > 0) {
      Value b = gen.randbelow(width);
      if (b.is_error()) return b;
      return op_binary(vm, istart, b, BinOp::Add);
    }
    std::string a1 = int_to_text(istart), a2 = int_to_text(istop), a3 = int_to_text(width);
    return vm.raisef(vm.t.ValueError, "empty range for randrange() (%s, %s, %s)", a1.c_str(), a2.c_str(), a3.c_str());
  }
  int ss = sign_of(vm, istep);
  if (ss == -2) return Value::error();
  Value n;
  if (ss > 0) {
    Value t = op_binary(vm, op_binary(vm, width, istep, BinOp::Add), Value::integer(1), BinOp::Subtract);
    n = op_binary(vm, t, istep, BinOp::FloorDivide);
  } else if (ss < 0) {
    Value t = op_binary(vm, op_binary(vm, width, istep, BinOp::Add), Value::integer(1), BinOp::Add);
    n = op_binary(vm, t, istep, BinOp::FloorDivide);
  } else {
    return vm.raise(vm.t.ValueError, "zero step for randrange()");
  }
  if (n.is_error()) return n;
  int sn = sign_of(vm, n);
  if (sn == -2) return Value::error();
  if (sn <= 0) return vm.raise(vm.t.ValueError, "empty range for randrange()");
  Value b = gen.randbelow(n);
  if (b.is_error()) return b;
  Value off = op_binary(vm, istep, b, BinOp::Multiply);
  if (off.is_error()) return off;
  return op_binary(vm, istart, off, BinOp::Add);
}

Value random_randrange(VM& vm, CallArgs& a) {
  RANDOM_SELF("randrange");
  Value args[3];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "randrange", {"start", "stop=", "step="}, args))
    return Value::error();
  return randrange(vm, gen, args[0], args[1], args[2]);
}

Value random_randint(VM& vm, CallArgs& a) {
  RANDOM_SELF("randint");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "randint", {"a", "b"}, args))
    return Value::error();
  Value b1 = op_binary(vm, args[1], Value::integer(1), BinOp::Add);
  if (b1.is_error()) return b1;
  return randrange(vm, gen, args[0], b1, Value());
}

// ---- sequences ------------------------------------------------------------------------------

Value random_choice(VM& vm, CallArgs& a) {
  RANDOM_SELF("choice");
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "choice", 1, 1)) return Value::error();
  Value seq = a[1];
  int64_t n = op_len(vm, seq);
  if (n < 0) return Value::error();
  if (n == 0) return vm.raise(vm.t.IndexError, "Cannot choose from an empty sequence");
  Value j = gen.randbelow(Value::integer(n));
  if (j.is_error()) return j;
  if (seq.is_obj() && seq.o->cls == vm.t.list) return static_cast<ListObj*>(seq.o)->items[size_t(j.i)];
  return op_getitem(vm, seq, j);
}

Value random_shuffle(VM& vm, CallArgs& a) {
  RANDOM_SELF("shuffle");
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "shuffle", 1, 1)) return Value::error();
  Value x = a[1];
  int64_t n = op_len(vm, x);
  if (n < 0) return Value::error();
  for (int64_t i = n - 1; i >= 1; i--) {
    Value jv = gen.randbelow(Value::integer(i + 1));
    if (jv.is_error()) return jv;
    int64_t j = jv.i;
    if (x.is_obj() && x.o->cls == vm.t.list && static_cast<ListObj*>(x.o)->items.size() == size_t(n)) {
      auto& items = static_cast<ListObj*>(x.o)->items;
      std::swap(items[size_t(i)], items[size_t(j)]);
      continue;
    }
    Value xi = op_getitem(vm, x, Value::integer(i));
    if (xi.is_error()) return xi;
    Value xj = op_getitem(vm, x, Value::integer(j));
    if (xj.is_error()) return xj;
    if (!op_setitem(vm, x, Value::integer(i), xj) || !op_setitem(vm, x, Value::integer(j), xi)) return Value::error();
  }
  return Value::none();
}

// bisect.bisect_right(a, x, lo, hi) over values with Python comparisons.
int64_t bisect_right(VM& vm, const std::vector<Value>& arr, Value x, int64_t lo, int64_t hi) {
  while (lo < hi) {
    int64_t mid = (lo + hi) / 2;
    int lt = op_lt(vm, x, arr[size_t(mid)]);
    if (lt < 0) return -1;
    if (lt) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

bool accumulate(VM& vm, Value iterable, std::vector<Value>* out) {
  Value total;
  return op_for_each(vm, iterable, [&](Value v) {
    total = total.is_undef() ? v : op_binary(vm, total, v, BinOp::Add);
    if (total.is_error()) return -1;
    out->push_back(total);
    return 1;
  });
}

bool is_sequence(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  switch (v.o->kind) {
    case Kind::List: case Kind::Tuple: case Kind::Range: case Kind::Str: case Kind::Bytes: return true;
    case Kind::Dict: case Kind::Set: return false;
    default: break;
  }
  ClassObj* cls = vm.type_of(v);
  return cls->slots.getitem && cls->slots.len && cls->slots.getitem != vm.t.dict->slots.getitem;
}

// mirrors Random.sample.
Value sample(VM& vm, Gen& gen, Value population, Value kv, Value counts) {
  if (!is_sequence(vm, population))
    return vm.raise(vm.t.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t n = op_len(vm, population);
  if (n < 0) return Value::error();
  if (!counts.is_undef() && !counts.is_none()) {
    std::vector<Value> cum;
    if (!accumulate(vm, counts, &cum)) return Value::error();
    if (int64_t(cum.size()) != n) return vm.raise(vm.t.ValueError, "The number of counts does not match the population");
    if (cum.empty()) return vm.raise(vm.t.IndexError, "pop from empty list");
    Value total = cum.back();
    cum.pop_back();
    if (!is_int(total)) return vm.raise(vm.t.TypeError, "Counts must be integers");
    int64_t tot;
    if (!int_fits_i64(total, &tot)) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    if (tot <= 0) return vm.raise(vm.t.ValueError, "Total of counts must be greater than zero");
    Value range = Value::object(vm.heap.make<RangeObj>(vm.t.range, 0, tot, 1));
    Value sel = sample(vm, gen, range, kv, Value());
    if (sel.is_error()) return sel;
    ListObj* out = vm.new_list();
    for (Value s : static_cast<ListObj*>(sel.o)->items) {
      int64_t idx = bisect_right(vm, cum, s, 0, int64_t(cum.size()));
      if (idx < 0) return Value::error();
      Value item = op_getitem(vm, population, Value::integer(idx));
      if (item.is_error()) return item;
      out->items.push_back(item);
    }
    return Value::object(out);
  }
  int64_t k;
  if (!is_int(kv)) {
    double dk;
    if (float_value(vm, kv, &dk)) {
      if (!(0 <= dk && dk <= double(n))) return vm.raise(vm.t.ValueError, "Sample larger than population or is negative");
      return vm.raisef(vm.t.TypeError, "can't multiply sequence by non-int of type '%s'", type_name(vm, kv).c_str());
    }
    return vm.raisef(vm.t.TypeError, "'<=' not supported between instances of 'int' and '%s'", type_name(vm, kv).c_str());
  }
  if (!int_fits_i64(kv, &k) || k < 0 || k > n) return vm.raise(vm.t.ValueError, "Sample larger than population or is negative");
  std::vector<Value> result(static_cast<size_t>(k));
  int64_t setsize = 21;
  if (k > 5) setsize += int64_t(libm::pow(4.0, std::ceil(libm::log(double(k * 3)) / libm::log(4.0))));
  if (n <= setsize) {
    std::vector<Value> pool;
    bool ok = op_for_each(vm, population, [&](Value v) {
      pool.push_back(v);
      return 1;
    });
    if (!ok) return Value::error();
    for (int64_t i = 0; i < k; i++) {
      Value jv = gen.randbelow(Value::integer(n - i));
      if (jv.is_error()) return jv;
      int64_t j = jv.i;
      result[size_t(i)] = pool[size_t(j)];
      pool[size_t(j)] = pool[size_t(n - i - 1)];
    }
  } else {
    std::unordered_set<int64_t> selected;
    for (int64_t i = 0; i < k; i++) {
      Value jv = gen.randbelow(Value::integer(n));
      if (jv.is_error()) return jv;
      while (selected.count(jv.i)) {
        jv = gen.randbelow(Value::integer(n));
        if (jv.is_error()) return jv;
      }
      selected.insert(jv.i);
      Value item;
      if (population.is_obj() && population.o->cls == vm.t.range) {
        auto* rg = static_cast<RangeObj*>(population.o);
        item = Value::integer(rg->start + rg->step * jv.i);
      } else {
        item = op_getitem(vm, population, jv);
        if (item.is_error()) return item;
      }
      result[size_t(i)] = item;
    }
  }
  ListObj* out = vm.new_list();
  out->items = std::move(result);
  return Value::object(out);
}

Value random_sample(VM& vm, CallArgs& a) {
  RANDOM_SELF("sample");
  Value args[3];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "sample", {"population", "k", "*", "counts="}, args))
    return Value::error();
  return sample(vm, gen, args[0], args[1], args[2]);
}

// mirrors Random.choices.
Value random_choices(VM& vm, CallArgs& a) {
  RANDOM_SELF("choices");
  Value args[4];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "choices",
                 {"population", "weights=", "*", "cum_weights=", "k="}, args))
    return Value::error();
  Value population = args[0], weights = args[1], cum_weights = args[2];
  Value kv = args[3].is_undef() ? Value::integer(1) : args[3];
  int64_t n = op_len(vm, population);
  if (n < 0) return Value::error();
  auto count_k = [&](int64_t* k) {
    if (!index_value(vm, kv, k)) return false;
    if (*k < 0) *k = 0;
    return true;
  };
  ListObj* out = vm.new_list();
  bool no_cum = cum_weights.is_undef() || cum_weights.is_none();
  bool no_weights = weights.is_undef() || weights.is_none();
  std::vector<Value> cum;
  if (no_cum) {
    if (no_weights) {
      int64_t k;
      if (!count_k(&k)) return Value::error();
      double nf = double(n);
      for (int64_t i = 0; i < k; i++) {
        double x;
        if (!gen.random(&x)) return Value::error();
        Value idx = float_floor_to_int(vm, x * nf);
        if (idx.is_error()) return idx;
        Value item = op_getitem(vm, population, idx);
        if (item.is_error()) return item;
        out->items.push_back(item);
      }
      return Value::object(out);
    }
    if (!accumulate(vm, weights, &cum)) {
      if (vm.pending_is(vm.t.TypeError) && is_int(weights)) {
        vm.clear_exception();
        std::string kt = int_to_text(weights);
        return vm.raisef(vm.t.TypeError, "The number of choices must be a keyword argument: k=%s", kt.c_str());
      }
      return Value::error();
    }
  } else {
    if (!no_weights) return vm.raise(vm.t.TypeError, "Cannot specify both weights and cumulative weights");
    bool ok = op_for_each(vm, cum_weights, [&](Value v) {
      cum.push_back(v);
      return 1;
    });
    if (!ok) return Value::error();
  }
  if (int64_t(cum.size()) != n) return vm.raise(vm.t.ValueError, "The number of weights does not match the population");
  if (cum.empty()) return vm.raise(vm.t.IndexError, "list index out of range");
  Value total = op_binary(vm, cum.back(), Value::real(0.0), BinOp::Add);
  if (total.is_error()) return total;
  double tot;
  if (!as_double(vm, total, &tot)) return Value::error();
  if (tot <= 0.0) return vm.raise(vm.t.ValueError, "Total of weights must be greater than zero");
  if (!std::isfinite(tot)) return vm.raise(vm.t.ValueError, "Total of weights must be finite");
  int64_t k;
  if (!count_k(&k)) return Value::error();
  int64_t hi = n - 1;
  for (int64_t i = 0; i < k; i++) {
    double x;
    if (!gen.random(&x)) return Value::error();
    int64_t idx = bisect_right(vm, cum, Value::real(x * tot), 0, hi);
    if (idx < 0) return Value::error();
    Value item = op_getitem(vm, population, Value::integer(idx));
    if (item.is_error()) return item;
    out->items.push_back(item);
  }
  return Value::object(out);
}

// ---- real-valued distributions --------------------------------------------------------------

bool float_arg(VM& vm, Value v, double* out) { return as_double(vm, v, out); }

Value random_uniform(VM& vm, CallArgs& a) {
  RANDOM_SELF("uniform");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "uniform", {"a", "b"}, args)) return Value::error();
  double x;
  if (!gen.random(&x)) return Value::error();
  // a + (b - a) * self.random(), with Python arithmetic on a and b.
  Value diff = op_binary(vm, args[1], args[0], BinOp::Subtract);
  if (diff.is_error()) return diff;
  Value prod = op_binary(vm, diff, Value::real(x), BinOp::Multiply);
  if (prod.is_error()) return prod;
  return op_binary(vm, args[0], prod, BinOp::Add);
}

Value random_triangular(VM& vm, CallArgs& a) {
  RANDOM_SELF("triangular");
  Value args[3];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "triangular", {"low=", "high=", "mode="}, args))
    return Value::error();
  double u;
  if (!gen.random(&u)) return Value::error();
  Value low = args[0].is_undef() ? Value::real(0.0) : args[0];
  Value high = args[1].is_undef() ? Value::real(1.0) : args[1];
  Value mode = args[2];
  double c;
  if (mode.is_undef() || mode.is_none()) {
    c = 0.5;
  } else {
    Value num = op_binary(vm, mode, low, BinOp::Subtract);
    if (num.is_error()) return num;
    Value den = op_binary(vm, high, low, BinOp::Subtract);
    if (den.is_error()) return den;
    Value cv = op_binary(vm, num, den, BinOp::TrueDivide);
    if (cv.is_error()) {
      if (vm.pending_is(vm.t.ZeroDivisionError)) {
        vm.clear_exception();
        return low;
      }
      return cv;
    }
    if (!as_double(vm, cv, &c)) return Value::error();
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  Value span = op_binary(vm, high, low, BinOp::Subtract);
  if (span.is_error()) return span;
  Value scaled = op_binary(vm, span, Value::real(std::sqrt(u * c)), BinOp::Multiply);
  if (scaled.is_error()) return scaled;
  return op_binary(vm, low, scaled, BinOp::Add);
}

// mu + z * sigma with Python arithmetic.
Value shift_scale(VM& vm, Value mu, double z, Value sigma) {
  Value p = op_binary(vm, Value::real(z), sigma, BinOp::Multiply);
  if (p.is_error()) return p;
  return op_binary(vm, mu, p, BinOp::Add);
}

const double kNvMagic = 4 * libm::exp(-0.5) / std::sqrt(2.0);

bool normal_z(Gen& gen, double* z) {
  for (;;) {
    double u1, u2;
    if (!gen.random(&u1)) return false;
    if (!gen.random(&u2)) return false;
    u2 = 1.0 - u2;
    *z = kNvMagic * (u1 - 0.5) / u2;
    double zz = *z * *z / 4.0;
    if (zz <= -libm::log(u2)) return true;
  }
}

Value random_normalvariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("normalvariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "normalvariate", {"mu=", "sigma="}, args))
    return Value::error();
  double z;
  if (!normal_z(gen, &z)) return Value::error();
  return shift_scale(vm, args[0].is_undef() ? Value::real(0.0) : args[0], z,
                     args[1].is_undef() ? Value::real(1.0) : args[1]);
}

Value random_lognormvariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("lognormvariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "lognormvariate", {"mu", "sigma"}, args))
    return Value::error();
  double z;
  if (!normal_z(gen, &z)) return Value::error();
  Value v = shift_scale(vm, args[0], z, args[1]);
  if (v.is_error()) return v;
  double d;
  if (!as_double(vm, v, &d)) return Value::error();
  double e = libm::exp(d);
  if (std::isinf(e)) return vm.raise(vm.t.OverflowError, "math range error");
  return Value::real(e);
}

Value random_gauss(VM& vm, CallArgs& a) {
  RANDOM_SELF("gauss");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "gauss", {"mu=", "sigma="}, args))
    return Value::error();
  Value zv = get_gauss_next(vm, r);
  set_gauss_next(vm, r, Value::none());
  double z;
  if (zv.is_none()) {
    double u1, u2;
    if (!gen.random(&u1)) return Value::error();
    double x2pi = u1 * (2 * kPi);
    if (!gen.random(&u2)) return Value::error();
    double g2rad = std::sqrt(-2.0 * libm::log(1.0 - u2));
    z = libm::cos(x2pi) * g2rad;
    set_gauss_next(vm, r, Value::real(libm::sin(x2pi) * g2rad));
  } else if (!as_double(vm, zv, &z)) {
    return Value::error();
  }
  return shift_scale(vm, args[0].is_undef() ? Value::real(0.0) : args[0], z,
                     args[1].is_undef() ? Value::real(1.0) : args[1]);
}

Value random_expovariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("expovariate");
  Value args[1];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "expovariate", {"lambd"}, args))
    return Value::error();
  double u;
  if (!gen.random(&u)) return Value::error();
  return op_binary(vm, Value::real(-libm::log(1.0 - u)), args[0], BinOp::TrueDivide);
}

Value random_vonmisesvariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("vonmisesvariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "vonmisesvariate", {"mu", "kappa"}, args))
    return Value::error();
  double mu, kappa;
  if (!float_arg(vm, args[0], &mu) || !float_arg(vm, args[1], &kappa)) return Value::error();
  const double twopi = 2 * kPi;
  double u;
  if (kappa <= 1e-6) {
    if (!gen.random(&u)) return Value::error();
    return Value::real(twopi * u);
  }
  double s = 0.5 / kappa;
  double rr = s + std::sqrt(1.0 + s * s);
  double z;
  for (;;) {
    double u1, u2;
    if (!gen.random(&u1)) return Value::error();
    z = libm::cos(kPi * u1);
    double d = z / (rr + z);
    if (!gen.random(&u2)) return Value::error();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * libm::exp(d)) break;
  }
  double q = 1.0 / rr;
  double f = (q + z) / (1.0 + q * z);
  double u3;
  if (!gen.random(&u3)) return Value::error();
  double theta = u3 > 0.5 ? mu + libm::acos(f) : mu - libm::acos(f);
  return float_binop(vm, theta, twopi, BinOp::Remainder);
}

bool gamma_draw(VM& vm, Gen& gen, double alpha, double beta, double* out) {
  if (alpha <= 0.0 || beta <= 0.0) {
    vm.raise(vm.t.ValueError, "gammavariate: alpha and beta must be > 0.0");
    return false;
  }
  const double log4 = libm::log(4.0);
  const double sg_magic = 1.0 + libm::log(4.5);
  if (alpha > 1.0) {
    double ainv = std::sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - log4;
    double ccc = alpha + ainv;
    for (;;) {
      double u1, u2;
      if (!gen.random(&u1)) return false;
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      if (!gen.random(&u2)) return false;
      u2 = 1.0 - u2;
      double v = libm::log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * libm::exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + sg_magic - 4.5 * z >= 0.0 || r >= libm::log(z)) {
        *out = x * beta;
        return true;
      }
    }
  }
  if (alpha == 1.0) {
    double u;
    if (!gen.random(&u)) return false;
    *out = -libm::log(1.0 - u) * beta;
    return true;
  }
  double x;
  for (;;) {
    double u, u1;
    if (!gen.random(&u)) return false;
    double b = (kE + alpha) / kE;
    double p = b * u;
    if (p <= 1.0) x = libm::pow(p, 1.0 / alpha);
    else x = -libm::log((b - p) / alpha);
    if (!gen.random(&u1)) return false;
    if (p > 1.0) {
      if (u1 <= libm::pow(x, alpha - 1.0)) break;
    } else if (u1 <= libm::exp(-x)) {
      break;
    }
  }
  *out = x * beta;
  return true;
}

Value random_gammavariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("gammavariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "gammavariate", {"alpha", "beta"}, args))
    return Value::error();
  double alpha, beta, out;
  if (!float_arg(vm, args[0], &alpha) || !float_arg(vm, args[1], &beta)) return Value::error();
  if (!gamma_draw(vm, gen, alpha, beta, &out)) return Value::error();
  return Value::real(out);
}

Value random_betavariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("betavariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "betavariate", {"alpha", "beta"}, args))
    return Value::error();
  double alpha, beta, y, z;
  if (!float_arg(vm, args[0], &alpha) || !float_arg(vm, args[1], &beta)) return Value::error();
  if (!gamma_draw(vm, gen, alpha, 1.0, &y)) return Value::error();
  if (y == 0.0) return Value::real(0.0);
  if (!gamma_draw(vm, gen, beta, 1.0, &z)) return Value::error();
  return Value::real(y / (y + z));
}

Value random_paretovariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("paretovariate");
  Value args[1];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "paretovariate", {"alpha"}, args))
    return Value::error();
  double alpha, u;
  if (!float_arg(vm, args[0], &alpha)) return Value::error();
  if (!gen.random(&u)) return Value::error();
  u = 1.0 - u;
  if (alpha == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float division by zero");
  return float_pow(vm, u, -1.0 / alpha);
}

Value random_weibullvariate(VM& vm, CallArgs& a) {
  RANDOM_SELF("weibullvariate");
  Value args[2];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "weibullvariate", {"alpha", "beta"}, args))
    return Value::error();
  double alpha, beta, u;
  if (!float_arg(vm, args[0], &alpha) || !float_arg(vm, args[1], &beta)) return Value::error();
  if (!gen.random(&u)) return Value::error();
  u = 1.0 - u;
  if (beta == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float division by zero");
  Value p = float_pow(vm, -libm::log(u), 1.0 / beta);
  if (p.is_error()) return p;
  return Value::real(alpha * p.f);
}

}  // namespace

bool init_random_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  ClassObj* cls = vm.new_class("Random", {}, Kind::Other, kClassBuiltin | kClassBaseType | kClassHasDict, "random");
  cls->slots.new_ = random_new;
  cls->slots.init = random_init;
  cls->slots.getattr = random_getattr;
  cls->slots.setattr = random_setattr;
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  const Fn methods[] = {
      {"seed", random_seed},           {"getstate", random_getstate},     {"setstate", random_setstate},
      {"random", random_random},       {"getrandbits", random_getrandbits}, {"randbytes", random_randbytes},
      {"_randbelow", random_randbelow}, {"randrange", random_randrange},  {"randint", random_randint},
      {"choice", random_choice},       {"shuffle", random_shuffle},       {"sample", random_sample},
      {"choices", random_choices},     {"uniform", random_uniform},       {"triangular", random_triangular},
      {"normalvariate", random_normalvariate}, {"lognormvariate", random_lognormvariate},
      {"gauss", random_gauss},         {"expovariate", random_expovariate},
      {"vonmisesvariate", random_vonmisesvariate}, {"gammavariate", random_gammavariate},
      {"betavariate", random_betavariate}, {"paretovariate", random_paretovariate},
      {"weibullvariate", random_weibullvariate},
  };
  for (const Fn& f : methods) vm.def_method(cls, f.name, f.fn);
  cls->dict->set_str(vm.intern("VERSION"), Value::integer(3));
  add_slot_wrappers(vm, cls);
  d->set_str(vm.intern("Random"), Value::object(cls));
  d->set_str(vm.intern("SystemRandom"), Value::object(cls));
  // The module's functions are bound methods of one hidden instance, as in random.py.
  CallArgs none{};
  Value inst = random_new(vm, cls, none);
  if (random_init(vm, inst, none).is_error()) return false;
  d->set_str(vm.intern("_inst"), inst);
  for (const Fn& f : methods) {
    if (f.name[0] == '_') continue;
    Value fn = cls->dict->get_str(vm.intern(f.name));
    d->set_str(vm.intern(f.name), Value::object(vm.new_bound_method(fn, inst)));
  }
  return true;
}

}  // namespace looplab
