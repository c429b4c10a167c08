// Builds the page into dist/: bundles src/ with esbuild (JS + CSS, minified) and copies the
// wasm module (looplab.js/.wasm) from the emscripten build (LOOPLAB_WASM_DIR, default
// ../build/wasm). Prints the size of each file and the first load, raw and gzipped.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const wasmDir = resolve(here, process.env.LOOPLAB_WASM_DIR ?? '../build/wasm');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await esbuild.build({
  entryPoints: { app: join(here, 'src/main.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outdir: dist,
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));
for (const file of ['looplab.js', 'looplab.wasm']) {
  try {
    copyFileSync(join(wasmDir, file), join(dist, file));
  } catch {
    console.error(`site: ${join(wasmDir, file)} is missing: build the wasm target first (scripts/build.sh wasm)`);
    process.exit(1);
  }
}

// Everything the page fetches on first load.
const files = ['index.html', 'app.css', 'app.js', 'looplab.js', 'looplab.wasm'];
let raw = 0, gz = 0;
for (const f of files) {
  const bytes = readFileSync(join(dist, f));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`  ${f.padEnd(14)} ${String(bytes.length).padStart(8)} B  ${String(z).padStart(8)} B gzip`);
}
console.log(`site: first load ${raw} B, ${gz} B gzipped -> ${dist}`);
