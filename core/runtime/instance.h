// Instances of user classes, and modules.
#pragma once

#include "runtime/object.h"

namespace looplab {

struct DictObj;
struct StrObj;

struct InstanceObj final : Obj {
  DictObj* dict;  // attributes; never null
  InstanceObj(ClassObj* cls, DictObj* d) : Obj(cls, Kind::Instance), dict(d) {}
  void trace(Tracer& t) override;
};

struct ModuleObj final : Obj {
  StrObj* name;
  DictObj* dict;  // the module's globals
  ModuleObj(ClassObj* cls, StrObj* n, DictObj* d) : Obj(cls, Kind::Module), name(n), dict(d) {}
  void trace(Tracer& t) override;
};

}  // namespace looplab
