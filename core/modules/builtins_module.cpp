// The builtins module's core: print, len, repr, attribute and type functions, class creation,
// and the names of every builtin type and exception. Numeric, string and iteration builtins
// live with their types (numbers, strings, containers).
#include "lang/call.h"
#include "lang/interpreter.h"
#include "lang/vm.h"
#include "modules/builtins_parts.h"
#include "runtime/builtin_types.h"
#include "runtime/ops.h"

namespace looplab {

Value type_new_class(VM& vm, ClassObj* meta, StrObj* name, TupleObj* bases, DictObj* ns, CallArgs* kw);

namespace {

// sys.stdout / sys.stderr: objects with write() that go to the engine's output.
struct StreamObj final : Obj {
  OutStream stream;
  StreamObj(ClassObj* cls, OutStream s) : Obj(cls, Kind::Other), stream(s) {}
};

Value stream_write(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "write", 2, 2)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "write() argument must be str, not %s", type_name(vm, a[1]).c_str());
  StrObj* s = static_cast<StrObj*>(a[1].o);
  vm.write(static_cast<StreamObj*>(a[0].o)->stream, s->view());
  return Value::integer(int64_t(s->length));
}

Value stream_flush(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "flush", 1, 1)) return Value::error();
  vm.flush(static_cast<StreamObj*>(a[0].o)->stream);
  return Value::none();
}

Value builtin_print(VM& vm, CallArgs& a) {
  Value sep = Value::none(), end = Value::none(), file = Value::none(), flush = Value::none();
  for (size_t i = 0; i < a.nkw(); i++) {
    StrObj* k = a.kwname(i);
    if (k == vm.n.sep) sep = a.kwvalue(i);
    else if (k == vm.n.end) end = a.kwvalue(i);
    else if (k == vm.n.file) file = a.kwvalue(i);
    else if (k == vm.n.flush) flush = a.kwvalue(i);
    else return vm.raisef(vm.t.TypeError, "'%s' is an invalid keyword argument for print()", k->data());
  }
  // Argument parsing makes flush a bool before anything is printed.
  int flushing = flush.is_none() ? 0 : op_truth(vm, flush);
  if (flushing < 0) return Value::error();
  std::string sep_s = " ", end_s = "\n";
  if (!sep.is_none()) {
    if (!vm.isinstance(sep, vm.t.str))
      return vm.raisef(vm.t.TypeError, "sep must be None or a string, not %s", type_name(vm, sep).c_str());
    sep_s = static_cast<StrObj*>(sep.o)->str();
  }
  if (!end.is_none()) {
    if (!vm.isinstance(end, vm.t.str))
      return vm.raisef(vm.t.TypeError, "end must be None or a string, not %s", type_name(vm, end).c_str());
    end_s = static_cast<StrObj*>(end.o)->str();
  }
  // file=None is sys.stdout, which a program may have replaced (contextlib.redirect_stdout, an
  // object of its own) or set to None, when print prints nothing.
  if (file.is_none()) {
    file = Value();  // Undef: the engine's own stdout
    Value sys = vm.modules->get_str(vm.intern("sys"));
    if (sys.is_obj() && sys.o->kind == Kind::Module) {
      Value out = static_cast<ModuleObj*>(sys.o)->dict->get_str(vm.intern("stdout"));
      if (!out.is_undef()) file = out;
      if (file.is_none()) return Value::none();
    }
  }
  bool own_stream = file.is_undef() || (file.is_obj() && file.o->kind == Kind::Other &&
                                        file.o->cls->name->view() == "TextIOWrapper");
  if (own_stream) {
    // One write of the whole line. If str() of an argument raises, what came before it is
    // still printed: CPython's print has already written it to the stream's buffer.
    OutStream stream = file.is_undef() ? OutStream::Stdout : static_cast<StreamObj*>(file.o)->stream;
    std::string text;
    for (uint32_t i = 0; i < a.nargs; i++) {
      if (i) text += sep_s;
      Value v = a[i];
      if (v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str) {
        text += static_cast<StrObj*>(v.o)->view();
        continue;
      }
      std::string s;
      if (!str_text(vm, v, s)) {
        if (!text.empty()) vm.write(stream, text);
        return Value::error();
      }
      text += s;
    }
    text += end_s;
    vm.write(stream, text);
    if (flushing) vm.flush(stream);
    return Value::none();
  }
  // Any other file gets each piece by a write() call of its own, as CPython's print makes them.
  auto put = [&](Value piece) { return !piece.is_error() && !vm.call_method(file, vm.n.write, {piece}).is_error(); };
  for (uint32_t i = 0; i < a.nargs; i++) {
    if (i && !put(vm.str(sep_s))) return Value::error();
    if (!put(op_str(vm, a[i]))) return Value::error();
  }
  if (!put(vm.str(end_s))) return Value::error();
  if (flushing && vm.call_method(file, vm.intern("flush"), {}).is_error()) return Value::error();
  return Value::none();
}

