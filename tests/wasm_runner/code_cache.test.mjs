// The node runner's code cache (cmake/wasm_node_code_cache.js): the build fills it, runs use it
// and print what they print without it, and a cache that does not fit this build or this V8 is
// not used. Run: node --test tests/wasm_runner/ (after scripts/build.sh wasm).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD = process.env.LOOPLAB_WASM_DIR || join(ROOT, 'build/wasm');
const RUNNER = 'looplab-node.js';
const PROGRAMS = [
  join(ROOT, 'cmake/wasm_node_warmup.py'),
  join(ROOT, 'tests/bench/lock_contention.py'),
  join(ROOT, 'tests/programs/asyncio/gather_errors_and_cancel.py'),
  join(ROOT, 'tests/programs/asyncio/exception_handler.py'),
];

// Runs the runner in DIR on FILE; returns { status, stdout, stderr }.
function run(dir, file, cache, nodeFlags = []) {
  const r = spawnSync('node', ['--no-experimental-fetch', ...nodeFlags, join(dir, RUNNER), 'run', file], {
    env: { ...process.env, LOOPLAB_V8_CACHE: cache },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A copy of the runner, its module and its cache (modification times kept: the cache is keyed
// by the module's size and time), to spoil without touching the build.
function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-cache-'));
  const names = [RUNNER, 'looplab-node.wasm', 'looplab-node.wasm.v8cache'];
  const cp = spawnSync('cp', ['-p', ...names.map((n) => join(BUILD, n)), dir]);
  assert.equal(cp.status, 0);
  return dir;
}

describe('the node runner code cache', () => {
  it('is used by a run of the build, which prints exactly what a run without it prints', () => {
    for (const file of PROGRAMS) {
      const cached = run(BUILD, file, 'report');
      const compiled = run(BUILD, file, 'off');
      assert.equal(cached.stderr.split('\n')[0], 'v8 code cache: used', file);
      assert.equal(cached.status, compiled.status, file);
      assert.equal(cached.stdout, compiled.stdout, file);
      assert.ok(compiled.stdout.length > 0, file);
    }
  });

  it('is not used for another build of the module (other modification time)', () => {
    const dir = copyOfBuild();
    try {
      utimesSync(join(dir, 'looplab-node.wasm'), new Date(), new Date('2000-01-01T00:00:00Z'));
      const r = run(dir, PROGRAMS[1], 'report');
      assert.match(r.stderr, /^v8 code cache: not used: made for another build of /);
      assert.equal(r.stdout, '30000\n');
      assert.equal(r.status, 0);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('is refused when the flags differ, V8 hooks are not allowed or the data is not V8 code; the run goes on', () => {
    const dir = copyOfBuild();
    try {
      assert.equal(run(dir, PROGRAMS[1], 'report').stderr.split('\n')[0], 'v8 code cache: used');
      const otherFlags = run(dir, PROGRAMS[1], 'report', ['--max-lazy']);
      assert.equal(otherFlags.stderr.split('\n')[0],
        'v8 code cache: not used: refused by this V8 (another version, CPU or flags)');
      assert.equal(otherFlags.stdout, '30000\n');
      const noEval = run(dir, PROGRAMS[1], 'report', ['--disallow-code-generation-from-strings']);
      assert.equal(noEval.stderr.split('\n')[0],
        'v8 code cache: not used: Code generation from strings disallowed for this context');
      assert.equal(noEval.stdout, '30000\n');
      assert.equal(noEval.status, 0);

      const cache = join(dir, 'looplab-node.wasm.v8cache');
      const bytes = readFileSync(cache);
      const header = 128;  // the build's key, then V8's bytes
      writeFileSync(cache, Buffer.concat([bytes.subarray(0, header), Buffer.alloc(64, 7)]));
      const garbage = run(dir, PROGRAMS[1], 'report');
      assert.equal(garbage.stderr.split('\n')[0],
        'v8 code cache: not used: refused by this V8 (another version, CPU or flags)');
      assert.equal(garbage.stdout, '30000\n');

      rmSync(cache);
      const missing = run(dir, PROGRAMS[1], 'report');
      assert.match(missing.stderr, /^v8 code cache: not used: no .*looplab-node\.wasm\.v8cache\n/);
      assert.equal(missing.stdout, '30000\n');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('is not read with LOOPLAB_V8_CACHE=off', () => {
    const r = run(BUILD, PROGRAMS[1], 'off');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '30000\n');
  });
});
