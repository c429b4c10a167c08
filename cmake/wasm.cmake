# Settings shared by every emscripten target. Emscripten 3.1.6 from Debian (see
# ../shared/TOOLCHAIN.md): no C++ exceptions, no ports, and its JS optimizer needs acorn from
# /usr/share/nodejs at link time.
add_compile_options(-fno-exceptions)
# Post-MVP features every browser of the last years and node 16+ run: float->int conversions
# without a trap-avoiding check sequence each, sign extension in one instruction, and
# memory.copy/fill for large copies (otherwise a call out to JS).
set(LOOPLAB_WASM_FEATURES -mnontrapping-fptoint -msign-ext -mbulk-memory)
add_compile_options(${LOOPLAB_WASM_FEATURES})
add_link_options(${LOOPLAB_WASM_FEATURES})
# Link-time optimization: the interpreter, the loop and the object model live in many files,
# and without it every call between them stays a call (natively g++ inlines less across files
# too, but a wasm call costs more: arguments go through the shadow stack in linear memory).
# Measured under node on the scheduling benchmarks: 5-14% fewer instructions.
add_compile_options(-flto)
add_link_options(-flto)
set(CMAKE_C_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
# Memory grows on demand; the interpreter recurses on nested native->Python calls, so the
# stack is generous (TOTAL_STACK is this emscripten's name for STACK_SIZE). It starts at 24 MB,
# two thirds of it the stack: under node instantiation takes longer the larger the start (64 MB:
# 4-5 ms more than 32 MB; 32 MB: ~1 ms more than 24 MB), and growing later costs the long runs
# nothing measurable.
add_link_options(-sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=16MB -sINITIAL_MEMORY=24MB)

# A program run under node with direct access to the host's files:
#   node --no-experimental-fetch TARGET.js ARGS...
# EXIT_RUNTIME makes main's return value the process exit status and flushes stdio.
# wasm_node_pre.js tunes V8's tier-up for short runs (see there).
function(looplab_wasm_node_program target)
  set(pre ${PROJECT_SOURCE_DIR}/cmake/wasm_node_pre.js)
  target_link_options(${target} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 "SHELL:--pre-js ${pre}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${pre})
endfunction()

# The runner's code cache (see wasm_node_code_cache.js): TARGET loads V8's optimized code from
# TARGET.wasm.v8cache, which the build writes by running WARMUP with it after every link.
function(looplab_wasm_node_code_cache target warmup)
  set(cache_js ${PROJECT_SOURCE_DIR}/cmake/wasm_node_code_cache.js)
  target_link_options(${target} PRIVATE "SHELL:--pre-js ${cache_js}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${cache_js})
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/${target}.v8cache.stamp
    COMMAND ${CMAKE_COMMAND} -E env LOOPLAB_V8_CACHE=write
            node --no-experimental-fetch $<TARGET_FILE:${target}> run ${warmup} > /dev/null
    COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_BINARY_DIR}/${target}.v8cache.stamp
    DEPENDS ${target} ${warmup}
    COMMENT "Filling the code cache of ${target}")
  add_custom_target(${target}_code_cache ALL DEPENDS ${CMAKE_BINARY_DIR}/${target}.v8cache.stamp)
endfunction()
