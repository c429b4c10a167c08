// VM construction (bootstrapping the type system), object factories, errors and modules.
#include "lang/vm.h"

#include <cstdio>
#include <cstring>

#include "lang/frame.h"
#include "lang/generator.h"
#include "runtime/builtin_types.h"
#include "runtime/ops.h"

namespace looplab {

std::string vstrprintf(const char* fmt, va_list ap) {
  char buf[512];
  va_list copy;
  va_copy(copy, ap);
  int n = std::vsnprintf(buf, sizeof buf, fmt, copy);
  va_end(copy);
  if (n < 0) return std::string();
  if (size_t(n) < sizeof buf) return std::string(buf, size_t(n));
  std::string out(size_t(n), '\0');
  std::vsnprintf(out.data(), size_t(n) + 1, fmt, ap);
  return out;
}

std::string strprintf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string s = vstrprintf(fmt, ap);
  va_end(ap);
  return s;
}

void VM::prune_fresh_coroutines(bool drop_unmarked) {
  std::erase_if(fresh_coroutines, [&](GenObj* g) {
    return (drop_unmarked && !g->marked) || g->state != GenState::Created || g->awaited;
  });
  fresh_coroutines_pruned_size = fresh_coroutines.size();
}

VM::VM() {
  heap.before_sweep = [this]() { prune_fresh_coroutines(true); };
  roots_id_ = heap.add_roots([this](Tracer& tr) {
#define LOOPLAB_MARK_TYPE(member, pyname) tr.mark(t.member);
    LOOPLAB_BUILTIN_TYPES(LOOPLAB_MARK_TYPE)
#undef LOOPLAB_MARK_TYPE
#define LOOPLAB_MARK_EXC(name, base) tr.mark(t.name);
    LOOPLAB_EXCEPTIONS(LOOPLAB_MARK_EXC)
#undef LOOPLAB_MARK_EXC
    for (StrObj* s : interned_) tr.mark(s);
    tr.mark(builtins);
    tr.mark(modules);
    tr.mark(not_implemented);
    tr.mark(ellipsis);
    tr.mark(empty_tuple_);
    tr.mark(pending_);
    tr.mark(host_call_);
    for (Frame* f = frame_; f; f = f->back) f->trace(tr);
  });
  bootstrap_types(*this);
}

VM::~VM() {
  // Frames of an unfinished run are not owned by any generator: free them here.
  discard_parked(frame_);
  heap.remove_roots(roots_id_);
}

// ---- making objects -------------------------------------------------------------------------

static StrObj* make_str(VM& vm, std::string_view s) {
  bool ascii = utf8::is_ascii(s);
  size_t len = ascii ? s.size() : utf8::count_code_points(s);
  StrObj* o = vm.heap.make_var<StrObj>(s.size() + 1, vm.t.str, s.size(), len, ascii);
  std::memcpy(o->data(), s.data(), s.size());
  o->data()[s.size()] = '\0';
  return o;
}

StrObj* VM::new_str(std::string_view s) {
  if (s.size() == 1 && uint8_t(s[0]) < 128) {  // one-character strings are shared
    StrObj*& c = ascii_chars_[uint8_t(s[0])];
    if (!c) c = intern(s);
    return c;
  }
  if (s.empty()) return n.empty ? n.empty : intern(s);
  return make_str(*this, s);
}

StrObj* VM::intern(std::string_view s) {
  int64_t h = hash_bytes(s);
  size_t mask = interned_.size() - 1;
  size_t i = size_t(h) & mask;
  for (; interned_[i]; i = (i + 1) & mask)
    if (interned_[i]->hash_cache == h && interned_[i]->view() == s) return interned_[i];
  StrObj* o = make_str(*this, s);
  o->interned = true;
  o->hash_cache = h;
  interned_[i] = o;
  if (++interned_count_ * 4 > interned_.size() * 3) grow_interned();
  return o;
}

void VM::grow_interned() {
  std::vector<StrObj*> old(interned_.size() * 2);
  old.swap(interned_);
  size_t mask = interned_.size() - 1;
  for (StrObj* o : old) {
    if (!o) continue;
    size_t i = size_t(o->hash_cache) & mask;
    while (interned_[i]) i = (i + 1) & mask;
    interned_[i] = o;
  }
}

BytesObj* VM::new_bytes(std::string_view data) {
  BytesObj* o = heap.make_var<BytesObj>(data.size() + 1, t.bytes, data.size());
  std::memcpy(o->data(), data.data(), data.size());
  o->data()[data.size()] = '\0';
  return o;
}

TupleObj* VM::new_tuple(size_t n) {
  if (n == 0 && t.tuple) {  // () is a singleton, as in CPython (`() is ()`)
    if (!empty_tuple_) empty_tuple_ = heap.make_var<TupleObj>(0, t.tuple, size_t(0));
    return empty_tuple_;
  }
  return heap.make_var<TupleObj>(n * sizeof(Value), t.tuple, n);
}

TupleObj* VM::tuple_of(std::initializer_list<Value> items) {
  TupleObj* tup = new_tuple(items.size());
  size_t i = 0;
  for (const Value& v : items) (*tup)[i++] = v;
  return tup;
}

ListObj* VM::new_list() { return heap.make<ListObj>(t.list); }
DictObj* VM::new_dict() { return heap.make<DictObj>(t.dict); }
SetObj* VM::new_set(bool frozen) { return heap.make<SetObj>(frozen ? t.frozenset : t.set); }
CellObj* VM::new_cell(Value v) { return heap.make<CellObj>(t.cell, v); }
InstanceObj* VM::new_instance(ClassObj* cls) { return heap.make<InstanceObj>(cls, new_dict()); }

