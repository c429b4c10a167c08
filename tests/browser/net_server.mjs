// A small HTTP + WebSocket server on loopback for the network tests: what programs in the page
// fetch and talk to. Every HTTP answer allows any origin (the page is served from another port),
// except /nocors, which is how a CORS failure looks.
//   GET  /json              {"hello": "world", "n": 42}
//   POST /echo              {"method", "contentType", "body": the JSON it received}
//   GET  /status/N          status N with {"detail": ...}
//   GET  /delay?ms=N&id=I   {"id": I, "ms": N} after N ms
//   GET  /slow              answers after 10 s (tests abort it; /stats counts the aborts)
//   GET  /nocors            200 without Access-Control-Allow-Origin
//   GET  /stats             {"aborted": n, "requests": n}
//   WS   /echo              echoes every message (text stays text, binary stays binary)
//   WS   /close            answers the first message, then closes with 1000 "bye"
//   WS   /drop              drops the connection after the first message (no close frame)
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': '*',
};

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

// Resolves with {server, port, httpUrl, wsUrl, deadPort, close()}.
export async function startNetServer() {
  const stats = { aborted: 0, requests: 0 };
  const timers = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    stats.requests++;
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const path = url.pathname;
      if (path === '/json') return send(res, 200, { hello: 'world', n: 42 }, CORS);
      if (path === '/echo') {
        let parsed = null;
        try { parsed = JSON.parse(body); } catch { parsed = body; }
        return send(res, 200, { method: req.method, contentType: req.headers['content-type'] ?? null, body: parsed }, CORS);
      }
      if (path.startsWith('/status/')) {
        const code = Number(path.slice('/status/'.length));
        return send(res, code, code >= 500 ? 'Internal Server Error' : { detail: `status ${code}` }, CORS);
      }
      if (path === '/delay') {
        const ms = Number(url.searchParams.get('ms') ?? 0);
        const id = Number(url.searchParams.get('id') ?? 0);
        const t = setTimeout(() => { timers.delete(t); send(res, 200, { id, ms }, CORS); }, ms);
        timers.add(t);
        return;
      }
      if (path === '/slow') {
        const t = setTimeout(() => { timers.delete(t); send(res, 200, { slow: true }, CORS); }, 10_000);
        timers.add(t);
        res.on('close', () => {
          if (!res.writableFinished) {
            stats.aborted++;
            clearTimeout(t);
            timers.delete(t);
          }
        });
        return;
      }
      if (path === '/nocors') return send(res, 200, { secret: true });
      if (path === '/stats') return send(res, 200, stats, CORS);
      return send(res, 404, { detail: 'Not Found' }, CORS);
    });
  });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    ws.on('message', (data, isBinary) => {
      if (path === '/echo') {
        ws.send(data, { binary: isBinary });
      } else if (path === '/close') {
        ws.send(`last words for ${data}`);
        ws.close(1000, 'bye');
      } else if (path === '/drop') {
        ws.terminate();
      }
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  // A port nothing listens on: bind one, then free it.
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const deadPort = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));

  return {
    server,
    port,
    deadPort,
    stats,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// `node net_server.mjs` serves until interrupted (for trying programs in the page by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startNetServer();
  console.log(`HTTP ${s.httpUrl}  WebSocket ${s.wsUrl}  (a dead port: ${s.deadPort})`);
}
