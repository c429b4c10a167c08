// Exports of the event log. JSON lines: one object per record, fields named by the kind's
// operand spec. Perfetto / Chrome Trace Event JSON: a track per task with its steps and waits,
// flow arrows from an awaiting task to the task it awaits, and the loop's own track.
#include "engine/trace_export.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "loop/event_log.h"
#include "runtime/numbers.h"

namespace looplab {

namespace {

void json_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out << buf;
        } else {
          out << char(c);
        }
    }
  }
  out << '"';
}

// The shortest text that reads back as the same double: timestamps are around 1e9 us with
// sub-us steps, which a fixed number of significant digits would round together.
// Whole numbers (lines, counts) print as integers.
std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) return std::to_string(int64_t(v));
  return float_repr(v);
}

struct Operand {
  std::string name;
  char slot;      // 'a', 'b', 'c' or 'f'
  bool is_string;
};

std::vector<Operand> parse_operands(const char* spec) {
  std::vector<Operand> out;
  std::string s(spec);
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    std::string item = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    size_t c1 = item.find(':');
    if (c1 != std::string::npos && c1 + 1 < item.size()) {
      Operand op{item.substr(0, c1), item[c1 + 1], item.size() > c1 + 2 && item.substr(c1 + 2) == ":s"};
      out.push_back(op);
    }
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return out;
}

const std::vector<Operand>& operands_of(EventKind k) {
  static std::vector<std::vector<Operand>> table = [] {
    std::vector<std::vector<Operand>> t;
    for (size_t i = 0; i < size_t(EventKind::kCount); i++) t.push_back(parse_operands(event_kind_operands(EventKind(i))));
    return t;
  }();
  return table[size_t(k)];
}

void write_fields(const EventLog& log, const Event& e, std::ostream& out) {
  for (const Operand& op : operands_of(e.kind)) {
    out << ',';
    json_string(out, op.name);
    out << ':';
    if (op.slot == 'f') {
      out << num(e.f);
      continue;
    }
    uint32_t v = op.slot == 'a' ? e.a : op.slot == 'b' ? e.b : e.c;
    if (op.is_string) json_string(out, v < log.string_count() ? log.str(v) : "");
    else out << v;
  }
}

constexpr uint32_t kLoopTrack = 0;
uint32_t task_track(uint32_t task) { return 1000 + task; }

}  // namespace

void write_trace_jsonl(const EventLog& log, std::ostream& out) {
  for (size_t i = 0; i < log.size(); i++) {
    const Event& e = log[i];
    out << "{\"i\":" << i << ",\"t\":" << num(e.t) << ",\"kind\":";
    json_string(out, event_kind_name(e.kind));
    write_fields(log, e, out);
    out << "}\n";
  }
}