Value builtin_repr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "repr", 1, 1)) return Value::error();
  return op_repr(vm, a[0]);
}

Value builtin_ascii(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ascii", 1, 1)) return Value::error();
  return op_ascii(vm, a[0]);
}

Value builtin_len(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "len", 1, 1)) return Value::error();
  int64_t n = op_len(vm, a[0]);
  return n < 0 ? Value::error() : Value::integer(n);
}

Value builtin_isinstance(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "isinstance", 2, 2)) return Value::error();
  bool r;
  if (!op_isinstance(vm, a[0], a[1], &r)) return Value::error();
  return Value::boolean(r);
}

bool is_subclass(VM& vm, Value cls, Value of, bool* out) {
  if (!cls.is_obj() || cls.o->kind != Kind::Class) {
    vm.raise(vm.t.TypeError, "issubclass() arg 1 must be a class");
    return false;
  }
  if (of.is_obj() && of.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(of.o);
    for (size_t i = 0; i < t->size; i++) {
      if (!is_subclass(vm, cls, (*t)[i], out)) return false;
      if (*out) return true;
    }
    *out = false;
    return true;
  }
  if (!of.is_obj() || of.o->kind != Kind::Class) {
    vm.raise(vm.t.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return false;
  }
  if (!metaclass_hook(vm, of, vm.intern("__subclasscheck__")).is_undef()) {
    Value r = vm.call_dunder(of, vm.intern("__subclasscheck__"), {cls});
    if (r.is_error()) return false;
    int t = op_truth(vm, r);
    if (t < 0) return false;
    *out = t;
    return true;
  }
  *out = static_cast<ClassObj*>(cls.o)->is_subclass_of(static_cast<ClassObj*>(of.o));
  return true;
}

Value builtin_issubclass(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "issubclass", 2, 2)) return Value::error();
  bool r;
  if (!is_subclass(vm, a[0], a[1], &r)) return Value::error();
  return Value::boolean(r);
}

StrObj* attr_name(VM& vm, Value v, const char* fn) {
  if (!vm.isinstance(v, vm.t.str)) {
    vm.raisef(vm.t.TypeError, "%s(): attribute name must be string", fn);
    return nullptr;
  }
  return vm.intern(static_cast<StrObj*>(v.o)->view());
}

Value builtin_getattr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "getattr", 2, 3)) return Value::error();
  StrObj* name = attr_name(vm, a[1], "getattr");
  if (!name) return Value::error();
  if (a.nargs == 3) {
    Value v = op_getattr_opt(vm, a[0], name);
    if (v.is_undef()) return a[2];
    return v;
  }
  return op_getattr(vm, a[0], name);
}

Value builtin_hasattr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "hasattr", 2, 2)) return Value::error();
  StrObj* name = attr_name(vm, a[1], "hasattr");
  if (!name) return Value::error();
  Value v = op_getattr_opt(vm, a[0], name);
  if (v.is_error()) return v;
  return Value::boolean(!v.is_undef());
}

