// Shared pieces of the browser tests: Debian's Chromium through playwright-core (flags as in
// ../shared/TOOLCHAIN.md: no sandbox as root, WebGL through SwiftShader), the built page served
// on a free loopback port, and a page wrapper that records console errors.
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { serve } from '../../site/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// LOOPLAB_SITE_DIST points the tests at another build of the page (site/build.mjs honours it too).
export const SITE_DIST = process.env.LOOPLAB_SITE_DIST ?? join(here, '../../site/dist');
export const SCREENSHOTS = join(here, 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function startSite() {
  if (!existsSync(join(SITE_DIST, 'index.html'))) throw new Error(`${SITE_DIST} is not built`);
  const server = await serve(SITE_DIST, { port: 0 });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens `url` in a fresh context; `errors` collects console errors and uncaught exceptions.
// The playback speed is set to `speed` (default 0, instant: the playhead follows the end of the
// log, so state() after a run is the run's end); `speed: null` keeps the page's own setting.
export async function openPage(browser, url, contextOptions = {}, { speed = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.evaluate(() => window.looplab.ready);
  if (speed !== null) await page.evaluate((s) => window.looplab.setSpeed(s), speed);
  return { context, page, errors };
}

// Polls `fn` in the page until it returns a truthy value (then returns it) or `timeout` ms pass.
export async function waitFor(page, fn, arg, { timeout = 20_000, what = 'condition' } = {}) {
  const handle = await page.waitForFunction(fn, arg, { timeout, polling: 'raf' }).catch((e) => {
    throw new Error(`timed out waiting for ${what}: ${e.message.split('\n')[0]}`);
  });
  return handle.jsonValue();
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

// Decodes a PNG in a blank page (the browser is the decoder) and returns luminance statistics
// of its pixels: a blank or black canvas has a tiny standard deviation and few distinct values.
export async function pixelStats(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      let sum = 0, sum2 = 0;
      const seen = new Set();
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
        sum += y;
        sum2 += y * y;
        seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      const mean = sum / n;
      return { mean, stddev: Math.sqrt(Math.max(0, sum2 / n - mean * mean)), colors: seen.size };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

// Resolves after `count` animation frames in the page (the wasm loop draws once per frame).
export function frames(page, count = 3) {
  return page.evaluate((n) => new Promise((done) => {
    const tick = () => (--n <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), count);
}
