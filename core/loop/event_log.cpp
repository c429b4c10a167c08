#include "loop/event_log.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

#include "loop/clock.h"

namespace looplab {

const char* event_kind_name(EventKind k) {
  static const char* const kNames[] = {
#define LOOPLAB_EVENT_NAME(name, json, operands) json,
      LOOPLAB_EVENT_KINDS(LOOPLAB_EVENT_NAME)
#undef LOOPLAB_EVENT_NAME
  };
  return size_t(k) < sizeof(kNames) / sizeof(kNames[0]) ? kNames[size_t(k)] : "?";
}

const char* event_kind_operands(EventKind k) {
  static const char* const kOperands[] = {
#define LOOPLAB_EVENT_OPERANDS(name, json, operands) operands,
      LOOPLAB_EVENT_KINDS(LOOPLAB_EVENT_OPERANDS)
#undef LOOPLAB_EVENT_OPERANDS
  };
  return size_t(k) < sizeof(kOperands) / sizeof(kOperands[0]) ? kOperands[size_t(k)] : "";
}

// ---- the record encoding ----------------------------------------------------------------------
//
// A sealed record is: kind (1 byte), flags (1 byte), then the fields the flags say are present,
// in this order, as LEB128 varints unless raw:
//   t: kTimeSame  the previous record's time (the block's first record: Block::t0)
//      kTimeDelta varint of bits(t) - bits(previous t): a later non-negative double's bit
//                 pattern is a larger integer, so this is exact and small for close times
//      kTimeRaw   the 8 bytes of t
//      kTimeTicks varint of (q << 1 | r != 0) then, if r != 0, the zigzag varint of r: t is the
//                 previous time plus q ticks of the virtual clock (most are: it counts VM
//                 instructions) with its bit pattern then moved by r
//   f: kFZero (bit pattern 0), kFIsT (f == t: a clock jump), kFInt (varint of a whole f in
//      [1, 2^53): lines, counts), kFRaw (8 bytes)
//   a, b, c: present (flag bits kHasA/kHasB/kHasC) when the operand differs from the same
//      operand of the block's previous record of the same kind (0 for the first), as the
//      zigzag varint of the difference: ids of consecutive records of a kind are close
//      (handle 20001 then 20002), so most take a byte or nothing.
namespace {

enum : uint8_t {
  kTimeSame = 0, kTimeDelta = 1, kTimeRaw = 2, kTimeTicks = 3,  // bits 0-1
  kFZero = 0 << 2, kFIsT = 1 << 2, kFInt = 2 << 2, kFRaw = 3 << 2,  // bits 2-3
  kHasA = 1 << 4, kHasB = 1 << 5, kHasC = 1 << 6,
};
constexpr size_t kMaxRecordBytes = 2 + 10 + 10 + 3 * 5;

uint64_t bits_of(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

double double_of(uint64_t u) {
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

uint8_t* put_varint(uint8_t* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = uint8_t(v) | 0x80;
    v >>= 7;
  }
  *p++ = uint8_t(v);
  return p;
}

inline uint64_t get_varint(const uint8_t*& p) {
  uint64_t byte = *p++;
  if (byte < 0x80) return byte;  // most operands and tick counts take one byte
  uint64_t v = byte & 0x7f;
  for (int shift = 7;; shift += 7) {
    byte = *p++;
    v |= (byte & 0x7f) << shift;
    if (byte < 0x80) return v;
  }
}

uint8_t* put_raw(uint8_t* p, uint64_t v) {
  std::memcpy(p, &v, sizeof v);
  return p + sizeof v;
}

uint64_t get_raw(const uint8_t*& p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

// Per block: each kind's previous operands (the base of the differences).
struct OperandBase {
  uint32_t prev[size_t(EventKind::kCount)][3] = {};
  uint32_t* of(EventKind k) { return prev[size_t(k) < size_t(EventKind::kCount) ? size_t(k) : 0]; }
};

uint64_t zigzag(int64_t d) { return d >= 0 ? uint64_t(d) << 1 : (uint64_t(-d) << 1) - 1; }
int64_t unzigzag(uint64_t z) { return (z & 1) ? -int64_t((z + 1) >> 1) : int64_t(z >> 1); }

// The time q clock ticks after `prev`. Encoder and decoder must round it alike: this file is
// built with -ffp-contract=off, so no copy of it is fused into a multiply-add. (It was once kept
// out of line for that; under wasm such a tiny function stays in V8's baseline tier all run.)
constexpr double kTick = VirtualClock::kInstructionCost;
inline double after_ticks(double prev, uint64_t q) { return prev + double(q) * kTick; }

uint8_t* encode(uint8_t* p, const Event& e, double prev_t, OperandBase& base) {
  uint8_t* flags = p + 1;
  p[0] = uint8_t(e.kind);
  p += 2;
  uint64_t tb = bits_of(e.t), pb = bits_of(prev_t);
  uint8_t fl;
  if (tb == pb) {
    fl = kTimeSame;
  } else {
    // q is a guess (r makes the record exact whatever it is): a product, not a division, and
    // rounded by adding a half and truncating, not by std::nearbyint (a libm call that saves
    // and restores the floating-point environment: a fifth of sealing's instructions).
    double q = (e.t - prev_t) * (1 / kTick) + 0.5;
    int64_t r = INT64_MAX;
    if (q >= 0 && q < 1e12) r = int64_t(tb - bits_of(after_ticks(prev_t, uint64_t(q))));
    if (r > -(1 << 20) && r < (1 << 20)) {
      fl = kTimeTicks;
      p = put_varint(p, uint64_t(q) << 1 | (r != 0));
      if (r != 0) p = put_varint(p, zigzag(r));
    } else if (tb > pb && !(tb >> 63) && !(pb >> 63)) {
      fl = kTimeDelta;
      p = put_varint(p, tb - pb);
    } else {
      fl = kTimeRaw;
      p = put_raw(p, tb);
    }
  }
  uint64_t fb = bits_of(e.f);
  if (fb == 0) {
    fl |= kFZero;
  } else if (fb == tb) {
    fl |= kFIsT;
  } else if (e.f >= 1 && e.f < 9007199254740992.0 && double(uint64_t(e.f)) == e.f) {
    fl |= kFInt;
    p = put_varint(p, uint64_t(e.f));
  } else {
    fl |= kFRaw;
    p = put_raw(p, fb);
  }
  uint32_t* prev = base.of(e.kind);
  // Spelled out per operand: the loop over an array of the three cost a sixth of all the
  // instructions of a scheduling run's log.
  auto operand = [&](uint32_t v, uint32_t& before, uint8_t has) {
    if (v == before) return;
    fl |= has;
    p = put_varint(p, zigzag(int32_t(v - before)));
    before = v;
  };
  operand(e.a, prev[0], kHasA);
  operand(e.b, prev[1], kHasB);
  operand(e.c, prev[2], kHasC);
  *flags = fl;
  return p;
}

const uint8_t* decode(const uint8_t* p, Event& e, double prev_t, OperandBase& base) {
  e.kind = EventKind(p[0]);
  uint8_t fl = p[1];
  p += 2;
  switch (fl & 3) {
    case kTimeSame: e.t = prev_t; break;
    case kTimeDelta: e.t = double_of(bits_of(prev_t) + get_varint(p)); break;
    case kTimeTicks: {
      uint64_t qr = get_varint(p);
      uint64_t tb = bits_of(after_ticks(prev_t, qr >> 1));
      if (qr & 1) tb += uint64_t(unzigzag(get_varint(p)));
      e.t = double_of(tb);
      break;
    }
    default: e.t = double_of(get_raw(p)); break;
  }
  switch (fl & (3 << 2)) {
    case kFZero: e.f = 0; break;
    case kFIsT: e.f = e.t; break;
    case kFInt: e.f = double(get_varint(p)); break;
    default: e.f = double_of(get_raw(p)); break;
  }
  uint32_t* prev = base.of(e.kind);
  if (fl & kHasA) prev[0] += uint32_t(unzigzag(get_varint(p)));
  if (fl & kHasB) prev[1] += uint32_t(unzigzag(get_varint(p)));
  if (fl & kHasC) prev[2] += uint32_t(unzigzag(get_varint(p)));
  e.a = prev[0];
  e.b = prev[1];
  e.c = prev[2];
  return p;
}

// FNV-1a: the string table's hash.
uint32_t hash_of(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char ch : s) h = (h ^ ch) * 16777619u;
  return h;
}

}  // namespace

// ---- records ----------------------------------------------------------------------------------

EventLog::EventLog() { clear(); }

uint8_t* EventLog::reserve(std::vector<std::unique_ptr<uint8_t[]>>& chunks, size_t& used, size_t bytes) {
  if (bytes > kChunkBytes) {
    // Too big for a chunk (a long printed text): a chunk of its own, and the next one is fresh.
    chunks.emplace_back(new uint8_t[bytes]);
    used = kChunkBytes;
    return chunks.back().get();
  }
  if (used + bytes > kChunkBytes) {
    chunks.emplace_back(new uint8_t[kChunkBytes]);
    used = 0;
  }
  return chunks.back().get() + used;
}

void EventLog::seal() {
  uint8_t* start = reserve(chunks_, chunk_used_, kBlock * kMaxRecordBytes);
  uint8_t* p = start;
  double prev = open_[0].t;
  OperandBase base;
  for (size_t i = 0; i < kBlock; i++) {
    p = encode(p, open_[i], prev, base);
    prev = open_[i].t;
  }
  chunk_used_ += size_t(p - start);
  blocks_.push_back({start, open_[0].t});
  // The block's records are still at hand: they are what a reader most likely asks for next.
  std::swap(open_, cache_);
  cached_block_ = blocks_.size() - 1;
  sealed_ += kBlock;
}

void EventLog::decode_block(size_t block) const {
  const Block& b = blocks_[block];
  const uint8_t* p = b.bytes;
  double prev = b.t0;
  OperandBase base;
  for (size_t i = 0; i < kBlock; i++) {
    p = decode(p, cache_[i], prev, base);
    prev = cache_[i].t;
  }
  cached_block_ = block;
}

size_t EventLog::count_until(double t) const {
  // The last sealed block whose first record is <= t, then records one by one from there.
  size_t lo = 0, hi = blocks_.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (blocks_[mid].t0 <= t) lo = mid + 1;
    else hi = mid;
  }
  size_t i = lo == 0 ? 0 : (lo - 1) * kBlock;
  while (i < size_ && (*this)[i].t <= t) i++;
  return i;
}

// The log is full: one Notice says so and the rest is dropped.
void EventLog::add_slow(EventKind, double t, double, uint32_t, uint32_t, uint32_t) {
  if (full_) return;
  full_ = true;
  Event& e = open_[size_ - sealed_];
  e = Event();
  e.t = t;
  e.kind = EventKind::Notice;
  e.b = intern("event log limit reached: later events are not recorded");
  if (++size_ - sealed_ == kBlock) seal();
}

void EventLog::output(int stream, std::string_view text) {
  if (full_) return;
  add(EventKind::Output, clock_, uint32_t(stream), add_text(text));
}

void EventLog::clear() {
  blocks_.clear();
  chunks_.clear();
  chunk_used_ = kChunkBytes;
  sealed_ = 0;
  size_ = 0;
  cached_block_ = SIZE_MAX;
  starts_.clear();
  text_chunks_.clear();
  text_used_ = kChunkBytes;
  text_bytes_ = 0;
  table_.assign(64, 0);
  table_count_ = 0;
  keyed_.assign(64, KeyedSlot{0, KeySpace::None, 0});
  keyed_count_ = 0;
  intern("");  // id 0
  full_ = false;
  clock_ = 0;
}

size_t EventLog::memory_bytes() const {
  return chunks_.size() * kChunkBytes + blocks_.capacity() * sizeof(Block) + sizeof(buffers_) +
         text_bytes_ + starts_.capacity() * sizeof(starts_[0]) + table_.capacity() * sizeof(table_[0]) +
         keyed_.capacity() * sizeof(keyed_[0]);
}

// ---- strings ----------------------------------------------------------------------------------

std::string_view EventLog::view(uint32_t id) const {
  const uint8_t* p = starts_[id];
  size_t n = size_t(get_varint(p));
  return {reinterpret_cast<const char*>(p), n};
}

uint32_t EventLog::store(std::string_view s) {
  size_t need = 5 + s.size();
  size_t chunks_before = text_chunks_.size();
  uint8_t* start = reserve(text_chunks_, text_used_, need);
  if (text_chunks_.size() != chunks_before) text_bytes_ += need > kChunkBytes ? need : kChunkBytes;
  uint8_t* p = put_varint(start, s.size());
  std::memcpy(p, s.data(), s.size());
  p += s.size();
  if (need <= kChunkBytes) text_used_ += size_t(p - start);
  starts_.push_back(start);
  return uint32_t(starts_.size() - 1);
}

void EventLog::grow_table() {
  std::vector<uint32_t> old = std::move(table_);
  table_.assign(old.size() * 2, 0);
  size_t mask = table_.size() - 1;
  for (uint32_t slot : old) {
    if (!slot) continue;
    size_t i = hash_of(view(slot - 1)) & mask;
    while (table_[i]) i = (i + 1) & mask;
    table_[i] = slot;
  }
}

uint32_t EventLog::intern(std::string_view s) {
  size_t mask = table_.size() - 1;
  size_t i = hash_of(s) & mask;
  while (uint32_t slot = table_[i]) {
    if (view(slot - 1) == s) return slot - 1;
    i = (i + 1) & mask;
  }
  uint32_t id = store(s);
  table_[i] = id + 1;
  if (++table_count_ * 4 > table_.size() * 3) grow_table();
  return id;
}

uint32_t EventLog::add_text(std::string_view s) { return store(s); }

uint32_t EventLog::add_keyed(size_t slot, KeySpace space, uint64_t key, uint32_t id) {
  keyed_[slot] = {key, space, id};
  if (++keyed_count_ * 2 > keyed_.size()) {
    std::vector<KeyedSlot> old = std::move(keyed_);
    keyed_.assign(old.size() * 2, KeyedSlot{0, KeySpace::None, 0});
    size_t mask = keyed_.size() - 1;
    for (const KeyedSlot& e : old) {
      if (e.space == KeySpace::None) continue;
      size_t i = key_slot(e.space, e.key) & mask;
      while (keyed_[i].space != KeySpace::None) i = (i + 1) & mask;
      keyed_[i] = e;
    }
  }
  return id;
}

}  // namespace looplab