Value builtin_setattr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "setattr", 3, 3)) return Value::error();
  StrObj* name = attr_name(vm, a[1], "setattr");
  if (!name) return Value::error();
  return op_setattr(vm, a[0], name, a[2]) ? Value::none() : Value::error();
}

Value builtin_delattr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "delattr", 2, 2)) return Value::error();
  StrObj* name = attr_name(vm, a[1], "delattr");
  if (!name) return Value::error();
  return op_delattr(vm, a[0], name) ? Value::none() : Value::error();
}

Value builtin_callable(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "callable", 1, 1)) return Value::error();
  return Value::boolean(op_callable(vm, a[0]));
}

Value builtin_id(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "id", 1, 1)) return Value::error();
  Value v = a[0];
  if (v.is_obj()) return Value::integer(int64_t(uintptr_t(v.o.get())));
  // Inline values have no address; give each a stable stand-in.
  int64_t h;
  if (!op_hash(vm, v, &h)) return Value::error();
  return Value::integer((h << 3) ^ int64_t(v.tag));
}

Value builtin_hash(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "hash", 1, 1)) return Value::error();
  int64_t h;
  if (!op_hash(vm, a[0], &h)) return Value::error();
  return Value::integer(h);
}

Value builtin_iter(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "iter", 1, 2)) return Value::error();
  if (a.nargs == 2) return make_callable_iterator(vm, a[0], a[1]);
  return op_iter(vm, a[0]);
}

Value builtin_next(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "next", 1, 2)) return Value::error();
  ClassObj* cls = vm.type_of(a[0]);
  if (!cls->slots.next) return vm.raisef(vm.t.TypeError, "'%s' object is not an iterator", cls->name->str().c_str());
  Value v;
  if (cls == vm.t.generator) {
    // next(gen) raises StopIteration carrying the generator's return value.
    v = vm.call_method(a[0], vm.n.send, {Value::none()});
    if (v.is_error() && vm.pending_is(vm.t.StopIteration) && a.nargs == 2) {
      vm.clear_exception();
      return a[1];
    }
    return v;
  }
  v = cls->slots.next(vm, a[0]);
  if (v.is_undef()) {
    if (a.nargs == 2) return a[1];
    return vm.raise_value(Value::object(vm.t.StopIteration));
  }
  if (v.is_error() && a.nargs == 2 && vm.pending_is(vm.t.StopIteration)) {
    vm.clear_exception();
    return a[1];
  }
  return v;
}

Value builtin_aiter(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "aiter", 1, 1)) return Value::error();
  Value m = vm.type_of(a[0])->lookup(vm.n.__aiter__);
  if (m.is_undef()) return vm.raisef(vm.t.TypeError, "'%s' object is not an async iterable", type_name(vm, a[0]).c_str());
  return vm.call_dunder(a[0], vm.n.__aiter__, {});
}

Value builtin_anext(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "anext", 1, 2)) return Value::error();
  Value m = vm.type_of(a[0])->lookup(vm.n.__anext__);
  if (m.is_undef())
    return vm.raisef(vm.t.TypeError, "'%s' object is not an async iterator", type_name(vm, a[0]).c_str());
  Value aw = vm.call_dunder(a[0], vm.n.__anext__, {});
  if (aw.is_error() || a.nargs == 1) return aw;
  return make_anext_with_default(vm, aw, a[1]);
}

Value builtin_globals(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "globals", 0, 0)) return Value::error();
  Frame* f = vm.current_frame();
  return f ? Value::object(f->globals) : Value::object(vm.new_dict());
}

Value builtin_locals(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "locals", 0, 0)) return Value::error();
  Frame* f = vm.current_frame();
  if (!f) return Value::object(vm.new_dict());
  if (f->locals_dict) return Value::object(f->locals_dict);
  DictObj* d = vm.new_dict();
  for (size_t i = 0; i < f->code->varnames.size(); i++) {
    Value v = f->slots()[i];
    if (v.is_undef()) continue;
    // The dict now refers to the string too: it may no longer be extended in place.
    if (v.is_obj() && v.o->kind == Kind::Str) static_cast<StrObj*>(v.o)->appendable = false;
    d->set_str(f->code->varnames[i], v);
  }
  for (size_t i = 0; i < f->code->ncells(); i++) {
    Value c = f->cells()[i];
    if (c.is_obj() && c.o->kind == Kind::Cell && !static_cast<CellObj*>(c.o)->value.is_undef()) {
      StrObj* n = i < f->code->cellvars.size() ? f->code->cellvars[i] : f->code->freevars[i - f->code->cellvars.size()];
      d->set_str(n, static_cast<CellObj*>(c.o)->value);
    }
  }
  return Value::object(d);
}

