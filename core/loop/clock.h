// The virtual clock. Time passes only when the program does something: each VM instruction
// costs kInstructionCost, and the loop jumps ahead when it would otherwise wait (idle until the
// next timer, time.sleep, real I/O). Executor workers run on their own timeline beside it.
#pragma once

#include <cstdint>

namespace looplab {

class VirtualClock {
 public:
  // About what CPython spends per bytecode on simple code, so loops "take time" similarly.
  static constexpr double kInstructionCost = 25e-9;
  // Where monotonic time starts (an arbitrary base, like CPython's monotonic clock).
  static constexpr double kStart = 1000.0;
  // time.time() of the virtual run's start: a fixed date, so runs are reproducible.
  static constexpr double kEpoch = 1767225600.0;  // 2026-01-01 00:00:00 UTC

  explicit VirtualClock(const uint64_t* instruction_counter) : instructions_(instruction_counter) {}

  // Seconds on the loop's (main thread's) clock, or the current worker's while one runs.
  double now() const {
    double instr = double(*instructions_ - instruction_base_) * kInstructionCost;
    if (in_worker_) return worker_start_ + worker_elapsed_ + instr;
    return kStart + offset_ + instr;
  }
  // Move the main clock forward to `t` (no effect if it is already past).
  void advance_to(double t) {
    double n = now();
    if (!in_worker_ && t > n) offset_ += t - n;
  }
  // Blocking time (time.sleep): on the main clock, or the running worker's.
  void advance(double seconds) {
    if (seconds <= 0) return;
    if (in_worker_) worker_elapsed_ += seconds;
    else offset_ += seconds;
  }
  bool in_worker() const { return in_worker_; }
  uint64_t instruction_count() const { return *instructions_; }

  // Executor work: instructions a worker executes must not move the main clock.
  void enter_worker(double start) {
    in_worker_ = true;
    worker_start_ = start;
    worker_elapsed_ = 0;
    saved_base_ = instruction_base_;
    instruction_base_ = *instructions_;
  }
  // Returns the worker's elapsed seconds; the main clock is as it was before.
  double leave_worker() {
    double elapsed = worker_elapsed_ + double(*instructions_ - instruction_base_) * kInstructionCost;
    // Remove the worker's instructions from the main clock's count.
    offset_ -= double(*instructions_ - instruction_base_) * kInstructionCost;
    instruction_base_ = saved_base_;
    in_worker_ = false;
    return elapsed;
  }

 private:
  const uint64_t* instructions_;
  uint64_t instruction_base_ = 0;
  uint64_t saved_base_ = 0;
  double offset_ = 0;
  bool in_worker_ = false;
  double worker_start_ = 0;
  double worker_elapsed_ = 0;
};

}  // namespace looplab
