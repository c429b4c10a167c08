// Library modules written in Python, embedded at build time by embed_py.cmake.
#pragma once

namespace looplab {

struct EmbeddedModule {
  const char* name;    // module name, e.g. "_asyncio_tasks"
  const char* source;  // its Python source
};

// Terminated by an entry whose name is nullptr.
extern const EmbeddedModule kEmbeddedModules[];

}  // namespace looplab