Value builtin_vars(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "vars", 0, 1)) return Value::error();
  if (a.nargs == 0) return builtin_locals(vm, a);
  Value d = op_getattr_opt(vm, a[0], vm.n.__dict__);
  if (d.is_error()) return d;
  if (d.is_undef()) return vm.raise(vm.t.TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Value builtin_dir(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "dir", 0, 1)) return Value::error();
  if (a.nargs == 0) {
    Value l = builtin_locals(vm, a);
    if (l.is_error()) return l;
    ListObj* out = vm.new_list();
    static_cast<DictObj*>(l.o)->for_each([&](Value k, Value) { out->items.push_back(k); });
    Value sorted = vm.call_method(Value::object(out), vm.intern("sort"), {});
    if (sorted.is_error()) return sorted;
    return Value::object(out);
  }
  Value r = vm.call_dunder(a[0], vm.intern("__dir__"), {});
  if (r.is_error() || r.is_undef()) return r.is_undef() ? Value::object(vm.new_list()) : r;
  Value l = vm.call(Value::object(vm.t.list), {r});
  if (l.is_error()) return l;
  Value s = vm.call_method(l, vm.intern("sort"), {});
  if (s.is_error()) return s;
  return l;
}

// __build_class__(func, name, *bases, metaclass=type, **kwds): run the class body with a fresh
// namespace, then make the class.
Value builtin_build_class(VM& vm, CallArgs& a) {
  if (a.nargs < 2) return vm.raise(vm.t.TypeError, "__build_class__: not enough arguments");
  if (!a[0].is_obj() || a[0].o->kind != Kind::Function)
    return vm.raise(vm.t.TypeError, "__build_class__: func must be a function");
  if (!vm.isinstance(a[1], vm.t.str)) return vm.raise(vm.t.TypeError, "__build_class__: name is not a string");
  FunctionObj* body = static_cast<FunctionObj*>(a[0].o);
  StrObj* name = static_cast<StrObj*>(a[1].o);
  TupleObj* bases = vm.new_tuple(a.nargs - 2);
  for (uint32_t i = 2; i < a.nargs; i++) (*bases)[i - 2] = a[i];
  // Keyword arguments other than metaclass go to __init_subclass__.
  Value meta;
  std::vector<Value> kwvals;
  std::vector<Value> kwnames;
  for (size_t i = 0; i < a.nkw(); i++) {
    if (a.kwname(i)->view() == "metaclass") meta = a.kwvalue(i);
    else {
      kwnames.push_back(Value::object(a.kwname(i)));
      kwvals.push_back(a.kwvalue(i));
    }
  }
  // PEP 560: bases that are not classes may stand for others (__mro_entries__).
  TupleObj* orig_bases = bases;
  std::vector<Value> resolved;
  bool changed = false;
  for (size_t i = 0; i < orig_bases->size; i++) {
    Value b = (*orig_bases)[i];
    if (b.is_obj() && b.o->kind == Kind::Class) {
      resolved.push_back(b);
      continue;
    }
    Value mro_entries = vm.type_of(b)->lookup(vm.n.__mro_entries__);
    if (mro_entries.is_undef()) {
      resolved.push_back(b);
      continue;
    }
    Value r = vm.call_dunder(b, vm.n.__mro_entries__, {Value::object(orig_bases)});
    if (r.is_error()) return r;
    if (!r.is_obj() || r.o->kind != Kind::Tuple) return vm.raise(vm.t.TypeError, "__mro_entries__ must return a tuple");
    TupleObj* rt = static_cast<TupleObj*>(r.o);
    resolved.insert(resolved.end(), rt->items(), rt->items() + rt->size);
    changed = true;
  }
  if (changed) {
    bases = vm.new_tuple(resolved.size());
    for (size_t i = 0; i < resolved.size(); i++) (*bases)[i] = resolved[i];
  }
  // The metaclass: the one given, or the most derived metaclass of the bases
  // (mirrors typeobject.c _PyType_CalculateMetaclass).
  if (meta.is_undef()) meta = bases->size > 0 ? Value::object(vm.type_of((*bases)[0])) : Value::object(vm.t.type);
  if (meta.is_obj() && meta.o->kind == Kind::Class) {
    ClassObj* winner = static_cast<ClassObj*>(meta.o);
    for (size_t i = 0; i < bases->size; i++) {
      ClassObj* t = vm.type_of((*bases)[i]);
      if (winner->is_subclass_of(t)) continue;
      if (t->is_subclass_of(winner)) {
        winner = t;
        continue;
      }
      return vm.raise(vm.t.TypeError,
                      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                      "metaclasses of all its bases");
    }
    meta = Value::object(winner);
  }
  TupleObj* kwn = nullptr;
  if (!kwnames.empty()) {
    kwn = vm.new_tuple(kwnames.size());
    for (size_t i = 0; i < kwnames.size(); i++) (*kwn)[i] = kwnames[i];
  }
  DictObj* ns = nullptr;
  Value prepare = meta.same(Value::object(vm.t.type)) ? Value() : op_getattr_opt(vm, meta, vm.intern("__prepare__"));
  if (prepare.is_error()) return prepare;
  if (!prepare.is_undef()) {
    std::vector<Value> pargs{Value::object(name), Value::object(bases)};
    pargs.insert(pargs.end(), kwvals.begin(), kwvals.end());
    Value p = vm.call(prepare, pargs.data(), 2, kwn);
    if (p.is_error()) return p;
    if (!p.is_obj() || p.o->kind != Kind::Dict)
      return vm.raisef(vm.t.TypeError, "%s.__prepare__() must return a mapping, not %s",
                       static_cast<ClassObj*>(meta.o)->name->data(), type_name(vm, p).c_str());
    ns = static_cast<DictObj*>(p.o);
  } else {
    ns = vm.new_dict();
  }
  Frame* f = make_call_frame(vm, body, nullptr, 0, nullptr);
  if (!f) return Value::error();
  f->locals_dict = ns;
  Value r = Interpreter::run_nested(vm, f);
  if (r.is_error()) return r;
  if (changed) ns->set_str(vm.intern("__orig_bases__"), Value::object(orig_bases));
  if (meta.same(Value::object(vm.t.type))) {
    std::vector<Value> buf = kwvals;
    CallArgs kw{buf.data(), 0, kwn};
    return type_new_class(vm, vm.t.type, name, bases, ns, &kw);
  }
  std::vector<Value> argv{Value::object(name), Value::object(bases), Value::object(ns)};
  argv.insert(argv.end(), kwvals.begin(), kwvals.end());
  return vm.call(meta, argv.data(), 3, kwn);
}

