// Measures (does not judge) the visualizer's frame CPU time in the browser with 1,000 live tasks:
// the playhead is put where all of them wait, frames are drawn for a while, and the page's own
// ll_frame_ms figure is logged. The exact state at that moment is asserted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startSite } from './harness.mjs';

const LIMIT = { timeout: 120_000 };
const THOUSAND = `import asyncio

async def waiter(event):
    await event.wait()

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(1000)]
    await asyncio.sleep(1)
    event.set()
    await asyncio.gather(*tasks)
    print(len(tasks))

asyncio.run(main())
`;

describe('frame time with 1,000 tasks', () => {
  let site, browser, page;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    ({ page } = await openPage(browser, site.url));
    await page.evaluate(() => { document.getElementById('auto-run').checked = false; document.getElementById('auto-run').dispatchEvent(new Event('change')); });
  }, LIMIT);
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  it('draws the loop with 1,000 waiting tasks and reports its frame time', LIMIT, async () => {
    const result = await page.evaluate((src) => window.looplab.load(src), THOUSAND);
    assert.equal(result.runState, 'finished');
    // Step by iterations until main() sleeps: every waiter has run its first step by then.
    await page.evaluate(() => window.looplab.seek(0));
    let s;
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => window.looplab.step('iteration'));
      s = await page.evaluate(() => window.looplab.state());
      if (s.timers.length === 1 && s.ready.length === 0) break;
    }
    assert.equal(s.tasks.length, 1001);
    assert.equal(s.tasks.filter((t) => t.state === 'waiting').length, 1001);
    assert.deepEqual(s.timers.map((t) => t.label), ['sleep(1)']);
    await page.waitForTimeout(3000);  // 60+ frames of this moment
    const ms = await page.evaluate(() => window.looplab.frameMs());
    assert.ok(Number.isFinite(ms) && ms > 0, `frameMs() = ${ms}`);
    console.log(`# visualizer frame with 1,000 live tasks: ${ms.toFixed(2)} ms CPU (mean of 60 frames)`);
  });
});
