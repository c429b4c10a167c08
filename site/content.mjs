// Reads the page's content (CONTENT.md says the format): gallery examples (site/examples/*.py
// with a "# key: value" header) and lessons (site/src/lessons/*.json). Used by build.mjs to
// write dist/content/ and by the tests to check every file. Never throws on a bad file: it is
// skipped and a warning says why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const HEADER_KEYS = new Set(['title', 'title.ko', 'about', 'about.ko', 'order', 'topic', 'hidden']);
const STEP_KINDS = ['event', 'task', 'iteration', 'line'];

// The "# key: value" lines at the top of an example -> {key: value}; stops at the first line
// that is not a comment.
export function parseHeader(source) {
  const fields = {};
  let firstComment = null;
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    if (!line.startsWith('#')) break;
    const m = /^#\s*([\w.]+):\s*(.*)$/.exec(line);
    if (m && HEADER_KEYS.has(m[1])) fields[m[1]] = m[2].trim();
    else if (firstComment === null && line.replace(/^#\s*/, '')) firstComment = line.replace(/^#\s*/, '');
  }
  return { fields, firstComment };
}

export function exampleEntry(file, source) {
  const { fields, firstComment } = parseHeader(source);
  const title = fields.title ?? basename(file, '.py').replace(/_/g, ' ');
  const about = fields.about ?? (fields.title ? '' : firstComment ?? '');
  const order = Number(fields.order ?? 1000);
  return {
    file,
    title: { en: title, ko: fields['title.ko'] || title },
    about: { en: about, ko: fields['about.ko'] || about },
    order: Number.isFinite(order) ? order : 1000,
    topic: fields.topic ?? '',
    hidden: fields.hidden === 'true',
  };
}

const byOrder = (a, b) => a.order - b.order || (a.file ?? a.id).localeCompare(b.file ?? b.id);

export function readExamples(dir) {
  const warnings = [];
  const examples = [];
  if (!existsSync(dir)) return { examples, warnings };
  // check.py is the examples' checker, not an example.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'check.py').sort()) {
    if (!/^[\w.-]+\.py$/.test(file)) {
      warnings.push(`${file}: example file names may use letters, digits, '_', '-' and '.' only`);
      continue;
    }
    const source = readFileSync(join(dir, file), 'utf8');
    const entry = exampleEntry(file, source);
    if (!parseHeader(source).fields.title) warnings.push(`${file}: no "# title:" line (using the file name)`);
    examples.push({ ...entry, source });
  }
  examples.sort(byOrder);
  return { examples, warnings };
}

const isTexts = (v) => typeof v === 'string' || (v && typeof v === 'object' && typeof v.en === 'string');

// Checks one lesson; returns the list of problems (empty if it is fine).
export function lessonProblems(lesson, exampleFiles) {
  const problems = [];
  if (!lesson || typeof lesson !== 'object') return ['not a JSON object'];
  if (!isTexts(lesson.title)) problems.push('title must be {"en": ..., "ko": ...}');
  if (!Array.isArray(lesson.steps) || lesson.steps.length === 0) return [...problems, 'steps must be a non-empty list'];
  lesson.steps.forEach((s, i) => {
    const at = `step ${i + 1}`;
    if (!s || typeof s !== 'object') return problems.push(`${at}: not an object`);
    if (!isTexts(s.text)) problems.push(`${at}: text must be {"en": ..., "ko": ...}`);
    if (s.title !== undefined && !isTexts(s.title)) problems.push(`${at}: title must be {"en": ..., "ko": ...}`);
    if (s.example !== undefined && !exampleFiles.has(s.example)) problems.push(`${at}: no example ${s.example}`);
    if (s.code !== undefined && typeof s.code !== 'string') problems.push(`${at}: code must be a string`);
    if (s.example !== undefined && s.code !== undefined) problems.push(`${at}: example and code both given`);
    if (s.speed !== undefined && !(Number.isFinite(s.speed) && s.speed >= 0)) problems.push(`${at}: speed must be a number >= 0`);
    if (s.stepKind !== undefined && !STEP_KINDS.includes(s.stepKind)) problems.push(`${at}: stepKind must be one of ${STEP_KINDS.join(', ')}`);
    if (s.seek !== undefined && !(Number.isInteger(s.seek) && s.seek >= 0)) problems.push(`${at}: seek must be an event index`);
    if (s.lines !== undefined && !(Array.isArray(s.lines) && s.lines.every((n) => Number.isInteger(n) && n > 0)))
      problems.push(`${at}: lines must be a list of line numbers`);
  });
  if (lesson.steps[0] && lesson.steps[0].example === undefined && lesson.steps[0].code === undefined)
    problems.push('step 1 must give an example or code');
  return problems;
}

export function readLessons(dir, exampleFiles) {
  const warnings = [];
  const lessons = [];
  if (!existsSync(dir)) return { lessons, warnings };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const id = basename(file, '.json');
    let lesson;
    try {
      lesson = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      warnings.push(`${file}: not valid JSON (${e.message})`);
      continue;
    }
    const problems = lessonProblems(lesson, exampleFiles);
    if (!/^[\w-]+$/.test(id)) problems.push("lesson file names may use letters, digits, '_' and '-' only");
    if (problems.length) {
      warnings.push(...problems.map((p) => `${file}: ${p}`));
      continue;
    }
    const order = Number(lesson.order ?? 1000);
    lessons.push({ id, ...lesson, order: Number.isFinite(order) ? order : 1000 });
  }
  lessons.sort(byOrder);
  return { lessons, warnings };
}

// Everything the page needs: the index (small, fetched at start) and the files behind it.
export function readContent(siteDir) {
  const ex = readExamples(join(siteDir, 'examples'));
  const files = new Set(ex.examples.map((e) => e.file));
  const le = readLessons(join(siteDir, 'src/lessons'), files);
  const index = {
    examples: ex.examples.map(({ source, ...meta }) => meta),
    lessons: le.lessons.map((l) => ({ id: l.id, title: l.title, about: l.about ?? '', order: l.order, steps: l.steps.length })),
  };
  return { index, examples: ex.examples, lessons: le.lessons, warnings: [...ex.warnings, ...le.warnings] };
}
