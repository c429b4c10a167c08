// Declarations shared by the files of the asyncio binding (asyncio_*.cpp).
#pragma once

#include "modules/asyncio_runtime.h"

namespace looplab {

void init_future_classes(VM& vm, ModuleObj* m);  // asyncio_future.cpp
void init_loop_class(VM& vm, ModuleObj* m);      // asyncio_loop.cpp
void init_sleep(VM& vm, ModuleObj* m);           // asyncio_sleep.cpp
void init_executor(VM& vm, ModuleObj* m);        // asyncio_executor.cpp
void init_sync(VM& vm, ModuleObj* m);            // asyncio_sync.cpp (locks and queues)

// The coroutines of asyncio's native locks and queues (lock.acquire(), queue.get() ...) as the
// log describes the Python coroutines they replace: the qualname, the frame names they stand
// for at the end of an await chain ("__aenter__ > acquire") and the line of the innermost one
// (its def line before it starts, its await while waiting, 0 once done).
struct NativeCoroInfo {
  const char* qualname;
  const char* chain;
  int line;
};
bool native_coro_info(VM& vm, Value v, NativeCoroInfo* out);
// The qualname of one of the loop's already-finished coroutines (loop.shutdown_asyncgens()),
// else nullptr.
StrObj* done_coro_qualname(VM& vm, Value v);
// Whether `v`, an asyncio.sleep() or a lock/queue coroutine, was never started; if so marks it
// (so it is reported once). take_unawaited_native_coro is the VM's hook for both, naming it.
bool take_unawaited_sleep(VM& vm, Value v);
bool take_unawaited_sync_coro(VM& vm, Value v, std::string* qualname);
bool take_unawaited_native_coro(VM& vm, Value v, std::string* qualname);
// At exit: "sys:1: RuntimeWarning: coroutine 'sleep' was never awaited" for each still alive.
void report_unawaited_natives(AsyncioRuntime& rt);

Value make_future_iter(VM& vm, FutureObj* f);
// A Task for `coro` on `loop`; name None: "Task-N". context None/Undef: a copy of the
// current one (AsyncioRuntime::context_factory), if contexts are in use.
Value create_task_on(VM& vm, EventLoop* loop, Value coro, Value name, bool consume_number,
                     Value context = Value());
// asyncio.iscoroutine: coroutine objects and the engine's native coroutines (sleep).
bool is_coroutine_object(VM& vm, Value v);
// events.get_event_loop(): the running loop, else the set one, else a new one.
EventLoop* get_event_loop(VM& vm);
// The log label of a future about to be made: the qualified name of the asyncio function making
// it (Lock.acquire, Queue.get, gather ...), or 0 when the program's own code makes it.
uint32_t maker_label(VM& vm);
EventLoop* new_event_loop(VM& vm);

}  // namespace looplab
