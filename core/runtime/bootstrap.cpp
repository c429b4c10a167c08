// Builds the type objects. type, object, str and dict refer to each other, so they are made
// raw first and completed once strings and dicts can be made.
#include "runtime/builtin_types.h"

#include "lang/vm.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

struct TypeSpec {
  ClassObj* Types::*member;
  const char* name;
  ClassObj* Types::*base;
  Kind kind;
  uint32_t flags;
};

constexpr uint32_t kBuiltin = kClassBuiltin;
constexpr uint32_t kSub = kClassBuiltin | kClassBaseType;

}  // namespace

void bootstrap_types(VM& vm) {
  Types& t = vm.t;
  // Raw classes for the types every other object needs.
  for (ClassObj* Types::*m : {&Types::type, &Types::object, &Types::str, &Types::dict, &Types::tuple}) {
    t.*m = vm.heap.make<ClassObj>(nullptr);
  }
  for (ClassObj* Types::*m : {&Types::type, &Types::object, &Types::str, &Types::dict, &Types::tuple}) {
    (t.*m)->cls = t.type;
  }
  struct Raw {
    ClassObj* cls;
    const char* name;
    Kind kind;
    uint32_t flags;
  };
  Raw raws[] = {{t.type, "type", Kind::Class, kSub},
                {t.object, "object", Kind::Instance, kSub},
                {t.str, "str", Kind::Str, kSub},
                {t.dict, "dict", Kind::Dict, kSub},
                {t.tuple, "tuple", Kind::Tuple, kSub}};
  for (Raw& r : raws) {
    r.cls->name = vm.intern(r.name);
    r.cls->qualname = r.cls->name;
    r.cls->module = vm.intern("builtins");
    r.cls->dict = vm.new_dict();
    r.cls->dict->is_class_dict = true;
    r.cls->instance_kind = r.kind;
    r.cls->flags = r.flags;
  }
  t.object->bases = vm.new_tuple(0);
  t.object->mro = {t.object};
  for (ClassObj* c : {t.type, t.str, t.dict, t.tuple}) {
    c->bases = vm.tuple_of({Value::object(t.object)});
    c->mro = {c, t.object};
  }

#define LOOPLAB_INTERN_NAME(member, text) vm.n.member = vm.intern(text);
  LOOPLAB_NAMES(LOOPLAB_INTERN_NAME)
#undef LOOPLAB_INTERN_NAME

  const TypeSpec specs[] = {
      {&Types::none_type, "NoneType", &Types::object, Kind::Other, kBuiltin},
      {&Types::int_, "int", &Types::object, Kind::BigInt, kSub},
      {&Types::bool_, "bool", &Types::int_, Kind::Other, kBuiltin},
      {&Types::float_, "float", &Types::object, Kind::Other, kSub},
      {&Types::bytes, "bytes", &Types::object, Kind::Bytes, kSub},
      {&Types::list, "list", &Types::object, Kind::List, kSub},
      {&Types::set, "set", &Types::object, Kind::Set, kSub},
      {&Types::frozenset, "frozenset", &Types::object, Kind::Set, kSub},
      {&Types::range, "range", &Types::object, Kind::Range, kBuiltin},
      {&Types::slice, "slice", &Types::object, Kind::Slice, kBuiltin},
      {&Types::function, "function", &Types::object, Kind::Function, kBuiltin},
      {&Types::builtin_function, "builtin_function_or_method", &Types::object, Kind::Native, kBuiltin},
      {&Types::method, "method", &Types::object, Kind::BoundMethod, kBuiltin},
      {&Types::cell, "cell", &Types::object, Kind::Cell, kBuiltin},
      {&Types::code, "code", &Types::object, Kind::Code, kBuiltin},
      {&Types::module, "module", &Types::object, Kind::Module, kSub},
      {&Types::property, "property", &Types::object, Kind::Property, kSub},
      {&Types::staticmethod, "staticmethod", &Types::object, Kind::StaticMethod, kSub},
      {&Types::classmethod, "classmethod", &Types::object, Kind::ClassMethod, kSub},
      {&Types::super_, "super", &Types::object, Kind::Super, kSub},
      {&Types::generator, "generator", &Types::object, Kind::Generator, kBuiltin},
      {&Types::coroutine, "coroutine", &Types::object, Kind::Generator, kBuiltin},
      {&Types::async_generator, "async_generator", &Types::object, Kind::Generator, kBuiltin},
      {&Types::traceback, "traceback", &Types::object, Kind::Traceback, kBuiltin},
      {&Types::not_implemented_type, "NotImplementedType", &Types::object, Kind::Other, kBuiltin},
      {&Types::ellipsis_type, "ellipsis", &Types::object, Kind::Other, kBuiltin},
      {&Types::list_iterator, "list_iterator", &Types::object, Kind::ListIter, kBuiltin},
      {&Types::tuple_iterator, "tuple_iterator", &Types::object, Kind::TupleIter, kBuiltin},
      {&Types::range_iterator, "range_iterator", &Types::object, Kind::RangeIter, kBuiltin},
  };
  for (const TypeSpec& s : specs) t.*(s.member) = vm.new_class(s.name, {t.*(s.base)}, s.kind, s.flags);

#define LOOPLAB_MAKE_EXC(name, base) \
  t.name = vm.new_class(#name, {t.base}, Kind::Exception, kSub | kClassException | kClassHasDict);
  LOOPLAB_EXCEPTIONS(LOOPLAB_MAKE_EXC)
#undef LOOPLAB_MAKE_EXC

  vm.builtins = vm.new_dict();
  vm.modules = vm.new_dict();
  vm.not_implemented = Value::object(vm.heap.make<InstanceObj>(t.not_implemented_type, vm.new_dict()));
  vm.ellipsis = Value::object(vm.heap.make<InstanceObj>(t.ellipsis_type, vm.new_dict()));

  // Every builtin class, bases before subclasses, for slot inheritance.
  std::vector<ClassObj*> order{t.object, t.type, t.str, t.dict, t.tuple};
  for (const TypeSpec& s : specs) order.push_back(t.*(s.member));
#define LOOPLAB_ORDER_EXC(name, base) order.push_back(t.name);
  LOOPLAB_EXCEPTIONS(LOOPLAB_ORDER_EXC)
#undef LOOPLAB_ORDER_EXC

  init_object_and_type(vm);
  init_number_types(vm);
  init_str_type(vm);
  init_bytes_type(vm);
  init_container_types(vm);
  init_function_types(vm);
  init_exception_types(vm);
  init_generator_types(vm);
  for (ClassObj* c : order) inherit_builtin_slots(vm, c);
  for (ClassObj* c : order) add_slot_wrappers(vm, c);
  init_builtins_module(vm);
}

}  // namespace looplab
