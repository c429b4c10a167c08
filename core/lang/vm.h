// VM: the interpreter's context. Everything that runs Python code or makes Python objects takes
// a VM&: the heap, the builtin types, interned names, the pending exception, the modules, the
// frame chain and the dispatch loop.
//
// Errors are values: a native or helper that fails raises with vm.raise(...) (which records the
// exception and returns Value::error()) and its caller passes the error up.
#pragma once

#include <cstdarg>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/code.h"
#include "runtime/call_args.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/heap.h"
#include "runtime/instance.h"
#include "runtime/list.h"
#include "runtime/misc_objects.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace looplab {

struct Frame;
struct GenObj;

// Builtin classes other than exceptions: X(member, "python name").
#define LOOPLAB_BUILTIN_TYPES(X)                                  \
  X(object, "object") X(type, "type") X(none_type, "NoneType")     \
  X(bool_, "bool") X(int_, "int") X(float_, "float")               \
  X(str, "str") X(bytes, "bytes") X(tuple, "tuple") X(list, "list") \
  X(dict, "dict") X(set, "set") X(frozenset, "frozenset")          \
  X(range, "range") X(slice, "slice")                              \
  X(function, "function") X(builtin_function, "builtin_function_or_method") \
  X(method, "method") X(cell, "cell") X(code, "code") X(module, "module") \
  X(property, "property") X(staticmethod, "staticmethod")          \
  X(classmethod, "classmethod") X(super_, "super")                 \
  X(generator, "generator") X(coroutine, "coroutine")              \
  X(async_generator, "async_generator") X(traceback, "traceback")  \
  X(not_implemented_type, "NotImplementedType")                    \
  X(ellipsis_type, "ellipsis") X(list_iterator, "list_iterator")   \
  X(tuple_iterator, "tuple_iterator") X(range_iterator, "range_iterator")

struct Types {
#define LOOPLAB_TYPE_MEMBER(member, pyname) ClassObj* member = nullptr;
  LOOPLAB_BUILTIN_TYPES(LOOPLAB_TYPE_MEMBER)
#undef LOOPLAB_TYPE_MEMBER
#define LOOPLAB_EXC_MEMBER(name, base) ClassObj* name = nullptr;
  LOOPLAB_EXCEPTIONS(LOOPLAB_EXC_MEMBER)
#undef LOOPLAB_EXC_MEMBER
};

// Interned names the engine uses often: X(member, "text").
#define LOOPLAB_NAMES(X)                                                                   \
  X(__init__, "__init__") X(__new__, "__new__") X(__repr__, "__repr__")                   \
  X(__str__, "__str__") X(__hash__, "__hash__") X(__eq__, "__eq__") X(__ne__, "__ne__")   \
  X(__lt__, "__lt__") X(__le__, "__le__") X(__gt__, "__gt__") X(__ge__, "__ge__")         \
  X(__bool__, "__bool__") X(__len__, "__len__") X(__iter__, "__iter__")                   \
  X(__next__, "__next__") X(__getitem__, "__getitem__") X(__setitem__, "__setitem__")     \
  X(__delitem__, "__delitem__") X(__contains__, "__contains__") X(__call__, "__call__")   \
  X(__getattr__, "__getattr__") X(__getattribute__, "__getattribute__")                    \
  X(__setattr__, "__setattr__") X(__delattr__, "__delattr__") X(__get__, "__get__")       \
  X(__set__, "__set__") X(__delete__, "__delete__") X(__enter__, "__enter__")             \
  X(__exit__, "__exit__") X(__aenter__, "__aenter__") X(__aexit__, "__aexit__")           \
  X(__aiter__, "__aiter__") X(__anext__, "__anext__") X(__await__, "__await__")           \
  X(__name__, "__name__") X(__qualname__, "__qualname__") X(__module__, "__module__")     \
  X(__doc__, "__doc__") X(__dict__, "__dict__") X(__class__, "__class__")                 \
  X(__classcell__, "__classcell__") X(__builtins__, "__builtins__")                       \
  X(__main__, "__main__") X(__file__, "__file__") X(__slots__, "__slots__")               \
  X(__init_subclass__, "__init_subclass__") X(__set_name__, "__set_name__")               \
  X(__class_getitem__, "__class_getitem__") X(__mro_entries__, "__mro_entries__")         \
  X(__index__, "__index__") X(__int__, "__int__") X(__float__, "__float__")               \
  X(__format__, "__format__") X(__neg__, "__neg__") X(__pos__, "__pos__")                 \
  X(__invert__, "__invert__") X(__abs__, "__abs__") X(__round__, "__round__")             \
  X(__reversed__, "__reversed__") X(__missing__, "__missing__")                           \
  X(__annotations__, "__annotations__") X(__dataclass_fields__, "__dataclass_fields__")   \
  X(__traceback__, "__traceback__") X(__cause__, "__cause__") X(__context__, "__context__") \
  X(__suppress_context__, "__suppress_context__") X(__notes__, "__notes__")               \
  X(__wrapped__, "__wrapped__") X(__self__, "__self__") X(__func_, "__func__")           \
  X(__bases__, "__bases__") X(__mro__, "__mro__") X(__all__, "__all__")                   \
  X(args, "args") X(send, "send") X(throw_, "throw") X(close, "close") X(value, "value")  \
  X(sep, "sep") X(end, "end") X(file, "file") X(flush, "flush") X(key, "key")             \
  X(reverse, "reverse") X(name, "name") X(keys, "keys") X(items, "items")                 \
  X(write, "write") X(self, "self") X(code, "code") X(msg, "msg")                         \
  X(empty, "") X(lambda, "<lambda>") X(module, "<module>")

