// _stdlib: the private native helpers of the Python-written standard library (modules/py/*.py)
// - exec_source(source, globals): run Python source into a dict. namedtuple and dataclasses
//   build methods from source text as CPython does, so their signatures and argument errors
//   are exactly CPython's. (The builtin exec() stays unsupported for user programs.)
// - caller_globals(depth) / caller_info(depth) / caller_name(depth): what sys._getframe(depth)
//   tells those modules (namedtuple's __module__, warnings' "file:line: Category: message",
//   logging's funcName).
// - format_exception(exc): the text CPython's traceback.print_exception(exc) prints (the
//   engine's own traceback renderer), for the traceback and logging modules.
// - _tuplegetter(index, doc): the read-only field descriptor of namedtuple classes, native for
//   speed (mirrors Modules/_collectionsmodule.c tuplegetter).
// Also the module "collections.abc", an alias of _collections_abc (a dotted name cannot be an
// embedded file name).
#include "lang/code.h"
#include "lang/compiler.h"
#include "lang/frame.h"
#include "lang/interpreter.h"
#include "lang/vm.h"
#include "modules/module_inits.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

// ---- exec_source ------------------------------------------------------------------------------

// exec_source(source, globals[, locals]): as exec(source, globals, locals) of a module text.
Value stdlib_exec_source(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "exec_source", 2, 3)) return Value::error();
  if (!vm.isinstance(a[0], vm.t.str))
    return vm.raisef(vm.t.TypeError, "exec_source() argument 1 must be str, not %s", type_name(vm, a[0]).c_str());
  for (uint32_t i = 1; i < a.nargs; i++)
    if (!vm.isinstance(a[i], vm.t.dict))
      return vm.raisef(vm.t.TypeError, "exec_source() argument %u must be dict, not %s", i + 1,
                       type_name(vm, a[i]).c_str());
  DictObj* globals = static_cast<DictObj*>(a[1].o);
  DictObj* locals = a.nargs > 2 ? static_cast<DictObj*>(a[2].o) : globals;
  CodeObj* code = compile_module(vm, static_cast<StrObj*>(a[0].o)->view(), "<string>");
  if (!code) return Value::error();
  if (globals->get_str(vm.n.__builtins__).is_undef())
    globals->set_str(vm.n.__builtins__, Value::object(vm.builtins));
  Frame* f = alloc_frame(code);
  f->globals = globals;
  f->locals_dict = locals;
  ExecResult r = Interpreter::run(vm, f, 0);
  if (r.status != ExecStatus::Returned) return Value::error();
  return Value::none();
}

// ---- frames -------------------------------------------------------------------------------------

// The Python frame `depth` levels up from the one calling this native (0: the caller itself),
// as sys._getframe(depth) seen from that caller; nullptr (ValueError pending) past the bottom.
Frame* frame_at(VM& vm, Value depth_arg) {
  int64_t depth = 0;
  if (!depth_arg.is_undef() && !index_value(vm, depth_arg, &depth)) return nullptr;
  Frame* f = vm.current_frame();
  while (f && depth > 0) {
    f = f->back;
    depth--;
  }
  if (!f) vm.raise(vm.t.ValueError, "call stack is not deep enough");
  return f;
}

Value stdlib_caller_globals(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "caller_globals", 0, 1)) return Value::error();
  Frame* f = frame_at(vm, a.nargs ? a[0] : Value());
  if (!f) return Value::error();
  return Value::object(f->globals);
}

// (filename, lineno, source line without indentation or '') of a frame.
Value stdlib_caller_info(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "caller_info", 0, 1)) return Value::error();
  Frame* f = frame_at(vm, a.nargs ? a[0] : Value());
  if (!f) return Value::error();
  int line = f->line();
  std::string filename;
  std::string text;
  if (f->code->source) {
    filename = f->code->source->filename;
    std::string_view l = f->code->source->line(line);
    size_t b = l.find_first_not_of(" \t");
    size_t e = l.find_last_not_of(" \t\r\n");
    if (b != std::string_view::npos) text = std::string(l.substr(b, e - b + 1));
  }
  return Value::object(vm.tuple_of({vm.str(filename), Value::integer(line), vm.str(text)}));
}

