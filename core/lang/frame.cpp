#include "lang/frame.h"

#include <cstdlib>
#include <vector>

#include "lang/generator.h"
#include "runtime/dict.h"
#include "runtime/function.h"

namespace looplab {

void Frame::trace(Tracer& t) {
  t.mark(code);
  t.mark(func);
  t.mark(globals);
  t.mark(locals_dict);
  t.mark(gen);
  t.mark(handled_exc.get());
  t.mark(init_self.get());
  Value* s = slots();
  size_t live = code->nlocals() + code->ncells() + sp;
  for (size_t i = 0; i < live; i++) t.mark(s[i]);
}

// Free lists by size class (multiples of 16 bytes up to 4 KB); larger frames use malloc. The
// classes are fine-grained because a coroutine's frame lives as long as the coroutine: rounding
// up to 64 bytes cost a suspended task 32 bytes a frame on average.
namespace {
constexpr size_t kGranule = 16;
constexpr size_t kClasses = 256;
// Never destroyed: frames parked here stay reachable through this pointer after static
// destructors run (so the leak checker at exit sees them as held, not lost).
std::vector<void*>* const g_free = new std::vector<void*>[kClasses];
}  // namespace

size_t frame_alloc_bytes(const CodeObj* code) {
  size_t nslots = code->nlocals() + code->ncells() + code->stacksize;
  size_t bytes = sizeof(Frame) + nslots * sizeof(Value) + code->blockdepth * sizeof(Block);
  return (bytes + kGranule - 1) / kGranule * kGranule;
}

Frame* alloc_frame(CodeObj* code) {
  size_t cls = frame_alloc_bytes(code) / kGranule;
  void* mem;
  if (cls < kClasses && !g_free[cls].empty()) {
    mem = g_free[cls].back();
    g_free[cls].pop_back();
  } else {
    mem = std::malloc(cls * kGranule);
  }
  Frame* f = new (mem) Frame();
  f->code = code;
  f->size_class = cls < kClasses ? uint8_t(cls) : 0;
  Value* s = f->slots();
  for (size_t i = 0; i < code->nlocals() + code->ncells(); i++) new (&s[i]) Value();
  return f;
}

void free_frame(Frame* f) {
  size_t cls = f->size_class;
  if (cls != 0 && g_free[cls].size() < 256) g_free[cls].push_back(f);
  else std::free(f);
}

}  // namespace looplab
