// The embeddable view (embed.html#v1.…, for iframes in blog posts and lessons): the editor and
// the visualizer with slim controls, no console, sidebar or settings. It reads the same links as
// the main page, keeps nothing in localStorage (an embed must not touch the reader's own
// program) and links to the full page at the current moment.
import './embed.css';
import { DEFAULT_PROGRAM, createEditor } from './editor.js';
import { createLooplabApi } from './engine.js';
import { createTransport } from './transport.js';
import { createPlayheadView } from './marks.js';
import { createTracebackReader } from './traceback.js';
import { createRunner } from './runner.js';
import { loadExample } from './gallery.js';
import { decodeState, encodeState, linkFor } from './share.js';
import { applyTranslations, language, t } from './i18n.js';
import { createBanner, readFragment } from './page-util.js';

const $ = (id) => document.getElementById(id);
const AUTO_RUN_DELAY_MS = 800;
applyTranslations(document);
const banner = createBanner($('banner'));

let readTraceback = () => {};
let stderrTail = '';  // stderr after its last newline
let autoRunTimer = 0;
let example = null;  // {file, text} while an example is shown unedited

const api = createLooplabApi($('canvas'), {
  // No console here; output still feeds the error marks.
  // Whole lines only: a chunk may end mid-line.
  onOutput: (stream, text, event) => {
    if (stream !== 'stderr') return;
    const lines = (stderrTail + text).split('\n');
    stderrTail = lines.pop();
    for (const line of lines) readTraceback(line, event);
  },
  onRunStarting: () => {
    stderrTail = '';
    view.reset();
    readTraceback = createTracebackReader((report) => view.reportError(report));
  },
  onCrash: (error) => banner.show(t('crashed', { what: error.what ?? error.message }), { kind: 'error' }),
});
api.ready.then(() => api.setLanguage(language()), () => {});

const editor = createEditor($('editor'), {
  persist: false,
  initialText: '',
  onRun: () => runner.runEditor(),
  onTaskClick: (id) => {
    transport.setKind('line');
    transport.selectTask(id);
  },
  onEdit: (text) => {
    if (example && text !== example.text) example = null;
    clearTimeout(autoRunTimer);
    autoRunTimer = setTimeout(() => runner.runEditor(), AUTO_RUN_DELAY_MS);
  },
});
const view = createPlayheadView(api, editor, { onState: (s) => transport.setTasks(s.tasks ?? [], s.selectedTask) });
const transport = createTransport($('transport'), api, {
  onRun: () => runner.runEditor(),
  onStop: () => api.stop(),
});
const runner = createRunner({ api, editor, transport, view });

async function link(page) {
  const text = editor.text();
  const state = example && example.text === text ? { e: example.file } : { c: text };
  Object.assign(state, { s: transport.speed(), k: transport.kind(), p: api.status().playhead });
  if (transport.selectedTask()) state.t = transport.selectedTask();
  return linkFor(await encodeState(state), page);
}
// The full page at this moment, computed when followed.
$('open-full').addEventListener('click', async (e) => {
  e.preventDefault();
  window.open(await link(''), '_blank', 'noopener');
});
$('open-full').href = linkFor('', '');

// The fragment says what to show; anything unreadable shows the default program and says why.
async function open() {
  const hash = readFragment();
  if (hash) {
    const m = /^example=([\w.-]+\.py)$/.exec(hash);
    const r = m ? { ok: true, state: { e: m[1] } } : await decodeState(hash);
    if (r.ok) {
      try {
        const text = r.state.e ? await loadExample(r.state.e) : r.state.c;
        editor.setText(text);
        if (r.state.e) {
          example = { file: r.state.e, text };
          // An embed is small: start at the code, below the example's header comments.
          const first = text.split('\n').findIndex((l) => !l.startsWith('#'));
          if (first > 0) requestAnimationFrame(() => editor.reveal(first + 1, 'start'));
        }
        if (r.state.s !== undefined) transport.setSpeed(r.state.s, { apply: false });
        if (r.state.k) transport.setKind(r.state.k);
        if (r.state.t) transport.selectTask(r.state.t);
        return { seek: r.state.p };
      } catch {
        banner.show(t('linkExampleMissing', { name: r.state.e }), { kind: 'error' });
      }
    } else {
      banner.show(t('linkBroken', { why: r.why }), { kind: 'error' });
    }
  }
  editor.setText(DEFAULT_PROGRAM);
  return {};
}

let startupDone;
window.looplab = {
  ...runner.scripting,
  ready: new Promise((resolve, reject) => {
    startupDone = resolve;
    api.ready.catch(reject);
  }),
  share: () => link(''),
  embedLink: () => link('embed.html'),
};

const opened = open().catch(() => ({}));
api.ready.then(async () => {
  $('run').disabled = false;
  runner.start();
  runner.runEditor(await opened);
  startupDone();
}, (error) => banner.show(t('couldNotStart', { why: error.message }), { kind: 'error' }));