Value builtin_import(VM& vm, CallArgs& a) {
  if (a.nargs < 1 || !vm.isinstance(a[0], vm.t.str)) return vm.raise(vm.t.TypeError, "__import__() argument 1 must be str");
  return vm.import_module(vm.intern(static_cast<StrObj*>(a[0].o)->view()));
}

Value not_supported(VM& vm, const char* what) {
  return vm.raisef(vm.t.NotImplementedError, "%s is not supported in Looplab's sandbox", what);
}

Value builtin_input(VM& vm, CallArgs&) { return not_supported(vm, "input()"); }
Value builtin_open(VM& vm, CallArgs&) { return not_supported(vm, "open() (there is no file system)"); }
Value builtin_exec(VM& vm, CallArgs&) { return not_supported(vm, "exec() of a string"); }
Value builtin_eval(VM& vm, CallArgs&) { return not_supported(vm, "eval() of a string"); }
Value builtin_compile(VM& vm, CallArgs&) { return not_supported(vm, "compile()"); }

Value builtin_exit(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "exit", 0, 1)) return Value::error();
  ExceptionObj* e = vm.new_exception(vm.t.SystemExit, a.nargs ? vm.tuple_of({a[0]}) : vm.new_tuple(0));
  e->dict = vm.new_dict();
  e->dict->set_str(vm.n.code, a.nargs ? a[0] : Value::none());
  return vm.set_pending(Value::object(e));
}