// The name of the function a frame runs ("<module>" at module level), as f_code.co_name.
Value stdlib_caller_name(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "caller_name", 0, 1)) return Value::error();
  Frame* f = frame_at(vm, a.nargs ? a[0] : Value());
  if (!f) return Value::error();
  return f->code->name ? Value::object(f->code->name) : vm.str("<module>");
}

// ---- tracebacks --------------------------------------------------------------------------------

Value stdlib_format_exception(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "format_exception", 1, 1)) return Value::error();
  if (!vm.isinstance(a[0], vm.t.BaseException))
    return vm.raisef(vm.t.TypeError, "format_exception() argument must be an exception, not %s",
                     type_name(vm, a[0]).c_str());
  std::string out;
  if (!format_exception(vm, a[0], out)) return Value::error();
  return vm.str(out);
}

// ---- _tuplegetter -------------------------------------------------------------------------------

struct TupleGetterObj final : Obj {
  int64_t index;
  Value doc;
  TupleGetterObj(ClassObj* cls, int64_t i, Value d) : Obj(cls, Kind::Other), index(i), doc(d) {}
  void trace(Tracer& t) override { t.mark(doc); }
};

Value tuplegetter_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!no_kwargs(vm, a, "_tuplegetter")) return Value::error();
  if (!check_nargs(vm, a, "_tuplegetter", 2, 2)) return Value::error();
  int64_t index;
  if (!index_value(vm, a[0], &index)) return Value::error();
  return Value::object(vm.heap.make<TupleGetterObj>(cls, index, a[1]));
}

// mirrors tuplegetter_descr_get
Value tuplegetter_get(VM& vm, Value self, Value instance, Value) {
  TupleGetterObj* g = static_cast<TupleGetterObj*>(self.o);
  if (instance.is_undef() || instance.is_none()) return self;
  if (!instance.is_obj() || instance.o->kind != Kind::Tuple)
    return vm.raisef(vm.t.TypeError,
                     "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                     (long long)g->index, type_name(vm, instance).c_str());
  TupleObj* t = static_cast<TupleObj*>(instance.o);
  if (g->index < 0 || size_t(g->index) >= t->size) return vm.raise(vm.t.IndexError, "tuple index out of range");
  return (*t)[size_t(g->index)];
}

bool tuplegetter_set(VM& vm, Value, Value, Value value) {
  vm.raise(vm.t.AttributeError, value.is_undef() ? "can't delete attribute" : "can't set attribute");
  return false;
}

Value tuplegetter_repr(VM& vm, Value self) {
  TupleGetterObj* g = static_cast<TupleGetterObj*>(self.o);
  Value doc = op_repr(vm, g->doc);
  if (doc.is_error()) return doc;
  return vm.str(strprintf("%s(%lld, %s)", self.o->cls->name->data(), (long long)g->index,
                          static_cast<StrObj*>(doc.o)->data()));
}

Value tuplegetter_doc(VM& vm, CallArgs& a) {
  (void)vm;
  return static_cast<TupleGetterObj*>(a[0].o)->doc;
}

ClassObj* make_tuplegetter_class(VM& vm) {
  ClassObj* cls = vm.new_class("_tuplegetter", {}, Kind::Other, kClassBuiltin, "_collections");
  cls->slots.new_ = tuplegetter_new;
  cls->slots.init = nullptr;
  cls->slots.descr_get = tuplegetter_get;
  cls->slots.descr_set = tuplegetter_set;
  cls->slots.repr = tuplegetter_repr;
  vm.def_method(cls, "_doc", tuplegetter_doc);
  add_slot_wrappers(vm, cls);
  return cls;
}

}  // namespace

bool init_stdlib_native_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  vm.def_function(d, "exec_source", stdlib_exec_source);
  vm.def_function(d, "caller_globals", stdlib_caller_globals);
  vm.def_function(d, "caller_info", stdlib_caller_info);
  vm.def_function(d, "caller_name", stdlib_caller_name);
  vm.def_function(d, "format_exception", stdlib_format_exception);
  d->set_str(vm.intern("_tuplegetter"), Value::object(make_tuplegetter_class(vm)));
  return true;
}

bool init_collections_abc_module(VM& vm, ModuleObj* m) {
  return run_python_source_into(vm, m, "from _collections_abc import *\nfrom _collections_abc import __all__\n",
                                "<collections.abc>");
}

}  // namespace looplab
