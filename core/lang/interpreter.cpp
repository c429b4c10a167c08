// The dispatch loop (clox's run(), Lua's luaV_execute): one loop over a chain of heap frames.
#include "lang/interpreter.h"

#include <cstring>

#include "lang/call.h"
#include "lang/exec_support.h"
#include "lang/frame.h"
#include "lang/generator.h"
#include "lang/inline_cache.h"
#include "lang/interpreter_slow_paths.h"
#include "runtime/iterators.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

using Start = Interpreter::Start;
using Slow = Interpreter::SlowPaths;
using Status = Slow::Status;

inline bool is_str(const VM& vm, Value v) { return v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str; }

}  // namespace

// The loop itself. Runs vm.frame_ until the frame in Entry mode returns, yields or raises.
// Only the common instructions and the fast paths of the others are here; the rest runs out of
// line (interpreter_slow_paths.h), which keeps this function small (see there why).
ExecResult Interpreter::execute(VM& vm, uint64_t budget, Start start) {
  Frame* f = vm.frame_;
  CodeObj* co;
  const uint32_t* code;
  InlineCache* caches;
  uint32_t pc;
  Value* sp;
  Value* locals;
  Value* stack_base;  // f->stack(), which costs three vector sizes to compute
  TupleObj* kwnames = nullptr;
  Slow::Raise raise_how;
  // Instructions count toward the virtual clock; a budget ends the slice at a safe point.
  uint64_t& executed = vm.instructions;
  const uint64_t stop_at = budget ? executed + budget : UINT64_MAX;
  // A run with a budget is the host level: only there can a native hand control to the host.
  struct HostLevel {
    VM& vm;
    bool prev;
    ~HostLevel() { vm.host_level_ = prev; }
  } host_level{vm, vm.host_level_};
  if (budget) vm.host_level_ = true;
  // Only a budgeted run (started by the host, which roots what it holds) may collect garbage:
  // a run started from C++ code without a budget leaves that code's raw pointers unrooted.
  struct Nested {
    VM& vm;
    bool nested;
    ~Nested() {
      if (nested) vm.nested_runs_--;
    }
  } nested_guard{vm, budget == 0};
  if (budget == 0) vm.nested_runs_++;

#define LOAD_FRAME()                                                              \
  do {                                                                            \
    co = f->code;                                                                 \
    code = co->code.data();                                                       \
    caches = co->caches ? co->caches.get() : kSlowPaths.make_caches(co);          \
    pc = f->pc;                                                                   \
    locals = f->slots();                                                          \
    stack_base = locals + co->nlocals() + co->ncells();                           \
    sp = stack_base + f->sp;                                                      \
  } while (0)
#define SAVE_FRAME()                          \
  do {                                        \
    f->pc = pc;                               \
    f->sp = uint32_t(sp - stack_base);        \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NAME(i) (co->names[i])
#define BLOCKS() (reinterpret_cast<Block*>(stack_base + co->stacksize))
#define RAISE_IF(cond) \
  if (cond) goto error
// Only coroutines need a look (and the frame saved, for the warning's line): cheap on POP_TOP.
#define WARN_IF_DROPPED_COROUTINE(value)                              \
  do {                                                                \
    Value dropped_ = (value);                                         \
    if (dropped_.is_obj() && (dropped_.o->kind == Kind::Generator ||  \
                              dropped_.o->cls->has(kClassAwaitsItself))) { \
      SAVE_FRAME();                                                   \
      kSlowPaths.warn_dropped(vm, dropped_);                          \
    }                                                                 \
  } while (0)

// A safe point: preemption (host level only) and garbage collection.
#define SAFE_POINT()                                                   \
  do {                                                                 \
    if (executed >= stop_at) {                                         \
      SAVE_FRAME();                                                    \
      goto preempt;                                                    \
    }                                                                  \
    if (vm.heap.wants_collection() && vm.native_depth_ == 0 &&         \
        vm.nested_runs_ == 0) {                                        \
      SAVE_FRAME();                                                    \
      if (!collect_garbage(vm)) goto error;                            \
    }                                                                  \
  } while (0)

  pc = f->pc;
  if (start == Start::Raise) goto error;
  if (start == Start::Throw) goto error_traceback;

enter_frame:  // (run f from its saved pc and sp)
  LOAD_FRAME();
dispatch:
  for (;;) {
    if (__builtin_expect(vm.trace_lines, 0)) kSlowPaths.trace_line(vm, f, pc, uint32_t(sp - stack_base));
    const uint32_t word = code[pc++];
    const uint32_t arg = word >> 8;
    executed++;
    switch (Op(word & 0xff)) {
      case Op::NOP: break;
      case Op::POP_TOP: {
        WARN_IF_DROPPED_COROUTINE(*--sp);
        break;
      }
      case Op::PUSH_NULL: PUSH(Value()); break;
      case Op::COPY: {
        Value v = sp[-int(arg)];
        PUSH(v);
        break;
      }
      case Op::SWAP: {
        Value t = sp[-1];
        sp[-1] = sp[-int(arg)];
        sp[-int(arg)] = t;
        break;
      }
      case Op::LOAD_CONST: PUSH(co->consts[arg]); break;
      case Op::LOAD_FAST: {
        Value v = locals[arg];
        if (v.is_undef()) goto slow_op;  // UnboundLocalError
        if (v.tag == Tag::Obj && v.o->kind == Kind::Str) {
          // Count loads of strings that `s += x` may extend in place (see str_append_to_local).
          StrObj* s = static_cast<StrObj*>(v.o);
          if (s->appendable && s->loads != UINT32_MAX) s->loads++;
        }
        PUSH(v);
        break;
      }
      case Op::STORE_FAST: locals[arg] = POP(); break;
      case Op::LOAD_DEREF: {
        Value v = static_cast<CellObj*>(locals[co->nlocals() + arg].o)->value;
        if (v.is_undef()) goto slow_op;  // NameError
        PUSH(v);
        break;
      }
      case Op::STORE_DEREF: static_cast<CellObj*>(locals[co->nlocals() + arg].o)->value = POP(); break;
      case Op::LOAD_CLOSURE: PUSH(locals[co->nlocals() + arg]); break;
      case Op::LOAD_GLOBAL: {
        Value v = load_global_cached(caches[pc - 1], f->globals, vm.builtins, NAME(arg));
        if (v.is_undef()) goto slow_op;
        PUSH(v);
        break;
      }
      case Op::STORE_GLOBAL: store_global_cached(caches[pc - 1], f->globals, NAME(arg), POP()); break;
      case Op::LOAD_NAME:
        // Module level (the namespace is the globals): the same lookup as LOAD_GLOBAL.
        if (f->locals_dict == f->globals && f->globals->cls == vm.t.dict) {
          Value v = load_global_cached(caches[pc - 1], f->globals, vm.builtins, NAME(arg));
          if (!v.is_undef()) {
            PUSH(v);
            break;
          }
        }
        goto slow_op;
      case Op::STORE_NAME:
        if (f->locals_dict == f->globals && f->globals->cls == vm.t.dict) {
          store_global_cached(caches[pc - 1], f->globals, NAME(arg), POP());
          break;
        }
        goto slow_op;
      case Op::LOAD_ATTR: {
        Value v;
        if (!load_attr_cached(caches[pc - 1], TOP(), NAME(arg), &v)) goto slow_op;
        TOP() = v;
        break;
      }
      case Op::STORE_ATTR:
        if (!store_attr_cached(caches[pc - 1], TOP(), NAME(arg), SECOND())) goto slow_op;
        sp -= 2;
        break;
      case Op::LOAD_METHOD: {
        InlineCache& c = caches[pc - 1];
        Value obj = TOP();
        if (Obj* cached = method_cached(vm, c, obj, NAME(arg))) {
          TOP() = Value::object(cached);
          PUSH(obj);
          break;
        }
        Value attr;
        if (!load_attr_cached(c, obj, NAME(arg), &attr)) goto slow_op;
        TOP() = Value();  // a module's function, say
        PUSH(attr);
        break;
      }
      case Op::KW_NAMES: kwnames = static_cast<TupleObj*>(co->consts[arg].o); break;
      case Op::CALL: {
        TupleObj* kw = kwnames;
        kwnames = nullptr;
        uint32_t nkw = kw ? uint32_t(kw->size) : 0;
        Value* base = sp - arg - 2;
        Value callable;
        Value* args;
        uint32_t nargs;
        if (base[0].is_undef()) {
          callable = base[1];
          args = base + 2;
          nargs = arg - nkw;
        } else {
          callable = base[0];
          args = base + 1;
          nargs = arg + 1 - nkw;
        }
        // Unwrap bound methods in place: [NULL, bound] -> [func, self].
        if (callable.is_obj() && callable.o->kind == Kind::BoundMethod && base[0].is_undef()) {
          BoundMethodObj* m = static_cast<BoundMethodObj*>(callable.o);
          base[0] = m->func;
          base[1] = m->self;
          callable = m->func;
          args = base + 1;
          nargs++;
        }
        sp = base;
        SAVE_FRAME();
        Frame* nf = nullptr;
        Value result;
        CallOutcome outcome = call_value(vm, callable, args, nargs, kw, &nf, &result);
        if (outcome == CallOutcome::Error) {
          if (!vm.host_call_.is_undef()) goto host_call;
          goto error;
        }
        if (outcome == CallOutcome::Result) {
          PUSH(result);
          break;
        }
        // A Python frame to run: link it above this one.
        nf->back = f;
        if (++vm.depth_ > vm.recursion_limit) {
          vm.depth_--;
          free_frame(nf);
          vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
          goto error;
        }
        f = nf;
        vm.frame_ = f;
        goto enter_call_frame;
      }
      case Op::RETURN_VALUE: {
        Value v = POP();
        GenObj* g = f->gen;
        ReturnMode mode = f->mode;
        Frame* back = f->back;
        Value init_self = f->init_self;
        if (g) close_generator_frame(g);
        else free_frame(f);
        vm.depth_--;
        if (mode == ReturnMode::Entry) {
          vm.frame_ = back;
          return {ExecStatus::Returned, v};
        }
        f = back;
        vm.frame_ = f;
        LOAD_FRAME();
        switch (mode) {
          case ReturnMode::Call: PUSH(v); break;
          case ReturnMode::Init:
            if (!v.is_none()) {
              kSlowPaths.raise_init_result(vm, v);
              goto error;
            }
            PUSH(init_self);
            break;
          case ReturnMode::Send:
            TOP() = v;  // the receiver becomes the result of the await / yield from
            pc = code[pc - 1] >> 8;
            break;
          case ReturnMode::ForIter:
            --sp;  // the exhausted iterator
            pc = code[pc - 1] >> 8;
            break;
          case ReturnMode::Entry: break;
        }
        break;
      }
      case Op::BINARY_OP: {
        // Small ints and floats here; `s + x` on strings out of line.
        Value a = SECOND();
        Value b = TOP();
        int64_t r;
        if (a.is_int() && b.is_int()) {
          switch (BinOp(arg)) {
            case BinOp::Add:
            case BinOp::InplaceAdd:
              if (__builtin_add_overflow(a.i, b.i, &r)) goto slow_op;
              break;
            case BinOp::Subtract:
            case BinOp::InplaceSubtract:
              if (__builtin_sub_overflow(a.i, b.i, &r)) goto slow_op;
              break;
            case BinOp::Multiply:
            case BinOp::InplaceMultiply:
              if (__builtin_mul_overflow(a.i, b.i, &r)) goto slow_op;
              break;
            default: goto slow_op;
          }
          --sp;
          TOP() = Value::integer(r);
          break;
        }
        if (a.is_float() && b.is_float()) {
          double d;
          switch (BinOp(arg)) {
            case BinOp::Add: case BinOp::InplaceAdd: d = a.f + b.f; break;
            case BinOp::Subtract: case BinOp::InplaceSubtract: d = a.f - b.f; break;
            case BinOp::Multiply: case BinOp::InplaceMultiply: d = a.f * b.f; break;
            default: goto slow_op;
          }
          --sp;
          TOP() = Value::real(d);
          break;
        }
        if (is_str(vm, a) && is_str(vm, b)) goto slow_op;  // may extend a local in place
        --sp;
        SAVE_FRAME();
        Value result = op_binary(vm, a, b, BinOp(arg));
        RAISE_IF(result.is_error());
        TOP() = result;
        break;
      }
      case Op::UNARY_NOT: {
        SAVE_FRAME();
        int t = op_truth(vm, TOP());
        RAISE_IF(t < 0);
        TOP() = Value::boolean(!t);
        break;
      }
      case Op::COMPARE_OP: {
        Value b = POP();
        Value a = TOP();
        if (!a.is_int() || !b.is_int()) {
          SAVE_FRAME();
          Value r = op_compare(vm, a, b, CompareOp(arg));
          RAISE_IF(r.is_error());
          TOP() = r;
          break;
        }
        // The orderings that make each CompareOp true: bit 0 less, bit 1 equal, bit 2 greater.
        static constexpr uint8_t kTrueFor[] = {0b001, 0b011, 0b010, 0b101, 0b100, 0b110};
        int order = a.i < b.i ? 0 : a.i == b.i ? 1 : 2;
        TOP() = Value::boolean((kTrueFor[arg] >> order) & 1);
        break;
      }
      case Op::IS_OP: {
        Value b = POP();
        bool same = TOP().same(b);
        TOP() = Value::boolean(arg ? !same : same);
        break;
      }
      case Op::CONTAINS_OP: {
        SAVE_FRAME();
        Value container = POP();
        int r = op_contains(vm, container, TOP());
        RAISE_IF(r < 0);
        TOP() = Value::boolean(arg ? !r : r);
        break;
      }
      case Op::BINARY_SUBSCR: {
        Value key = POP();
        Value obj = TOP();
        if (key.is_int() && obj.is_obj() && obj.o->cls == vm.t.list) {
          auto& items = static_cast<ListObj*>(obj.o)->items;
          int64_t i = key.i < 0 ? key.i + int64_t(items.size()) : key.i;
          if (i >= 0 && size_t(i) < items.size()) {
            TOP() = items[size_t(i)];
            break;
          }
        }
        SAVE_FRAME();
        Value r = op_getitem(vm, obj, key);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::STORE_SUBSCR: {
        SAVE_FRAME();
        Value key = POP();
        Value obj = POP();
        Value v = POP();
        if (key.is_int() && obj.is_obj() && obj.o->cls == vm.t.list) {
          auto& items = static_cast<ListObj*>(obj.o)->items;
          int64_t i = key.i < 0 ? key.i + int64_t(items.size()) : key.i;
          if (i >= 0 && size_t(i) < items.size()) {
            items[size_t(i)] = v;
            break;
          }
        }
        RAISE_IF(!op_setitem(vm, obj, key, v));
        break;
      }
      case Op::LIST_APPEND: {
        Value v = POP();
        static_cast<ListObj*>(sp[-int(arg)].o)->items.push_back(v);
        break;
      }
      case Op::UNPACK_SEQUENCE: {
        SAVE_FRAME();
        Value seq = POP();
        RAISE_IF(!unpack_sequence(vm, seq, arg, 0, false, sp));
        sp += arg;
        break;
      }
      case Op::JUMP:
        if (arg < pc) {
          pc = arg;
          SAFE_POINT();
        } else {
          pc = arg;
        }
        break;
      case Op::POP_JUMP_IF_FALSE:
      case Op::POP_JUMP_IF_TRUE: {
        Value v = POP();
        int t;
        if (v.is_bool()) t = v.b;
        else {
          SAVE_FRAME();
          t = op_truth(vm, v);
          RAISE_IF(t < 0);
        }
        if (bool(t) == (Op(word & 0xff) == Op::POP_JUMP_IF_TRUE)) {
          bool backward = arg < pc;
          pc = arg;
          if (backward) SAFE_POINT();
        }
        break;
      }
      case Op::POP_JUMP_IF_NONE:
        if (POP().is_none()) pc = arg;
        break;
      case Op::POP_JUMP_IF_NOT_NONE:
        if (!POP().is_none()) pc = arg;
        break;
      case Op::JUMP_IF_FALSE_OR_POP:
      case Op::JUMP_IF_TRUE_OR_POP: {
        Value v = TOP();
        int t;
        if (v.is_bool()) t = v.b;
        else {
          SAVE_FRAME();
          t = op_truth(vm, v);
          RAISE_IF(t < 0);
        }
        if (bool(t) == (Op(word & 0xff) == Op::JUMP_IF_TRUE_OR_POP)) pc = arg;
        else --sp;
        break;
      }
      case Op::GET_ITER: {
        Value v = TOP();
        if (v.is_obj() && v.o->kind == Kind::Generator && v.o->cls == vm.t.generator) break;
        SAVE_FRAME();
        Value it = op_iter(vm, v);
        RAISE_IF(it.is_error());
        TOP() = it;
        break;
      }
      case Op::FOR_ITER: {
        Value it = TOP();
        if (it.is_obj()) {
          switch (it.o->kind) {
            case Kind::ListIter: {
              auto* li = static_cast<ListIterObj*>(it.o);
              if (li->list && li->index < li->list->items.size()) {
                PUSH(li->list->items[li->index++]);
              } else {
                li->list = nullptr;
                --sp;
                pc = arg;
              }
              goto for_iter_done;
            }
            case Kind::RangeIter: {
              auto* ri = static_cast<RangeIterObj*>(it.o);
              if (ri->remaining > 0) {
                ri->remaining--;
                PUSH(Value::integer(ri->next));
                ri->next += ri->step;
              } else {
                --sp;
                pc = arg;
              }
              goto for_iter_done;
            }
            case Kind::TupleIter: {
              auto* ti = static_cast<TupleIterObj*>(it.o);
              if (ti->tuple && ti->index < ti->tuple->size) {
                PUSH((*ti->tuple)[ti->index++]);
              } else {
                ti->tuple = nullptr;
                --sp;
                pc = arg;
              }
              goto for_iter_done;
            }
            case Kind::Generator:
              if (it.o->cls == vm.t.generator) {
                GenObj* g = static_cast<GenObj*>(it.o);
                SAVE_FRAME();
                if (g->state == GenState::Closed) {
                  --sp;
                  pc = arg;
                  goto for_iter_done;
                }
                if (g->state == GenState::Running) {
                  vm.raise(vm.t.ValueError, "generator already executing");
                  goto error;
                }
                Frame* gf = g->frame;
                if (g->state == GenState::Suspended) gf->stack()[gf->sp++] = Value::none();
                g->state = GenState::Running;
                gf->back = f;
                gf->mode = ReturnMode::ForIter;
                if (++vm.depth_ > vm.recursion_limit) {
                  vm.depth_--;
                  g->state = GenState::Suspended;
                  gf->back = nullptr;
                  if (gf->sp > 0 && gf->pc > 0) gf->sp--;
                  vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
                  goto error;
                }
                f = gf;
                vm.frame_ = f;
                goto enter_frame;
              }
              break;
            default: break;
          }
        }
        {
          SAVE_FRAME();
          Value v = op_next(vm, it);
          RAISE_IF(v.is_error());
          if (v.is_undef()) {
            --sp;
            pc = arg;
          } else {
            PUSH(v);
          }
        }
      for_iter_done:
        break;
      }
      case Op::GET_AWAITABLE: {
        SAVE_FRAME();
        Value r = get_awaitable(vm, TOP(), arg);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::SEND: {
        Value v = POP();
        Value recv = TOP();
        SAVE_FRAME();
        if (recv.is_obj() && recv.o->kind == Kind::Generator && recv.o->cls != vm.t.async_generator) {
          GenObj* g = static_cast<GenObj*>(recv.o);
          if (g->state == GenState::Running) {
            vm.raise(vm.t.ValueError, g->cls == vm.t.coroutine ? "coroutine already executing"
                                                                : "generator already executing");
            goto error;
          }
          if (g->state == GenState::Closed) {
            if (g->cls == vm.t.coroutine) {
              vm.raise(vm.t.RuntimeError, "cannot reuse already awaited coroutine");
              goto error;
            }
            TOP() = Value::none();
            pc = arg;
            break;
          }
          if (g->state == GenState::Created && !v.is_none()) {
            vm.raisef(vm.t.TypeError, "can't send non-None value to a just-started %s",
                      g->cls == vm.t.coroutine ? "coroutine" : "generator");
            goto error;
          }
          Frame* gf = g->frame;
          if (g->state == GenState::Suspended) gf->stack()[gf->sp++] = v;
          g->state = GenState::Running;
          g->awaited = true;
          gf->back = f;
          gf->mode = ReturnMode::Send;
          if (++vm.depth_ > vm.recursion_limit) {
            vm.depth_--;
            vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
            g->state = GenState::Suspended;
            gf->back = nullptr;
            goto error;
          }
          f = gf;
          vm.frame_ = f;
          goto enter_frame;
        }
        Value out;
        SendResult r = send_native(vm, recv, v, &out);
        if (r == SendResult::Error) goto error;
        if (r == SendResult::Yield) {
          PUSH(out);
        } else {
          TOP() = out;
          pc = arg;
        }
        break;
      }
      case Op::YIELD_VALUE: {
        Value v = POP();
        GenObj* g = f->gen;
        SAVE_FRAME();
        g->state = GenState::Suspended;
        ReturnMode mode = f->mode;
        Frame* back = f->back;
        f->back = nullptr;
        vm.depth_--;
        if (mode == ReturnMode::Entry) {
          vm.frame_ = back;
          return {ExecStatus::Yielded, v};
        }
        f = back;
        vm.frame_ = f;
        LOAD_FRAME();
        PUSH(v);
        break;
      }
      case Op::SETUP_FINALLY:
        BLOCKS()[f->nblocks++] = {arg, uint32_t(sp - stack_base)};
        break;
      case Op::SETUP_CLEANUP:
      case Op::SETUP_WITH:
        BLOCKS()[f->nblocks++] = {arg, uint32_t(sp - stack_base) - 1};
        break;
      case Op::POP_BLOCK: f->nblocks--; break;
      case Op::PUSH_EXC_INFO: {
        Value exc = TOP();
        TOP() = f->handled_exc.is_undef() ? Value::none() : f->handled_exc;
        PUSH(exc);
        f->handled_exc = exc;
        break;
      }
      case Op::POP_EXCEPT: {
        Value prev = POP();
        f->handled_exc = prev.is_none() ? Value() : prev;
        break;
      }
      case Op::CHECK_EXC_MATCH: {
        SAVE_FRAME();
        Value type = POP();
        bool match;
        RAISE_IF(!exception_matches(vm, TOP(), type, &match));
        PUSH(Value::boolean(match));
        break;
      }
      case Op::RERAISE: {
        SAVE_FRAME();
        vm.pending_ = POP();
        goto unwind;
      }
      default:
      slow_op : {
        // The instruction in full, out of line, from its state before (sp and pc as saved).
        SAVE_FRAME();
        Status status = kSlowPaths.op[word & 0xff](vm, f, stack_base, word);
        pc = f->pc;  // (as the handler left them, also for a host call's SAVE_FRAME)
        sp = stack_base + f->sp;
        switch (status) {
          case Status::Next: break;
          case Status::Error: goto error;
          case Status::Reraise: goto unwind;
          case Status::HostCall: goto host_call;
          case Status::NewFrame:
            f = vm.frame_;
            goto enter_frame;
          case Status::NewCallFrame:
            f = vm.frame_;
            goto enter_call_frame;
        }
        break;
      }
    }
  }

error:
  // A new exception raised by the instruction at pc-1 in frame f.
  raise_how = Slow::Raise::New;
  goto unwind_frames;
error_traceback:
  raise_how = Slow::Raise::Thrown;
  goto unwind_frames;
unwind:
  raise_how = Slow::Raise::Reraise;
unwind_frames:
  // Find a handler in this frame or its callers (out of line), or leave the entry frame.
  f = kSlowPaths.unwind(vm, f, pc, raise_how);
  if (!f) return {ExecStatus::Raised, Value()};
  goto enter_frame;

enter_call_frame:
  // A call's new frame f: the call is a safe point.
  LOAD_FRAME();
  SAFE_POINT();
  goto dispatch;

preempt:
  // Park the chain up to the entry frame; the host continues it later.
  return kSlowPaths.park(vm, f, ExecStatus::Preempted);

host_call:
  // A native asked the host to take over (asyncio.run): park the chain like a preemption.
  SAVE_FRAME();
  return kSlowPaths.park(vm, f, ExecStatus::HostCall);

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef NAME
#undef BLOCKS
#undef RAISE_IF
#undef SAFE_POINT
#undef WARN_IF_DROPPED_COROUTINE
}

ExecResult Interpreter::run(VM& vm, Frame* entry, uint64_t budget) {
  entry->mode = ReturnMode::Entry;
  entry->back = vm.frame_;
  if (++vm.depth_ > vm.recursion_limit) {
    vm.depth_--;
    entry->back = nullptr;
    if (!entry->gen) free_frame(entry);
    vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
    return {ExecStatus::Raised, Value()};
  }
  vm.frame_ = entry;
  return Interpreter::execute(vm, budget, Start::Normal);
}

ExecResult VM::resume_parked(Frame* f, uint64_t budget) {
  Frame* entry = f;
  while (entry->mode != ReturnMode::Entry) entry = entry->back;
  entry->back = frame_;
  frame_ = f;
  return Interpreter::execute(*this, budget, Start::Normal);
}

ExecResult VM::resume_host_call(Frame* f, Value result, uint64_t budget) {
  Frame* entry = f;
  while (entry->mode != ReturnMode::Entry) entry = entry->back;
  entry->back = frame_;
  frame_ = f;
  if (result.is_error()) return Interpreter::execute(*this, budget, Start::Raise);
  f->stack()[f->sp++] = result;
  return Interpreter::execute(*this, budget, Start::Normal);
}

Value Interpreter::run_nested(VM& vm, Frame* f) {
  ExecResult r = run(vm, f, 0);
  if (r.status == ExecStatus::Raised) return Value::error();
  return r.value;
}

ExecResult VM::run_module(CodeObj* code, DictObj* globals, uint64_t budget) {
  Frame* f = alloc_frame(code);
  f->globals = globals;
  f->locals_dict = globals;
  return Interpreter::run(*this, f, budget);
}

// Resuming generators: send a value, or throw an exception in (following yield-from chains).
ExecResult VM::resume(GenObj* g, Value value, bool is_throw, uint64_t budget) {
  if (g->state == GenState::Running) {
    raise(t.ValueError, g->cls == t.coroutine ? "coroutine already executing" : "generator already executing");
    return {ExecStatus::Raised, Value()};
  }
  if (g->state == GenState::Closed) {
    if (is_throw) {
      pending_ = value;
      return {ExecStatus::Raised, Value()};
    }
    if (g->cls == t.coroutine) {
      raise(t.RuntimeError, "cannot reuse already awaited coroutine");
      return {ExecStatus::Raised, Value()};
    }
    return {ExecStatus::Returned, Value::none()};
  }
  if (g->state == GenState::Created && !is_throw && !value.is_none()) {
    raisef(t.TypeError, "can't send non-None value to a just-started %s",
           g->cls == t.coroutine ? "coroutine" : g->cls == t.async_generator ? "async generator" : "generator");
    return {ExecStatus::Raised, Value()};
  }
  Frame* f = g->frame;
  bool was_suspended = g->state == GenState::Suspended;
  g->state = GenState::Running;
  f->mode = ReturnMode::Entry;
  f->back = frame_;
  if (++depth_ > recursion_limit) {
    depth_--;
    f->back = nullptr;
    g->state = was_suspended ? GenState::Suspended : GenState::Created;
    raise(t.RecursionError, "maximum recursion depth exceeded");
    return {ExecStatus::Raised, Value()};
  }
  frame_ = f;
  if (!is_throw) {
    if (was_suspended) f->stack()[f->sp++] = value;
    return Interpreter::execute(*this, budget, Start::Normal);
  }
  // Throw: go down the chain of `yield from`/`await` delegates to the innermost suspended
  // frame, linking each above its delegator, then raise there.
  for (;;) {
    Value recv = delegate_of(f);
    if (recv.is_undef()) break;
    if (recv.is_obj() && recv.o->kind == Kind::Generator && recv.o->cls != t.async_generator &&
        static_cast<GenObj*>(recv.o)->state == GenState::Suspended && !pending_is_generator_exit(*this, value)) {
      GenObj* sub = static_cast<GenObj*>(recv.o);
      Frame* sf = sub->frame;
      sub->state = GenState::Running;
      // f is suspended after its YIELD_VALUE; step back onto it, where SEND leaves a frame
      // whose delegate runs: a value the delegate yields is yielded again, a return goes to
      // SEND's target (code[pc - 1] is the SEND).
      f->pc -= 1;
      sf->back = f;
      sf->mode = ReturnMode::Send;
      depth_++;
      f = sf;
      frame_ = f;
      continue;
    }
    // A native delegate: close it on GeneratorExit, else offer it the exception.
    Value out;
    ThrowResult tr = throw_into_native(*this, recv, value, &out);
    if (tr == ThrowResult::Yielded) {
      // The delegate yielded instead: this frame yields it again from its YIELD_VALUE.
      f->stack()[f->sp++] = out;
      f->pc -= 1;
      return Interpreter::execute(*this, budget, Start::Normal);
    }
    if (tr == ThrowResult::Returned) {
      f->stack()[f->sp - 1] = out;
      f->pc = f->code->code[f->pc] >> 8;  // the JUMP back to SEND
      f->pc = f->code->code[f->pc] >> 8;  // SEND's target
      return Interpreter::execute(*this, budget, Start::Normal);
    }
    if (tr == ThrowResult::Raised) return Interpreter::execute(*this, budget, Start::Throw);
    break;  // NotHandled: raise `value` in this frame
  }
  pending_ = value;
  return Interpreter::execute(*this, budget, Start::Throw);
}

}  // namespace looplab