ExceptionObj* VM::new_exception(ClassObj* cls, TupleObj* args) {
  return heap.make<ExceptionObj>(cls, args ? args : new_tuple(0));
}

ModuleObj* VM::new_module(std::string_view name) {
  DictObj* d = new_dict();
  StrObj* n_ = intern(name);
  d->set_str(n.__name__, Value::object(n_));
  d->set_str(n.__doc__, Value::none());
  return heap.make<ModuleObj>(t.module, n_, d);
}

NativeFunctionObj* VM::new_native(std::string_view name, NativeFn fn, ClassObj* owner) {
  return heap.make<NativeFunctionObj>(t.builtin_function, fn, intern(name), owner, owner != nullptr);
}

BoundMethodObj* VM::new_bound_method(Value func, Value self) {
  return heap.make<BoundMethodObj>(t.method, func, self);
}

NativeFunctionObj* VM::def_method(ClassObj* cls, std::string_view name, NativeFn fn) {
  NativeFunctionObj* f = new_native(name, fn, cls);
  cls->dict->set_str(intern(name), Value::object(f));
  return f;
}

NativeFunctionObj* VM::def_function(DictObj* into, std::string_view name, NativeFn fn) {
  NativeFunctionObj* f = new_native(name, fn, nullptr);
  into->set_str(intern(name), Value::object(f));
  return f;
}

// ---- exceptions -----------------------------------------------------------------------------

Value VM::raise(ClassObj* type, std::string_view msg) {
  ExceptionObj* e = new_exception(type, tuple_of({str(msg)}));
  pending_ = Value::object(e);
  return Value::error();
}

Value VM::raisef(ClassObj* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string msg = vstrprintf(fmt, ap);
  va_end(ap);
  return raise(type, msg);
}

Value VM::raise_value(Value exc) {
  if (exc.is_obj() && exc.o->kind == Kind::Class) {
    ClassObj* cls = static_cast<ClassObj*>(exc.o);
    if (!cls->is_subclass_of(t.BaseException))
      return raise(t.TypeError, "exceptions must derive from BaseException");
    Value inst = call(exc, {});
    if (inst.is_error()) return inst;
    if (!isinstance(inst, t.BaseException))
      return raisef(t.TypeError,
                    "calling %s should have returned an instance of BaseException, not %s",
                    type_name(*this, exc).c_str(), type_name(*this, inst).c_str());
    exc = inst;
  } else if (!isinstance(exc, t.BaseException)) {
    return raise(t.TypeError, "exceptions must derive from BaseException");
  }
  pending_ = exc;
  return Value::error();
}

Value VM::raise_syntax_error(std::string_view msg, std::string_view filename, int line, int col,
                             std::string_view text, ClassObj* type) {
  ClassObj* cls = type ? type : t.SyntaxError;
  // SyntaxError(msg, (filename, lineno, offset, text)) as CPython builds it; offset is 1-based.
  TupleObj* details = tuple_of({str(filename), Value::integer(line), Value::integer(col + 1),
                                str(text)});
  ExceptionObj* e = new_exception(cls, tuple_of({str(msg), Value::object(details)}));
  e->dict = new_dict();
  e->dict->set_str(intern("msg"), str(msg));
  e->dict->set_str(intern("filename"), str(filename));
  e->dict->set_str(intern("lineno"), Value::integer(line));
  e->dict->set_str(intern("offset"), Value::integer(col + 1));
  e->dict->set_str(intern("text"), str(text));
  pending_ = Value::object(e);
  return Value::error();
}

bool VM::pending_is(const ClassObj* type) const {
  return !pending_.is_undef() && type_of(pending_)->is_subclass_of(type);
}

Value VM::handled_exception() const {
  for (Frame* f = frame_; f; f = f->back)
    if (!f->handled_exc.is_undef()) return f->handled_exc;
  return Value::none();
}

int VM::current_line() const { return frame_ ? frame_->line() : 0; }

void VM::trace_parked(Frame* parked, Tracer& t) {
  for (Frame* f = parked; f; f = f->back) {
    f->trace(t);
    if (f->mode == ReturnMode::Entry) break;
  }
}

void VM::discard_parked(Frame* parked) {
  while (parked) {
    Frame* back = parked->back;
    bool entry = parked->mode == ReturnMode::Entry;
    if (!parked->gen) free_frame(parked);
    if (entry) break;
    parked = back;
  }
}

// ---- modules --------------------------------------------------------------------------------

void VM::register_module(std::string_view name, ModuleInit init) {
  module_inits_[std::string(name)] = init;
}

Value VM::import_module(StrObj* name) {
  Value found = modules->get_str(name);
  if (!found.is_undef()) return found;
  auto it = module_inits_.find(name->str());
  if (it == module_inits_.end()) {
    ExceptionObj* e = new_exception(
        t.ModuleNotFoundError,
        tuple_of({str(strprintf("No module named '%s'", name->str().c_str()))}));
    e->dict = new_dict();
    e->dict->set_str(intern("name"), Value::object(name));
    pending_ = Value::object(e);
    return Value::error();
  }
  ModuleObj* m = new_module(name->view());
  // Registered before init so that modules importing each other find it.
  modules->set_str(name, Value::object(m));
  if (!it->second(*this, m)) {
    modules->del_str(name);
    return Value::error();
  }
  return Value::object(m);
}

}  // namespace looplab
