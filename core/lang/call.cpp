// Calling: binding arguments to a Python function's parameters (with CPython's error messages),
// nested calls from C++ (VM::call), and argument helpers for natives.
#include "lang/call.h"

#include "lang/generator.h"
#include "lang/interpreter.h"
#include "lang/vm.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

std::string join_names(const std::vector<std::string>& names) {
  // 'a'  /  'a' and 'b'  /  'a', 'b', and 'c'
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

bool missing_args(VM& vm, FunctionObj* fn, Value* slots, size_t from, size_t to, bool kwonly) {
  std::vector<std::string> names;
  for (size_t i = from; i < to; i++)
    if (slots[i].is_undef()) names.push_back(fn->code->varnames[i]->str());
  vm.raisef(vm.t.TypeError, "%s() missing %zu required %s argument%s: %s", fn->qualname->str().c_str(),
            names.size(), kwonly ? "keyword-only" : "positional", names.size() == 1 ? "" : "s",
            join_names(names).c_str());
  return false;
}

}  // namespace

namespace {

// A native's parameter, parsed from bind_args's list ("name=", "/", "*").
struct Param {
  std::string_view name;
  bool optional, positional, keyword;
};

// bind_args for ArgStyle::Python: the checks and messages of ceval.c's initialize_locals (as
// bind_python_args below), in its order: keywords, then too many positionals, then missing ones.
bool bind_as_def(VM& vm, const CallArgs& a, std::string_view fn, const Param* ps, size_t count, Value* out) {
  std::string name(fn);
  size_t npos = 0, nrequired_pos = 0;
  for (size_t j = 0; j < count; j++)
    if (const Param& p = ps[j]; p.positional) {
      npos++;
      if (!p.optional) nrequired_pos++;
    }
  for (uint32_t i = 0; i < a.nargs && i < npos; i++) out[i] = a.args[i];
  for (size_t k = 0; k < a.nkw(); k++) {
    std::string_view kw = a.kwname(k)->view();
    size_t j = 0;
    while (j < count && !(ps[j].keyword && ps[j].name == kw)) j++;
    if (j == count) {
      bool posonly = false;
      for (size_t i = 0; i < count; i++) posonly |= !ps[i].keyword && ps[i].name == kw;
      if (posonly) {
        vm.raisef(vm.t.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%.*s'",
                  name.c_str(), int(kw.size()), kw.data());
        return false;
      }
      vm.raisef(vm.t.TypeError, "%s() got an unexpected keyword argument '%.*s'", name.c_str(), int(kw.size()), kw.data());
      return false;
    }
    if (!out[j].is_undef()) {
      vm.raisef(vm.t.TypeError, "%s() got multiple values for argument '%.*s'", name.c_str(), int(kw.size()), kw.data());
      return false;
    }
    out[j] = a.kwvalue(k);
  }
  if (a.nargs > npos) {
    size_t kwonly_given = 0;
    for (size_t j = npos; j < count; j++)
      if (!out[j].is_undef()) kwonly_given++;
    std::string takes = nrequired_pos < npos
                            ? strprintf("from %zu to %zu positional arguments", nrequired_pos, npos)
                            : strprintf("%zu positional argument%s", npos, npos == 1 ? "" : "s");
    std::string given = strprintf("%u", a.nargs);
    if (kwonly_given)
      given += strprintf(" positional argument%s (and %zu keyword-only argument%s)", a.nargs == 1 ? "" : "s",
                         kwonly_given, kwonly_given == 1 ? "" : "s");
    vm.raisef(vm.t.TypeError, "%s() takes %s but %s %s given", name.c_str(), takes.c_str(), given.c_str(),
              (a.nargs == 1 && !kwonly_given) ? "was" : "were");
    return false;
  }
  for (bool kwonly : {false, true}) {
    std::vector<std::string> missing;
    for (size_t j = 0; j < count; j++)
      if (ps[j].positional != kwonly && !ps[j].optional && out[j].is_undef()) missing.push_back(std::string(ps[j].name));
    if (!missing.empty()) {
      vm.raisef(vm.t.TypeError, "%s() missing %zu required %s argument%s: %s", name.c_str(), missing.size(),
                kwonly ? "keyword-only" : "positional", missing.size() == 1 ? "" : "s", join_names(missing).c_str());
      return false;
    }
  }
  return true;
}

}  // namespace

