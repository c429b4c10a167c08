// The event log: every scheduling fact the loop produces (and the program's output), as compact
// records with virtual timestamps. The visualizer, playback, time travel and exports are folds
// over it; nothing reads live interpreter objects.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loop/event_kinds.h"

namespace looplab {

// One record as readers see it (the log stores it encoded, see EventLog).
struct Event {
  double t = 0;     // virtual time in seconds
  double f = 0;     // a second time or number for the kinds that carry one (deadline, duration)
  EventKind kind = EventKind::Notice;
  uint32_t a = 0, b = 0, c = 0;  // operands, see event_kinds.h
};

// What the keys of EventLog::intern_keyed stand for (keys of different spaces never match).
enum class KeySpace : uint32_t { None, Name, SleepDelay };

// Storage: records are appended to an open block of kBlock plain Events; a full block is
// sealed, i.e. encoded into bytes (a kind byte, a flags byte, then varints for what cannot be
// predicted: the time as clock ticks after the previous record's, operands as differences from
// the previous record of the same kind; see event_log.cpp): 3-4 bytes a record on scheduling
// runs instead of the 32 of an Event. Reading a sealed record decodes its block into a
// one-block cache, so sequential and nearby reads cost a copy. Strings live in one arena,
// deduplicated through an open-addressing table of ids.
class EventLog {
 public:
  EventLog();
  EventLog(const EventLog&) = delete;  // open_ and cache_ point into the object itself
  EventLog& operator=(const EventLog&) = delete;

  size_t size() const { return size_; }
  // The i-th record, by value (a decoded copy: hold the value, not a pointer into the log).
  Event operator[](size_t i) const {
    if (i >= sealed_) return open_[i - sealed_];
    if (i / kBlock != cached_block_) decode_block(i / kBlock);
    return cache_[i % kBlock];
  }
  // How many records have a timestamp <= t (timestamps never decrease).
  size_t count_until(double t) const;

  // Strings (names, labels, printed text) live in one table; ids are stable.
  uint32_t intern(std::string_view s);
  uint32_t add_text(std::string_view s);  // not deduplicated (printed output)
  // intern(make_text()) for a text that (space, key) determines for the log's whole life: a
  // label made of an immortal name (keyed by the name's address), a sleep's label (by the
  // delay's bits). A hit is one probe of a table of keys: the text is neither made, nor hashed,
  // nor compared.
  template <class MakeText>
  uint32_t intern_keyed(KeySpace space, uint64_t key, MakeText&& make_text) {
    size_t mask = keyed_.size() - 1;
    size_t i = key_slot(space, key) & mask;
    for (; keyed_[i].space != KeySpace::None; i = (i + 1) & mask)
      if (keyed_[i].key == key && keyed_[i].space == space) return keyed_[i].id;
    return add_keyed(i, space, key, intern(make_text()));
  }
  std::string str(uint32_t id) const { return std::string(view(id)); }
  std::string_view view(uint32_t id) const;
  size_t string_count() const { return starts_.size(); }

  // Appends a record unless the log is full (then one Notice is appended and the rest dropped).
  void add(EventKind kind, double t, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0) { add_f(kind, t, 0, a, b, c); }
  void add_f(EventKind kind, double t, double f, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0) {
    if (t > clock_) clock_ = t;
    if (full_ || size_ + 1 >= limit_) return add_slow(kind, t, f, a, b, c);
    Event& e = open_[size_ - sealed_];
    e.t = t;
    e.f = f;
    e.kind = kind;
    e.a = a;
    e.b = b;
    e.c = c;
    if (++size_ - sealed_ == kBlock) seal();
  }
  void output(int stream, std::string_view text);

  void clear();
  void set_limit(size_t max_events) { limit_ = max_events; }
  bool full() const { return full_; }
  // The latest timestamp recorded (the clock as far as the log knows).
  double clock() const { return clock_; }
  void set_clock(double t) { clock_ = t; }
  // Bytes used by records and strings.
  size_t memory_bytes() const;

 private:
  static constexpr size_t kBlock = 64;           // records per block
  static constexpr size_t kChunkBytes = 64 << 10;  // encoded blocks are packed into chunks this big

  void add_slow(EventKind kind, double t, double f, uint32_t a, uint32_t b, uint32_t c);
  void seal();                                  // encodes the full open block
  void decode_block(size_t block) const;        // into cache_
  uint8_t* reserve(std::vector<std::unique_ptr<uint8_t[]>>& chunks, size_t& used, size_t bytes);

  // Sealed blocks: where each one's bytes start, and its first record's time (for count_until).
  struct Block {
    const uint8_t* bytes;
    double t0;
  };
  std::vector<Block> blocks_;
  std::vector<std::unique_ptr<uint8_t[]>> chunks_;
  size_t chunk_used_ = kChunkBytes;  // bytes used in chunks_.back()
  // Two block buffers: open_ takes new records; cache_ holds a decoded sealed block. Sealing
  // swaps them, so the block just sealed is the cached one without a copy (a 2 KB memcpy per
  // block was a call out to JS under emscripten).
  Event buffers_[2][kBlock];
  Event* open_ = buffers_[0];        // records [sealed_, size_)
  size_t sealed_ = 0;                // records in sealed blocks (a multiple of kBlock)
  size_t size_ = 0;
  mutable Event* cache_ = buffers_[1];
  mutable size_t cached_block_ = SIZE_MAX;

  // Strings: string i is stored at starts_[i] in one of text_chunks_ as a varint length and
  // its bytes (a string longer than a chunk gets a chunk of its own). table_ holds id + 1 at
  // the slot of the string's hash (0: empty), for intern.
  std::vector<const uint8_t*> starts_;
  std::vector<std::unique_ptr<uint8_t[]>> text_chunks_;
  size_t text_used_ = kChunkBytes;
  size_t text_bytes_ = 0;            // chunk bytes allocated, for memory_bytes
  std::vector<uint32_t> table_;
  size_t table_count_ = 0;
  uint32_t store(std::string_view s);
  void grow_table();
  // intern_keyed's table: open addressing on (space, key); space None: an empty slot.
  struct KeyedSlot {
    uint64_t key;
    KeySpace space;
    uint32_t id;
  };
  std::vector<KeyedSlot> keyed_;
  size_t keyed_count_ = 0;
  static size_t key_slot(KeySpace space, uint64_t key) {
    return ((key ^ uint64_t(space) << 59) * 0x9E3779B97F4A7C15ull) >> 32;
  }
  uint32_t add_keyed(size_t slot, KeySpace space, uint64_t key, uint32_t id);

  size_t limit_ = 4'000'000;
  bool full_ = false;
  double clock_ = 0;
};

}  // namespace looplab
