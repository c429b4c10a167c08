// Generators, coroutines and async generators: a heap frame plus its state. The VM resumes the
// frame (send/throw) and reports whether it yielded, returned or raised.
#pragma once

#include "lang/frame.h"
#include "runtime/object.h"

namespace looplab {

struct StrObj;

enum class GenState : uint8_t { Created, Suspended, Running, Closed };

struct GenObj final : Obj {
  Frame* frame;              // owned; nullptr once closed
  StrObj* name;
  StrObj* qualname;
  CodeObj* code;             // kept after the frame is gone: reprs say where it was defined
  GenState state = GenState::Created;
  // Async generators: true while an asend/athrow is in progress (no concurrent use).
  bool running_async = false;
  // Coroutines: set when awaited by something (double-await detection, never-awaited warning).
  bool awaited = false;

  GenObj(ClassObj* cls, Frame* f, StrObj* n, StrObj* qn)
      : Obj(cls, Kind::Generator), frame(f), name(n), qualname(qn), code(f->code) {}
  ~GenObj() override;
  void trace(Tracer& t) override;
  size_t extra_bytes() const override { return frame ? frame_alloc_bytes(frame->code) : 0; }

  bool is_coroutine() const { return frame ? (frame->code->flags & kCoCoroutine) : false; }
};

// The exception a throw(exc) / throw(type[, value[, tb]]) call raises, normalised to an
// instance as generators do (a[0] is the generator-like receiver).
struct CallArgs;
Value make_thrown(VM& vm, CallArgs& a);

// Raises StopIteration(value) as a returning generator does: args () for None, and `.value`.
Value raise_stop_iteration(VM& vm, Value value);

}  // namespace looplab