// mirrors Python/ceval.c initialize_locals.
bool bind_python_args(VM& vm, FunctionObj* fn, const Value* args, uint32_t nargs, TupleObj* kwnames,
                      Value* slots) {
  CodeObj* co = fn->code;
  const uint32_t argcount = co->argcount;
  const uint32_t total = argcount + co->kwonlyargcount;
  const bool varargs = co->flags & kCoVarArgs;
  const bool varkw = co->flags & kCoVarKeywords;
  const char* fname = nullptr;
  auto name = [&]() {
    if (!fname) fname = fn->qualname->data();
    return fname;
  };

  DictObj* kwdict = nullptr;
  if (varkw) {
    kwdict = vm.new_dict();
    slots[total + (varargs ? 1 : 0)] = Value::object(kwdict);
  }
  uint32_t n = nargs < argcount ? nargs : argcount;
  for (uint32_t i = 0; i < n; i++) slots[i] = args[i];
  if (varargs) {
    uint32_t extra = nargs > argcount ? nargs - argcount : 0;
    TupleObj* t = vm.new_tuple(extra);
    for (uint32_t i = 0; i < extra; i++) (*t)[i] = args[argcount + i];
    slots[total] = Value::object(t);
  }

  size_t nkw = kwnames ? kwnames->size : 0;
  for (size_t k = 0; k < nkw; k++) {
    StrObj* kw = static_cast<StrObj*>((*kwnames)[k].o);
    Value value = args[nargs + k];
    size_t j = co->posonlyargcount;
    for (; j < total; j++) {
      StrObj* p = co->varnames[j];
      if (p == kw || p->view() == kw->view()) break;
    }
    if (j == total) {
      if (kwdict) {
        kwdict->set_str(kw, value);
        continue;
      }
      // A positional-only parameter passed by keyword?
      for (size_t p = 0; p < co->posonlyargcount; p++) {
        if (co->varnames[p]->view() == kw->view()) {
          vm.raisef(vm.t.TypeError,
                    "%s() got some positional-only arguments passed as keyword arguments: '%s'", name(),
                    kw->data());
          return false;
        }
      }
      vm.raisef(vm.t.TypeError, "%s() got an unexpected keyword argument '%s'", name(), kw->data());
      return false;
    }
    if (!slots[j].is_undef()) {
      vm.raisef(vm.t.TypeError, "%s() got multiple values for argument '%s'", name(), kw->data());
      return false;
    }
    slots[j] = value;
  }

  if (nargs > argcount && !varargs) {
    size_t defcount = fn->defaults ? fn->defaults->size : 0;
    size_t kwonly_given = 0;
    for (size_t i = argcount; i < total; i++)
      if (!slots[i].is_undef()) kwonly_given++;
    std::string takes;
    if (defcount)
      takes = strprintf("from %zu to %u positional arguments", size_t(argcount) - defcount, argcount);
    else
      takes = strprintf("%u positional argument%s", argcount, argcount == 1 ? "" : "s");
    std::string given = strprintf("%u", nargs);
    if (kwonly_given)
      given += strprintf(" positional argument%s (and %zu keyword-only argument%s)", nargs == 1 ? "" : "s",
                         kwonly_given, kwonly_given == 1 ? "" : "s");
    vm.raisef(vm.t.TypeError, "%s() takes %s but %s %s given", name(), takes.c_str(), given.c_str(),
              (nargs == 1 && !kwonly_given) ? "was" : "were");
    return false;
  }

  // Defaults for positional parameters not given.
  if (nargs < argcount) {
    size_t defcount = fn->defaults ? fn->defaults->size : 0;
    size_t first_default = argcount - defcount;
    for (size_t i = nargs; i < first_default; i++)
      if (slots[i].is_undef()) return missing_args(vm, fn, slots, nargs, first_default, false);
    for (size_t i = first_default > nargs ? first_default : nargs; i < argcount; i++)
      if (slots[i].is_undef()) slots[i] = (*fn->defaults)[i - first_default];
  }
  // Keyword-only defaults.
  for (size_t i = argcount; i < total; i++) {
    if (!slots[i].is_undef()) continue;
    Value d = fn->kwdefaults ? fn->kwdefaults->get_str(co->varnames[i]) : Value();
    if (d.is_undef()) return missing_args(vm, fn, slots, argcount, total, true);
    slots[i] = d;
  }
  return true;
}

