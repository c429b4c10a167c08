#!/usr/bin/env bash
# Builds Looplab. Usage: scripts/build.sh [native] [asan] [wasm] [site]   (no argument: all four)
#   native  build/native: g++ Release; runner build/native/looplab, unit tests, looplab-viz
#   asan    build/asan:   g++ with AddressSanitizer + UBSan + LeakSanitizer; runner, unit tests
#   wasm    build/wasm:   emscripten; page module looplab.js/.wasm, runner looplab-node.js, tests
#   site    site/dist:    the page bundled with esbuild around the wasm module
# Expects scripts/setup.sh to have run. Builds are incremental; LOOPLAB_JOBS sets parallelism.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"
JOBS="${LOOPLAB_JOBS:-2}"

# Configures once; afterwards ninja re-runs CMake itself whenever a CMakeLists.txt changes.
configure() {
  local dir=$1
  shift
  [[ -f "$dir/build.ninja" ]] || "$@" -S "$ROOT" -B "$dir" -G Ninja >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log"; return 1; }
}

build_native() {
  configure "$BUILD/native" cmake -DCMAKE_BUILD_TYPE=Release
  cmake --build "$BUILD/native" -j "$JOBS"
}

build_asan() {
  # -O1: sanitized code at -O0 makes the conformance corpus slow; asserts stay on.
  configure "$BUILD/asan" cmake -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-O1 -g" \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DLOOPLAB_SANITIZE=ON -DLOOPLAB_VISUALIZER=OFF
  cmake --build "$BUILD/asan" -j "$JOBS"
}

build_wasm() {
  configure "$BUILD/wasm" emcmake cmake -DCMAKE_BUILD_TYPE=Release
  cmake --build "$BUILD/wasm" -j "$JOBS"
}

build_site() {
  LOOPLAB_WASM_DIR="$BUILD/wasm" node "$ROOT/site/build.mjs"
}

mkdir -p "$BUILD"
targets=("$@")
((${#targets[@]})) || targets=(native asan wasm site)
for t in "${targets[@]}"; do
  case "$t" in
    native | asan | wasm | site)
      echo "build: $t"
      "build_$t"
      ;;
    *)
      echo "usage: scripts/build.sh [native] [asan] [wasm] [site]" >&2
      exit 2
      ;;
  esac
done
