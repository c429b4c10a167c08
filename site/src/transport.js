// The transport controls: Run, Stop, step back / play-pause / step, the step size, the speed and
// the scrubber, plus their keyboard shortcuts. Elements are found by data-role inside `root`,
// so a page can carry any subset (the embed has fewer). Every frame `update(status)` mirrors the
// playhead into them; they drive the playhead through `api` (engine.js).
import { t, onLanguageChange } from './i18n.js';
import { STEP_KINDS } from './engine.js';

// Events per second; 0 is "instant" (the playhead follows the end of the log).
export const SPEEDS = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 0];
export const DEFAULT_SPEED = 10;
const mac = /Mac|iPhone|iPad/.test(navigator.platform ?? '');
const MOD = mac ? '⌘' : 'Ctrl';

// What each shortcut is, for the help list and the buttons' tooltips.
export const SHORTCUTS = [
  { id: 'run', keys: [`${MOD}+Enter`] },
  { id: 'stop', keys: ['Esc'], outside: true },
  { id: 'play', keys: ['F8', 'Space'], outside: [false, true] },
  { id: 'step', keys: ['F10', '→'], outside: [false, true] },
  { id: 'back', keys: ['Shift+F10', '←'], outside: [false, true] },
  { id: 'kind', keys: ['1 – 4'], outside: true },
];
const keysOf = (id) => SHORTCUTS.find((s) => s.id === id).keys.join(', ');

export function speedLabel(eps) {
  if (!(eps > 0)) return t('instant');
  return t('perSecond', { n: eps < 1 ? eps : Math.round(eps) });
}

// Where typing goes: shortcuts on plain keys stay out of the way there.
function typingTarget(el) {
  return !!el?.closest?.('.cm-editor, input, textarea, select, [contenteditable="true"]');
}

