// Share links: the program and the view state in the URL fragment, so a link works with no
// server. The fragment is "#v1." + base64url(deflate-raw(JSON)) with the JSON
//   { c: source } or { e: "example.py" },  s: speed (events/s, 0 = instant),
//   k: step kind, p: playhead (event index, absent = the end), t: selected task (optional).
// Decoding never throws: it returns {ok: false, why} for anything it cannot read, so the page
// can say what went wrong and keep the saved program.
const PREFIX = 'v1.';
const MAX_FRAGMENT = 200_000;  // characters; a longer fragment is not from us
const MAX_SOURCE = 1_000_000;  // bytes of JSON after inflating (a zip bomb stops here)

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('characters outside base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new Error('too large once inflated');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// The view state -> "v1.xxxx" (no '#').
export async function encodeState(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

const STEP_KINDS = ['event', 'task', 'iteration', 'line'];

// "v1.xxxx" (with or without '#') -> {ok: true, state} or {ok: false, why}.
export async function decodeState(fragment) {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(PREFIX)) return { ok: false, why: 'unknown format' };
  if (text.length > MAX_FRAGMENT) return { ok: false, why: 'too long' };
  let state;
  try {
    const bytes = fromBase64Url(text.slice(PREFIX.length));
    const json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SOURCE);
    state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (e) {
    // A cut-off link fails here: deflate's end marker is missing ("truncated").
    return { ok: false, why: /trunc|end of|unexpected end/i.test(String(e?.message)) ? 'truncated' : 'cannot decode' };
  }
  return validate(state);
}

function validate(s) {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return { ok: false, why: 'not a program link' };
  const hasCode = typeof s.c === 'string';
  const hasExample = typeof s.e === 'string' && /^[\w.-]+\.py$/.test(s.e);
  if (hasCode === hasExample) return { ok: false, why: 'no program in it' };
  const out = hasCode ? { c: s.c } : { e: s.e };
  if (Number.isFinite(s.s) && s.s >= 0) out.s = s.s;
  if (STEP_KINDS.includes(s.k)) out.k = s.k;
  if (Number.isInteger(s.p) && s.p >= 0) out.p = s.p;
  if (Number.isInteger(s.t) && s.t >= 0) out.t = s.t;
  return { ok: true, state: out };
}

// The page's own link with `fragment` ("v1.xxx"); `page` is "index.html" or "embed.html".
export function linkFor(fragment, page = '') {
  const base = new URL(page || '.', location.href);
  base.hash = fragment;
  return base.href;
}
