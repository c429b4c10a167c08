// The dispatch loop (clox's run(), Lua's luaV_execute): one loop over a chain of heap frames.
#include "lang/interpreter.h"

#include <cstring>

#include "lang/call.h"
#include "lang/exec_support.h"
#include "lang/frame.h"
#include "lang/generator.h"
#include "runtime/iterators.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

using Start = Interpreter::Start;

inline bool is_str(const VM& vm, Value v) { return v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str; }

}  // namespace

// The loop itself. Runs vm.frame_ until the frame in Entry mode returns, yields or raises.
// A coroutine that was never started, dropped by an expression statement or a `del`: CPython
// frees it right there (refcount 0) and warns "coroutine ... was never awaited" at this line.
// Without refcounts this assumes nothing else refers to it, which is the common case.
static inline void warn_if_dropped_coroutine(VM& vm, Value v) {
  if (!v.is_obj() || !vm.on_unawaited_coroutine) return;
  if (v.o->kind != Kind::Generator) {
    std::string qualname;
    if (v.o->cls == vm.native_coroutine_class && vm.take_unawaited_native(vm, v, &qualname))
      vm.on_unawaited_coroutine(qualname);
    return;
  }
  if (v.o->cls != vm.t.coroutine) return;
  GenObj* g = static_cast<GenObj*>(v.o);
  if (g->state == GenState::Created && !g->awaited) {
    g->awaited = true;
    vm.on_unawaited_coroutine(g->qualname->view());
  }
}

