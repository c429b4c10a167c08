#include "session.h"

#include <algorithm>
#include <chrono>

namespace looplab::viz {
namespace {

bool is_running(RunState s) { return s == RunState::Running || s == RunState::WaitingIO; }

constexpr uint64_t kMinBudget = 10'000;
constexpr uint64_t kMaxBudget = 20'000'000;

}  // namespace

void Session::run(std::string_view source, std::string_view filename) {
  if (active_) stop();
  finish_if_ended();
  engine_ = std::make_unique<Engine>();
  engine_->set_output_sink([this](Stream stream, std::string_view text) {
    if (sink_) sink_(stream, text);
  });
  active_ = true;
  engine_->start(source, filename);
}

void Session::stop() {
  if (engine_ && is_running(engine_->state())) engine_->stop();
}

void Session::step() {
  if (!active_) return;
  if (is_running(engine_->state())) {
    auto t0 = std::chrono::steady_clock::now();
    engine_->run_slice(budget_);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Double while well under the target, halve when over: settles within a few frames.
    if (ms < kSliceTargetMs / 2 && engine_->state() == RunState::Running)
      budget_ = std::min(budget_ * 2, kMaxBudget);
    else if (ms > kSliceTargetMs * 1.5)
      budget_ = std::max(budget_ / 2, kMinBudget);
  }
  finish_if_ended();
}

void Session::finish_if_ended() {
  if (!active_ || is_running(engine_->state())) return;
  active_ = false;
  if (on_end_) on_end_(engine_->state());
}

}  // namespace looplab::viz
