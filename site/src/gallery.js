// The sidebar: the examples gallery and the lessons, read from dist/content/ (build.mjs writes it
// from site/examples/ and site/src/lessons/; CONTENT.md gives the format). The page decides
// what opening one does: `onOpenExample(file)`, `onRestoreMine()`, `onLessonStep(step, lesson)`.
import { pick, t, onLanguageChange } from './i18n.js';
import { renderMarkdown } from './markdown.js';

const BASE = 'content/';
let indexPromise = null;
const exampleCache = new Map();

export function loadIndex() {
  indexPromise ??= fetch(BASE + 'index.json').then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
  return indexPromise;
}

// The text of an example file (cached); rejects if there is no such example.
export function loadExample(file) {
  if (!/^[\w.-]+\.py$/.test(file)) return Promise.reject(new Error(`bad example name ${file}`));
  if (!exampleCache.has(file)) {
    exampleCache.set(file, fetch(BASE + 'examples/' + file).then((r) => {
      if (!r.ok) throw new Error(`no example ${file}`);
      return r.text();
    }));
    exampleCache.get(file).catch(() => exampleCache.delete(file));
  }
  return exampleCache.get(file);
}

export function loadLesson(id) {
  return fetch(`${BASE}lessons/${encodeURIComponent(id)}.json`).then((r) => {
    if (!r.ok) throw new Error(`no lesson ${id}`);
    return r.json();
  });
}

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function createSidebar(root, { onOpenExample, onRestoreMine, onLessonStep, hasMine }) {
  const tabs = { examples: root.querySelector('[data-tab="examples"]'), lessons: root.querySelector('[data-tab="lessons"]') };
  const body = root.querySelector('.sidebar-body');
  let tab = 'examples';
  let index = null;
  let error = null;
  let lesson = null;    // {id, data, step}
  let current = null;   // the example file open in the editor, unedited

  function renderExamples() {
    const list = el('ul', 'gallery');
    if (hasMine()) {
      const li = el('li', 'gallery-item mine');
      const b = el('button', 'gallery-open');
      b.append(el('span', 'gallery-title', '↩ ' + t('myProgram')), el('span', 'gallery-about', t('myProgramAbout')));
      b.addEventListener('click', () => onRestoreMine());
      li.append(b);
      list.append(li);
    }
    for (const ex of index.examples.filter((e) => !e.hidden)) {
      const li = el('li', ex.file === current ? 'gallery-item current' : 'gallery-item');
      const b = el('button', 'gallery-open');
      b.dataset.file = ex.file;
      const title = el('span', 'gallery-title', pick(ex.title));
      if (ex.topic) title.append(el('span', 'gallery-topic', ex.topic));
      b.append(title);
      if (pick(ex.about)) b.append(el('span', 'gallery-about', pick(ex.about)));
      b.addEventListener('click', () => onOpenExample(ex.file));
      li.append(b);
      list.append(li);
    }
    if (!list.children.length) return el('p', 'sidebar-note', t('noContent'));
    return list;
  }

  function renderLessonList() {
    if (!index.lessons.length) return el('p', 'sidebar-note', t('noContent'));
    const list = el('ul', 'gallery');
    for (const l of index.lessons) {
      const li = el('li', 'gallery-item');
      const b = el('button', 'gallery-open');
      b.dataset.lesson = l.id;
      b.append(el('span', 'gallery-title', pick(l.title)));
      if (pick(l.about)) b.append(el('span', 'gallery-about', pick(l.about)));
      b.addEventListener('click', () => openLesson(l.id));
      li.append(b);
      list.append(li);
    }
    return list;
  }

  function renderLesson() {
    const { data, step } = lesson;
    const s = data.steps[step];
    const box = el('div', 'lesson');
    const back = el('button', 'link-button lesson-back', '← ' + t('backToLessons'));
    back.addEventListener('click', () => { lesson = null; render(); });
    box.append(back, el('h2', 'lesson-title', pick(data.title)));
    box.append(el('div', 'lesson-progress', t('lessonStep', { i: step + 1, n: data.steps.length })));
    if (s.title) box.append(el('h3', 'lesson-step-title', pick(s.title)));
    const text = el('div', 'lesson-text');
    text.append(renderMarkdown(pick(s.text)));
    box.append(text);
    const nav = el('div', 'lesson-nav');
    const prev = el('button', 'button', t('prev'));
    prev.disabled = step === 0;
    prev.addEventListener('click', () => goStep(step - 1));
    const next = el('button', 'button primary', t('next'));
    next.disabled = step === data.steps.length - 1;
    next.addEventListener('click', () => goStep(step + 1));
    nav.append(prev, next);
    box.append(nav);
    return box;
  }

  function render() {
    for (const [name, b] of Object.entries(tabs)) b?.setAttribute('aria-selected', String(name === tab));
    body.replaceChildren();
    if (error) body.append(el('p', 'sidebar-note error', t('contentFailed', { why: error })));
    else if (!index) body.append(el('p', 'sidebar-note', '…'));
    else if (tab === 'examples') body.append(renderExamples());
    else body.append(lesson ? renderLesson() : renderLessonList());
  }

  // The program a step shows is the nearest one at or before it.
  function programFor(data, step) {
    for (let i = step; i >= 0; i--) {
      const s = data.steps[i];
      if (s.example !== undefined || s.code !== undefined) return s;
    }
    return {};
  }

  function goStep(step) {
    const s = lesson.data.steps[step];
    const prog = programFor(lesson.data, step);
    const changed = prog !== programFor(lesson.data, lesson.step) || step === lesson.shownStep;
    lesson.step = step;
    lesson.shownStep = step;
    render();
    onLessonStep({ ...s, example: prog.example, code: prog.code, reload: changed || lesson.first }, lesson);
    lesson.first = false;
  }

  async function openLesson(id, step = 0) {
    tab = 'lessons';
    try {
      const data = await loadLesson(id);
      lesson = { id, data, step: 0, shownStep: -1, first: true };
      goStep(Math.min(Math.max(0, step), data.steps.length - 1));
    } catch (e) {
      error = e.message;
      render();
    }
  }

  for (const [name, b] of Object.entries(tabs)) {
    b?.addEventListener('click', () => {
      tab = name;
      render();
    });
  }
  onLanguageChange(render);
  render();
  loadIndex().then((i) => { index = i; render(); }, (e) => { error = e.message; render(); });

  return {
    render,
    openLesson,
    // Which example the editor shows unedited (highlighted in the list), or null.
    setCurrent(file) {
      if (file === current) return;
      current = file;
      if (tab === 'examples') render();
    },
    lesson: () => (lesson ? { id: lesson.id, step: lesson.step } : null),
  };
}
