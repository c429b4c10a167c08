// viz_frame_bench: CPU time of one visualizer frame (ImGui NewFrame + every panel + Render) with
// 1,000 live tasks and 1,000 timers, headless (an ImGui context with no window or GPU). The
// budget is 16 ms of CPU per frame (measured as this thread's CPU time).   usage: viz_frame_bench [frames]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "engine/engine.h"
#include "fold.h"
#include "imgui.h"
#include "panels.h"
#include "theme.h"

namespace {

using looplab::viz::Model;

// 1,000 tasks that each sleep on their own timer while main sleeps too; then they all finish.
constexpr const char* kProgram = R"(import asyncio

async def worker(i):
    await asyncio.sleep(1 + i * 0.001)
    return i

async def main():
    tasks = [asyncio.create_task(worker(i), name=f"worker-{i}") for i in range(1000)]
    await asyncio.sleep(0.5)
    await asyncio.gather(*tasks)

asyncio.run(main())
)";

// CPU time of this thread: the budget is CPU time, and the machine may be busy with other work.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Stats {
  double mean = 0, worst = 0, p95 = 0;  // CPU ms per frame
  double wall_worst = 0;                 // wall ms of the slowest frame (includes preemption)
  int vertices = 0;  // in the last frame: shows the panels really drew
};

Stats measure(looplab::viz::Visualizer& view, const looplab::EventLog& log, size_t from, size_t to, int frames,
              ImVec2 display, const looplab::viz::Fonts& fonts) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = display;
  looplab::viz::Timeline timeline;
  std::vector<double> ms;
  double wall_worst = 0;
  double now = 0;
  looplab::viz::ViewActions actions;  // nothing to seek: the playhead is set by the loop below
  for (int i = 0; i < frames; i++) {
    // The playhead walks forward from `from` to `to`, so tweens and fades are running.
    size_t at = from + (to - from) * size_t(i) / size_t(std::max(1, frames - 1));
    Model m = timeline.at(log, at);  // not timed: playback's job, cached between frames there
    now += 1.0 / 60;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    view.draw(m, &log, fonts, actions, now);
    ImGui::Render();
    ms.push_back(cpu_ms() - c0);
    wall_worst = std::max(wall_worst, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  Stats s;
  s.wall_worst = wall_worst;
  s.vertices = ImGui::GetDrawData()->TotalVtxCount;
  for (double x : ms) s.mean += x;
  s.mean /= double(ms.size());
  std::sort(ms.begin(), ms.end());
  s.worst = ms.back();
  s.p95 = ms[size_t(double(ms.size() - 1) * 0.95)];
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int frames = argc > 1 ? std::atoi(argv[1]) : 120;
  looplab::Engine engine;
  engine.start(kProgram, "bench.py");
  engine.run_to_end();
  const looplab::EventLog& log = engine.log();

  // Find the stretch with the most live tasks and timers: from the first moment 1,000 timers
  // are pending to the last.
  Model m;
  size_t first = 0, last = 0, peak_tasks = 0, peak_timers = 0;
  while (m.events < log.size()) {
    looplab::viz::apply(m, log);
    if (m.timers.size() >= 1000) {
      if (!first) first = m.events;
      last = m.events;
    }
    peak_timers = std::max(peak_timers, m.timers.size());
    size_t live = 0;
    for (const auto& t : m.tasks) live += looplab::viz::task_finished(t.state) ? 0 : 1;
    if (m.timers.size() >= 1000) peak_tasks = std::max(peak_tasks, live);
  }
  if (!first) {
    std::fprintf(stderr, "viz_frame_bench: the program never had 1000 timers (peak %zu)\n", peak_timers);
    return 1;
  }

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  looplab::viz::apply_style();
  looplab::viz::Fonts fonts;
  looplab::viz::FontSources sources;
  looplab::viz::load_latin_font(sources);
  looplab::viz::build_fonts(fonts, 2.0f, sources, looplab::viz::GlyphNeeds());  // a 2x (retina) atlas
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

  std::printf("log: %zu events; %zu live tasks and %zu timers at the peak (events %zu..%zu)\n", log.size(),
              peak_tasks, peak_timers, first, last);
  struct Case {
    const char* name;
    ImVec2 size;
    size_t from, to;
  };
  Case cases[] = {
      {"laptop 1600x1000, 1000 tasks + 1000 timers", ImVec2(1600, 1000), first, last},
      {"page canvas 520x430, 1000 tasks + 1000 timers", ImVec2(520, 430), first, last},
      {"laptop 1600x1000, whole run (tasks finishing)", ImVec2(1600, 1000), first, log.size()},
  };
  bool ok = true;
  for (const Case& c : cases) {
    looplab::viz::Visualizer view;
    // The first frame also folds the whole log into the timeline's lanes (once per run).
    Stats first_frame = measure(view, log, c.from, c.from, 1, c.size, fonts);
    std::printf("%-48s first frame (lanes fold the whole log): %5.2f ms CPU\n", c.name, first_frame.worst);
    measure(view, log, c.from, c.from, 5, c.size, fonts);  // warm up
    Stats s = measure(view, log, c.from, c.to, frames, c.size, fonts);
    std::printf("%-48s CPU per frame: mean %5.2f ms  p95 %5.2f ms  worst %5.2f ms  (wall worst %5.2f ms; %d vertices)\n",
                c.name, s.mean, s.p95, s.worst, s.wall_worst, s.vertices);
    ok = ok && s.worst <= 16.0;
  }
  ImGui::DestroyContext();
  std::printf(ok ? "within the 16 ms budget\n" : "OVER the 16 ms budget\n");
  return ok ? 0 : 1;
}
