#!/usr/bin/env bash
# Installs what Looplab's builds and tests need, skipping whatever is already there, so a second
# run takes a second or two. Safe to run as root on a fresh Debian 12; uses only Debian's archive
# and the npm registry. Third-party sources go to .cache/ (ignored by git, never committed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
export DEBIAN_FRONTEND=noninteractive
log() { echo "setup: $*"; }

# --- Debian packages -------------------------------------------------------------------------
# dpkg-dev unpacks `apt-get source`; python3 runs the conformance harness; fonts-nanum gives the
# page's visualizer its Korean glyphs (site/build.mjs copies one, loaded lazily) and fonts-liberation
# its Latin UI font (embedded by visualizer/CMakeLists.txt); nodejs/npm only when
# the machine has no node of its own (the project's machines come with node 20).
PKGS=(g++ cmake ninja-build python3 dpkg-dev ca-certificates xz-utils
      emscripten libsdl2-dev doctest-dev chromium chromium-driver fonts-nanum fonts-liberation)
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
apt_updated=0
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq
  apt_updated=1
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Third-party sources: Dear ImGui 1.86 and SDL2 2.26.5 from Debian source packages ---------
# `apt-get source` needs deb-src entries; derive them from the machine's own deb entries.
src_list=/etc/apt/sources.list.d/looplab-src.sources
fetch_sources() {
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding deb-src entries ($src_list)"
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$src_list"
    else
      sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/looplab-src.list
    fi
    apt_updated=0
  fi
  ((apt_updated)) || apt-get update -qq
  apt_updated=1
}
mkdir -p "$CACHE/src"
for pkg in imgui:imgui-1.86+ds libsdl2:libsdl2-2.26.5+dfsg; do
  name=${pkg%%:*} dir=${pkg#*:}
  if [[ ! -f "$CACHE/src/$dir/.complete" ]]; then
    fetch_sources
    log "fetching $name sources"
    rm -rf "${CACHE:?}/src/$dir"
    (cd "$CACHE/src" && apt-get source -qq "$name" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
    [[ -d "$CACHE/src/$dir" ]] || { echo "setup: apt-get source $name did not give $dir" >&2; exit 1; }
    touch "$CACHE/src/$dir/.complete"
  fi
done

# --- SDL2 for wasm, built once with SDL's own CMake (emscripten ports cannot download) ---------
SDL_WASM="$CACHE/sdl2-wasm"
if [[ ! -f "$SDL_WASM/lib/libSDL2.a" ]]; then
  log "building SDL2 for wasm (once; a few minutes)"
  rm -rf "$CACHE/sdl2-wasm-build"
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S "$CACHE/src/libsdl2-2.26.5+dfsg" -B "$CACHE/sdl2-wasm-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DCMAKE_INSTALL_PREFIX="$SDL_WASM" >"$CACHE/sdl2-wasm-build.log" 2>&1
  ninja -C "$CACHE/sdl2-wasm-build" -j2 install >>"$CACHE/sdl2-wasm-build.log" 2>&1 \
    || { tail -30 "$CACHE/sdl2-wasm-build.log"; exit 1; }
  rm -rf "$CACHE/sdl2-wasm-build"
fi

# --- npm projects: reinstall only when the lock file changed ----------------------------------
for dir in site tests/browser; do
  lock="$ROOT/$dir/package-lock.json"
  stamp="$ROOT/$dir/node_modules/.looplab-lock"
  [[ -f "$lock" ]] || continue
  if [[ ! -f "$stamp" ]] || ! cmp -s "$lock" "$stamp"; then
    log "npm ci in $dir"
    (cd "$ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$lock" "$stamp"
  fi
done
log "ready"