void write_trace_perfetto(const EventLog& log, std::ostream& out) {
  out << "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
  bool first = true;
  auto begin = [&]() -> std::ostream& {
    if (!first) out << ",\n";
    first = false;
    return out;
  };
  auto us = [](double t) { return num(t * 1e6); };
  begin() << "{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"Looplab event loop\"}}";
  begin() << "{\"ph\":\"M\",\"pid\":1,\"tid\":" << kLoopTrack << ",\"name\":\"thread_name\",\"args\":{\"name\":\"event loop\"}}";

  std::unordered_map<uint32_t, uint32_t> task_of_future;  // future id -> task id
  std::unordered_map<uint32_t, std::string> names, coros;
  std::unordered_map<uint32_t, double> step_start, wait_start;
  std::unordered_map<uint32_t, std::string> wait_label;
  std::unordered_map<uint32_t, uint32_t> future_label;
  std::unordered_map<uint32_t, uint64_t> pending_flow;  // awaited task -> flow id
  uint64_t next_flow = 1;

  auto name_track = [&](uint32_t task) {
    std::string n = names[task];
    if (!coros[task].empty()) n += " (" + coros[task] + ")";
    begin() << "{\"ph\":\"M\",\"pid\":1,\"tid\":" << task_track(task) << ",\"name\":\"thread_name\",\"args\":{\"name\":";
    json_string(out, n);
    out << "}}";
  };

  for (size_t i = 0; i < log.size(); i++) {
    const Event& e = log[i];
    switch (e.kind) {
      case EventKind::TaskCreated:
        task_of_future[e.b] = e.a;
        coros[e.a] = log.str(e.c);
        names[e.a] = "task " + std::to_string(e.a);
        name_track(e.a);
        break;
      case EventKind::TaskRenamed:
        names[e.a] = log.str(e.b);
        name_track(e.a);
        break;
      case EventKind::FutureCreated: future_label[e.a] = e.b; break;
      case EventKind::TaskStepBegin: {
        if (wait_start.count(e.a)) {
          double w = wait_start[e.a];
          begin() << "{\"ph\":\"X\",\"pid\":1,\"tid\":" << task_track(e.a) << ",\"ts\":" << us(w)
                  << ",\"dur\":" << us(e.t - w) << ",\"cat\":\"wait\",\"name\":";
          json_string(out, "waiting on " + wait_label[e.a]);
          out << "}";
          wait_start.erase(e.a);
        }
        step_start[e.a] = e.t;
        auto flow = pending_flow.find(e.a);
        if (flow != pending_flow.end()) {
          begin() << "{\"ph\":\"f\",\"bp\":\"e\",\"pid\":1,\"tid\":" << task_track(e.a) << ",\"ts\":" << us(e.t)
                  << ",\"id\":" << flow->second << ",\"cat\":\"await\",\"name\":\"await\"}";
          pending_flow.erase(flow);
        }
        break;
      }
      case EventKind::TaskStepEnd: {
        double s = step_start.count(e.a) ? step_start[e.a] : e.t;
        static const char* const kWhy[] = {"await", "yield", "return", "raise", "cancelled", "preempted"};
        begin() << "{\"ph\":\"X\",\"pid\":1,\"tid\":" << task_track(e.a) << ",\"ts\":" << us(s)
                << ",\"dur\":" << us(e.t - s) << ",\"cat\":\"step\",\"name\":\"step\",\"args\":{\"line\":"
                << num(e.f) << ",\"ended\":\"" << (e.b < 6 ? kWhy[e.b] : "?") << "\"}}";
        if (e.b == 0 || e.b == 1) {
          wait_start[e.a] = e.t;
          std::string label = "the next loop iteration";
          if (e.b == 0) {
            auto t = task_of_future.find(e.c);
            if (t != task_of_future.end()) {
              label = names[t->second];
              uint64_t id = next_flow++;
              pending_flow[t->second] = id;
              begin() << "{\"ph\":\"s\",\"pid\":1,\"tid\":" << task_track(e.a) << ",\"ts\":" << us(e.t)
                      << ",\"id\":" << id << ",\"cat\":\"await\",\"name\":\"await\"}";
            } else {
              auto l = future_label.find(e.c);
              label = l != future_label.end() && l->second ? log.str(l->second) : "a future";
            }
          }
          wait_label[e.a] = label;
        }
        break;
      }
      case EventKind::Blocked:
        begin() << "{\"ph\":\"X\",\"pid\":1,\"tid\":" << kLoopTrack << ",\"ts\":" << us(e.t) << ",\"dur\":" << us(e.f)
                << ",\"cat\":\"blocked\",\"name\":\"loop blocked (time.sleep at line " << e.b << ")\"}";
        break;
      case EventKind::ClockJump:
      case EventKind::IterationStart:
      case EventKind::Warning:
      case EventKind::Output:
      case EventKind::Notice: {
        begin() << "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" << kLoopTrack << ",\"ts\":" << us(e.t)
                << ",\"cat\":\"" << event_kind_name(e.kind) << "\",\"name\":\"" << event_kind_name(e.kind) << "\",\"args\":{";
        bool any = false;
        for (const Operand& op : operands_of(e.kind)) {
          if (any) out << ',';
          any = true;
          json_string(out, op.name);
          out << ':';
          if (op.slot == 'f') out << num(e.f);
          else {
            uint32_t v = op.slot == 'a' ? e.a : op.slot == 'b' ? e.b : e.c;
            if (op.is_string) json_string(out, log.str(v));
            else out << v;
          }
        }
        out << "}}";
        break;
      }
      default: break;
    }
  }
  out << "\n]}\n";
}

}  // namespace looplab
