// The run at the playhead, shown in the editor: each pending task's current line in the task's
// colour (the visualizer's colour, from state(), so the two match), the module's line while it
// waits in asyncio.run, and the uncaught exception's line once the playhead has reached the
// moment it was reported. Reads state() at most every MIN_INTERVAL_MS while the playhead moves.
import { t } from './i18n.js';

const MIN_INTERVAL_MS = 60;
const PENDING = new Set(['created', 'ready', 'running', 'waiting']);
// The visualizer's task colours (visualizer/theme.h kTaskPaletteRgb, indexed by (id - 1) % 12),
// used when state() carries no colour for a task, so the editor and the canvas agree.
export const TASK_PALETTE = ['#61afef', '#e5c07b', '#c678dd', '#56b6c2', '#ef8f6f', '#98c379',
  '#f07fb0', '#8fa8ff', '#d4b86a', '#6fd6a6', '#b79cf0', '#e8a25c'];
const FALLBACK = TASK_PALETTE;
export const MODULE_COLOR = '#7f8896';

// A task's colour from state(): "#rrggbb", [r, g, b] or 0xRRGGBB; else a fixed palette by id.
export function taskColor(task) {
  const c = task.color;
  if (typeof c === 'string' && /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(c)) return c.slice(0, 7);
  if (Array.isArray(c) && c.length >= 3) return `rgb(${c.slice(0, 3).map((v) => (v <= 1 ? Math.round(v * 255) : v)).join(',')})`;
  if (Number.isInteger(c)) return '#' + (c & 0xffffff).toString(16).padStart(6, '0');
  return FALLBACK[(task.id - 1 + FALLBACK.length) % FALLBACK.length];
}

// state() -> the editor's task marks.
export function taskMarks(state) {
  const marks = [];
  for (const task of state.tasks ?? []) {
    if (!PENDING.has(task.state) || !(task.line > 0)) continue;
    marks.push({ id: task.id, line: task.line, name: task.name, color: taskColor(task), running: task.state === 'running' });
  }
  // The module's own code: where it is while the loop runs (asyncio.run(...)), or running.
  const ended = ['finished', 'failed', 'stopped'].includes(state.runState) && state.playhead >= state.events;
  if (state.moduleLine > 0 && !ended) {
    marks.push({ id: 0, line: state.moduleLine, name: '<module>', color: MODULE_COLOR, running: !state.loopRunning });
  }
  return marks;
}

export function createPlayheadView(api, editor, { console: out, onState } = {}) {
  let error = null;        // {line, message, event}: the last uncaught exception report
  let pending = false;
  let lastFetch = 0;
  let timer = 0;

  function refresh() {
    pending = false;
    lastFetch = performance.now();
    const state = api.state();
    editor.setMarks({ tasks: taskMarks(state), error: visibleError(state.playhead), labelTitle: t('followLines') });
    onState?.(state);
  }

  function visibleError(playhead) {
    if (!error || !(playhead > error.event)) return null;
    return { line: error.line, message: error.message };
  }

  return {
    // Call when the playhead or the log changed; refreshes now or soon (throttled).
    changed(status) {
      out?.setPlayhead(status.playhead);
      if (pending) return;
      const wait = MIN_INTERVAL_MS - (performance.now() - lastFetch);
      pending = true;
      if (wait <= 0) refresh();
      else timer = setTimeout(refresh, wait);
    },
    // The console read an error report (traceback.js); it shows once the playhead passes it.
    reportError(report) {
      if (report.line > 0 && (!error || !report.warning || error.warning)) error = report;
      this.changed(api.status());
    },
    reset() {
      error = null;
      clearTimeout(timer);
      pending = false;
      editor.setMarks({ tasks: [], error: null });
    },
    error: () => error,
  };
}
