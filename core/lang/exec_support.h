// The slower halves of the dispatch loop's instructions, kept out of the loop so it stays
// readable: calls, unpacking, await/async-iteration protocols, exception matching and
// chaining, tracebacks and imports.
#pragma once

#include <vector>

#include "lang/frame.h"
#include "lang/vm.h"

namespace looplab {

// ---- calls ----------------------------------------------------------------------------------
enum class CallOutcome { Result, NewFrame, Error };
// Calls `callable`: natives and other callables run now (Result); a Python function that is
// not a generator gets a fresh frame for the loop to run (NewFrame, mode Call or Init).
CallOutcome call_value(VM& vm, Value callable, Value* args, uint32_t nargs, TupleObj* kwnames,
                       Frame** new_frame, Value* result);
// f(*posargs, **kwargs): appends positional values then keyword values to argv.
bool flatten_call_args(VM& vm, Value callable, Value posargs, Value kwargs, std::vector<Value>& argv,
                       TupleObj** kwnames, uint32_t* nargs);

// ---- names ----------------------------------------------------------------------------------
StrObj* deref_name(CodeObj* co, uint32_t i);
void raise_unbound_deref(VM& vm, CodeObj* co, uint32_t i);
void raise_name_error(VM& vm, StrObj* name);

// ---- containers -----------------------------------------------------------------------------
bool list_extend(VM& vm, ListObj* l, Value iterable);
// dict.update(m); with `merge`, a repeated key is a TypeError naming `func` (f(**a, **b)).
bool dict_update_from(VM& vm, DictObj* d, Value m, bool merge, Value func);
// Unpacks `seq` into out[0..] in stack order (the last item first). With `star`, `before`
// items, a list of the middle, then `after` items.
bool unpack_sequence(VM& vm, Value seq, uint32_t before, uint32_t after, bool star, Value* out);

// ---- generators, await, async iteration -------------------------------------------------------
void close_generator_frame(GenObj* g);      // the generator finished: free its frame
void convert_stop_iteration(VM& vm, GenObj* g);  // PEP 479: StopIteration -> RuntimeError
Value get_awaitable(VM& vm, Value v, uint32_t where);
Value get_aiter(VM& vm, Value v);
Value get_anext(VM& vm, Value aiter);
SendResult send_native(VM& vm, Value recv, Value v, Value* out);
Value wrap_async_gen_value(VM& vm, Value v);
// The delegate a suspended frame is awaiting / yielding from (its SEND receiver), or Undef.
Value delegate_of(Frame* f);
bool pending_is_generator_exit(VM& vm, Value exc);
enum class ThrowResult { NotHandled, Yielded, Returned, Raised };
ThrowResult throw_into_native(VM& vm, Value recv, Value exc, Value* out);

// ---- exceptions -----------------------------------------------------------------------------
bool exception_matches(VM& vm, Value exc, Value type, bool* match);
bool exception_group_match(VM& vm, Value exc, Value type, Value* match, Value* rest);
Value prep_reraise_star(VM& vm, Value orig, Value raised_list);
// raise exc [from cause]: makes the pending exception (instantiating classes).
void raise_with_cause(VM& vm, Value exc, Value cause, bool has_cause);
// Sets __context__ of the pending exception to the one being handled (implicit chaining).
void chain_exception_context(VM& vm);
// Prepends a traceback entry for frame f at the instruction before pc.
void add_traceback(VM& vm, Frame* f, uint32_t pc);
bool collect_garbage(VM& vm);  // false: MemoryError raised (over the heap cap)

// ---- with ------------------------------------------------------------------------------------
// The enter method (to call with `cm` as its one argument when *enter_takes_cm, else with none)
// and the exit method as a call-site pair [exit_fn, exit_self] (exit_fn Undef: exit_self is a
// bound callable).
bool lookup_with_methods(VM& vm, Value cm, bool is_async, Value* enter, bool* enter_takes_cm, Value* exit_fn,
                         Value* exit_self);

// ---- imports --------------------------------------------------------------------------------
Value import_name(VM& vm, StrObj* name, Value fromlist, Value level);
Value import_from(VM& vm, Value module, StrObj* name);
bool import_star(VM& vm, Value module, DictObj* into);

}  // namespace looplab