ExecResult Interpreter::execute(VM& vm, uint64_t budget, Start start) {
  Frame* f = vm.frame_;
  CodeObj* co;
  const uint32_t* code;
  InlineCache* caches;
  uint32_t pc;
  Value* sp;
  Value* locals;
  TupleObj* kwnames = nullptr;
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

#define LOAD_FRAME()                          \
  do {                                        \
    co = f->code;                             \
    code = co->code.data();                   \
    caches = co->inline_caches();             \
    pc = f->pc;                               \
    sp = f->stack() + f->sp;                  \
    locals = f->slots();                      \
  } while (0)
#define SAVE_FRAME()                          \
  do {                                        \
    f->pc = pc;                               \
    f->sp = uint32_t(sp - f->stack());        \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NAME(i) (co->names[i])
#define RAISE_IF(cond) \
  if (cond) goto error
// Only coroutines need a look (and the frame saved, for the warning's line): cheap on POP_TOP.
#define WARN_IF_DROPPED_COROUTINE(value)                              \
  do {                                                                \
    Value dropped_ = (value);                                         \
    if (dropped_.is_obj() && (dropped_.o->kind == Kind::Generator ||  \
                              dropped_.o->cls == vm.native_coroutine_class)) { \
      SAVE_FRAME();                                                   \
      warn_if_dropped_coroutine(vm, dropped_);                        \
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

  LOAD_FRAME();
  if (start == Start::Raise) goto error;
  if (start == Start::Throw) goto error_traceback;

dispatch:
  for (;;) {
    if (__builtin_expect(vm.trace_lines, 0)) {
      int line = co->positions[pc].line;
      if (line != f->last_line && line > 0) {
        f->last_line = line;
        SAVE_FRAME();
        vm.line_hook(f, line);
      }
    }
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
        if (v.is_undef()) {
          SAVE_FRAME();
          vm.raisef(vm.t.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    co->varnames[arg]->data());
          goto error;
        }
        if (v.tag == Tag::Obj && v.o->kind == Kind::Str) {
          // Count loads of strings that `s += x` may extend in place (see str_append_to_local).
          StrObj* s = static_cast<StrObj*>(v.o);
          if (s->appendable && s->loads != UINT32_MAX) s->loads++;
        }
        PUSH(v);
        break;
      }
      case Op::STORE_FAST: locals[arg] = POP(); break;
      case Op::DELETE_FAST: {
        if (locals[arg].is_undef()) {
          SAVE_FRAME();
          vm.raisef(vm.t.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    co->varnames[arg]->data());
          goto error;
        }
        WARN_IF_DROPPED_COROUTINE(locals[arg]);
        locals[arg] = Value();
        break;
      }
      case Op::LOAD_DEREF:
      case Op::LOAD_CLASSDEREF: {
        SAVE_FRAME();
        if (Op(word & 0xff) == Op::LOAD_CLASSDEREF && f->locals_dict) {
          StrObj* name = deref_name(co, arg);
          Value v = f->locals_dict->get_str(name);
          if (!v.is_undef()) {
            PUSH(v);
            break;
          }
        }
        Value v = static_cast<CellObj*>(f->cells()[arg].o)->value;
        if (v.is_undef()) {
          raise_unbound_deref(vm, co, arg);
          goto error;
        }
        PUSH(v);
        break;
      }
      case Op::STORE_DEREF: static_cast<CellObj*>(f->cells()[arg].o)->value = POP(); break;
      case Op::DELETE_DEREF: {
        CellObj* c = static_cast<CellObj*>(f->cells()[arg].o);
        if (c->value.is_undef()) {
          SAVE_FRAME();
          raise_unbound_deref(vm, co, arg);
          goto error;
        }
        c->value = Value();
        break;
      }
      case Op::LOAD_CLOSURE: PUSH(f->cells()[arg]); break;
      case Op::LOAD_GLOBAL: {
        StrObj* name = NAME(arg);
        InlineCache& c = caches[pc - 1];
        Value v = load_global_cached(c, f->globals, vm.builtins, name);
        if (v.is_undef()) v = load_global_slow(c, f->globals, vm.builtins, name);
        if (v.is_undef()) {
          SAVE_FRAME();
          raise_name_error(vm, name);
          goto error;
        }
        PUSH(v);
        break;
      }
      case Op::STORE_GLOBAL: store_global_cached(caches[pc - 1], f->globals, NAME(arg), POP()); break;
      case Op::DELETE_GLOBAL: {
        WARN_IF_DROPPED_COROUTINE(f->globals->get_str(NAME(arg)));
        if (!f->globals->del_str(NAME(arg))) {
          SAVE_FRAME();
          raise_name_error(vm, NAME(arg));
          goto error;
        }
        break;
      }
      case Op::LOAD_NAME: {
        StrObj* name = NAME(arg);
        Value v;
        if (f->locals_dict && f->locals_dict->cls != vm.t.dict) {
          // A metaclass's __prepare__ namespace: its own __getitem__.
          SAVE_FRAME();
          v = op_getitem(vm, Value::object(f->locals_dict), Value::object(name));
          if (v.is_error()) {
            if (!vm.pending_is(vm.t.KeyError)) goto error;
            vm.clear_exception();
            v = Value();
          }
        } else if (f->locals_dict && f->locals_dict != f->globals) {
          v = f->locals_dict->get_str(name);
        } else {
          // Module level: the same lookup as LOAD_GLOBAL.
          InlineCache& c = caches[pc - 1];
          v = load_global_cached(c, f->globals, vm.builtins, name);
          if (v.is_undef()) v = load_global_slow(c, f->globals, vm.builtins, name);
        }
        if (v.is_undef()) v = f->globals->get_str(name);
        if (v.is_undef()) v = vm.builtins->get_str(name);
        if (v.is_undef()) {
          SAVE_FRAME();
          raise_name_error(vm, name);
          goto error;
        }
        PUSH(v);
        break;
      }
      case Op::STORE_NAME: {
        Value v = POP();
        if (f->locals_dict && f->locals_dict->cls != vm.t.dict) {
          SAVE_FRAME();
          RAISE_IF(!op_setitem(vm, Value::object(f->locals_dict), Value::object(NAME(arg)), v));
          break;
        }
        if (f->locals_dict && f->locals_dict != f->globals) f->locals_dict->set_str(NAME(arg), v);
        else store_global_cached(caches[pc - 1], f->globals, NAME(arg), v);
        break;
      }
      case Op::DELETE_NAME: {
        WARN_IF_DROPPED_COROUTINE((f->locals_dict ? f->locals_dict : f->globals)->get_str(NAME(arg)));
        if (!(f->locals_dict ? f->locals_dict : f->globals)->del_str(NAME(arg))) {
          SAVE_FRAME();
          raise_name_error(vm, NAME(arg));
          goto error;
        }
        break;
      }
      case Op::LOAD_ATTR: {
        InlineCache& c = caches[pc - 1];
        Value v;
        if (load_attr_cached(c, TOP(), NAME(arg), &v)) {
          TOP() = v;
          break;
        }
        SAVE_FRAME();
        v = op_getattr(vm, TOP(), NAME(arg));
        RAISE_IF(v.is_error());
        fill_attr_cache(vm, c, TOP(), NAME(arg), false);
        TOP() = v;
        break;
      }
      case Op::STORE_ATTR: {
        InlineCache& c = caches[pc - 1];
        Value obj = POP();
        Value v = POP();
        if (store_attr_cached(c, obj, NAME(arg), v)) break;
        SAVE_FRAME();
        RAISE_IF(!op_setattr(vm, obj, NAME(arg), v));
        fill_attr_cache(vm, c, obj, NAME(arg), true);
        break;
      }
      case Op::DELETE_ATTR: {
        SAVE_FRAME();
        Value obj = POP();
        RAISE_IF(!op_delattr(vm, obj, NAME(arg)));
        break;
      }
      case Op::LOAD_METHOD: {
        InlineCache& c = caches[pc - 1];
        Value obj = TOP();
        if (Obj* cached = method_cached(vm, c, obj, NAME(arg))) {
          TOP() = Value::object(cached);
          PUSH(obj);
          break;
        }
        Value attr;
        if (load_attr_cached(c, obj, NAME(arg), &attr)) {  // a module's function, say
          TOP() = Value();
          PUSH(attr);
          break;
        }
        SAVE_FRAME();
        bool is_method;
        Value m = op_getmethod(vm, obj, NAME(arg), &is_method);
        RAISE_IF(m.is_error());
        if (is_method) fill_method_cache(vm, c, obj, m);
        else fill_attr_cache(vm, c, obj, NAME(arg), false);
        if (is_method) {
          TOP() = m;
          PUSH(obj);
        } else {
          TOP() = Value();
          PUSH(m);
        }
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
        LOAD_FRAME();
        SAFE_POINT();
        break;
      }
      case Op::CALL_FUNCTION_EX: {
        SAVE_FRAME();
        Value kwargs = (arg & 1) ? POP() : Value();
        Value posargs = POP();
        Value callable = POP();
        Value self_or_null = POP();
        std::vector<Value> argv;
        TupleObj* kw = nullptr;
        if (!self_or_null.is_undef()) {
          // [method, self] layout: self is the first argument.
          argv.push_back(callable);
          callable = self_or_null;
        }
        uint32_t nargs;
        RAISE_IF(!flatten_call_args(vm, callable, posargs, kwargs, argv, &kw, &nargs));
        Frame* nf = nullptr;
        Value result;
        CallOutcome outcome = call_value(vm, callable, argv.data(), nargs, kw, &nf, &result);
        SAVE_FRAME();
        if (outcome == CallOutcome::Error) {
          if (!vm.host_call_.is_undef()) goto host_call;
          goto error;
        }
        if (outcome == CallOutcome::Result) {
          PUSH(result);
          break;
        }
        nf->back = f;
        if (++vm.depth_ > vm.recursion_limit) {
          vm.depth_--;
          free_frame(nf);
          vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
          goto error;
        }
        f = nf;
        vm.frame_ = f;
        LOAD_FRAME();
        SAFE_POINT();
        break;
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
              vm.raisef(vm.t.TypeError, "__init__() should return None, not '%s'", type_name(vm, v).c_str());
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
        Value b = POP();
        Value a = TOP();
        if (a.is_int() && b.is_int()) {
          int64_t r;
          switch (BinOp(arg)) {
            case BinOp::Add:
            case BinOp::InplaceAdd:
              if (!__builtin_add_overflow(a.i, b.i, &r)) {
                TOP() = Value::integer(r);
                goto binop_done;
              }
              break;
            case BinOp::Subtract:
            case BinOp::InplaceSubtract:
              if (!__builtin_sub_overflow(a.i, b.i, &r)) {
                TOP() = Value::integer(r);
                goto binop_done;
              }
              break;
            case BinOp::Multiply:
            case BinOp::InplaceMultiply:
              if (!__builtin_mul_overflow(a.i, b.i, &r)) {
                TOP() = Value::integer(r);
                goto binop_done;
              }
              break;
            default: break;
          }
        } else if (a.is_float() && b.is_float()) {
          switch (BinOp(arg)) {
            case BinOp::Add: case BinOp::InplaceAdd: TOP() = Value::real(a.f + b.f); goto binop_done;
            case BinOp::Subtract: case BinOp::InplaceSubtract: TOP() = Value::real(a.f - b.f); goto binop_done;
            case BinOp::Multiply: case BinOp::InplaceMultiply: TOP() = Value::real(a.f * b.f); goto binop_done;
            default: break;
          }
        }
        if ((BinOp(arg) == BinOp::InplaceAdd || BinOp(arg) == BinOp::Add) && is_str(vm, a) && is_str(vm, b) &&
            Op(code[pc] & 0xff) == Op::STORE_FAST && locals[code[pc] >> 8].same(a)) {
          // s = s + x / s += x on a local: CPython 3.11 extends the string in place when nothing
          // else refers to it, which makes such loops linear.
          SAVE_FRAME();
          Value r = str_append_to_local(vm, static_cast<StrObj*>(a.o), static_cast<StrObj*>(b.o));
          RAISE_IF(r.is_error());
          TOP() = r;
          goto binop_done;
        }
        {
          SAVE_FRAME();
          Value r = op_binary(vm, a, b, BinOp(arg));
          RAISE_IF(r.is_error());
          TOP() = r;
        }
      binop_done:
        break;
      }
      case Op::UNARY_NEGATIVE: {
        Value v = TOP();
        if (v.is_int() && v.i != INT64_MIN) {
          TOP() = Value::integer(-v.i);
          break;
        }
        if (v.is_float()) {
          TOP() = Value::real(-v.f);
          break;
        }
        SAVE_FRAME();
        Value r = op_unary(vm, v, UnaryOp::Negative);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::UNARY_POSITIVE:
      case Op::UNARY_INVERT: {
        SAVE_FRAME();
        Value r = op_unary(vm, TOP(), Op(word & 0xff) == Op::UNARY_POSITIVE ? UnaryOp::Positive : UnaryOp::Invert);
        RAISE_IF(r.is_error());
        TOP() = r;
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
        if (a.is_int() && b.is_int()) {
          bool r = false;
          switch (CompareOp(arg)) {
            case CompareOp::Lt: r = a.i < b.i; break;
            case CompareOp::Le: r = a.i <= b.i; break;
            case CompareOp::Eq: r = a.i == b.i; break;
            case CompareOp::Ne: r = a.i != b.i; break;
            case CompareOp::Gt: r = a.i > b.i; break;
            case CompareOp::Ge: r = a.i >= b.i; break;
          }
          TOP() = Value::boolean(r);
          break;
        }
        SAVE_FRAME();
        Value r = op_compare(vm, a, b, CompareOp(arg));
        RAISE_IF(r.is_error());
        TOP() = r;
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
      case Op::DELETE_SUBSCR: {
        SAVE_FRAME();
        Value key = POP();
        Value obj = POP();
        RAISE_IF(!op_delitem(vm, obj, key));
        break;
      }
      case Op::BUILD_SLICE: {
        Value step = arg == 3 ? POP() : Value::none();
        Value stop = POP();
        Value start = TOP();
        TOP() = Value::object(vm.heap.make<SliceObj>(vm.t.slice, start, stop, step));
        break;
      }
      case Op::BUILD_TUPLE: {
        TupleObj* t = vm.new_tuple(arg);
        sp -= arg;
        for (uint32_t i = 0; i < arg; i++) (*t)[i] = sp[i];
        PUSH(Value::object(t));
        break;
      }
      case Op::BUILD_LIST: {
        ListObj* l = vm.new_list();
        sp -= arg;
        l->items.assign(sp, sp + arg);
        PUSH(Value::object(l));
        break;
      }
      case Op::BUILD_SET: {
        SAVE_FRAME();
        SetObj* s = vm.new_set();
        Value* items = sp - arg;
        for (uint32_t i = 0; i < arg; i++) RAISE_IF(!s->add(vm, items[i]));
        sp = items;
        PUSH(Value::object(s));
        break;
      }
      case Op::BUILD_MAP: {
        SAVE_FRAME();
        DictObj* d = vm.new_dict();
        Value* items = sp - 2 * arg;
        for (uint32_t i = 0; i < arg; i++) RAISE_IF(!d->set(vm, items[2 * i], items[2 * i + 1]));
        sp = items;
        PUSH(Value::object(d));
        break;
      }
      case Op::BUILD_CONST_KEY_MAP: {
        SAVE_FRAME();
        TupleObj* keys = static_cast<TupleObj*>(POP().o);
        DictObj* d = vm.new_dict();
        Value* items = sp - arg;
        for (uint32_t i = 0; i < arg; i++) RAISE_IF(!d->set(vm, (*keys)[i], items[i]));
        sp = items;
        PUSH(Value::object(d));
        break;
      }
      case Op::BUILD_STRING: {
        Value* items = sp - arg;
        Value s = str_concat(vm, items, arg);
        sp = items;
        if (s.is_error()) {
          SAVE_FRAME();
          goto error;
        }
        PUSH(s);
        break;
      }
      case Op::FORMAT_VALUE: {
        SAVE_FRAME();
        Value spec = (arg & 4) ? POP() : Value();
        Value v = TOP();
        switch (arg & 3) {
          case 1: v = op_str(vm, v); break;
          case 2: v = op_repr(vm, v); break;
          case 3: v = op_ascii(vm, v); break;
          default: break;
        }
        RAISE_IF(v.is_error());
        if (spec.is_undef() && is_str(vm, v)) {
          TOP() = v;
          break;
        }
        Value r = op_format(vm, v, spec.is_undef() ? Value::object(vm.n.empty) : spec);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::LIST_APPEND: {
        Value v = POP();
        static_cast<ListObj*>(sp[-int(arg)].o)->items.push_back(v);
        break;
      }
      case Op::SET_ADD: {
        SAVE_FRAME();
        Value v = POP();
        RAISE_IF(!static_cast<SetObj*>(sp[-int(arg)].o)->add(vm, v));
        break;
      }
      case Op::MAP_ADD: {
        SAVE_FRAME();
        Value v = POP();
        Value k = POP();
        RAISE_IF(!static_cast<DictObj*>(sp[-int(arg)].o)->set(vm, k, v));
        break;
      }
      case Op::LIST_EXTEND: {
        SAVE_FRAME();
        Value it = POP();
        RAISE_IF(!list_extend(vm, static_cast<ListObj*>(sp[-int(arg)].o), it));
        break;
      }
      case Op::SET_UPDATE: {
        SAVE_FRAME();
        Value it = POP();
        RAISE_IF(!set_update(vm, *static_cast<SetObj*>(sp[-int(arg)].o), it));
        break;
      }
      case Op::DICT_UPDATE:
      case Op::DICT_MERGE: {
        SAVE_FRAME();
        Value m = POP();
        bool merge = Op(word & 0xff) == Op::DICT_MERGE;
        RAISE_IF(!dict_update_from(vm, static_cast<DictObj*>(sp[-int(arg)].o), m, merge,
                                   merge ? sp[-int(arg) - 2] : Value()));
        break;
      }
      case Op::LIST_TO_TUPLE: {
        ListObj* l = static_cast<ListObj*>(TOP().o);
        TupleObj* t = vm.new_tuple(l->items.size());
        for (size_t i = 0; i < l->items.size(); i++) (*t)[i] = l->items[i];
        TOP() = Value::object(t);
        break;
      }
      case Op::UNPACK_SEQUENCE: {
        SAVE_FRAME();
        Value seq = POP();
        RAISE_IF(!unpack_sequence(vm, seq, arg, 0, false, sp));
        sp += arg;
        break;
      }
      case Op::UNPACK_EX: {
        SAVE_FRAME();
        Value seq = POP();
        uint32_t before = arg & 0xff, after = arg >> 8;
        RAISE_IF(!unpack_sequence(vm, seq, before, after, true, sp));
        sp += before + after + 1;
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
                LOAD_FRAME();
                goto for_iter_done;
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
      case Op::GET_AITER: {
        SAVE_FRAME();
        Value r = get_aiter(vm, TOP());
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::GET_ANEXT: {
        SAVE_FRAME();
        Value r = get_anext(vm, TOP());
        RAISE_IF(r.is_error());
        PUSH(r);
        break;
      }
      case Op::END_ASYNC_FOR: {
        Value exc = POP();
        if (vm.isinstance(exc, vm.t.StopAsyncIteration)) {
          --sp;  // the async iterator
          break;
        }
        SAVE_FRAME();
        vm.pending_ = exc;
        goto unwind;
      }
      case Op::GET_AWAITABLE: {
        SAVE_FRAME();
        Value r = get_awaitable(vm, TOP(), arg);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::GET_YIELD_FROM_ITER: {
        SAVE_FRAME();
        Value v = TOP();
        if (v.is_obj() && v.o->kind == Kind::Generator) {
          if (v.o->cls == vm.t.coroutine && !(co->flags & kCoCoroutine)) {
            vm.raise(vm.t.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
          }
          break;
        }
        Value it = op_iter(vm, v);
        RAISE_IF(it.is_error());
        TOP() = it;
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
          LOAD_FRAME();
          break;
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
      case Op::ASYNC_GEN_WRAP: TOP() = wrap_async_gen_value(vm, TOP()); break;
      case Op::SETUP_FINALLY:
        f->blocks()[f->nblocks++] = {arg, uint32_t(sp - f->stack())};
        break;
      case Op::SETUP_CLEANUP:
      case Op::SETUP_WITH:
        f->blocks()[f->nblocks++] = {arg, uint32_t(sp - f->stack()) - 1};
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
      case Op::CHECK_EG_MATCH: {
        SAVE_FRAME();
        Value type = POP();
        Value match, rest;
        RAISE_IF(!exception_group_match(vm, TOP(), type, &match, &rest));
        if (match.is_none()) {
          PUSH(match);
        } else {
          TOP() = rest;
          PUSH(match);
          f->handled_exc = match;
        }
        break;
      }
      case Op::PREP_RERAISE_STAR: {
        SAVE_FRAME();
        Value excs = POP();
        Value orig = TOP();
        Value r = prep_reraise_star(vm, orig, excs);
        RAISE_IF(r.is_error());
        TOP() = r;
        break;
      }
      case Op::RERAISE: {
        SAVE_FRAME();
        vm.pending_ = POP();
        goto unwind;
      }
      case Op::RAISE_VARARGS: {
        SAVE_FRAME();
        if (arg == 0) {
          Value exc = vm.handled_exception();
          if (exc.is_none()) {
            vm.raise(vm.t.RuntimeError, "No active exception to reraise");
            goto error;
          }
          vm.pending_ = exc;
          goto unwind;
        }
        Value cause = arg == 2 ? POP() : Value();
        Value exc = POP();
        raise_with_cause(vm, exc, cause, arg == 2);
        goto error;
      }
      case Op::LOAD_ASSERTION_ERROR: PUSH(Value::object(vm.t.AssertionError)); break;
      case Op::BEFORE_WITH:
      case Op::BEFORE_ASYNC_WITH: {
        SAVE_FRAME();
        bool is_async = Op(word & 0xff) == Op::BEFORE_ASYNC_WITH;
        Value cm = POP();
        Value enter, exit_fn, exit_self;
        bool takes_cm;
        RAISE_IF(!lookup_with_methods(vm, cm, is_async, &enter, &takes_cm, &exit_fn, &exit_self));
        PUSH(exit_fn);
        PUSH(exit_self);
        Value argv[1] = {cm};
        Frame* nf = nullptr;
        Value result;
        SAVE_FRAME();
        CallOutcome outcome = call_value(vm, enter, argv, takes_cm ? 1 : 0, nullptr, &nf, &result);
        if (outcome == CallOutcome::Error) goto error;
        if (outcome == CallOutcome::Result) {
          PUSH(result);
          break;
        }
        nf->back = f;
        vm.depth_++;
        f = nf;
        vm.frame_ = f;
        LOAD_FRAME();
        break;
      }
      case Op::WITH_EXCEPT_START: {
        SAVE_FRAME();
        Value exc = sp[-1];
        Value m = sp[-4];
        Value s = sp[-3];
        Value argv[4];
        uint32_t n = 0;
        Value callable;
        if (m.is_undef()) {
          callable = s;
        } else {
          callable = m;
          argv[n++] = s;
        }
        argv[n++] = Value::object(vm.type_of(exc));
        argv[n++] = exc;
        TracebackObj* tb = exc.is_obj() && exc.o->kind == Kind::Exception ? static_cast<ExceptionObj*>(exc.o)->traceback : nullptr;
        argv[n++] = tb ? Value::object(tb) : Value::none();
        Frame* nf = nullptr;
        Value result;
        CallOutcome outcome = call_value(vm, callable, argv, n, nullptr, &nf, &result);
        if (outcome == CallOutcome::Error) goto error;
        if (outcome == CallOutcome::Result) {
          PUSH(result);
          break;
        }
        nf->back = f;
        vm.depth_++;
        f = nf;
        vm.frame_ = f;
        LOAD_FRAME();
        break;
      }
      case Op::MAKE_FUNCTION: {
        CodeObj* fc = static_cast<CodeObj*>(POP().o);
        FunctionObj* fn = vm.heap.make<FunctionObj>(vm.t.function, fc, f->globals, fc->name, fc->qualname);
        if (arg & 8) fn->closure = static_cast<TupleObj*>(POP().o);
        if (arg & 2) fn->kwdefaults = static_cast<DictObj*>(POP().o);
        if (arg & 1) fn->defaults = static_cast<TupleObj*>(POP().o);
        fn->module = f->globals->get_str(vm.n.__name__);
        fn->doc = fc->docstring.is_undef() ? Value::none() : fc->docstring;
        PUSH(Value::object(fn));
        break;
      }
      case Op::LOAD_BUILD_CLASS: {
        Value bc = vm.builtins->get_str(vm.intern("__build_class__"));
        PUSH(bc);
        break;
      }
      case Op::IMPORT_NAME: {
        SAVE_FRAME();
        Value fromlist = POP();
        Value level = POP();
        Value m = import_name(vm, NAME(arg), fromlist, level);
        RAISE_IF(m.is_error());
        PUSH(m);
        break;
      }
      case Op::IMPORT_FROM: {
        SAVE_FRAME();
        Value v = import_from(vm, TOP(), NAME(arg));
        RAISE_IF(v.is_error());
        PUSH(v);
        break;
      }
      case Op::IMPORT_STAR: {
        SAVE_FRAME();
        Value m = POP();
        RAISE_IF(!import_star(vm, m, f->locals_dict ? f->locals_dict : f->globals));
        break;
      }
      case Op::SETUP_ANNOTATIONS: {
        DictObj* ns = f->locals_dict ? f->locals_dict : f->globals;
        if (ns->get_str(vm.n.__annotations__).is_undef())
          ns->set_str(vm.n.__annotations__, Value::object(vm.new_dict()));
        break;
      }
      default:
        SAVE_FRAME();
        vm.raisef(vm.t.SystemError, "unknown opcode %u", word & 0xff);
        goto error;
    }
  }

error:
  // A new exception raised by the instruction at pc-1 in frame f.
  chain_exception_context(vm);
error_traceback:
  add_traceback(vm, f, pc);
unwind:
  // Find a handler in this frame, or leave it and re-raise in its caller.
  if (f->nblocks > 0) {
    Block b = f->blocks()[--f->nblocks];
    sp = f->stack() + b.level;
    PUSH(vm.pending_);
    vm.pending_ = Value();
    pc = b.handler;
    goto dispatch;
  }
  {
    GenObj* g = f->gen;
    ReturnMode mode = f->mode;
    Frame* back = f->back;
    if (g) {
      convert_stop_iteration(vm, g);
      close_generator_frame(g);
    } else {
      free_frame(f);
    }
    vm.depth_--;
    if (mode == ReturnMode::Entry) {
      vm.frame_ = back;
      return {ExecStatus::Raised, Value()};
    }
    f = back;
    vm.frame_ = f;
    LOAD_FRAME();
    goto error_traceback;
  }

preempt : {
  // Park the chain up to the entry frame; the host continues it later.
  Frame* entry = f;
  while (entry->mode != ReturnMode::Entry) entry = entry->back;
  vm.frame_ = entry->back;
  entry->back = nullptr;
  return {ExecStatus::Preempted, Value(), f};
}

host_call : {
  // A native asked the host to take over (asyncio.run): park the chain like a preemption.
  SAVE_FRAME();
  Value payload = vm.host_call_;
  vm.host_call_ = Value();
  Frame* entry = f;
  while (entry->mode != ReturnMode::Entry) entry = entry->back;
  vm.frame_ = entry->back;
  entry->back = nullptr;
  return {ExecStatus::HostCall, payload, f};
}

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef NAME
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
