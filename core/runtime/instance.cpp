#include "runtime/instance.h"

#include "runtime/dict.h"
#include "runtime/str.h"

namespace looplab {

void InstanceObj::trace(Tracer& t) { t.mark(dict); }

void ModuleObj::trace(Tracer& t) {
  t.mark(name);
  t.mark(dict);
}

}  // namespace looplab
