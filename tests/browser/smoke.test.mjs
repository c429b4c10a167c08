// Smoke test of the served page: it loads, the wasm module draws the ImGui canvas, the editor
// keeps its text across reloads, and window.looplab runs programs to their end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frames, launchBrowser, openPage, pixelStats, screenshotPath, startSite } from './harness.mjs';

const TERMINAL = ['finished', 'failed', 'stopped'];
// A hung page (e.g. an engine crash that leaves run() pending) fails the test instead of CI.
const LIMIT = { timeout: 60_000 };

describe('page smoke', () => {
  let site, browser, page, errors;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser, site.url));
  }, LIMIT);
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  it('loads the wasm module without console errors', LIMIT, async () => {
    await frames(page, 5);
    assert.deepEqual(errors, []);
    // With auto-run on (the default) the page runs the editor's program once it is up.
    const { runState } = await page.evaluate(() => window.looplab.state());
    assert.ok(['idle', 'running', 'finished'].includes(runState), runState);
  });

  it('draws the ImGui canvas (not blank, not black)', LIMIT, async () => {
    await frames(page, 5);
    const png = await page.locator('#canvas').screenshot();
    const stats = await pixelStats(browser, png);
    assert.ok(stats.stddev > 8, `canvas looks blank: ${JSON.stringify(stats)}`);
    assert.ok(stats.colors > 50, `canvas has too few colours: ${JSON.stringify(stats)}`);
    assert.ok(stats.mean > 10, `canvas is black: ${JSON.stringify(stats)}`);
  });

  it('keeps the editor text across a reload', LIMIT, async () => {
    const marker = `# kept across reloads ${Date.now()}`;
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n${marker}`);
    await page.reload();
    await page.evaluate(() => window.looplab.ready);
    const text = await page.locator('.cm-content').innerText();
    assert.ok(text.includes(marker), `editor lost the text after reload:\n${text}`);
  });

  it('runs a program through window.looplab.run until it settles', LIMIT, async () => {
    const result = await page.evaluate(() => window.looplab.run('print("hello from looplab")\n'));
    assert.ok(TERMINAL.includes(result.runState), `run settled as ${JSON.stringify(result)}`);
    const state = await page.evaluate(() => window.looplab.state());
    assert.equal(state.runState, result.runState);
    assert.equal(typeof state.clock, 'number');
    assert.equal(typeof state.events, 'number');
    const out = await page.evaluate(() => window.looplab.output());
    if (result.runState === 'finished') assert.equal(out.stdout, 'hello from looplab\n');
    else assert.ok(out.stderr.length > 0, 'a failed run explains itself on stderr');
    // The console shows what the program wrote.
    const shown = await page.locator('#console').innerText();
    assert.ok(shown.includes((out.stdout + out.stderr).trim().split('\n')[0]), shown);
  });

  it('stop() ends a program that would never finish', LIMIT, async () => {
    const outcome = await page.evaluate(async () => {
      const run = window.looplab.run('while True:\n    pass\n');
      await new Promise((r) => setTimeout(r, 200));
      window.looplab.stop();
      return run;
    });
    assert.ok(TERMINAL.includes(outcome.runState), JSON.stringify(outcome));
    await frames(page, 3);
    assert.deepEqual(errors, []);
  });

  it('reports a trap in the engine as a crash instead of hanging', LIMIT, async () => {
    const o = await openPage(browser, site.url);
    try {
      // What a wasm trap thrown out of the module's frame callback looks like to the page.
      const outcome = await o.page.evaluate(async () => {
        const run = window.looplab.run('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n');
        await new Promise((r) => setTimeout(r, 100));
        window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('memory access out of bounds'), message: 'memory access out of bounds' }));
        return run.then((r) => `settled ${JSON.stringify(r)}`, (e) => `rejected: ${e.message}`);
      });
      assert.match(outcome, /^rejected: the Looplab engine crashed \(memory access out of bounds\)/);
      assert.match(await o.page.locator('#console').innerText(), /engine crashed \(memory access out of bounds\); reload the page/);
      assert.equal(await o.page.locator('#run').isDisabled(), true);
      assert.equal(await o.page.locator('#status').getAttribute('data-state'), 'error');
    } finally {
      await o.context.close();
    }
  });

  it('keeps the canvas crisp on a high-DPI screen and follows resizes', LIMIT, async () => {
    const hidpi = await openPage(browser, site.url, { deviceScaleFactor: 2 });
    try {
      const backing = () => hidpi.page.evaluate(() => {
        const c = document.getElementById('canvas');
        const box = c.getBoundingClientRect();
        return { width: c.width, height: c.height, css: [box.width, box.height] };
      });
      await frames(hidpi.page, 3);
      let b = await backing();
      assert.equal(b.width, Math.floor(b.css[0]) * 2, JSON.stringify(b));
      assert.equal(b.height, Math.floor(b.css[1]) * 2, JSON.stringify(b));
      await hidpi.page.setViewportSize({ width: 1000, height: 700 });
      await frames(hidpi.page, 5);
      b = await backing();
      assert.equal(b.width, Math.floor(b.css[0]) * 2, `after resize: ${JSON.stringify(b)}`);
      await hidpi.page.screenshot({ path: screenshotPath('page-hidpi.png') });
      assert.deepEqual(hidpi.errors, []);
    } finally {
      await hidpi.context.close();
    }
  });

  it('saves a screenshot of the page after a run', LIMIT, async () => {
    await page.evaluate(() => window.looplab.run(document.querySelector('.cm-content').innerText));
    await frames(page, 5);
    await page.screenshot({ path: screenshotPath('page.png') });
    assert.deepEqual(errors, []);
  });
});