Value builtin_sys_exc_info_unused(VM& vm, CallArgs&) { return Value::none(); }

}  // namespace

ClassObj* make_stream_class(VM& vm) {
  ClassObj* cls = vm.new_class("TextIOWrapper", {}, Kind::Other, kClassBuiltin, "_io");
  vm.def_method(cls, "write", stream_write);
  vm.def_method(cls, "flush", stream_flush);
  return cls;
}

Value make_stream(VM& vm, ClassObj* cls, OutStream s) { return Value::object(vm.heap.make<StreamObj>(cls, s)); }

void init_builtins_module(VM& vm) {
  DictObj* b = vm.builtins;
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  const Fn fns[] = {
      {"print", builtin_print},       {"repr", builtin_repr},         {"ascii", builtin_ascii},
      {"len", builtin_len},           {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
      {"getattr", builtin_getattr},   {"hasattr", builtin_hasattr},   {"setattr", builtin_setattr},
      {"delattr", builtin_delattr},   {"callable", builtin_callable}, {"id", builtin_id},
      {"hash", builtin_hash},         {"iter", builtin_iter},         {"next", builtin_next},
      {"aiter", builtin_aiter},       {"anext", builtin_anext},       {"globals", builtin_globals},
      {"locals", builtin_locals},     {"vars", builtin_vars},         {"dir", builtin_dir},
      {"__build_class__", builtin_build_class}, {"__import__", builtin_import},
      {"input", builtin_input},       {"open", builtin_open},         {"exec", builtin_exec},
      {"eval", builtin_eval},         {"compile", builtin_compile},   {"exit", builtin_exit},
      {"quit", builtin_exit},
  };
  (void)builtin_sys_exc_info_unused;
  for (const Fn& f : fns) vm.def_function(b, f.name, f.fn);

#define LOOPLAB_BUILTIN_NAME(member, pyname) b->set_str(vm.intern(pyname), Value::object(vm.t.member));
  LOOPLAB_BUILTIN_TYPES(LOOPLAB_BUILTIN_NAME)
#undef LOOPLAB_BUILTIN_NAME
#define LOOPLAB_EXC_NAME(name, base) b->set_str(vm.intern(#name), Value::object(vm.t.name));
  LOOPLAB_EXCEPTIONS(LOOPLAB_EXC_NAME)
#undef LOOPLAB_EXC_NAME
  b->set_str(vm.intern("NotImplemented"), vm.not_implemented);
  b->set_str(vm.intern("Ellipsis"), vm.ellipsis);
  b->set_str(vm.intern("None"), Value::none());
  b->set_str(vm.intern("True"), Value::boolean(true));
  b->set_str(vm.intern("False"), Value::boolean(false));
  b->set_str(vm.n.__name__, vm.str("builtins"));
  b->set_str(vm.intern("__debug__"), Value::boolean(true));
  // Python names that are not types in the public sense but exist in builtins.
  for (const char* hidden : {"NoneType", "NotImplementedType", "ellipsis", "function", "builtin_function_or_method",
                             "method", "cell", "code", "module", "generator", "coroutine", "async_generator",
                             "traceback", "list_iterator", "tuple_iterator", "range_iterator"})
    b->del_str(vm.intern(hidden));
  b->set_str(vm.intern("EnvironmentError"), Value::object(vm.t.OSError));
  b->set_str(vm.intern("IOError"), Value::object(vm.t.OSError));

  register_builtin_modules(vm);
}

}  // namespace looplab
