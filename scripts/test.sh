#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test suite:
#   unit tests natively (CTest), under ASan+UBSan+LSan (CTest) and as wasm under node; the
#   conformance ratchet through the native, ASan and wasm runners; the wasm runner's code cache;
#   the browser tests in Chromium.
# Prints one line per suite and ends with exactly one summary line `N passed, M failed`; exits
# non-zero on any failure. Suite logs: build/test-logs/.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/build/test-logs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

total_passed=0
total_failed=0
report=()

# record LABEL PASSED FAILED SECONDS
record() {
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  local mark="ok  "
  (($3 == 0)) || mark="FAIL"
  report+=("$(printf '%s %-26s %4d passed, %3d failed  (%ds)' "$mark" "$1" "$2" "$3" "$4")")
  echo "${report[-1]}"
}

finish() {
  echo
  echo "Suites:"
  printf '  %s\n' "${report[@]}"
  echo "$total_passed passed, $total_failed failed"
  ((total_failed == 0))
  exit $?
}

# run_suite LABEL PARSER COMMAND...: runs COMMAND (log in build/test-logs/), then PARSER on the
# log prints "PASSED FAILED". A suite whose output cannot be parsed counts as one failure.
run_suite() {
  local label=$1 parser=$2
  shift 2
  local log="$LOGS/${label// /_}.log" start=$SECONDS
  "$@" >"$log" 2>&1
  local status=$? counts
  counts=$("$parser" "$log")
  local passed=${counts% *} failed=${counts#* }
  [[ "$counts" =~ ^[0-9]+\ [0-9]+$ ]] || { passed=0 failed=1; }
  # A command that failed while its output claims no failure still counts as one.
  ((status == 0 || failed > 0)) || failed=1
  # A suite that ran nothing is a failure, except the ratchet: 0 passing programs is a fact
  # about the engine, not about the harness.
  [[ $parser == parse_ratchet ]] || ((passed + failed > 0)) || failed=1
  if ((failed > 0)); then
    echo "---- $label: last lines of $log"
    tail -n 60 "$log"
    echo "----"
  fi
  record "$label" "$passed" "$failed" $((SECONDS - start))
}

parse_ctest() {  # "100% tests passed, 0 tests failed out of 4"
  sed -nE 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2 \1/p' "$1" |
    awk '{print $1 - $2, $2}' | tail -n 1
}
parse_doctest() {  # "[doctest] test cases: 4 | 4 passed | 0 failed | 0 skipped"
  sed -nE 's/.*test cases: *[0-9]+ *\| *([0-9]+) passed *\| *([0-9]+) failed.*/\1 \2/p' "$1" | tail -n 1
}
parse_ratchet() {  # "native: 12 passed, 0 failed"
  sed -nE 's/^[a-z ]+: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -n 1
}
parse_programs() {  # "12 passed, 0 failed" (tests/programs/run.py, site/examples/check.py)
  sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$1" | tail -n 1
}
parse_node_test() {  # TAP summary: "# pass 7" / "# fail 0"
  local p f
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$1" | tail -n 1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$1" | tail -n 1)
  [[ -n "$p" && -n "$f" ]] && echo "$p $f"
}

mkdir -p "$LOGS"
start=$SECONDS
if ! "$ROOT/scripts/setup.sh"; then
  record "setup" 0 1 $((SECONDS - start))
  finish
fi

start=$SECONDS
if ! "$ROOT/scripts/build.sh" >"$LOGS/build.log" 2>&1; then
  echo "---- build failed: last lines of $LOGS/build.log"
  tail -n 60 "$LOGS/build.log"
  record "build" 0 1 $((SECONDS - start))
  finish
fi
echo "built everything in $((SECONDS - start))s"

cd "$ROOT"
B=build
run_suite "unit native" parse_ctest ctest --test-dir $B/native --output-on-failure -j 2
run_suite "unit asan" parse_ctest ctest --test-dir $B/asan --output-on-failure -j 2
run_suite "unit wasm" parse_doctest node --no-experimental-fetch $B/wasm/looplab_unit_tests.js --no-colors
run_suite "conformance native" parse_ratchet python3 tests/conformance/ratchet.py \
  --label "conformance native" --runner "$B/native/looplab run {file}"
run_suite "conformance asan" parse_ratchet python3 tests/conformance/ratchet.py \
  --label "conformance asan" --runner "$B/asan/looplab run {file}" --timeout 30
run_suite "conformance wasm" parse_ratchet python3 tests/conformance/ratchet.py \
  --label "conformance wasm" --runner "node --no-experimental-fetch $B/wasm/looplab-node.js run {file}" --timeout 30
# The wasm runner's V8 code cache: used, same output, refused when it does not fit.
run_suite "wasm runner" parse_node_test node --test --test-reporter=tap tests/wasm_runner/
# Golden programs (language, loop, stdlib, sim:// network; exact outputs recorded from CPython
# where CPython can run them) and the gallery's examples.
run_suite "golden programs" parse_programs python3 tests/programs/run.py \
  --cmd "$B/native/looplab run {file}"
run_suite "gallery examples" parse_programs python3 site/examples/check.py --cmd "$B/native/looplab run {file}"
run_suite "browser" parse_node_test bash -c \
  "cd tests/browser && node --test --test-reporter=tap --test-concurrency=1"
finish