struct Names {
#define LOOPLAB_NAME_MEMBER(member, text) StrObj* member = nullptr;
  LOOPLAB_NAMES(LOOPLAB_NAME_MEMBER)
#undef LOOPLAB_NAME_MEMBER
};

enum class OutStream : uint8_t { Stdout = 1, Stderr = 2 };

// How a run of the dispatch loop ended.
enum class ExecStatus : uint8_t {
  Returned,   // the entry frame returned: result holds the value
  Yielded,    // the entry generator frame yielded: result holds the value
  Raised,     // an exception left the entry frame: it is pending in the VM
  Preempted,  // the instruction budget ran out; continue later with VM::resume_preempted
  HostCall,   // a native asked the host to do something long (e.g. run the event loop)
};

struct ExecResult {
  ExecStatus status;
  Value value;
  // Preempted / HostCall: the parked frame chain (innermost frame) to continue later.
  Frame* parked = nullptr;
};

class VM {
 public:
  VM();
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  Heap heap;
  Types t;
  Names n;
  DictObj* builtins = nullptr;     // the builtins module's dict
  DictObj* modules = nullptr;      // sys.modules
  Value not_implemented;           // the NotImplemented singleton
  Value ellipsis;                  // the Ellipsis singleton
  int recursion_limit = 1000;

  // ---- making objects ---------------------------------------------------------------------
  StrObj* new_str(std::string_view utf8);
  StrObj* intern(std::string_view utf8);  // same text -> same object; kept alive forever
  Value str(std::string_view utf8) { return Value::object(new_str(utf8)); }
  BytesObj* new_bytes(std::string_view data);
  TupleObj* new_tuple(size_t n);  // items start Undef: fill them all before Python sees it
  TupleObj* tuple_of(std::initializer_list<Value> items);
  ListObj* new_list();
  DictObj* new_dict();
  SetObj* new_set(bool frozen = false);
  CellObj* new_cell(Value v = Value());
  InstanceObj* new_instance(ClassObj* cls);
  ExceptionObj* new_exception(ClassObj* cls, TupleObj* args);
  ModuleObj* new_module(std::string_view name);
  NativeFunctionObj* new_native(std::string_view name, NativeFn fn, ClassObj* owner = nullptr);
  BoundMethodObj* new_bound_method(Value func, Value self);
  // A new class made by the engine (builtin type or library class written in C++).
  ClassObj* new_class(std::string_view name, std::initializer_list<ClassObj*> bases,
                      Kind instance_kind, uint32_t flags, std::string_view module = "builtins");
  // Define a native method on a class / a native function in a dict (module globals).
  NativeFunctionObj* def_method(ClassObj* cls, std::string_view name, NativeFn fn);
  NativeFunctionObj* def_function(DictObj* into, std::string_view name, NativeFn fn);
  // Recompute a class's slots from its MRO (after creation or a dunder assignment).
  void update_slots(ClassObj* cls);

