// The playhead from the page: state() at chosen steps of a gather program (exact task states,
// ready queue, timers), stepping back and forward, seeking, the editor's marks at the playhead,
// the console's links, Stop on an infinite loop, and screenshots at several moments.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frames, launchBrowser, openPage, pixelStats, screenshotPath, startSite, waitFor } from './harness.mjs';
import { GATHER, LINE_GATHER, LINE_SLEEP, essentials } from './programs.mjs';

const LIMIT = { timeout: 60_000 };

describe('playhead and time travel', () => {
  let site, browser, page, errors;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser, site.url));
    // Nothing may run behind the tests' backs.
    await page.evaluate(() => { document.getElementById('auto-run').checked = false; document.getElementById('auto-run').dispatchEvent(new Event('change')); });
  }, LIMIT);
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  // Puts `source` in the editor, runs it to its end at instant speed and pauses at the start.
  async function load(source) {
    const result = await page.evaluate((src) => window.looplab.load(src), source);
    assert.equal(result.runState, 'finished', JSON.stringify(await page.evaluate(() => window.looplab.output())));
    await page.evaluate(() => window.looplab.seek(0));
  }
  const state = () => page.evaluate(() => window.looplab.state());
  const step = (kind, dir = 1) => page.evaluate(([k, d]) => window.looplab.step(k, d), [kind, dir]);

  it('shows the exact loop after the second task step of a gather', LIMIT, async () => {
    await load(GATHER);
    assert.equal((await state()).playhead, 0);
    await step('task');   // main() runs to `await gather(...)`: two workers are created
    let s = await state();
    assert.deepEqual(s.tasks.map((t) => [t.name, t.state]), [['Task-1', 'waiting'], ['Task-2', 'ready'], ['Task-3', 'ready']]);
    assert.deepEqual(s.ready.map((h) => [h.kind, h.label]), [['step', 'Task-2'], ['step', 'Task-3']]);
    assert.deepEqual(s.timers, []);
    await step('task');   // worker A runs to `await asyncio.sleep(0.2)`
    s = await state();
    assert.deepEqual(s.tasks.map((t) => [t.name, t.coro, t.state, t.line, t.awaiting]), [
      ['Task-1', 'main()', 'waiting', LINE_GATHER, 'gather'],
      ['Task-2', 'worker()', 'waiting', LINE_SLEEP, 'sleep(0.2)'],
      ['Task-3', 'worker()', 'ready', 0, null],
    ]);
    assert.equal(s.iteration, 2);
    assert.equal(s.phase, 'run_ready');
    assert.deepEqual(s.ready.map((h) => [h.kind, h.label]), [['step', 'Task-3']]);
    // Virtual time starts at 1000 s; each instruction costs 25 ns.
    assert.deepEqual(s.timers.map((t) => [t.label, t.deadline]), [['sleep(0.2)', 1000.20007]]);
    assert.equal(s.clock, 1000.00007);
    // The third task step: worker B sleeps too; the timers come sorted by deadline.
    await step('task');
    s = await state();
    assert.deepEqual(s.tasks.map((t) => t.state), ['waiting', 'waiting', 'waiting']);
    assert.deepEqual(s.ready, []);
    assert.deepEqual(s.timers.map((t) => [t.label, t.deadline]), [['sleep(0.1)', 1000.10007], ['sleep(0.2)', 1000.20007]]);
    assert.equal((await page.evaluate(() => window.looplab.output())).stdout, 'A: start\nB: start\nB: done\nA: done\nresults: [\'A\', \'B\']\n');
  });

  it('steps back to exactly where it stepped forward from, and seek equals stepping', LIMIT, async () => {
    await load(GATHER);
    const seen = [essentials(await state())];
    for (let i = 0; i < 4; i++) {
      await step('task');
      seen.push(essentials(await state()));
    }
    for (let i = 3; i >= 0; i--) {
      await step('task', -1);
      assert.deepEqual(essentials(await state()), seen[i], `stepping back to task step ${i}`);
    }
    // Seeking to an index gives the same state as stepping event by event to it.
    const target = seen[3].playhead;
    await page.evaluate(() => window.looplab.seek(0));
    for (let i = 0; i < target; i++) await step('event');
    const stepped = essentials(await state());
    await page.evaluate(() => window.looplab.seek(window.looplab.events()));
    await page.evaluate((i) => window.looplab.seek(i), target);
    assert.deepEqual(essentials(await state()), stepped);
    assert.deepEqual(stepped, seen[3]);
    // Iterations and lines move too, forward and back.
    await page.evaluate(() => window.looplab.seek(0));
    const a = await step('iteration');
    const b = await step('iteration');
    assert.ok(b > a && a > 0, `iteration steps ${a}, ${b}`);
    assert.equal(await step('iteration', -1), a);
  });

  it('steps line by line through the selected task', LIMIT, async () => {
    await load(GATHER);
    await page.selectOption('#step-kind', 'line');
    assert.equal(await page.locator('[data-role="task-field"]').isVisible(), true);
    // Task-2 is worker("A"): its lines are 5 (print), 6 (await sleep), 7 (print), 8 (return).
    await waitFor(page, () => document.querySelectorAll('#step-task option').length >= 1, null, { what: 'task list' });
    await page.evaluate(() => window.looplab.selectTask(2));
    await page.evaluate(() => window.looplab.seek(0));
    const lines = [];
    let last = -1;
    for (let i = 0; i < 6; i++) {
      const ph = await step('line');
      if (ph === last) break;
      last = ph;
      const t2 = (await state()).tasks.find((t) => t.id === 2);
      lines.push(t2?.line ?? 0);
    }
    assert.deepEqual(lines.slice(0, 4), [5, 6, 7, 8], `Task-2's lines: ${lines}`);
    assert.equal(await page.locator('#step-task').inputValue(), '2');
    await page.selectOption('#step-kind', 'task');
    await page.evaluate(() => window.looplab.selectTask(0));
  });

  it('interleaves stdout and stderr in the console in the order written, stderr styled', LIMIT, async () => {
    const src = 'import sys\nprint("one")\nprint("two", file=sys.stderr)\nprint("three")\nsys.stderr.write("four\\n")\n';
    await page.evaluate((s) => window.looplab.load(s), src);
    await frames(page, 3);
    const lines = await page.evaluate(() => [...document.querySelectorAll('#console .line:not(.notice)')]
      .map((el) => [el.textContent, el.classList.contains('stderr')]));
    assert.deepEqual(lines, [['one', false], ['two', true], ['three', false], ['four', true]]);
    const color = await page.locator('#console .line.stderr span').first().evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(color, await page.locator('#console .line.stdout span').first().evaluate((el) => getComputedStyle(el).color));
  });

  it('caps the console with a notice and keeps all output in output()', LIMIT, async () => {
    const r = await page.evaluate((src) => window.looplab.load(src), 'for i in range(6000):\n    print(i)\n');
    assert.equal(r.runState, 'finished');
    await frames(page, 3);
    const shown = await page.locator('#console .line:not(.notice)').count();
    assert.ok(shown <= 5000, `${shown} lines shown`);
    assert.match(await page.locator('#console .notice.capped').innerText(), /earlier lines are not shown/);
    assert.equal((await page.evaluate(() => window.looplab.output())).stdout.split('\n').length, 6001);
  });

  it('marks each pending task\'s line in the editor in its colour', LIMIT, async () => {
    await load(GATHER);
    await step('task');
    await step('task');
    const marks = await waitFor(page, (lines) => {
      const m = window.looplab.editor.marks().tasks;
      return m.length >= 2 && lines.every((l) => m.some((t) => t.line === l)) ? m : null;
    }, [LINE_SLEEP, LINE_GATHER], { what: 'task marks' });
    const byName = Object.fromEntries(marks.map((m) => [m.name, m]));
    assert.equal(byName['Task-1'].line, LINE_GATHER);
    assert.equal(byName['Task-2'].line, LINE_SLEEP);
    // The visualizer's colours (visualizer/theme.h kTaskPaletteRgb): Task-1 blue, Task-2 yellow.
    assert.equal(byName['Task-1'].color, '#61afef');
    assert.equal(byName['Task-2'].color, '#e5c07b');
    // In the DOM: the marked lines carry the tasks' names and colours.
    const dom = await page.evaluate(() => [...document.querySelectorAll('.cm-line.cm-ll-task')].map((el) => ({
      text: el.textContent, tasks: el.dataset.tasks, color: el.style.getPropertyValue('--task-color'),
    })));
    assert.ok(dom.some((d) => d.tasks.includes('Task-2') && d.text.includes('await asyncio.sleep(delay)')), JSON.stringify(dom));
    assert.ok(dom.some((d) => d.tasks.includes('Task-1') && d.text.includes('asyncio.gather')), JSON.stringify(dom));
    assert.ok(dom.every((d) => d.color), JSON.stringify(dom));
    // Clicking a task's label follows that task's lines.
    const label = page.locator('.cm-ll-label[data-task="2"]');
    assert.equal(await label.getAttribute('title'), 'Step through the lines of Task-2');
    await label.click();
    assert.equal(await page.locator('#step-kind').inputValue(), 'line');
    assert.equal(await page.locator('#step-task').inputValue(), '2');
    assert.equal((await state()).selectedTask, 2);
    await page.selectOption('#step-kind', 'task');
    await page.evaluate(() => window.looplab.selectTask(0));
    await frames(page, 3);
    await page.screenshot({ path: screenshotPath('gather-task-step-2.png') });
  });

  it('underlines an uncaught exception\'s line and links the traceback to the editor', LIMIT, async () => {
    const source = 'import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n    raise ValueError("boom")\n\n\nasyncio.run(main())\n';
    const result = await page.evaluate((src) => window.looplab.load(src), source);
    assert.equal(result.runState, 'failed');
    const error = await waitFor(page, () => window.looplab.editor.marks().error, null, { what: 'error mark' });
    assert.deepEqual(error, { line: 6, message: 'ValueError: boom' });
    const underlined = await page.locator('.cm-ll-error').first().innerText();
    assert.equal(underlined, 'raise ValueError("boom")');
    assert.equal(await page.locator('.cm-ll-error-msg').innerText(), 'ValueError: boom');
    // Clicking `File "main.py", line 6` in the console puts the cursor on line 6.
    await page.locator('#console .tb-link', { hasText: 'line 6' }).click();
    const cursorLine = await page.evaluate(() => {
      const v = document.querySelector('.cm-content').cmView?.view;
      return v ? v.state.doc.lineAt(v.state.selection.main.head).number : null;
    });
    if (cursorLine !== null) assert.equal(cursorLine, 6);
    // The active line (the cursor's) is line 6; it also shows the error message after the code.
    assert.ok((await page.locator('.cm-activeLine').innerText()).startsWith('    raise ValueError("boom")'));
    // Before the error was reported the underline is not there (time travel).
    await page.evaluate(() => window.looplab.seek(1));
    await waitFor(page, () => !window.looplab.editor.marks().error, null, { what: 'error mark gone at the start' });
  });

  it('seeks to the moment a console line was printed when it is clicked', LIMIT, async () => {
    await load(GATHER);
    await page.evaluate(() => window.looplab.seek(window.looplab.events()));
    await frames(page, 3);
    const line = page.locator('#console .line[data-event]', { hasText: 'B: done' });
    const event = Number(await line.getAttribute('data-event'));
    await line.click();
    assert.equal((await state()).playhead, event + 1);
    // Lines printed after the playhead are dimmed.
    await frames(page, 2);
    assert.equal(await page.locator('#console .line.future', { hasText: 'A: done' }).count(), 1);
    assert.equal(await page.locator('#console .line.future', { hasText: 'B: done' }).count(), 0);
  });

  it('keeps the page responsive during an infinite loop and stops it with the Stop button', LIMIT, async () => {
    await page.evaluate(() => { window.__run = window.looplab.load('n = 0\nwhile True:\n    n += 1\n'); });
    await waitFor(page, () => window.looplab.status().runState === 'running', null, { what: 'running' });
    // The page answers while the program runs: timers fire and frames are drawn.
    const t0 = Date.now();
    await frames(page, 10);
    const lag = await page.evaluate(() => new Promise((done) => { const t = performance.now(); setTimeout(() => done(performance.now() - t), 0); }));
    assert.ok(Date.now() - t0 < 5000, 'ten frames took over 5 s');
    assert.ok(lag < 500, `a timeout waited ${lag} ms`);
    await page.click('#stop');
    const outcome = await page.evaluate(() => window.__run);
    assert.equal(outcome.runState, 'stopped');
    assert.equal((await state()).runState, 'stopped');
    assert.match(await page.locator('#console').innerText(), /\[stopped\]/);
    assert.deepEqual(errors, []);
  });

  it('bounds the log with a notice and seeks anywhere in a 1,000,000-event log quickly', { timeout: 180_000 }, async (t) => {
    await page.evaluate(() => { window.__spin = window.looplab.run('import asyncio\n\n\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\n\n\nasyncio.run(spin())\n'); });
    const full = await waitFor(page, () => (window.looplab.status().logFull ? window.looplab.status() : null), null, { what: 'a full log', timeout: 150_000 });
    assert.equal(full.events, 1_000_000);
    // Seeks forth and back across the whole log, each with the model at the new playhead.
    const times = await page.evaluate(() => [999_000, 10, 500_000, 250_123, 999_999, 3, 750_001].map((i) => {
      const t0 = performance.now();
      window.looplab.seek(i);
      const s = window.looplab.state();
      return { i, playhead: s.playhead, ms: performance.now() - t0 };
    }));
    for (const { i, playhead } of times) assert.equal(playhead, i);
    const worst = Math.max(...times.map((x) => x.ms));
    t.diagnostic(`seek + state() in a 1,000,000-event log: worst ${worst.toFixed(1)} ms`);
    assert.ok(worst < 50, `a seek took ${worst.toFixed(1)} ms: ${JSON.stringify(times)}`);
    await page.click('#stop');
    assert.equal((await page.evaluate(() => window.__spin)).runState, 'stopped');
    const shown = await page.locator('#console').innerText();
    assert.match(shown, /the event log is full/);
    assert.match(shown, /\[stopped\]/);
  });

  it('plays at a slow speed and pauses', LIMIT, async () => {
    await load(GATHER);
    await page.evaluate(() => { window.looplab.setSpeed(25); window.looplab.play(); });
    await page.waitForTimeout(400);
    const s1 = await page.evaluate(() => window.looplab.status());
    assert.ok(s1.playing, 'playing');
    assert.ok(s1.playhead > 0 && s1.playhead < s1.events, `playhead ${s1.playhead} of ${s1.events}`);
    await page.evaluate(() => window.looplab.pause());
    const p = (await page.evaluate(() => window.looplab.status())).playhead;
    await page.waitForTimeout(300);
    assert.equal((await page.evaluate(() => window.looplab.status())).playhead, p);
    // Dragging the scrubber moves the playhead (and back).
    await page.locator('#scrub').fill('60');
    assert.equal((await state()).playhead, 60);
    await page.locator('#scrub').fill('20');
    assert.equal((await state()).playhead, 20);
    await frames(page, 2);
    assert.match(await page.locator('#position').innerText(), /^event 20 \/ \d+$/);
    // The speed slider runs from slow motion (0.5 events/s) to instant.
    await page.locator('#speed').fill('0');
    assert.equal(await page.locator('#speed-label').innerText(), '0.5/s');
    assert.equal((await page.evaluate(() => window.looplab.status())).speed, 0.5);
    await page.locator('#speed').fill(await page.locator('#speed').getAttribute('max'));
    assert.equal(await page.locator('#speed-label').innerText(), 'instant');
    await page.evaluate(() => window.looplab.setSpeed(0));
  });

  it('answers the keyboard: step, step back, step size, play/pause, run', LIMIT, async () => {
    await load(GATHER);
    // Focus outside the editor (not on the canvas: a click there may move the playhead).
    await page.evaluate(() => { document.activeElement?.blur(); window.looplab.seek(0); });
    await page.keyboard.press('2');          // step size: task step
    assert.equal(await page.locator('#step-kind').inputValue(), 'task');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('F10');
    const two = (await state()).playhead;
    await page.evaluate(() => window.looplab.seek(0));
    await step('task');
    assert.equal(await step('task'), two, 'two key presses = two task steps');
    await page.keyboard.press('ArrowLeft');
    assert.ok((await state()).playhead < two);
    await page.keyboard.press('1');
    assert.equal(await page.locator('#step-kind').inputValue(), 'event');
    await page.keyboard.press('Shift+F10');
    await page.evaluate(() => window.looplab.setSpeed(2));  // instant play would end at once
    await page.keyboard.press(' ');
    assert.equal((await page.evaluate(() => window.looplab.status())).playing, true);
    await page.keyboard.press('F8');
    assert.equal((await page.evaluate(() => window.looplab.status())).playing, false);
    await page.evaluate(() => window.looplab.setSpeed(0));
    // Ctrl+Enter in the editor runs it again.
    await page.click('.cm-content');
    const before = await page.evaluate(() => window.looplab.output().stdout);
    await page.evaluate(() => window.looplab.stop());
    await page.keyboard.press('Control+Enter');
    await waitFor(page, () => window.looplab.status().runState === 'finished' && window.looplab.output().stdout.length > 0, null, { what: 'the run' });
    assert.equal(await page.evaluate(() => window.looplab.output().stdout), before);
    await page.selectOption('#step-kind', 'task');
  });

  it('re-runs after an edit when auto-run is on, and not when it is off', LIMIT, async () => {
    await load('print("first")\n');
    const toggle = page.locator('#auto-run');
    await toggle.check();
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('print("second")\n');
    await waitFor(page, () => window.looplab.output().stdout === 'first\nsecond\n', null, { what: 'the automatic re-run', timeout: 5000 });
    await toggle.uncheck();
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('print("third")\n');
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.looplab.output().stdout), 'first\nsecond\n');
  });

  it('draws the visualizer at several moments (screenshots)', LIMIT, async () => {
    await load(GATHER);
    const shots = [];
    for (const [name, where] of [['start', 0], ['after-4-task-steps', null], ['end', -1]]) {
      if (where === null) for (let i = 0; i < 4; i++) await step('task');
      else await page.evaluate((w) => window.looplab.seek(w < 0 ? window.looplab.events() : w), where);
      await frames(page, 4);
      const png = await page.locator('#canvas').screenshot({ path: screenshotPath(`gather-${name}.png`) });
      shots.push(await pixelStats(browser, png));
    }
    for (const s of shots) assert.ok(s.stddev > 8 && s.colors > 50, `canvas looks blank: ${JSON.stringify(s)}`);
  });
});
