// The page: the sidebar (examples, lessons), the editor beside the visualizer canvas, the
// transport controls above them and the console below. Wires them to the wasm module and
// publishes the scripting API as window.looplab (README.md documents it).
import './style.css';
import { DEFAULT_PROGRAM, createEditor, loadSaved, save } from './editor.js';
import { createConsole } from './console.js';
import { createLooplabApi } from './engine.js';
import { createTransport, SHORTCUTS } from './transport.js';
import { createPlayheadView } from './marks.js';
import { createTracebackReader } from './traceback.js';
import { createRunner } from './runner.js';
import { createSidebar, loadExample } from './gallery.js';
import { decodeState, encodeState, linkFor } from './share.js';
import { applyTranslations, language, setLanguage, t, onLanguageChange } from './i18n.js';
import { createBanner, readFragment, download, loadSettings, saveSettings } from './page-util.js';

const $ = (id) => document.getElementById(id);
const SETTINGS_KEY = 'looplab.settings';
const MINE_KEY = 'looplab.source.mine';   // the person's program, set aside when one is opened
const AUTO_RUN_DELAY_MS = 800;

const settings = { autoRun: true, speed: undefined, kind: undefined, sidebar: true, ...loadSettings(SETTINGS_KEY) };
const banner = createBanner($('banner'));
applyTranslations(document);

// --- the console and the error reports in it ---------------------------------------------
let readTraceback = () => {};
const output = createConsole($('console'), {
  onSeek: (index) => api.seek(index),
  onJump: (line) => editor.jumpTo(line),
  onLine: (text, event) => readTraceback(text, event),
});

// --- the engine -------------------------------------------------------------------------
const api = createLooplabApi($('canvas'), {
  onOutput: (stream, text, event) => output.write(stream, text, event),
  onRunStarting: () => {
    output.clear();
    view.reset();
    readTraceback = createTracebackReader((report) => view.reportError(report));
    setStatus('running');
  },
  onRunEnded: ({ runState, exitCode }) => {
    const end = api.events();
    if (api.status().logFull) output.notice(t('logFull'), end);
    output.notice(runState === 'stopped' ? t('stopped') : t('exitCode', { code: exitCode }), end);
    setStatus(runState);
  },
  onCrash: (error) => {
    setStatus('error');
    $('run').disabled = true;
    output.notice(t('crashed', { what: error.what ?? error.message }));
  },
});

function setStatus(state) {
  const el = $('status');
  el.dataset.state = state;
  el.dataset.i18n = `state.${state}`;
  el.textContent = t(`state.${state}`);
}

// --- the editor -------------------------------------------------------------------------
let autoRunTimer = 0;
let pristine = null;        // the text the page itself last put in the editor
let currentExample = null;  // {file, text} while the editor shows an example unedited

const editor = createEditor($('editor'), {
  onRun: () => runEditor(),
  // A task's label in the editor: step through that task's lines.
  onTaskClick: (id) => {
    transport.setKind('line');
    transport.selectTask(id);
  },
  onEdit: (text) => {
    if (currentExample && text !== currentExample.text) {
      currentExample = null;
      sidebar.setCurrent(null);
    }
    clearTimeout(autoRunTimer);
    if (settings.autoRun) autoRunTimer = setTimeout(() => runEditor(), AUTO_RUN_DELAY_MS);
  },
});
const view = createPlayheadView(api, editor, { console: output, onState: (s) => transport.setTasks(s.tasks ?? [], s.selectedTask) });

// Puts a program in the editor (an example, a lesson, a link). What the person wrote there
// before is set aside (MINE_KEY) so opening something never loses work.
function replaceProgram(text, example = null) {
  const cur = editor.text();
  if (cur !== pristine && cur !== text && cur.trim() && cur !== DEFAULT_PROGRAM) save(cur, MINE_KEY);
  clearTimeout(autoRunTimer);
  editor.setText(text);
  pristine = text;
  currentExample = example ? { file: example, text } : null;
  sidebar.setCurrent(example);
}
const hasMine = () => {
  const mine = loadSaved(MINE_KEY);
  return !!mine && mine !== editor.text();
};
function restoreMine() {
  const mine = loadSaved(MINE_KEY);
  if (mine == null) return;
  replaceProgram(mine);
  runEditor();
}

// --- running ----------------------------------------------------------------------------
const runEditor = (options) => {
  clearTimeout(autoRunTimer);
  return runner.runEditor(options);
};

