// Helpers for the str / format / bytes / json unit tests: call natives on a fresh VM and render
// the outcome the way Python would print it (repr of the result, or "ExcType: message"), so
// assertions can be copied from python3 sessions. The rendering does not depend on other types'
// repr slots, so these tests run even while those types are being written.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "lang/compiler.h"
#include "lang/vm.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace strtest {

using looplab::Value;

struct Py {
  looplab::VM vm;

  Value s(std::string_view text) { return vm.str(text); }
  Value i(int64_t v) { return Value::integer(v); }
  Value big(const char* digits) { return looplab::int_from_text(vm, digits, 10); }
  Value f(double v) { return Value::real(v); }
  Value b(std::string_view data) { return Value::object(vm.new_bytes(data)); }
  Value none() { return Value::none(); }
  Value list(std::initializer_list<Value> items) {
    looplab::ListObj* l = vm.new_list();
    l->items.assign(items.begin(), items.end());
    return Value::object(l);
  }
  Value tuple(std::initializer_list<Value> items) { return Value::object(vm.tuple_of(items)); }
  Value dict(std::initializer_list<std::pair<Value, Value>> items) {
    looplab::DictObj* d = vm.new_dict();
    for (auto& [k, v] : items) d->set(vm, k, v);
    return Value::object(d);
  }
  Value builtin(const char* name) { return vm.builtins->get_str(vm.intern(name)); }

  // self.name(*args, **kw)
  Value call_method(Value self, const char* name, std::initializer_list<Value> args,
                    std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    bool is_method;
    Value m = looplab::op_getmethod(vm, self, vm.intern(name), &is_method);
    if (m.is_error()) return m;
    std::vector<Value> argv;
    if (is_method) argv.push_back(self);
    argv.insert(argv.end(), args.begin(), args.end());
    return call_with(m, argv, kw);
  }
  Value call_with(Value fn, std::vector<Value> argv, std::initializer_list<std::pair<const char*, Value>> kw) {
    looplab::TupleObj* names = nullptr;
    size_t npos = argv.size();
    if (kw.size()) {
      names = vm.new_tuple(kw.size());
      size_t k = 0;
      for (auto& [n, v] : kw) {
        (*names)[k++] = Value::object(vm.intern(n));
        argv.push_back(v);
      }
    }
    return vm.call(fn, argv.data(), npos, names);
  }
  Value call(Value fn, std::initializer_list<Value> args, std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return call_with(fn, std::vector<Value>(args), kw);
  }

  // The outcome of a call as Python would show it.
  std::string show(Value v) {
    if (v.is_error()) {
      Value exc = vm.take_exception();
      std::string msg;
      auto* e = static_cast<looplab::ExceptionObj*>(exc.o);
      std::string name = e->cls->name->str();
      if (name != "KeyError") {
        Value text = looplab::op_str(vm, exc);
        if (text.is_error()) vm.clear_exception();
        else return name + ": " + looplab::as_str(text)->str();
      }
      if (e->args && e->args->size == 1) {
        Value a = (*e->args)[0];
        msg = looplab::is_str_obj(a) ? looplab::as_str(a)->str() : repr(a);
        if (name == "KeyError") msg = repr(a);
      } else if (e->args && e->args->size > 1) {
        msg = repr(Value::object(e->args));
      }
      return name + ": " + msg;
    }
    return repr(v);
  }

  std::string repr(Value v) {
    using looplab::Kind;
    switch (v.tag) {
      case looplab::Tag::None: return "None";
      case looplab::Tag::Bool: return v.b ? "True" : "False";
      case looplab::Tag::Int: return std::to_string(v.i);
      case looplab::Tag::Float: return looplab::float_repr(v.f);
      case looplab::Tag::Undef: return "<undef>";
      case looplab::Tag::Error: return "<error>";
      default: break;
    }
    switch (v.o->kind) {
      case Kind::Str: return looplab::strimpl::repr_text(looplab::as_str(v)->view());
      case Kind::List:
      case Kind::Tuple: {
        bool list = v.o->kind == Kind::List;
        std::vector<Value> items;
        if (list) items = static_cast<looplab::ListObj*>(v.o)->items;
        else {
          auto* t = static_cast<looplab::TupleObj*>(v.o);
          items.assign(t->items(), t->items() + t->size);
        }
        std::string out = list ? "[" : "(";
        for (size_t k = 0; k < items.size(); k++) out += (k ? ", " : "") + repr(items[k]);
        if (!list && items.size() == 1) out += ",";
        return out + (list ? "]" : ")");
      }
      case Kind::Dict: {
        std::string out = "{";
        bool first = true;
        static_cast<looplab::DictObj*>(v.o)->for_each([&](Value k, Value val) {
          out += (first ? "" : ", ") + repr(k) + ": " + repr(val);
          first = false;
        });
        return out + "}";
      }
      default: break;
    }
    Value r = looplab::op_repr(vm, v);
    if (r.is_error()) return "<repr failed: " + show(r) + ">";
    return looplab::as_str(r)->str();
  }

  // Runs Python source as a module; returns what it printed, plus "ExcType: message" if an
  // exception escaped.
  std::string run(std::string_view source) {
    std::string out;
    vm.write_output = [&](looplab::OutStream, std::string_view t) { out += t; };
    looplab::CodeObj* code = looplab::compile_module(vm, source, "<test>");
    if (!code) return out + show(Value::error());
    looplab::DictObj* g = vm.new_dict();
    g->set_str(vm.n.__builtins__, Value::object(vm.builtins));
    g->set_str(vm.n.__name__, vm.str("__main__"));
    looplab::ExecResult r = vm.run_module(code, g);
    if (r.status == looplab::ExecStatus::Raised) out += show(Value::error()) + "\n";
    vm.write_output = nullptr;
    return out;
  }

  // Shorthands: m(self, "method", {args}) -> shown outcome.
  std::string m(Value self, const char* name, std::initializer_list<Value> args = {},
                std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return show(call_method(self, name, args, kw));
  }
  std::string ms(std::string_view self, const char* name, std::initializer_list<Value> args = {},
                 std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return m(s(self), name, args, kw);
  }
  std::string fn(const char* builtin_name, std::initializer_list<Value> args,
                 std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return show(call(builtin(builtin_name), args, kw));
  }
  std::string op(Value a, looplab::BinOp o, Value b) { return show(looplab::op_binary(vm, a, b, o)); }
  std::string contains(Value container, Value x) {
    int r = looplab::op_contains(vm, container, x);
    return r < 0 ? show(Value::error()) : r ? "True" : "False";
  }
  std::string cmp(Value a, looplab::CompareOp o, Value b) { return show(looplab::op_compare(vm, a, b, o)); }
  std::string item(Value a, Value key) { return show(looplab::op_getitem(vm, a, key)); }
  Value slice(Value a, Value b, Value c) {
    return Value::object(vm.heap.make<looplab::SliceObj>(vm.t.slice, a, b, c));
  }
};

}  // namespace strtest