  ClassObj* type_of(Value v) const {
    switch (v.tag) {
      case Tag::None: return t.none_type;
      case Tag::Bool: return t.bool_;
      case Tag::Int: return t.int_;
      case Tag::Float: return t.float_;
      case Tag::Obj: return v.o->cls;
      default: return t.object;
    }
  }
  bool isinstance(Value v, const ClassObj* cls) const { return type_of(v)->is_subclass_of(cls); }

  // ---- exceptions ----------------------------------------------------------------------------
  // Each returns Value::error() after making `exc` the pending exception.
  Value raise(ClassObj* type, std::string_view msg);
  Value raisef(ClassObj* type, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
  Value raise_value(Value exc_or_class);  // raise X: an instance, or a class to instantiate
  Value raise_syntax_error(std::string_view msg, std::string_view filename, int line, int col,
                           std::string_view text, ClassObj* type = nullptr);
  bool error_pending() const { return !pending_.is_undef(); }
  Value pending_exception() const { return pending_; }
  Value take_exception() {  // returns and clears the pending exception
    Value e = pending_;
    pending_ = Value();
    return e;
  }
  void clear_exception() { pending_ = Value(); }
  // True when the pending exception is an instance of `type` (a subclass counts).
  bool pending_is(const ClassObj* type) const;
  // The exception being handled by the innermost `except` (sys.exc_info()), or None.
  Value handled_exception() const;

  // ---- calling Python from C++ (nested: runs to completion on the C++ stack) -----------------
  Value call(Value callable, const Value* args, size_t nargs, TupleObj* kwnames = nullptr);
  Value call(Value callable, std::initializer_list<Value> args) {
    return call(callable, args.begin(), args.size());
  }
  Value call_method(Value self, StrObj* name, std::initializer_list<Value> args);
  // Calls obj.name(args) if the type defines it; Undef (no exception) if it does not.
  Value call_dunder(Value self, StrObj* name, std::initializer_list<Value> args);

  // ---- generators and coroutines -----------------------------------------------------------
  // Resume a generator/coroutine frame with a value (or throw an exception into it). Runs until
  // it yields, returns or raises. `budget` > 0 allows preemption (only from the host level).
  ExecResult resume(GenObj* gen, Value value, bool is_throw, uint64_t budget = 0);
  // Continue a chain parked by a Preempted result.
  ExecResult resume_parked(Frame* parked, uint64_t budget);
  // Whoever holds a parked chain must mark it at every collection, and free it if it will
  // never run again.
  static void trace_parked(Frame* parked, Tracer& t);
  void discard_parked(Frame* parked);

  // A native that must hand control to the host (asyncio.run: the host runs the event loop in
  // slices) returns host_call(payload): the dispatch loop suspends the whole chain and returns
  // HostCall with the payload. Only possible when no native waits below (can_suspend_to_host).
  // The host later finishes the call with resume_host_call: the value becomes the native's
  // result, or, given Value::error() with an exception pending, it raises there.
  bool can_suspend_to_host() const { return native_depth_ == 1 && frame_ != nullptr && host_level_; }
  Value host_call(Value payload) {
    host_call_ = payload;
    return Value::error();
  }
  ExecResult resume_host_call(Frame* parked, Value result, uint64_t budget = 0);

  // Run a module's code to completion, or until preempted / a host call (budget > 0: the host
  // level, where both are possible).
  ExecResult run_module(CodeObj* code, DictObj* globals, uint64_t budget = 0);

  // ---- modules -------------------------------------------------------------------------------
  using ModuleInit = bool (*)(VM& vm, ModuleObj* module);
  void register_module(std::string_view name, ModuleInit init);
  Value import_module(StrObj* name);  // the module object, or Error (ModuleNotFoundError)

  // ---- output --------------------------------------------------------------------------------
  std::function<void(OutStream, std::string_view)> write_output;
  void write(OutStream s, std::string_view text) {
    if (write_output) write_output(s, text);
  }
  // print(..., flush=True) and sys.stdout.flush(): the host's buffer, if it keeps one, goes out.
  std::function<void(OutStream)> flush_output;
  void flush(OutStream s) {
    if (flush_output) flush_output(s);
  }

  // The native function being called, set just before its body runs, so a native can read its
  // own `owner` and `data` (read it first thing: any nested call changes it).
  NativeFunctionObj* calling_native = nullptr;
  // Brackets around a native call: the collector waits while natives are on the C++ stack.
  void native_enter() { native_depth_++; }
  void native_leave() { native_depth_--; }
  bool in_native() const { return native_depth_ > 0; }
  // No native and no C++-started dispatch loop on the stack: every live value is rooted.
  bool can_collect() const { return native_depth_ == 0 && nested_runs_ == 0; }
  int native_depth() const { return native_depth_; }
  int nested_runs() const { return nested_runs_; }
  // Makes `exc` (an exception instance) the pending exception as is.
  Value set_pending(Value exc) {
    pending_ = exc;
    return Value::error();
  }

  // Called when a coroutine that never started is dropped by an expression statement
  // (`work()` without await): CPython warns "coroutine 'work' was never awaited" right there.
  // The argument is the coroutine's qualname.
  std::function<void(std::string_view)> on_unawaited_coroutine;
  // Native coroutines (asyncio.sleep(), lock.acquire(), queue.get() ...) are objects of classes
  // with kClassAwaitsItself; take_unawaited_native says whether one never started (and marks
  // it, naming it in *qualname).
  bool (*take_unawaited_native)(VM&, Value, std::string* qualname) = nullptr;
  // Coroutines made and maybe never started, oldest first (a weak list, pruned at each
  // collection and as it grows), for the never-awaited warnings at exit.
  std::vector<GenObj*> fresh_coroutines;
  size_t fresh_coroutines_pruned_size = 0;
  void prune_fresh_coroutines(bool drop_unmarked);

  // Line tracing (for stepping line by line in the playground): when on, the dispatch loop calls
  // line_hook each time a frame starts executing a new source line.
  bool trace_lines = false;
  std::function<void(Frame*, int line)> line_hook;

  // The host's per-run state (the engine's clock, event loops, log), for modules that need it.
  void* host_context = nullptr;

  // ---- bookkeeping for the host --------------------------------------------------------------
  uint64_t instructions = 0;       // executed so far (the clock charges virtual time for them)
  Frame* current_frame() const { return frame_; }
  // The source line the innermost running Python frame is at (0 if none).
  int current_line() const;
  // Collect garbage now if enough was allocated and no native is waiting on a nested call.
  void maybe_collect();
  // Extra root providers (the event loop registers one).
  Heap& gc() { return heap; }

 private:
  friend struct Interpreter;
  Value pending_;                  // the exception being raised, Undef when none
  TupleObj* empty_tuple_ = nullptr;  // () -- made on first use, kept for good
  Frame* frame_ = nullptr;         // innermost running frame
  bool host_level_ = false;        // the running chain was started by the host with a budget
  Value host_call_;                // payload of a pending host call (Undef when none)
  int native_depth_ = 0;           // natives in progress on the C++ stack (GC waits for 0)
  int nested_runs_ = 0;            // dispatch loops started without a budget, i.e. from C++
                                   // code holding raw pointers (GC waits for 0)
  int depth_ = 0;                  // Python frames in the chain (RecursionError)
  // Interned strs, open addressing by their str hash (nullptr: empty slot). The strs are the
  // keys: no second copy of the text, and each comes with its hash already cached.
  std::vector<StrObj*> interned_ = std::vector<StrObj*>(4096);
  size_t interned_count_ = 0;
  void grow_interned();  // twice the slots, every str rehashed
  StrObj* ascii_chars_[128] = {};  // the one-character ASCII strings, made on first use
  std::unordered_map<std::string, ModuleInit> module_inits_;
  int roots_id_ = 0;
};

// Formats like printf into a std::string (for error messages).
std::string strprintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string vstrprintf(const char* fmt, va_list ap);

}  // namespace looplab