Frame* make_call_frame(VM& vm, FunctionObj* fn, const Value* args, uint32_t nargs, TupleObj* kwnames) {
  CodeObj* co = fn->code;
  Frame* f = alloc_frame(co);
  f->func = fn;
  f->globals = fn->globals;
  Value* slots = f->slots();
  // Fast path: exactly the positional parameters, nothing else.
  if (!kwnames && nargs == co->argcount && co->kwonlyargcount == 0 &&
      !(co->flags & (kCoVarArgs | kCoVarKeywords))) {
    for (uint32_t i = 0; i < nargs; i++) slots[i] = args[i];
  } else if (!bind_python_args(vm, fn, args, nargs, kwnames, slots)) {
    free_frame(f);
    return nullptr;
  }
  // Cells: fresh ones for cellvars (moving captured arguments in), the closure's for freevars.
  size_t ncell = co->cellvars.size();
  if (ncell || !co->freevars.empty()) {
    Value* cells = f->cells();
    for (size_t i = 0; i < ncell; i++) {
      int32_t arg = i < co->cell2arg.size() ? co->cell2arg[i] : -1;
      Value init = arg >= 0 ? slots[arg] : Value();
      cells[i] = Value::object(vm.new_cell(init));
    }
    for (size_t i = 0; i < co->freevars.size(); i++) cells[ncell + i] = (*fn->closure)[i];
  }
  return f;
}

GenObj* make_generator(VM& vm, FunctionObj* fn, Frame* f) {
  CodeObj* co = fn->code;
  ClassObj* cls = (co->flags & kCoCoroutine) ? vm.t.coroutine
                  : (co->flags & kCoAsyncGenerator) ? vm.t.async_generator : vm.t.generator;
  GenObj* g = vm.heap.make<GenObj>(cls, f, fn->name, fn->qualname);
  f->gen = g;
  if (cls == vm.t.coroutine) {
    if (vm.fresh_coroutines.size() >= 2 * vm.fresh_coroutines_pruned_size + 1024) vm.prune_fresh_coroutines(false);
    vm.fresh_coroutines.push_back(g);
  }
  return g;
}

// ---- VM::call: nested calls from C++ ---------------------------------------------------------

