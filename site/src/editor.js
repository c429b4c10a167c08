// The code editor: CodeMirror 6 with Python highlighting. Its text is saved to localStorage on
// every change and restored on load, so a reload never loses work. It also shows the run at the
// playhead: each pending task's current line in that task's colour (with the tasks' names at the
// end of the line), the line of an uncaught exception underlined with its message, and lines a
// lesson points at.
import { EditorView, basicSetup } from 'codemirror';
import { Decoration, WidgetType, keymap } from '@codemirror/view';
import { Annotation, Prec, StateEffect, StateField } from '@codemirror/state';
import { python } from '@codemirror/lang-python';
import { oneDark } from '@codemirror/theme-one-dark';

const STORAGE_KEY = 'looplab.source';

export const DEFAULT_PROGRAM = `import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")
    return name


async def main():
    results = await asyncio.gather(worker("A", 0.2), worker("B", 0.1))
    print("results:", results)


asyncio.run(main())
`;

export function loadSaved(key = STORAGE_KEY) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;  // storage disabled: start from the default program
  }
}

export function save(text, key = STORAGE_KEY) {
  try {
    localStorage.setItem(key, text);
  } catch {
    // Storage full or disabled: keep editing; nothing else to do.
  }
}

// Changes the page makes (loading an example, a share link) rather than the person typing.
const External = Annotation.define();

// --- marks: what the run looks like at the playhead --------------------------------------
// marks = {tasks: [{id, line, color, name, running}], error: {line, message} | null, lesson: [lines],
//          labelTitle: the task labels' tooltip}
const setMarks = StateEffect.define();

class LabelsWidget extends WidgetType {
  constructor(tasks, title) {
    super();
    this.tasks = tasks;
    this.title = title;  // the labels' tooltip ("{name}" is the task's name)
  }
  eq(other) {
    return other.title === this.title && other.tasks.length === this.tasks.length &&
      other.tasks.every((t, i) => t.name === this.tasks[i].name && t.color === this.tasks[i].color && t.running === this.tasks[i].running);
  }
  toDOM() {
    const box = document.createElement('span');
    box.className = 'cm-ll-labels';
    for (const task of this.tasks) {
      const tag = document.createElement('span');
      tag.className = task.running ? 'cm-ll-label running' : 'cm-ll-label';
      tag.style.setProperty('--task-color', task.color);
      tag.textContent = task.name;
      if (Number.isInteger(task.id)) tag.dataset.task = String(task.id);
      if (this.title) tag.title = this.title.replace('{name}', task.name);
      box.append(tag);
    }
    return box;
  }
  ignoreEvent() { return true; }
}

class ErrorWidget extends WidgetType {
  constructor(message) {
    super();
    this.message = message;
  }
  eq(other) { return other.message === this.message; }
  toDOM() {
    const el = document.createElement('span');
    el.className = 'cm-ll-error-msg';
    el.textContent = this.message;
    return el;
  }
  ignoreEvent() { return true; }
}

function buildDecorations(doc, marks) {
  const ranges = [];
  const lineAt = (n) => (Number.isInteger(n) && n >= 1 && n <= doc.lines ? doc.line(n) : null);
  // Tasks grouped by line: one line decoration each, its colour the first (running first).
  const byLine = new Map();
  for (const task of marks.tasks ?? []) {
    if (!lineAt(task.line)) continue;
    if (!byLine.has(task.line)) byLine.set(task.line, []);
    byLine.get(task.line).push(task);
  }
  for (const [n, tasks] of byLine) {
    tasks.sort((a, b) => Number(b.running) - Number(a.running));
    const line = lineAt(n);
    ranges.push(Decoration.line({
      class: tasks.some((t) => t.running) ? 'cm-ll-task cm-ll-running' : 'cm-ll-task',
      attributes: { style: `--task-color: ${tasks[0].color}`, 'data-tasks': tasks.map((t) => t.name).join(' ') },
    }).range(line.from));
    ranges.push(Decoration.widget({ widget: new LabelsWidget(tasks, marks.labelTitle), side: 1 }).range(line.to));
  }
  for (const n of marks.lesson ?? []) {
    const line = lineAt(n);
    if (line) ranges.push(Decoration.line({ class: 'cm-ll-lesson' }).range(line.from));
  }
  const err = marks.error && lineAt(marks.error.line);
  if (err) {
    const text = err.text;
    const start = err.from + (text.length - text.trimStart().length);
    const end = err.from + text.trimEnd().length;
    if (end > start) ranges.push(Decoration.mark({ class: 'cm-ll-error', attributes: { title: marks.error.message } }).range(start, end));
    ranges.push(Decoration.widget({ widget: new ErrorWidget(marks.error.message), side: 2 }).range(err.to));
  }
  return Decoration.set(ranges, true);
}

const marksField = StateField.define({
  create: () => ({ marks: { tasks: [], error: null, lesson: [] }, deco: Decoration.none }),
  update(value, tr) {
    let { marks, deco } = value;
    for (const e of tr.effects) if (e.is(setMarks)) marks = { ...marks, ...e.value };
    if (marks !== value.marks) return { marks, deco: buildDecorations(tr.state.doc, marks) };
    // Typing moves the marks with the text; a run's marks are stale after an edit anyway.
    return tr.docChanged ? { marks, deco: deco.map(tr.changes) } : value;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

// `onRun` is bound to Ctrl/Cmd+Enter; `onEdit(text)` sees each change the person makes;
// `extraKeys` are more CodeMirror key bindings (the page's shortcuts).
// `onTaskClick(id)`: a task's label was clicked (0: the module's).
export function createEditor(parent, { onRun, onEdit, onTaskClick, extraKeys = [], initialText, storageKey = STORAGE_KEY, persist = true } = {}) {
  const saved = persist ? loadSaved(storageKey) : null;
  const view = new EditorView({
    parent,
    doc: initialText ?? saved ?? DEFAULT_PROGRAM,
    extensions: [
      basicSetup,
      python(),
      oneDark,
      // The pane is narrow beside the visualizer: wrap long lines, so the task labels at their
      // ends stay in sight.
      EditorView.lineWrapping,
      marksField,
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun?.(); return true; } }, ...extraKeys])),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        const text = update.state.doc.toString();
        if (persist) save(text, storageKey);
        if (!update.transactions.some((tr) => tr.annotation(External))) onEdit?.(text);
      }),
    ],
  });

  parent.addEventListener('mousedown', (e) => {
    const tag = e.target.closest?.('.cm-ll-label[data-task]');
    if (!tag || !onTaskClick) return;
    e.preventDefault();
    onTaskClick(Number(tag.dataset.task));
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    // Replaces the program (an example, a share link): saved like an edit, but not reported
    // to onEdit (the caller decides whether to run it).
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: External.of(true) });
    },
    // Any of {tasks, error, lesson}; the others keep their value.
    setMarks(marks) {
      view.dispatch({ effects: setMarks.of(marks) });
    },
    marks: () => view.state.field(marksField).marks,
    jumpTo(lineNumber) {
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
      view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
      view.focus();
    },
    // Scrolls line `lineNumber` into view (y: 'center' | 'start') without moving the cursor or
    // taking the focus.
    reveal(lineNumber, y = 'center') {
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
      view.dispatch({ effects: EditorView.scrollIntoView(line.from, { y }) });
    },
    focus: () => view.focus(),
  };
}
