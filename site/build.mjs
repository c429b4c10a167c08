// Builds the page into dist/ (LOOPLAB_SITE_DIST overrides): bundles src/ with esbuild (the
// page app.js + app.css, the embeddable view embed.js + embed.css; minified), copies the wasm
// module (looplab.js/.wasm) from the emscripten build (LOOPLAB_WASM_DIR, default ../build/wasm)
// and the gallery examples and lessons into dist/content/ (content.mjs reads them). Prints the
// size of each file and of the first load, raw and gzipped. The Korean font for the visualizer
// goes to dist/fonts/ (loaded lazily).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from './content.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, process.env.LOOPLAB_SITE_DIST ?? 'dist');
const wasmDir = resolve(here, process.env.LOOPLAB_WASM_DIR ?? '../build/wasm');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await esbuild.build({
  entryPoints: { app: join(here, 'src/main.js'), embed: join(here, 'src/embed.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,  // the two pages share the editor and engine code in one chunk
  chunkNames: 'shared-[hash]',
  target: 'es2020',
  outdir: dist,
  metafile: true,
  logLevel: 'warning',
}).then(({ metafile }) => writeFileSync(join(dist, '.meta.json'), JSON.stringify(metafile)));
for (const page of ['index.html', 'embed.html']) copyFileSync(join(here, 'src', page), join(dist, page));
for (const file of ['looplab.js', 'looplab.wasm']) {
  try {
    copyFileSync(join(wasmDir, file), join(dist, file));
  } catch {
    console.error(`site: ${join(wasmDir, file)} is missing: build the wasm target first (scripts/build.sh wasm)`);
    process.exit(1);
  }
}

// The visualizer's Korean glyphs: fonts/korean.ttf, which the wasm module fetches only once a
// Hangul character is on screen (visualizer/app.cpp), so it is no part of the first load.
// LOOPLAB_KOREAN_FONT names a TTF; else Debian's fonts-nanum. Without one, Hangul shows as '?'.
const koreanFont = [process.env.LOOPLAB_KOREAN_FONT, '/usr/share/fonts/truetype/nanum/NanumGothic.ttf',
  '/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf'].find((f) => f && existsSync(f));
if (koreanFont) {
  mkdirSync(join(dist, 'fonts'), { recursive: true });
  copyFileSync(koreanFont, join(dist, 'fonts/korean.ttf'));
} else {
  console.warn('site: no Korean TTF (apt-get install fonts-nanum, or set LOOPLAB_KOREAN_FONT): the visualizer shows Hangul as ?');
}

// Content: dist/content/index.json, examples/NAME.py, lessons/NAME.json.
const content = readContent(here);
for (const w of content.warnings) console.warn(`site: content: ${w}`);
mkdirSync(join(dist, 'content/examples'), { recursive: true });
mkdirSync(join(dist, 'content/lessons'), { recursive: true });
writeFileSync(join(dist, 'content/index.json'), JSON.stringify(content.index));
for (const e of content.examples) writeFileSync(join(dist, 'content/examples', e.file), e.source);
for (const l of content.lessons) writeFileSync(join(dist, 'content/lessons', `${l.id}.json`), JSON.stringify(l));
console.log(`site: content: ${content.examples.length} examples, ${content.lessons.length} lessons`);

// Everything the main page fetches on first load: the HTML, what its entry imports (esbuild's
// metafile knows the chunks), the wasm module and the content index.
const meta = JSON.parse(readFileSync(join(dist, '.meta.json'), 'utf8'));
const entryFiles = (entry) => {
  const out = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === `src/${entry}`);
  if (!out) return [];
  const [path, info] = out;
  const rel = (p) => relative(dist, resolve(p));  // metafile paths are relative to the cwd
  return [rel(path), ...(info.cssBundle ? [rel(info.cssBundle)] : []), ...info.imports.filter((i) => i.kind === 'import-statement').map((i) => rel(i.path))];
};
const files = ['index.html', ...entryFiles('main.js'), 'looplab.js', 'looplab.wasm', 'content/index.json'];
let raw = 0, gz = 0;
for (const f of files) {
  const bytes = readFileSync(join(dist, f));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`  ${f.padEnd(22)} ${String(bytes.length).padStart(8)} B  ${String(z).padStart(8)} B gzip`);
}
console.log(`site: first load ${raw} B, ${gz} B gzipped -> ${dist}`);
