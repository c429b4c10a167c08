#include "playback.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace looplab::viz {

const char* step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::Event: return "event";
    case StepKind::TaskStep: return "task";
    case StepKind::Iteration: return "iteration";
    case StepKind::Line: return "line";
  }
  return "?";
}

bool parse_step_kind(const std::string& name, StepKind* out) {
  for (StepKind k : {StepKind::Event, StepKind::TaskStep, StepKind::Iteration, StepKind::Line}) {
    if (name == step_kind_name(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

namespace {

// What model() shows before any log is attached.
const EventLog& empty_log() {
  static const EventLog log;
  return log;
}

// A task step is over once the handle that ran it is done: the task's new state (waiting, done),
// the callbacks it scheduled and its await chain are all in the log by then. So position p ends
// a task step when log[p-1] is a HandleDone whose run logged a TaskStepEnd (handle runs do not
// nest, so the run is the stretch back to the previous HandleRun or HandleDone).
bool ends_task_step(const EventLog& log, size_t p) {
  if (log[p - 1].kind != EventKind::HandleDone) return false;
  for (size_t i = p - 1; i-- > 0;) {
    EventKind k = log[i].kind;
    if (k == EventKind::TaskStepEnd) return true;
    if (k == EventKind::HandleRun || k == EventKind::HandleDone) return false;
  }
  return false;
}

std::string number(double v) {
  if (!std::isfinite(v)) v = 0;  // JSON has no NaN/Infinity
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void Playback::attach(const EventLog* log) {
  if (log != log_) {
    log_ = log;
    reset();
  }
}

void Playback::reset() {
  playhead_ = 0;
  playing_ = true;
  carry_ = 0;
  stepped_ = false;
  checkpoints_.reset();
  model_ = Model();
}

const EventLog& Playback::log() const { return log_ ? *log_ : empty_log(); }

size_t Playback::events() const { return log().size(); }

void Playback::tick(double dt) {
  const size_t n = events();
  if (playing_) {
    if (speed_ <= 0) {
      playhead_ = n;
      carry_ = 0;
    } else if (dt > 0) {
      carry_ += dt * speed_;
      // The epsilon absorbs rounding in sums of frame times (120 x 1/60 s is not exactly 2 s).
      double whole = std::floor(carry_ + 1e-9);
      carry_ = std::max(0.0, carry_ - whole);
      size_t room = n - std::min(playhead_, n);
      playhead_ += whole >= double(room) ? room : size_t(whole);
      // Waiting at the end of a growing log does not bank events to burst through later.
      if (playhead_ == n) carry_ = std::min(carry_, 1.0);
    }
  }
  // Keep the checkpoints up with the log, a little each frame, so a seek never pays for all of it.
  checkpoints_.extend(log());
}

void Playback::set_speed(double events_per_second) {
  speed_ = std::isfinite(events_per_second) && events_per_second > 0 ? events_per_second : 0;
  carry_ = 0;
}

double Playback::speed() const { return speed_; }
void Playback::play() { playing_ = true; }
bool Playback::playing() const { return playing_; }
size_t Playback::playhead() const { return playhead_; }
void Playback::select_task(uint32_t task) { selected_ = task; }
uint32_t Playback::selected_task() const { return selected_; }

void Playback::pause() {
  playing_ = false;
  carry_ = 0;
}

void Playback::seek(size_t index) {
  pause();
  playhead_ = std::min(index, events());
}

void Playback::step(StepKind kind, bool forward) {
  pause();
  stepped_ = true;
  last_kind_ = kind;
  playhead_ = forward ? next_stop(kind) : previous_stop(kind);
}

bool Playback::is_stop(StepKind kind, size_t p) const {
  const EventLog& l = log();
  const Event& e = l[p - 1];
  switch (kind) {
    case StepKind::Event: return true;
    case StepKind::TaskStep: return ends_task_step(l, p);
    case StepKind::Iteration: return e.kind == EventKind::IterationStart;
    case StepKind::Line: return e.kind == EventKind::Line && e.a == selected_;
  }
  return false;
}

// The first stop after the playhead; the end of the log when there is none (yet).
size_t Playback::next_stop(StepKind kind) const {
  const size_t n = events();
  for (size_t p = std::min(playhead_, n) + 1; p <= n; p++)
    if (is_stop(kind, p)) return p;
  return n;
}

// The last stop before the playhead; the start of the log when there is none.
size_t Playback::previous_stop(StepKind kind) const {
  for (size_t p = std::min(playhead_, events()); p-- > 1;)
    if (is_stop(kind, p)) return p;
  return 0;
}

const Model& Playback::model() {
  const size_t target = std::min(playhead_, events());
  if (model_.events == target) return model_;
  // Fold on from the cached model when it is no farther back than the nearest checkpoint, or
  // only a little: playing and stepping forward then cost the events passed, not a model copy.
  const Model& start = checkpoints_.start_for(log(), target);
  bool fold_on = target > model_.events && (model_.events >= start.events ||
                                            target - model_.events <= PlaybackCheckpoints::kMinInterval);
  if (!fold_on) model_ = start;
  fold_to(model_, log(), target);
  return model_;
}

Model Playback::model_at(size_t index) { return checkpoints_.at(log(), index); }

std::string Playback::state_json() {
  std::string model_json = to_json(model(), log());
  // to_json opens with the model's "events" (the playhead here); the playback fields replace it,
  // and "events" becomes the log's size.
  std::string o = "{\"playhead\":" + std::to_string(playhead());
  o += ",\"events\":" + std::to_string(events());
  o += ",\"speed\":" + number(speed_);
  o += ",\"playing\":" + std::string(playing_ ? "true" : "false");
  o += ",\"stepKind\":";
  o += stepped_ ? "\"" + std::string(step_kind_name(last_kind_)) + "\"" : "null";
  o += ",\"selectedTask\":" + std::to_string(selected_);
  size_t comma = model_json.find(',');
  o += model_json.substr(comma);
  return o;
}

}  // namespace looplab::viz