Value VM::call(Value callable, const Value* args, size_t nargs, TupleObj* kwnames) {
  if (callable.is_obj()) {
    switch (callable.o->kind) {
      case Kind::Function: {
        FunctionObj* fn = static_cast<FunctionObj*>(callable.o);
        Frame* f = make_call_frame(*this, fn, args, uint32_t(nargs), kwnames);
        if (!f) return Value::error();
        if (fn->code->is_generator_like()) return Value::object(make_generator(*this, fn, f));
        return Interpreter::run_nested(*this, f);
      }
      case Kind::Native: {
        NativeFunctionObj* nf = static_cast<NativeFunctionObj*>(callable.o);
        CallArgs a{const_cast<Value*>(args), uint32_t(nargs), kwnames};
        calling_native = nf;
        native_depth_++;
        Value r = nf->fn(*this, a);
        native_depth_--;
        return r;
      }
      case Kind::BoundMethod: {
        BoundMethodObj* m = static_cast<BoundMethodObj*>(callable.o);
        size_t total = nargs + (kwnames ? kwnames->size : 0);
        Value small[8];
        std::vector<Value> big;
        Value* argv = small;
        if (total + 1 > 8) {
          big.resize(total + 1);
          argv = big.data();
        }
        argv[0] = m->self;
        for (size_t i = 0; i < total; i++) argv[i + 1] = args[i];
        return call(m->func, argv, nargs + 1, kwnames);
      }
      default: break;
    }
  }
  ClassObj* cls = type_of(callable);
  if (!cls->slots.call)
    return raisef(t.TypeError, "'%s' object is not callable", cls->name->str().c_str());
  CallArgs a{const_cast<Value*>(args), uint32_t(nargs), kwnames};
  native_depth_++;
  Value r = cls->slots.call(*this, callable, a);
  native_depth_--;
  return r;
}

Value VM::call_method(Value self, StrObj* name, std::initializer_list<Value> args) {
  bool is_method;
  Value m = op_getmethod(*this, self, name, &is_method);
  if (m.is_error()) return m;
  if (!is_method) return call(m, args.begin(), args.size());
  std::vector<Value> argv;
  argv.reserve(args.size() + 1);
  argv.push_back(self);
  argv.insert(argv.end(), args.begin(), args.end());
  return call(m, argv.data(), argv.size());
}

Value VM::call_dunder(Value self, StrObj* name, std::initializer_list<Value> args) {
  Value m = type_of(self)->lookup(name);
  if (m.is_undef()) return Value();
  std::vector<Value> argv;
  argv.reserve(args.size() + 1);
  argv.push_back(self);
  argv.insert(argv.end(), args.begin(), args.end());
  if (m.is_obj() && (m.o->kind == Kind::Function || m.o->kind == Kind::Native)) return call(m, argv.data(), argv.size());
  ClassObj* mc = type_of(m);
  if (mc->slots.descr_get) {
    m = mc->slots.descr_get(*this, m, self, Value::object(type_of(self)));
    if (m.is_error()) return m;
  }
  return call(m, args.begin(), args.size());
}

// ---- argument helpers for natives ------------------------------------------------------------

bool check_nargs(VM& vm, const CallArgs& a, std::string_view fn, uint32_t min, uint32_t max) {
  if (a.nkw() > 0) {
    vm.raisef(vm.t.TypeError, "%.*s() takes no keyword arguments", int(fn.size()), fn.data());
    return false;
  }
  if (a.nargs >= min && a.nargs <= max) return true;
  if (max == 0)
    vm.raisef(vm.t.TypeError, "%.*s() takes no arguments (%u given)", int(fn.size()), fn.data(), a.nargs);
  else if (min == max)
    vm.raisef(vm.t.TypeError, "%.*s() takes exactly %s (%u given)", int(fn.size()), fn.data(),
              min == 1 ? "one argument" : strprintf("%u arguments", min).c_str(), a.nargs);
  else if (a.nargs < min)
    vm.raisef(vm.t.TypeError, "%.*s expected at least %u argument%s, got %u", int(fn.size()), fn.data(), min,
              min == 1 ? "" : "s", a.nargs);
  else
    vm.raisef(vm.t.TypeError, "%.*s expected at most %u argument%s, got %u", int(fn.size()), fn.data(), max,
              max == 1 ? "" : "s", a.nargs);
  return false;
}

bool check_method_nargs(VM& vm, const CallArgs& a, std::string_view qualname, uint32_t min, uint32_t max) {
  CallArgs rest{a.args + 1, a.nargs ? a.nargs - 1 : 0, a.kwnames};
  return check_nargs(vm, rest, qualname, min, max);
}

bool no_kwargs(VM& vm, const CallArgs& a, std::string_view fn) {
  if (a.nkw() == 0) return true;
  vm.raisef(vm.t.TypeError, "%.*s() takes no keyword arguments", int(fn.size()), fn.data());
  return false;
}

