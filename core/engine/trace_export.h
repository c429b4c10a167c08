// Exports of the event log: Chrome Trace Event / Perfetto JSON and a JSON-lines form.
#pragma once

#include <ostream>

namespace looplab {

class EventLog;

void write_trace_perfetto(const EventLog& log, std::ostream& out);
void write_trace_jsonl(const EventLog& log, std::ostream& out);

}  // namespace looplab
