// The page's content (site/CONTENT.md): every gallery example and lesson parses, and the
// readers reject what the format does not allow. No browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleEntry, lessonProblems, parseHeader, readContent } from '../../site/content.mjs';

const SITE = join(dirname(fileURLToPath(import.meta.url)), '../../site');

describe('page content', () => {
  it('reads every example and lesson in the repository without a problem', () => {
    const content = readContent(SITE);
    const problems = content.warnings.filter((w) => !/no "# title:" line/.test(w));
    assert.deepEqual(problems, []);
    assert.ok(content.examples.length > 0, 'the gallery has examples');
    for (const e of content.index.examples) {
      assert.match(e.file, /^[\w.-]+\.py$/);
      assert.equal(typeof e.title.en, 'string');
      assert.ok(e.title.en.length > 0, `${e.file} has a title`);
    }
  });

  it('has at least 15 gallery examples and the ten lessons, every text in English and Korean', () => {
    const content = readContent(SITE);
    const shown = content.index.examples.filter((e) => !e.hidden);
    assert.ok(shown.length >= 15, `${shown.length} examples`);
    for (const e of shown) {
      const { fields } = parseHeader(content.examples.find((x) => x.file === e.file).source);
      for (const key of ['title', 'title.ko', 'about', 'about.ko', 'topic', 'order'])
        assert.ok(fields[key], `${e.file}: no "# ${key}:" line`);
      assert.match(fields['title.ko'] + fields['about.ko'], /[가-힣]/, `${e.file}: the .ko lines are not Korean`);
    }
    const ids = content.lessons.map((l) => l.id).sort();
    assert.deepEqual(ids, ['blocking', 'coroutine', 'deadlock', 'event-loop', 'exceptions', 'future', 'lifecycle', 'networking', 'sync-primitives', 'task']);
    for (const l of content.lessons) {
      for (const texts of [l.title, l.about, ...l.steps.map((st) => st.text)]) {
        assert.equal(typeof texts?.en, 'string', `${l.id}: a text without English`);
        assert.match(texts.ko ?? '', /[가-힣]/, `${l.id}: "${texts.en.slice(0, 40)}" has no Korean`);
      }
      // A step title may be code (`gather`, `async with lock`), the same in both languages.
      for (const st of l.steps) assert.equal(typeof st.title?.ko, 'string', `${l.id}: "${st.title?.en}" has no Korean title`);
    }
  });

  it('parses an example header in English and Korean', () => {
    const src = '# title: gather\n# title.ko: 모으기\n# about: Two at once.\n# order: 5\n# topic: gather\n#\n# more\nimport asyncio\n# not header: x\n';
    assert.deepEqual(parseHeader(src).fields, { title: 'gather', 'title.ko': '모으기', about: 'Two at once.', order: '5', topic: 'gather' });
    assert.deepEqual(exampleEntry('g.py', src), {
      file: 'g.py', title: { en: 'gather', ko: '모으기' }, about: { en: 'Two at once.', ko: 'Two at once.' },
      order: 5, topic: 'gather', hidden: false,
    });
  });

  it('falls back to the file name and the first comment line without a header', () => {
    assert.deepEqual(exampleEntry('sleep_vs_block.py', '# Sleeping yields; time.sleep blocks.\nimport asyncio\n'), {
      file: 'sleep_vs_block.py', title: { en: 'sleep vs block', ko: 'sleep vs block' },
      about: { en: 'Sleeping yields; time.sleep blocks.', ko: 'Sleeping yields; time.sleep blocks.' },
      order: 1000, topic: '', hidden: false,
    });
  });

  it('says what is wrong with a bad lesson', () => {
    const files = new Set(['a.py']);
    assert.deepEqual(lessonProblems({ title: { en: 'x' }, steps: [{ text: { en: 'hi' }, example: 'a.py', speed: 2, stepKind: 'task', seek: 3, lines: [1, 2] }] }, files), []);
    assert.deepEqual(lessonProblems({ title: 'x', steps: [] }, files), ['steps must be a non-empty list']);
    assert.deepEqual(lessonProblems({ title: { en: 'x' }, steps: [{ text: 5, example: 'b.py', stepKind: 'jump', seek: -1, lines: [0] }] }, files), [
      'step 1: text must be {"en": ..., "ko": ...}',
      'step 1: no example b.py',
      'step 1: stepKind must be one of event, task, iteration, line',
      'step 1: seek must be an event index',
      'step 1: lines must be a list of line numbers',
    ]);
    assert.deepEqual(lessonProblems({ title: { en: 'x' }, steps: [{ text: { en: 'no program' } }] }, files), ['step 1 must give an example or code']);
  });
});
