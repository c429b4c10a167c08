#include "lang/frame.h"

#include <cstdlib>

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
// up to 64 bytes cost a suspended task 32 bytes a frame on average. A free block holds the next
// one's address (a call pops and a return pushes with two loads and a store).
namespace {
constexpr size_t kGranule = 16;
constexpr size_t kClasses = 256;
constexpr uint32_t kKeptPerClass = 256;
struct FreeBlock {
  FreeBlock* next;
};
FreeBlock* g_free[kClasses];
uint32_t g_free_count[kClasses];
}  // namespace

size_t frame_alloc_bytes(const CodeObj* code) {
  // Cached: every call asks, and a code object's shape is fixed once it runs.
  if (code->frame_bytes) return code->frame_bytes;
  size_t nslots = code->nlocals() + code->ncells() + code->stacksize;
  size_t bytes = sizeof(Frame) + nslots * sizeof(Value) + code->blockdepth * sizeof(Block);
  code->frame_bytes = uint32_t((bytes + kGranule - 1) / kGranule * kGranule);
  return code->frame_bytes;
}

Frame* alloc_frame(CodeObj* code) {
  size_t bytes = frame_alloc_bytes(code);
  size_t cls = bytes / kGranule;
  void* mem;
  if (cls < kClasses && g_free[cls]) {
    FreeBlock* b = g_free[cls];
    g_free[cls] = b->next;
    g_free_count[cls]--;
    mem = b;
  } else {
    mem = std::malloc(bytes);
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
  if (cls != 0 && g_free_count[cls] < kKeptPerClass) {
    FreeBlock* b = reinterpret_cast<FreeBlock*>(f);
    b->next = g_free[cls];
    g_free[cls] = b;
    g_free_count[cls]++;
  } else {
    std::free(f);
  }
}

}  // namespace looplab
