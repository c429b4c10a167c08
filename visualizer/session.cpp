#include "session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "loop/event_log.h"

namespace looplab::viz {
namespace {

bool is_running(RunState s) { return s == RunState::Running || s == RunState::WaitingIO; }

constexpr uint64_t kMinBudget = 10'000;
constexpr uint64_t kMaxBudget = 20'000'000;

const char* boolean(bool b) { return b ? "true" : "false"; }

std::string number(double v) {
  if (!std::isfinite(v)) v = 0;  // JSON has no NaN/Infinity
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

EngineLimits playground_limits() {
  EngineLimits limits;
  limits.trace_lines = true;
  limits.log_events = 1'000'000;
  return limits;
}

void Session::run(std::string_view source, std::string_view filename) {
  if (active_) stop();
  finish_if_ended();
  playback_.attach(nullptr);  // before the log it points into goes away with the old engine
  engine_ = std::make_unique<Engine>(limits_);
  engine_->set_output_sink([this](Stream stream, std::string_view text) {
    if (sink_) sink_(stream, text);
  });
  active_ = true;
  engine_->start(source, filename);
  playback_.attach(&engine_->log());  // a new log: the playhead starts over, live
}

void Session::stop() {
  if (engine_ && is_running(engine_->state())) engine_->stop();
}

void Session::step() {
  auto now = std::chrono::steady_clock::now();
  double dt = timed_ ? std::chrono::duration<double>(now - last_frame_).count() : 0;
  last_frame_ = now;
  timed_ = true;
  step(std::min(dt, kMaxFrameSeconds));
}

void Session::step(double dt) {
  if (active_ && is_running(engine_->state())) {
    auto t0 = std::chrono::steady_clock::now();
    engine_->run_slice(budget_);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Double while well under the target, halve when over: settles within a few frames.
    if (ms < kSliceTargetMs / 2 && engine_->state() == RunState::Running)
      budget_ = std::min(budget_ * 2, kMaxBudget);
    else if (ms > kSliceTargetMs * 1.5)
      budget_ = std::max(budget_ / 2, kMinBudget);
  }
  playback_.tick(dt);
  // Once the run is over and the playhead has caught up, there is nothing left to play.
  if (!is_running(run_state()) && playback_.playing() && playback_.playhead() == playback_.events())
    playback_.pause();
  finish_if_ended();
}

void Session::finish_if_ended() {
  if (!active_ || is_running(engine_->state())) return;
  active_ = false;
  if (on_end_) on_end_(engine_->state());
}

std::string Session::state_json() {
  std::string o = playback_.state_json();
  o.pop_back();  // the closing brace: the run's fields go inside
  o += ",\"runState\":\"" + std::string(run_state_name(run_state())) + "\"";
  o += ",\"logFull\":" + std::string(boolean(playback_.log().full())) + "}";
  return o;
}

std::string Session::status_json() {
  std::string o = "{\"runState\":\"" + std::string(run_state_name(run_state())) + "\"";
  o += ",\"playhead\":" + std::to_string(playback_.playhead());
  o += ",\"events\":" + std::to_string(playback_.events());
  o += ",\"playing\":" + std::string(boolean(playback_.playing()));
  o += ",\"speed\":" + number(playback_.speed());
  o += ",\"clock\":" + number(playback_.model().clock);
  o += ",\"logFull\":" + std::string(boolean(playback_.log().full())) + "}";
  return o;
}

}  // namespace looplab::viz