// --- controls ---------------------------------------------------------------------------
const transport = createTransport($('transport'), api, {
  onRun: () => runEditor(),
  onStop: () => api.stop(),
  initialSpeed: settings.speed,
  initialKind: settings.kind,
  onSettings: ({ speed, kind }) => {
    settings.speed = speed;
    settings.kind = kind;
    saveSettings(SETTINGS_KEY, settings);
  },
});

const autoRun = $('auto-run');
autoRun.checked = settings.autoRun;
autoRun.addEventListener('change', () => {
  settings.autoRun = autoRun.checked;
  saveSettings(SETTINGS_KEY, settings);
  if (!settings.autoRun) clearTimeout(autoRunTimer);
});

$('clear').addEventListener('click', () => output.clear());

const runner = createRunner({ api, editor, transport, view });

// --- sidebar ----------------------------------------------------------------------------
const sidebarEl = $('sidebar');
const sidebarToggle = $('sidebar-toggle');
// settings.sidebar is the choice made on a wide screen; on a narrow one the sidebar overlays the
// editor, so it starts closed there, closes when the window becomes narrow, and reopens (if it
// was open) when it becomes wide again.
const wide = window.matchMedia('(min-width: 1100px)');
function showSidebar(open) {
  if (wide.matches) settings.sidebar = open;
  document.body.classList.toggle('sidebar-closed', !open);
  sidebarToggle.setAttribute('aria-expanded', String(open));
}
sidebarToggle.addEventListener('click', () => {
  showSidebar(document.body.classList.contains('sidebar-closed'));
  saveSettings(SETTINGS_KEY, settings);
});
showSidebar(settings.sidebar && wide.matches);
wide.addEventListener('change', () => showSidebar(settings.sidebar && wide.matches));

async function openExample(file, { run = true } = {}) {
  const text = await loadExample(file);
  replaceProgram(text, file);
  if (run) runEditor();
  if (!wide.matches) showSidebar(false);
}

const sidebar = createSidebar(sidebarEl, {
  onOpenExample: (file) => openExample(file).catch((e) => banner.show(e.message, { kind: 'error' })),
  onRestoreMine: restoreMine,
  hasMine,
  onLessonStep: async (step) => {
    try {
      if (step.reload) replaceProgram(step.example ? await loadExample(step.example) : step.code, step.example ?? null);
    } catch (e) {
      banner.show(e.message, { kind: 'error' });
      return;
    }
    if (step.speed !== undefined) transport.setSpeed(step.speed);
    if (step.stepKind) transport.setKind(step.stepKind);
    editor.setMarks({ lesson: step.lines ?? [] });
    if (step.lines?.length) editor.reveal(Math.min(...step.lines));
    if (step.reload) runEditor({ seek: step.seek });
    else if (step.seek !== undefined) api.seek(step.seek);
  },
});

// --- share, export, download ----------------------------------------------------------------
async function shareLink(page = '') {
  const s = api.status();
  const text = editor.text();
  const state = currentExample && currentExample.text === text ? { e: currentExample.file } : { c: text };
  state.s = transport.speed();
  state.k = transport.kind();
  state.p = s.playhead;
  if (transport.selectedTask()) state.t = transport.selectedTask();
  return linkFor(await encodeState(state), page);
}

// Copies `text` to the clipboard, or (no permission) shows it in the banner to copy by hand.
async function offer(text, copied, ready) {
  try {
    await navigator.clipboard.writeText(text);
    banner.show(t(copied), { timeout: 4000 });
  } catch {
    const box = document.createElement('input');
    box.className = 'link-box';
    box.readOnly = true;
    box.value = text;
    banner.show(t(ready), { extra: box });
    box.select();
  }
}
$('share').addEventListener('click', async () => offer(await shareLink(), 'linkCopied', 'linkReady'));
// An <iframe> of embed.html at this moment, for a blog post or a course page.
const embedCode = (link) =>
  `<iframe src="${link.replace(/"/g, '&quot;')}" width="900" height="520" style="border:0" loading="lazy" title="Looplab"></iframe>`;
$('embed').addEventListener('click', async () => offer(embedCode(await shareLink('embed.html')), 'embedCopied', 'embedReady'));
$('export-trace').addEventListener('click', () => download('looplab-trace.json', api.trace(), 'application/json'));
$('download').addEventListener('click', () => download('main.py', editor.text(), 'text/x-python'));

