// looplab: the command-line runner. `looplab run FILE.py` runs a program as CPython would print
// it; `looplab trace FILE.py -o OUT.json [--jsonl]` also writes the loop's event log.
// Exit status: the program's (0 ok, 1 uncaught exception), or 2 for usage and file errors.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "engine/engine.h"
#include "engine/trace_export.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: looplab run FILE.py\n"
               "       looplab trace FILE.py -o OUT.json [--jsonl]\n");
  return 2;
}

// With C stdio rather than an ifstream: under emscripten the iostream path (locale, filebuf,
// stringbuf) is code V8 compiles on first use; the read took 3-4 ms of a run's start, now ~1.5.
bool read_file(const char* path, std::string& out) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  std::string cmd = argv[1];
  const char* path = argv[2];
  const char* trace_out = nullptr;
  bool jsonl = false;
  if (cmd == "trace") {
    for (int i = 3; i < argc; i++) {
      if (std::strcmp(argv[i], "-o") == 0 && i + 1 < argc) trace_out = argv[++i];
      else if (std::strcmp(argv[i], "--jsonl") == 0) jsonl = true;
      else return usage();
    }
    if (!trace_out) return usage();
  } else if (cmd != "run" || argc != 3) {
    return usage();
  }

  std::string source;
  if (!read_file(path, source)) {
    std::fprintf(stderr, "looplab: can't open file '%s': %s\n", path, std::strerror(errno));
    return 2;
  }

  looplab::EngineLimits limits;
  // LOOPLAB_GC_STRESS=1 collects garbage at every safe point (finds unrooted objects).
  const char* stress = std::getenv("LOOPLAB_GC_STRESS");
  limits.gc_stress = stress && *stress && *stress != '0';
  looplab::Engine engine(limits);
  engine.set_output_sink([](looplab::Stream s, std::string_view text) {
    // stdout is buffered and stderr is not: flush stdout before each stderr write so a shared
    // terminal or file sees the two streams in the order the program wrote them.
    if (s == looplab::Stream::Stderr) std::fflush(stdout);
    FILE* f = s == looplab::Stream::Stdout ? stdout : stderr;
    std::fwrite(text.data(), 1, text.size(), f);
  });
  engine.set_flush_sink([](looplab::Stream s) { std::fflush(s == looplab::Stream::Stdout ? stdout : stderr); });
  engine.start(source, path);
  int code = engine.run_to_end();
  std::fflush(stdout);

  if (trace_out) {
    std::ofstream out(trace_out, std::ios::binary);
    if (!out) {
      std::fprintf(stderr, "looplab: can't write '%s'\n", trace_out);
      return 2;
    }
    if (jsonl) looplab::write_trace_jsonl(engine.log(), out);
    else looplab::write_trace_perfetto(engine.log(), out);
  }
#ifndef LOOPLAB_NO_POOL
  // The process ends here: leave the heap to the OS rather than free it object by object (as
  // compilers and CPython's own exit do). Leak-checked builds (ASan) still tear everything down.
  std::fflush(nullptr);
  std::_Exit(code);
#endif
  return code;
}