bool bind_args(VM& vm, const CallArgs& a, std::string_view fn, std::initializer_list<std::string_view> params,
               Value* out, ArgStyle style) {
  // The usual call (asyncio.sleep(0), q.put(x)): positional arguments only, taken in order. Any
  // mismatch falls through to the full binding below, which reports it.
  if (a.nkw() == 0) {
    size_t i = 0, npos = 0;
    bool kwonly = false, complete = true;
    for (std::string_view p : params) {
      if (p == "/") continue;
      if (p == "*") {
        kwonly = true;
        continue;
      }
      if (!kwonly) npos++;
      if (!kwonly && i < a.nargs) out[i] = a.args[i];
      else if (!p.empty() && p.back() == '=') out[i] = Value();
      else complete = false;
      i++;
    }
    if (complete && a.nargs <= npos) return true;
  }
  // On the stack: natives like asyncio.sleep bind their arguments on every call.
  Param small[16];
  std::vector<Param> large;
  Param* ps = small;
  if (params.size() > std::size(small)) {
    large.resize(params.size());
    ps = large.data();
  }
  size_t count = 0;
  bool posonly_section = false, kwonly = false;
  for (std::string_view p : params) if (p == "/") posonly_section = true;
  bool before_slash = posonly_section;
  for (std::string_view p : params) {
    if (p == "/") {
      before_slash = false;
      continue;
    }
    if (p == "*") {
      kwonly = true;
      continue;
    }
    bool opt = !p.empty() && p.back() == '=';
    if (opt) p.remove_suffix(1);
    ps[count++] = {p, opt, !kwonly, !before_slash};
  }
  for (size_t i = 0; i < count; i++) out[i] = Value();
  size_t npos = 0;
  for (size_t j = 0; j < count; j++) if (ps[j].positional) npos++;
  if (style == ArgStyle::Python) return bind_as_def(vm, a, fn, ps, count, out);
  if (a.nargs > npos) {
    if (npos == 0)
      vm.raisef(vm.t.TypeError, "%.*s() takes no positional arguments", int(fn.size()), fn.data());
    else
      vm.raisef(vm.t.TypeError, "%.*s() takes at most %zu argument%s (%u given)", int(fn.size()), fn.data(), npos,
                npos == 1 ? "" : "s", a.nargs);
    return false;
  }
  for (uint32_t i = 0; i < a.nargs; i++) out[i] = a.args[i];
  for (size_t k = 0; k < a.nkw(); k++) {
    std::string_view kw = a.kwname(k)->view();
    size_t j = 0;
    for (; j < count; j++)
      if (ps[j].keyword && ps[j].name == kw) break;
    if (j == count) {
      vm.raisef(vm.t.TypeError, "%.*s() got an unexpected keyword argument '%.*s'", int(fn.size()), fn.data(),
                int(kw.size()), kw.data());
      return false;
    }
    if (!out[j].is_undef()) {
      vm.raisef(vm.t.TypeError, "argument for %.*s() given by name ('%.*s') and position (%zu)", int(fn.size()),
                fn.data(), int(kw.size()), kw.data(), j + 1);
      return false;
    }
    out[j] = a.kwvalue(k);
  }
  for (size_t j = 0; j < count; j++) {
    if (out[j].is_undef() && !ps[j].optional) {
      if (ps[j].positional)
        vm.raisef(vm.t.TypeError, "%.*s() missing required argument '%.*s' (pos %zu)", int(fn.size()), fn.data(),
                  int(ps[j].name.size()), ps[j].name.data(), j + 1);
      else
        vm.raisef(vm.t.TypeError, "%.*s() missing required keyword-only argument '%.*s'", int(fn.size()), fn.data(),
                  int(ps[j].name.size()), ps[j].name.data());
      return false;
    }
  }
  return true;
}

}  // namespace looplab