// --- language, help -----------------------------------------------------------------------
function markLanguage() {
  for (const b of document.querySelectorAll('.lang')) b.setAttribute('aria-pressed', String(b.dataset.lang === language()));
}
for (const b of document.querySelectorAll('.lang')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
onLanguageChange(() => {
  markLanguage();
  fillShortcuts();
  api.setLanguage(language());
});
markLanguage();
api.ready.then(() => api.setLanguage(language()), () => {});

function fillShortcuts() {
  const table = document.querySelector('.shortcut-table');
  table.replaceChildren(...SHORTCUTS.map((s) => {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = t(`sc.${s.id}`);
    const keys = document.createElement('td');
    s.keys.forEach((k, i) => {
      if (i) keys.append(' / ');
      const kbd = document.createElement('kbd');
      kbd.textContent = k;
      keys.append(kbd);
      const outside = Array.isArray(s.outside) ? s.outside[i] : s.outside;
      if (outside) keys.append(` (${t('sc.outside')})`);
    });
    row.append(name, keys);
    return row;
  }));
}
fillShortcuts();
$('help').addEventListener('click', () => $('shortcuts').showModal());

// --- opening a link -----------------------------------------------------------------------
function clearFragment() {
  history.replaceState(null, '', location.pathname + location.search);
}

// Reads the fragment: a share link (#v1.…), #example=FILE or #lesson=ID[/STEP]. Returns what to
// run, or null. A link it cannot read changes nothing but says so.
async function openFragment() {
  const hash = readFragment();
  if (!hash) return null;
  clearFragment();  // a reload then shows the editor as it is, not the link again
  let m;
  if ((m = /^example=([\w.-]+\.py)$/.exec(hash))) {
    try {
      replaceProgram(await loadExample(m[1]), m[1]);
      return {};
    } catch {
      banner.show(t('linkExampleMissing', { name: m[1] }), { kind: 'error' });
      return null;
    }
  }
  if ((m = /^lesson=([\w-]+)(?:\/(\d+))?$/.exec(hash))) {
    showSidebar(true);
    sidebar.openLesson(m[1], Number(m[2] ?? 1) - 1);
    return null;  // the lesson's step runs its program
  }
  const link = await decodeState(hash);
  if (!link.ok) {
    banner.show(t('linkBroken', { why: link.why }), { kind: 'error' });
    return null;
  }
  const st = link.state;
  let source = st.c;
  if (st.e) {
    try {
      source = await loadExample(st.e);
    } catch {
      banner.show(t('linkExampleMissing', { name: st.e }), { kind: 'error' });
      return null;
    }
  }
  const before = editor.text();
  replaceProgram(source, st.e ?? null);
  if (st.s !== undefined) transport.setSpeed(st.s, { apply: false });
  if (st.k) transport.setKind(st.k);
  if (st.t !== undefined) transport.selectTask(st.t);
  const restore = hasMine() && before !== source ? { label: t('restoreMine'), run: restoreMine } : null;
  banner.show(t('openedShared'), { action: restore, timeout: restore ? 0 : 5000 });
  return { seek: st.p };
}

// --- window.looplab -------------------------------------------------------------------------
// ready resolves once the engine is up and the page has started its first run (if any), so a
// script's own run() always comes after it.
let startupDone;
window.looplab = {
  ...runner.scripting,
  ready: new Promise((resolve, reject) => {
    startupDone = resolve;
    api.ready.catch(reject);
  }),
  // Puts `source` in the editor (as opening an example does) and runs it.
  load(source) {
    replaceProgram(String(source));
    return runEditor();
  },
  share: () => shareLink(),
  embedLink: () => shareLink('embed.html'),
  language,
  setLanguage,
  // Mean CPU ms of the visualizer's last 60 frames (README: measurements, not a contract).
  frameMs: () => api.frameMs(),
};

// --- start ----------------------------------------------------------------------------------
// Whatever goes wrong reading a link, the page still starts with the saved program.
const opened = openFragment().catch((e) => {
  banner.show(t('linkBroken', { why: e?.message ?? String(e) }), { kind: 'error' });
  return null;
});
api.ready.then(
  async () => {
    $('run').disabled = false;
    setStatus('idle');
    api.setSpeed(transport.speed());
    runner.start();
    const link = await opened;
    if (link) runEditor(link);
    else if (settings.autoRun && !sidebar.lesson()) runEditor();
    startupDone();
  },
  (error) => {
    setStatus('error');
    output.notice(t('couldNotStart', { why: error.message }));
    console.error(error);
  },
);