export function createTransport(root, api, { onRun, onStop, initialSpeed = DEFAULT_SPEED, initialKind = 'task', onSettings } = {}) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const ui = {
    run: $('run'), stop: $('stop'), back: $('back'), play: $('play'), step: $('step'),
    kind: $('kind'), speed: $('speed'), speedLabel: $('speed-label'), scrub: $('scrub'),
    position: $('position'), clock: $('clock'), status: $('status'),
    task: $('task'), taskField: $('task-field'),
  };
  let taskKey = '';    // the task list the selector shows (ids and names)
  let selectedTask = 0;
  let speed = SPEEDS.includes(initialSpeed) ? initialSpeed : DEFAULT_SPEED;
  let kind = STEP_KINDS.includes(initialKind) ? initialKind : 'task';
  let last = { playhead: -1, events: -1, playing: null, runState: '' };
  let scrubbing = false;

  const settingsChanged = () => onSettings?.({ speed, kind });

  function setSpeed(eps, { apply = true } = {}) {
    speed = SPEEDS.reduce((best, s) => (Math.abs(s - eps) < Math.abs(best - eps) ? s : best), SPEEDS[0]);
    if (!(eps > 0)) speed = 0;
    if (ui.speed) ui.speed.value = String(SPEEDS.indexOf(speed));
    if (ui.speedLabel) ui.speedLabel.textContent = speedLabel(speed);
    if (apply) api.setSpeed(speed);
    settingsChanged();
  }

  function setKind(k) {
    if (!STEP_KINDS.includes(k)) return;
    kind = k;
    if (ui.kind) ui.kind.value = k;
    if (ui.taskField) ui.taskField.hidden = k !== 'line';
    settingsChanged();
  }

  // Line steps follow one task (0: the module's own code): the selector lists the run's tasks.
  function setTasks(tasks, selected) {
    selectedTask = selected ?? 0;
    if (!ui.task) return;
    const key = tasks.map((tk) => `${tk.id}:${tk.name}`).join(',');
    if (key !== taskKey) {
      taskKey = key;
      const option = (value, text) => {
        const o = document.createElement('option');
        o.value = String(value);
        o.textContent = text;
        return o;
      };
      ui.task.replaceChildren(option(0, t('moduleCode')), ...tasks.map((tk) => option(tk.id, `${tk.name} · ${tk.coro}`)));
    }
    ui.task.value = String(selectedTask);
  }
  function selectTask(id) {
    selectedTask = Number(id) || 0;
    api.selectTask(selectedTask);
    if (ui.task) ui.task.value = String(selectedTask);
  }

  const step = (dir) => api.step(kind, dir);
  function togglePlay() {
    const s = api.status();
    if (s.playing) api.pause();
    else {
      // At the end of a finished run, Play starts the replay from the beginning.
      const ended = !['running', 'waiting_io'].includes(s.runState);
      if (ended && s.playhead >= s.events && s.events > 0) api.seek(0);
      api.play();
    }
  }

  function fillKinds() {
    if (!ui.kind) return;
    ui.kind.replaceChildren(...STEP_KINDS.map((k) => {
      const o = document.createElement('option');
      o.value = k;
      o.textContent = t(`kind.${k}`);
      return o;
    }));
    ui.kind.value = kind;
  }

  function titles() {
    const set = (el, key, sc) => {
      if (!el) return;
      el.title = sc ? `${t(key)} (${keysOf(sc)})` : t(key);
      el.setAttribute('aria-label', t(key));
    };
    set(ui.run, 'run', 'run');
    set(ui.stop, 'stop', 'stop');
    set(ui.back, 'stepBack', 'back');
    set(ui.step, 'stepForward', 'step');
    set(ui.play, last.playing ? 'pause' : 'play', 'play');
    set(ui.kind, 'stepKind', 'kind');
    set(ui.speed, 'speed');
    set(ui.task, 'followTaskTitle');
    if (ui.task?.options[0]) ui.task.options[0].textContent = t('moduleCode');
    if (ui.speedLabel) ui.speedLabel.textContent = speedLabel(speed);
    fillKinds();
    last = { ...last, playhead: -1 };  // repaint the position text in the new language
  }

  ui.run?.addEventListener('click', () => onRun?.());
  ui.stop?.addEventListener('click', () => onStop?.());
  ui.back?.addEventListener('click', () => step(-1));
  ui.step?.addEventListener('click', () => step(1));
  ui.play?.addEventListener('click', togglePlay);
  ui.kind?.addEventListener('change', () => setKind(ui.kind.value));
  ui.task?.addEventListener('change', () => selectTask(ui.task.value));
  ui.speed?.addEventListener('input', () => setSpeed(SPEEDS[Number(ui.speed.value)]));
  if (ui.speed) {
    ui.speed.min = '0';
    ui.speed.max = String(SPEEDS.length - 1);
    ui.speed.step = '1';
  }
  ui.scrub?.addEventListener('input', () => {
    scrubbing = true;
    api.seek(Number(ui.scrub.value));
  });
  ui.scrub?.addEventListener('change', () => { scrubbing = false; });

  // Shortcuts: F8 / F10 / Mod+Enter work everywhere, plain keys only outside text fields.
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const outside = !typingTarget(e.target);
    const mod = e.ctrlKey || e.metaKey;
    let done = true;
    if (e.key === 'Enter' && mod && !e.shiftKey) onRun?.();
    else if (e.key === 'F8') togglePlay();
    else if (e.key === 'F10') step(e.shiftKey ? -1 : 1);
    else if (!outside || mod || e.altKey) done = false;
    else if (e.key === ' ' && !e.target.closest?.('button')) togglePlay();
    else if (e.key === 'ArrowRight' && !e.target.closest?.('input[type="range"]')) step(1);
    else if (e.key === 'ArrowLeft' && !e.target.closest?.('input[type="range"]')) step(-1);
    else if (e.key === 'Escape') onStop?.();
    else if (/^[1-4]$/.test(e.key)) setKind(STEP_KINDS[Number(e.key) - 1]);
    else done = false;
    if (done) e.preventDefault();
  });

  onLanguageChange(titles);
  titles();
  setKind(kind);

  return {
    // Mirrors the playhead into the controls; returns true when the playhead or log changed.
    update(s) {
      const running = s.runState === 'running' || s.runState === 'waiting_io';
      if (ui.stop) ui.stop.disabled = !running;
      const moved = s.playhead !== last.playhead || s.events !== last.events;
      if (s.playing !== last.playing) {
        last.playing = s.playing;
        if (ui.play) ui.play.dataset.playing = String(!!s.playing);
        titles();
      }
      if (moved) {
        if (ui.scrub) {
          ui.scrub.max = String(s.events);
          if (!scrubbing || document.activeElement !== ui.scrub) ui.scrub.value = String(s.playhead);
        }
        if (ui.position) ui.position.textContent = t('eventOf', { i: s.playhead.toLocaleString(), n: s.events.toLocaleString() });
        if (ui.clock) ui.clock.textContent = t('clock', { t: (s.clock ?? 0).toFixed(3) });
        if (ui.back) ui.back.disabled = s.playhead <= 0;
        if (ui.step) ui.step.disabled = s.playhead >= s.events && !running;
      }
      last = { ...last, playhead: s.playhead, events: s.events, runState: s.runState };
      return moved;
    },
    setSpeed,
    setKind,
    setTasks,
    selectTask,
    selectedTask: () => selectedTask,
    speed: () => speed,
    kind: () => kind,
    togglePlay,
    step,
  };
}
