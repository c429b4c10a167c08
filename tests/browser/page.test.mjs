// The page around the engine: every gallery example prints in the browser what it prints
// natively, share links round-trip into a new browser (program, speed, step size, playhead),
// broken links say so and keep the saved program, lessons and the embed open from links, the
// UI switches to Korean, downloads, the layout at tablet widths, and the time to the first run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frames, launchBrowser, openPage, screenshotPath, startSite, waitFor } from './harness.mjs';
import { GATHER, essentials } from './programs.mjs';

const LIMIT = { timeout: 120_000 };
const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../site/examples');
const SAVED = 'print("my own program, kept")\n';

// A context whose editor already holds SAVED (as if the person had typed it before).
async function openWithSaved(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript((saved) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('looplab.source', saved);
      sessionStorage.setItem('seeded', '1');
    }
  }, SAVED);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.evaluate(() => window.looplab.ready);
  return { context, page, errors };
}
const editorText = (page) => page.evaluate(() => window.looplab.editor.text());
const finished = (page) => waitFor(page, () => {
  const s = window.looplab.status();
  return ['finished', 'failed', 'stopped'].includes(s.runState) ? s : null;
}, null, { what: 'the run to end' });

describe('page: gallery, share links, lessons, embed', () => {
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

  it('measures the time from navigation to the first run finished', LIMIT, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const fresh = await context.newPage();
      await fresh.goto(site.url);
      const s = await finished(fresh);
      const ms = await fresh.evaluate(() => performance.now());
      const timing = await fresh.evaluate(() => {
        const at = (name) => Math.round(performance.getEntriesByType('resource').find((e) => e.name.endsWith(name))?.responseEnd ?? -1);
        const nav = performance.getEntriesByType('navigation')[0];
        return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), wasmLoaded: at('looplab.wasm'), appLoaded: at('app.js') };
      });
      assert.equal(s.runState, 'finished');
      const line = `navigation to first run finished: ${Math.round(ms)} ms (DOMContentLoaded ${timing.domContentLoaded} ms, app.js ${timing.appLoaded} ms, looplab.wasm downloaded ${timing.wasmLoaded} ms; loopback server)`;
      t.diagnostic(line);
      console.log(`# ${line}`);
    } finally {
      await context.close();
    }
  });

  // 23 runs: a generous limit for a loaded machine.
  it('runs every gallery example in the browser with its expected output', { timeout: 300_000 }, async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.py') && f !== 'check.py').sort();
    assert.ok(files.length >= 15, `${files.length} examples`);
    const failures = [];
    for (const file of files) {
      const source = readFileSync(join(EXAMPLES, file), 'utf8');
      const expected = readFileSync(join(EXAMPLES, file.replace(/\.py$/, '.expected')), 'utf8');
      const r = await page.evaluate(async (src) => ({ ...(await window.looplab.run(src)), ...window.looplab.output() }), source);
      if (r.runState !== 'finished' || r.stdout !== expected) failures.push(`${file}: ${r.runState}\n${r.stdout}\n${r.stderr}`);
    }
    assert.deepEqual(failures, []);
  });

  it('opens a gallery example from the sidebar and runs it', LIMIT, async () => {
    await page.click('[data-tab="examples"]');
    await page.click('[data-file="gather_vs_sequential.py"]');
    await waitFor(page, () => window.looplab.editor.text().includes('gather vs sequential'), null, { what: 'the example in the editor' });
    await finished(page);
    const expected = readFileSync(join(EXAMPLES, 'gather_vs_sequential.expected'), 'utf8');
    assert.equal((await page.evaluate(() => window.looplab.output())).stdout, expected);
    // An unedited example is shared by name, not by its text.
    const link = await page.evaluate(() => window.looplab.share());
    assert.ok(link.length < site.url.length + 120, link);
  });

  it('round-trips a share link into a new browser at the same moment', LIMIT, async () => {
    await page.evaluate((src) => window.looplab.load(src), GATHER);
    await page.evaluate(() => {
      window.looplab.setSpeed(2);
      window.looplab.seek(0);
      window.looplab.step('task');
      window.looplab.step('task');
    });
    const select = page.locator('#step-kind');
    await select.selectOption('iteration');
    const before = await page.evaluate(() => window.looplab.state());
    const link = await page.evaluate(() => window.looplab.share());
    assert.match(link, /#v1\.[A-Za-z0-9_-]+$/);

    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const p2 = await other.newPage();
      await p2.goto(link);
      await p2.evaluate(() => window.looplab.ready);
      await finished(p2);
      await waitFor(p2, (ph) => window.looplab.status().playhead === ph, before.playhead, { what: `playhead ${before.playhead}` });
      assert.equal(await editorText(p2), GATHER);
      assert.equal(await p2.locator('#step-kind').inputValue(), 'iteration');
      assert.equal(await p2.locator('#speed-label').innerText(), '2/s');
      assert.deepEqual(essentials(await p2.evaluate(() => window.looplab.state())), essentials(before));
      assert.equal(new URL(p2.url()).hash, '', 'the fragment is cleared once read');
      await frames(p2, 3);
      await p2.screenshot({ path: screenshotPath('share-opened.png') });
    } finally {
      await other.close();
    }
    await page.evaluate(() => window.looplab.setSpeed(0));
  });

  it('copies the share link and an <iframe> embed code with the buttons', LIMIT, async () => {
    const o = await openPage(browser, site.url);
    try {
      await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await o.page.evaluate((src) => window.looplab.load(src), GATHER);
      await o.page.click('#share');
      await waitFor(o.page, () => document.querySelector('#banner:not([hidden])')?.textContent.includes('Link copied'), null, { what: 'the copied banner' });
      const link = await o.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, await o.page.evaluate(() => window.looplab.share()));
      await o.page.click('#embed');
      await waitFor(o.page, () => document.querySelector('#banner:not([hidden])')?.textContent.includes('Embed code'), null, { what: 'the embed banner' });
      const code = await o.page.evaluate(() => navigator.clipboard.readText());
      const m = /^<iframe src="([^"]+)" width="900" height="520" style="border:0" loading="lazy" title="Looplab"><\/iframe>$/.exec(code);
      assert.ok(m, code);
      assert.equal(m[1], await o.page.evaluate(() => window.looplab.embedLink()));
      // The embed code works in a page of someone else's.
      const host = await o.context.newPage();
      await host.setContent(`<!doctype html><body style="margin:0">${code}</body>`);
      const frame = host.frameLocator('iframe');
      await frame.locator('.cm-content').waitFor();
      const inner = host.frames().find((f) => f.url().includes('embed.html'));
      await waitFor(inner, () => window.looplab?.status().runState === 'finished', null, { what: 'the embedded run' });
      assert.equal(await inner.evaluate(() => window.looplab.editor.text()), GATHER);
      await frames(host, 4);
      await host.screenshot({ path: screenshotPath('embed-iframe.png') });
    } finally {
      await o.context.close();
    }
  });

  it('says a malformed or truncated link is broken and keeps the saved program', LIMIT, async () => {
    const good = await page.evaluate(() => window.looplab.share());
    const fragment = new URL(good).hash;
    for (const [what, hash] of [['garbage', '#v1.%%%not-base64'], ['truncated', fragment.slice(0, Math.ceil(fragment.length / 2))], ['unknown', '#v9.abc']]) {
      const o = await openWithSaved(browser, site.url + hash);
      try {
        const banner = await waitFor(o.page, () => document.querySelector('#banner:not([hidden]) .banner-text')?.textContent, null, { what: `the banner (${what})` });
        assert.match(banner, /damaged or incomplete/, `${what}: ${banner}`);
        assert.equal(await o.page.locator('#banner').getAttribute('data-kind'), 'error');
        assert.equal(await editorText(o.page), SAVED, what);
        if (what === 'truncated') await o.page.screenshot({ path: screenshotPath('broken-link.png') });
        assert.deepEqual(o.errors, []);
      } finally {
        await o.context.close();
      }
    }
  });

  it('keeps the editor text of a failed run across a reload', LIMIT, async () => {
    const bad = 'def broken(:\n    pass\n';
    const r = await page.evaluate((src) => window.looplab.load(src), bad);
    assert.equal(r.runState, 'failed');
    await page.reload();
    await page.evaluate(() => window.looplab.ready);
    assert.equal(await editorText(page), bad);
  });

  it('opens a lesson from a link, steps through it, and shows it in Korean', LIMIT, async () => {
    const o = await openPage(browser, `${site.url}#lesson=event-loop`, {}, { speed: null });
    try {
      await waitFor(o.page, () => document.querySelector('.lesson-title')?.textContent, null, { what: 'the lesson' });
      assert.equal(await o.page.locator('.lesson-title').innerText(), 'What the event loop does');
      await waitFor(o.page, () => window.looplab.editor.text().includes('call_later'), null, { what: 'the lesson program' });
      assert.equal(await o.page.locator('#step-kind').inputValue(), 'iteration');
      const lines = await o.page.evaluate(() => window.looplab.editor.marks().lesson);
      assert.deepEqual(lines, [31]);
      assert.equal(await o.page.locator('.cm-ll-lesson').innerText(), 'asyncio.run(main())');
      await o.page.click('.lesson-nav .primary');
      await waitFor(o.page, () => document.querySelector('.lesson-step-title')?.textContent === 'call_soon and call_later', null, { what: 'step 2' });
      assert.equal((await o.page.evaluate(() => window.looplab.editor.marks().lesson)).length, 3);
      await o.page.click('.lang[data-lang="ko"]');
      assert.equal(await o.page.locator('.lesson-title').innerText(), '이벤트 루프가 하는 일');
      assert.equal(await o.page.locator('#run').innerText(), '▶ 실행');
      assert.equal(await o.page.evaluate(() => document.documentElement.lang), 'ko');
      await frames(o.page, 3);
      await o.page.screenshot({ path: screenshotPath('lesson-ko.png') });
      await o.page.click('.lang[data-lang="en"]');
      assert.deepEqual(o.errors, []);
    } finally {
      await o.context.close();
    }
  });

  it('stops each lesson step that seeks at the moment its text describes', LIMIT, async () => {
    const lessons = join(EXAMPLES, '../src/lessons');
    // What the text says is on screen at the step's seek.
    const checks = {
      'event-loop/2': (s) => s.ready.length === 2 && s.timers.length === 1,
      'future/1': (s) => s.tasks[0].state === 'waiting' && s.timers.length === 1,
      'sync-primitives/1': (s) => s.tasks.filter((t) => t.coro.startsWith('deposit_unsafe') && t.state === 'waiting').length === 5,
      'sync-primitives/3': (s) => s.tasks.filter((t) => t.coro.startsWith('download') && t.state === 'waiting').length === 6 && s.timers.length === 2,
      'blocking/1': (s) => s.blocked === true && s.ready.length === 2,
      'deadlock/1': (s) => s.tasks.filter((t) => t.coro.startsWith('transfer') && t.state === 'waiting' && !/sleep/.test(t.awaiting)).length === 2,
    };
    const seen = [];
    for (const file of readdirSync(lessons).sort()) {
      const lesson = JSON.parse(readFileSync(join(lessons, file), 'utf8'));
      for (const [i, st] of lesson.steps.entries()) {
        if (st.seek === undefined) continue;
        const id = `${file.replace(/\.json$/, '')}/${i + 1}`;
        seen.push(id);
        assert.ok(checks[id], `no check for the seek of lesson step ${id}`);
        const o = await openPage(browser, `${site.url}#lesson=${id}`, {}, { speed: null });
        try {
          await waitFor(o.page, (ph) => window.looplab.status().playhead === ph, st.seek, { what: `${id} at event ${st.seek}` });
          const s = await o.page.evaluate(() => window.looplab.state());
          assert.ok(checks[id](s), `${id}: ${JSON.stringify(s.tasks)} ready ${JSON.stringify(s.ready)} timers ${JSON.stringify(s.timers)}`);
          if (id === 'deadlock/1') {
            await frames(o.page, 4);
            await o.page.screenshot({ path: screenshotPath('lesson-deadlock.png') });
          }
        } finally {
          await o.context.close();
        }
      }
    }
    assert.deepEqual(seen.sort(), Object.keys(checks).sort());
  });

  it('speaks Korean to a browser that prefers Korean', LIMIT, async () => {
    const o = await openPage(browser, site.url, { locale: 'ko-KR' });
    try {
      assert.equal(await o.page.evaluate(() => window.looplab.language()), 'ko');
      assert.equal(await o.page.locator('#run').innerText(), '▶ 실행');
      assert.equal(await o.page.locator('[data-tab="examples"]').innerText(), '예제');
      assert.match(await o.page.locator('[data-file="gather_vs_sequential.py"] .gallery-title').textContent(), /^gather와 순차 await/);
      assert.equal(await o.page.locator('[data-file="gather_vs_sequential.py"] .gallery-about').textContent(), '세 번의 대기를 차례로, 그리고 asyncio.gather로 한꺼번에 실행합니다.');
      assert.match(await o.page.locator('#position').innerText(), /^이벤트 \d+ \/ \d+$/);
    } finally {
      await o.context.close();
    }
  });

  it('serves the embed with an example from its fragment', LIMIT, async () => {
    const o = await openPage(browser, `${site.url}embed.html#example=semaphore_limit.py`, { viewport: { width: 900, height: 500 } });
    try {
      await finished(o.page);
      const expected = readFileSync(join(EXAMPLES, 'semaphore_limit.expected'), 'utf8');
      assert.equal((await o.page.evaluate(() => window.looplab.output())).stdout, expected);
      assert.equal(await o.page.locator('#console').count(), 0, 'no console in the embed');
      assert.equal(await o.page.locator('#sidebar').count(), 0, 'no sidebar in the embed');
      assert.match(await o.page.evaluate(() => window.looplab.share()), /\/#v1\./);
      await frames(o.page, 3);
      await o.page.screenshot({ path: screenshotPath('embed.png') });
      assert.deepEqual(o.errors, []);
    } finally {
      await o.context.close();
    }
  });

  it('downloads the program and the trace', LIMIT, async () => {
    await page.evaluate((src) => window.looplab.load(src), GATHER);
    const [prog] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(prog.suggestedFilename(), 'main.py');
    assert.equal(readFileSync(await prog.path(), 'utf8'), GATHER);
    const [trace] = await Promise.all([page.waitForEvent('download'), page.click('#export-trace')]);
    assert.equal(trace.suggestedFilename(), 'looplab-trace.json');
    const json = JSON.parse(readFileSync(await trace.path(), 'utf8'));
    assert.ok(Array.isArray(json.traceEvents) && json.traceEvents.length > 0, 'trace has events');
  });

  it('fetches the Korean font lazily and draws Hangul task names', LIMIT, async () => {
    const requested = [];
    page.on('request', (r) => { if (r.url().includes('/fonts/')) requested.push(r.url()); });
    const src = 'import asyncio\n\n\nasync def 일(n):\n    await asyncio.sleep(n)\n\n\nasync def main():\n    await asyncio.gather(asyncio.create_task(일(1), name="다운로드-1"), asyncio.create_task(일(2), name="다운로드-2"))\n\n\nasyncio.run(main())\n';
    await page.evaluate((s) => window.looplab.load(s), src);
    await page.evaluate(() => { window.looplab.seek(0); for (let i = 0; i < 3; i++) window.looplab.step('task'); });
    await waitFor(page, () => performance.getEntriesByType('resource').some((e) => e.name.includes('/fonts/korean.ttf')), null, { what: 'the Korean font request', timeout: 10_000 });
    await frames(page, 10);
    await page.locator('#canvas').screenshot({ path: screenshotPath('korean-task-names.png') });
    assert.ok(requested.length <= 1, `font requested ${requested.length} times`);
  });

  it('lays out at tablet widths without horizontal scrolling', LIMIT, async () => {
    for (const [w, h] of [[1024, 768], [820, 1180]]) {
      await page.setViewportSize({ width: w, height: h });
      await frames(page, 4);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${w}x${h}: ${overflow}px wider than the window`);
      assert.equal(await page.locator('#sidebar').isVisible(), false, `${w}x${h}: the sidebar would cover the editor`);
      const canvas = await page.locator('#canvas').boundingBox();
      assert.ok(canvas.width > 200 && canvas.height > 150, `${w}x${h}: canvas ${JSON.stringify(canvas)}`);
      await page.screenshot({ path: screenshotPath(`layout-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page, 2);
    assert.equal(await page.locator('#sidebar').isVisible(), true, 'the sidebar comes back on a wide window');
    assert.deepEqual(errors, []);
  });
});
