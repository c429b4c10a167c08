// The event log: every scheduling fact the loop (and the program's output) produces, as compact
// records with virtual timestamps. The visualizer, playback, time travel and exports are folds
// over it. (Being built out with the event loop.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace looplab {

class EventLog {
 public:
  size_t size() const { return outputs_.size(); }
  double clock() const { return clock_; }
  void clear() {
    outputs_.clear();
    clock_ = 0;
  }
  void output(int stream, std::string_view text) { outputs_.push_back({stream, std::string(text)}); }

 private:
  struct Output {
    int stream;
    std::string text;
  };
  std::vector<Output> outputs_;
  double clock_ = 0;
};

}  // namespace looplab
