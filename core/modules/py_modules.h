// Library modules written in Python: their sources, embedded at build time by embed_py.cmake,
// and the ones frozen as compiled code by looplab_freeze (core/freeze/).
#pragma once

#include <cstddef>

namespace looplab {

struct EmbeddedModule {
  const char* name;    // module name, e.g. "asyncio.tasks"
  const char* source;  // its Python source
};

// Terminated by an entry whose name is nullptr.
extern const EmbeddedModule kEmbeddedModules[];

// A module's code object as marshal_code wrote it (lang/code_marshal.h), compiled from the
// embedded source of the same name by the build. Terminated by an entry whose name is nullptr.
struct FrozenModule {
  const char* name;
  const char* code;
  size_t size;
};

extern const FrozenModule kFrozenModules[];

}  // namespace looplab
