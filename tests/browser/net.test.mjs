// Real I/O from programs in the page: httpx through the browser's fetch and websockets through
// its WebSocket, against a local HTTP + WebSocket server (net_server.mjs) on loopback. Checks
// what the programs print, what state() and model() say, and wall-clock timing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startSite } from './harness.mjs';
import { startNetServer } from './net_server.mjs';

const LIMIT = { timeout: 60_000 };

describe('network from the page', () => {
  let site, net, browser, page;

  before(async () => {
    site = await startSite();
    net = await startNetServer();
    browser = await launchBrowser();
    ({ page } = await openPage(browser, site.url));
  }, LIMIT);
  after(async () => {
    await browser?.close();
    await net?.close();
    site?.server.close();
  });

  // Runs a program (with {HTTP}, {WS} and {DEAD} filled in); returns its outcome, output and
  // the wall time the run took.
  async function run(source) {
    const program = source
      .replaceAll('{HTTP}', net.httpUrl)
      .replaceAll('{WS}', net.wsUrl)
      .replaceAll('{DEAD}', String(net.deadPort));
    return page.evaluate(async (src) => {
      const t0 = performance.now();
      const result = await window.looplab.run(src);
      const wall = (performance.now() - t0) / 1000;
      return { ...result, wall, ...window.looplab.output(), state: window.looplab.state(), model: window.looplab.model() };
    }, program);
  }

  function finished(r) {
    assert.equal(r.runState, 'finished', `run ended ${r.runState}:\n${r.stdout}\n${r.stderr}`);
    assert.equal(r.state.runState, 'finished');
  }

  it('GETs JSON', LIMIT, async () => {
    const r = await run(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient(base_url="{HTTP}", timeout=10) as client:
        r = await client.get("/json")
        print(r, r.json(), r.headers["content-type"], r.url)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, `<Response [200 OK]> {'hello': 'world', 'n': 42} application/json ${net.httpUrl}/json\n`);
    const io = r.model.io;
    assert.equal(io.length, 1);
    assert.deepEqual([io[0].method, io[0].url, io[0].state, io[0].status, io[0].bytes],
      ['GET', `${net.httpUrl}/json`, 'done', 200, 24]);
  });

  it('POSTs JSON', LIMIT, async () => {
    const r = await run(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.post("{HTTP}/echo", json={"a": [1, 2], "b": "é"})
        print(r.status_code, r.json())
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, "200 {'method': 'POST', 'contentType': 'application/json', 'body': {'a': [1, 2], 'b': 'é'}}\n");
  });

  it('handles 404 and 500 answers', LIMIT, async () => {
    const r = await run(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient(base_url="{HTTP}", timeout=10) as client:
        r = await client.get("/status/404")
        print(r, r.json())
        try:
            r.raise_for_status()
        except httpx.HTTPStatusError as e:
            print(str(e).splitlines()[0])
        r = await client.get("/status/500")
        print(r.status_code, r.is_server_error, r.text)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, [
      "<Response [404 Not Found]> {'detail': 'status 404'}",
      `Client error '404 Not Found' for url '${net.httpUrl}/status/404'`,
      '500 True Internal Server Error', ''].join('\n'));
  });

  it('cancels a slow request with wait_for and the server sees it go', LIMIT, async () => {
    const before = net.stats.aborted;
    const r = await run(`import asyncio, httpx
async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(timeout=30) as client:
        t0 = loop.time()
        try:
            await asyncio.wait_for(client.get("{HTTP}/slow"), timeout=0.5)
        except asyncio.TimeoutError:
            print("gave up", 0.45 < loop.time() - t0 < 1.5)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, 'gave up True\n');
    assert.ok(r.wall < 5, `the run took ${r.wall} s`);
    assert.equal(r.model.io[0].state, 'aborted');
    for (let i = 0; i < 40 && net.stats.aborted === before; i++) await new Promise((done) => setTimeout(done, 50));
    assert.equal(net.stats.aborted, before + 1);
  });

  it('waits on real I/O in state() while a request is in flight', LIMIT, async () => {
    const states = await page.evaluate(async (url) => {
      const done = window.looplab.run(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient() as client:
        r = await client.get("${url}/delay?ms=1500&id=7")
        print(r.json())
asyncio.run(main())
`);
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      // Compiling and importing take a while; then the request is in flight.
      for (let i = 0; i < 250 && window.looplab.state().runState !== 'waiting_io'; i++) await sleep(20);
      await sleep(400);
      const during = { state: window.looplab.state(), model: window.looplab.model() };
      await done;
      return { during, after: window.looplab.state(), afterModel: window.looplab.model(),
               stdout: window.looplab.output().stdout };
    }, net.httpUrl);
    assert.equal(states.during.state.runState, 'waiting_io');
    const io = states.during.model.io;
    assert.equal(io.length, 1);
    assert.equal(io[0].state, 'pending');
    assert.equal(io[0].task, 'Task-1');
    // The virtual clock follows the wall clock while the loop waits.
    assert.ok(io[0].elapsed > 0.3 && io[0].elapsed < 1.5, `elapsed ${io[0].elapsed}`);
    const main = states.during.model.tasks[0];
    assert.equal(main.state, 'waiting');
    assert.equal(main.awaiting, `GET ${net.httpUrl}/delay?ms=1500&id=7`);
    assert.equal(states.after.runState, 'finished');
    const ended = states.afterModel.io[0];
    assert.equal(ended.state, 'done');
    assert.ok(ended.elapsed >= 1.45 && ended.elapsed < 4, `the 1.5 s request took ${ended.elapsed} s of virtual time`);
    assert.equal(states.stdout, "{'id': 7, 'ms': 1500}\n");
  });

  it('runs ten requests concurrently: the total is the slowest, not the sum', LIMIT, async () => {
    const r = await run(`import asyncio, httpx
async def main():
    loop = asyncio.get_running_loop()
    delays = [300, 1000, 100, 700, 500, 200, 900, 400, 800, 600]
    async with httpx.AsyncClient(base_url="{HTTP}", timeout=10) as client:
        t0 = loop.time()
        rs = await asyncio.gather(*(client.get("/delay", params={"ms": ms, "id": i}) for i, ms in enumerate(delays)))
        took = loop.time() - t0
        print([r.json()["id"] for r in rs])
        print("virtual", 0.95 < took < 2.5, round(took, 1))
asyncio.run(main())
`);
    finished(r);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]');
    assert.ok(lines[1].startsWith('virtual True'), r.stdout);
    assert.ok(r.wall >= 0.95 && r.wall < 3, `ten requests (1 s the slowest, 5.5 s the sum) took ${r.wall} s`);
    assert.equal(r.model.io.filter((x) => x.state === 'done').length, 10);
  });

  it('holds a WebSocket echo conversation', LIMIT, async () => {
    const r = await run(`import asyncio, websockets
async def main():
    async with websockets.connect("{WS}/echo") as ws:
        for text in ["hello", "héllo"]:
            await ws.send(text)
            print(repr(await ws.recv()))
        await ws.send(b"\\x00\\x01\\xff")
        print(repr(await ws.recv()))
        print(ws.open)
    print(ws.closed, ws.close_code)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, "'hello'\n'héllo'\nb'\\x00\\x01\\xff'\nTrue\nTrue 1000\n");
    const sock = r.model.io[0];
    assert.deepEqual([sock.method, sock.state, sock.status, sock.messages, sock.bytes],
      ['WS', 'closed', 1000, 3, 14]);
  });

  it('sees the server close the socket, cleanly or not', LIMIT, async () => {
    const r = await run(`import asyncio, websockets
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK
async def main():
    async with websockets.connect("{WS}/close") as ws:
        await ws.send("hi")
        print(await ws.recv())
        try:
            await ws.recv()
        except ConnectionClosedOK as e:
            print(type(e).__name__, e)
    async with websockets.connect("{WS}/drop") as ws:
        await ws.send("x")
        try:
            async for msg in ws:
                print(msg)
        except ConnectionClosedError as e:
            print(type(e).__name__, e, e.code)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, [
      'last words for hi',
      'ConnectionClosedOK received 1000 (OK) bye; then sent 1000 (OK) bye',
      'ConnectionClosedError no close frame received or sent 1006', ''].join('\n'));
  });

  it('explains an unreachable port and a server without CORS', LIMIT, async () => {
    const r = await run(`import asyncio, httpx, websockets
async def main():
    async with httpx.AsyncClient(timeout=10) as client:
        for url in ["http://127.0.0.1:{DEAD}/", "{HTTP}/nocors"]:
            try:
                await client.get(url)
            except httpx.ConnectError as e:
                print(type(e).__name__, e)
    try:
        await websockets.connect("ws://127.0.0.1:{DEAD}/")
    except OSError as e:
        print(type(e).__name__, e)
asyncio.run(main())
`);
    finished(r);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    assert.ok(lines[0].startsWith(`ConnectError could not fetch http://127.0.0.1:${net.deadPort}/ (the browser says: `), lines[0]);
    assert.match(lines[0], /CORS/);
    assert.match(lines[0], /sim:\/\//);
    assert.ok(lines[1].startsWith(`ConnectError could not fetch ${net.httpUrl}/nocors`), lines[1]);
    assert.ok(lines[2].startsWith(`OSError could not open a WebSocket to ws://127.0.0.1:${net.deadPort}/`), lines[2]);
    assert.deepEqual(r.model.io.map((x) => x.state), ['failed', 'failed', 'failed']);
  });

  it('runs sim:// offline in the page too, in virtual time', LIMIT, async () => {
    const r = await run(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient(base_url="sim://api", timeout=None) as client:
        users = await asyncio.gather(*(client.get(f"/users/{i}", params={"delay": 30}) for i in range(1, 4)))
        print([u.json()["username"] for u in users], asyncio.get_running_loop().time() > 1030)
asyncio.run(main())
`);
    finished(r);
    assert.equal(r.stdout, "['ada', 'alan', 'grace'] True\n");
    assert.ok(r.wall < 5, `30 virtual seconds took ${r.wall} s of wall time`);
  });
});
