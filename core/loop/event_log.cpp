#include "loop/event_log.h"

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

EventLog::EventLog() { clear(); }

uint32_t EventLog::intern(std::string_view s) {
  auto it = string_ids_.find(std::string(s));
  if (it != string_ids_.end()) return it->second;
  uint32_t id = uint32_t(strings_.size());
  strings_.emplace_back(s);
  string_ids_.emplace(std::string(s), id);
  return id;
}

uint32_t EventLog::add_text(std::string_view s) {
  uint32_t id = uint32_t(strings_.size());
  strings_.emplace_back(s);
  return id;
}

void EventLog::add(EventKind kind, double t, uint32_t a, uint32_t b, uint32_t c) { add_f(kind, t, 0, a, b, c); }

void EventLog::add_f(EventKind kind, double t, double f, uint32_t a, uint32_t b, uint32_t c) {
  if (t > clock_) clock_ = t;
  if (full_) return;
  if (size_ + 1 >= limit_) {
    full_ = true;
    Event e;
    e.t = t;
    e.kind = EventKind::Notice;
    e.b = intern("event log limit reached: later events are not recorded");
    push(e);
    return;
  }
  Event e;
  e.t = t;
  e.f = f;
  e.kind = kind;
  e.a = a;
  e.b = b;
  e.c = c;
  push(e);
}

void EventLog::output(int stream, std::string_view text) {
  if (full_) return;
  add(EventKind::Output, clock_, uint32_t(stream), add_text(text));
}

void EventLog::clear() {
  chunks_.clear();
  size_ = 0;
  strings_.clear();
  string_ids_.clear();
  strings_.emplace_back();
  string_ids_.emplace(std::string(), 0);
  full_ = false;
  clock_ = 0;
}

size_t EventLog::memory_bytes() const {
  size_t n = chunks_.size() * kChunk * sizeof(Event);
  for (const std::string& s : strings_) n += s.capacity() + sizeof(std::string);
  return n;
}

}  // namespace looplab
