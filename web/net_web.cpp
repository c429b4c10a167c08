// The page's real network: the engine's RealNet (core/modules/net_backend.h) over the browser.
//   HTTP:      the browser's fetch() with an AbortController, called through EM_JS. (Emscripten
//              3.1.6's -sFETCH cannot abort a request: emscripten_fetch_close frees the fetch
//              while its XHR runs on, and the XHR's handlers later write into the freed struct;
//              it also reports a CORS failure only as status 0.)
//   WebSocket: Emscripten's WebSocket API (<emscripten/websocket.h>, -lwebsocket.js).
// Answers arrive from the browser's event loop between frames and go to the port's sink.
// Installed at startup by a static initializer, so the page's entry code needs no hook.
#include <emscripten.h>
#include <emscripten/websocket.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "modules/net_backend.h"

namespace looplab::web {

namespace {

// Request headers the browser sets itself (fetch() would drop them anyway).
bool forbidden_header(std::string name) {
  for (char& c : name) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return name == "host" || name == "connection" || name == "accept-encoding" || name == "content-length" ||
         name == "user-agent" || name == "keep-alive" || name == "transfer-encoding" || name == "te" ||
         name == "upgrade" || name == "trailer";
}

void json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  out += '"';
}

std::string failure_message(const std::string& url, const std::string& what) {
  return "could not fetch " + url + " (the browser says: " + what +
         "). The server may be down or unreachable, or it does not allow requests from this page: "
         "a server must answer with Access-Control-Allow-Origin for the playground to read it (CORS). "
         "Open the URL in a new tab to check it, or use a sim:// URL to work offline.";
}

}  // namespace

// clang-format off
EM_JS(void, ll_js_fetch, (int handle, const char* method, const char* url, const char* headers_json,
                          const char* body, int body_len), {
  var requests = Module["llFetches"] || (Module["llFetches"] = new Map());
  var controller = new AbortController();
  requests.set(handle, controller);
  var init = { method: UTF8ToString(method), headers: JSON.parse(UTF8ToString(headers_json)),
               signal: controller.signal, redirect: "follow" };
  if (body_len > 0) init.body = HEAPU8.slice(body, body + body_len);
  var toC = function(s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _ll_net_alloc(n);
    stringToUTF8(s, p, n);
    return p;
  };
  fetch(UTF8ToString(url), init).then(function(resp) {
    return resp.arrayBuffer().then(function(buffer) {
      if (!requests.has(handle)) return;
      requests.delete(handle);
      var data = new Uint8Array(buffer);
      var headers = "";
      resp.headers.forEach(function(value, name) { headers += name + ": " + value + String.fromCharCode(13, 10); });
      var p = _ll_net_alloc(data.length || 1);
      HEAPU8.set(data, p);
      var st = toC(resp.statusText), hs = toC(headers), u = toC(resp.url);
      _ll_net_fetch_done(handle, resp.status, st, hs, p, data.length, u);
      _ll_net_free(st); _ll_net_free(hs); _ll_net_free(u); _ll_net_free(p);
    });
  }).catch(function(err) {
    if (!requests.has(handle)) return;  // aborted by the engine
    requests.delete(handle);
    var m = toC(String((err && err.message) || err));
    _ll_net_fetch_failed(handle, m);
    _ll_net_free(m);
  });
});

EM_JS(void, ll_js_fetch_abort, (int handle), {
  const requests = Module["llFetches"];
  const controller = requests && requests.get(handle);
  if (!controller) return;
  requests.delete(handle);
  controller.abort();
});
// clang-format on

class BrowserNet final : public net::RealNet {
 public:
  struct Entry {
    net::RealNetSink* sink = nullptr;
    bool socket = false;
    EMSCRIPTEN_WEBSOCKET_T ws = 0;
    std::string url;
  };
  std::map<uint64_t, Entry> entries;
  uint64_t next = 0;

  uint64_t http_start(const net::HttpRequest& req, double, net::RealNetSink* sink) override {
    uint64_t h = ++next;
    entries[h] = Entry{sink, false, 0, req.url};
    std::string headers = "[";
    for (const net::Header& hd : req.headers) {
      if (forbidden_header(hd.name)) continue;
      if (headers.size() > 1) headers += ',';
      headers += '[';
      json_string(headers, hd.name);
      headers += ',';
      json_string(headers, hd.value);
      headers += ']';
    }
    headers += ']';
    ll_js_fetch(int(h), req.method.c_str(), req.url.c_str(), headers.c_str(), req.body.data(), int(req.body.size()));
    return h;
  }

  uint64_t ws_open(std::string_view url, const std::vector<std::string>& protocols, net::RealNetSink* sink) override {
    uint64_t h = ++next;
    Entry e{sink, true, 0, std::string(url)};
    // new WebSocket() throws on a malformed URL; the engine must never see a JS exception.
    net::Url u;
    bool ok = net::parse_url(url, &u) && (u.scheme == "ws" || u.scheme == "wss") && !u.host.empty() &&
              url.find('#') == std::string_view::npos && url.find(' ') == std::string_view::npos;
    if (ok) {
      std::string joined;
      for (const std::string& p : protocols) joined += (joined.empty() ? "" : ",") + p;
      EmscriptenWebSocketCreateAttributes attr;
      emscripten_websocket_init_create_attributes(&attr);
      attr.url = e.url.c_str();
      attr.protocols = joined.empty() ? nullptr : joined.c_str();
      attr.createOnMainThread = EM_TRUE;
      EMSCRIPTEN_WEBSOCKET_T ws = emscripten_websocket_new(&attr);
      if (ws > 0) {
        e.ws = ws;
        void* user = reinterpret_cast<void*>(uintptr_t(h));
        emscripten_websocket_set_onopen_callback(ws, user, on_open);
        emscripten_websocket_set_onmessage_callback(ws, user, on_message);
        emscripten_websocket_set_onerror_callback(ws, user, on_error);
        emscripten_websocket_set_onclose_callback(ws, user, on_close);
      }
    }
    entries[h] = e;
    if (!e.ws) {
      // Report the failure from the browser's event loop, as a real one would come.
      emscripten_async_call(fail_later, reinterpret_cast<void*>(uintptr_t(h)), 0);
    }
    return h;
  }

  void ws_send(uint64_t handle, std::string_view data, bool binary) override {
    auto it = entries.find(handle);
    if (it == entries.end() || !it->second.ws) return;
    unsigned short state = 0;
    emscripten_websocket_get_ready_state(it->second.ws, &state);
    if (state != 1) return;  // send() throws unless OPEN
    if (binary) {
      emscripten_websocket_send_binary(it->second.ws, const_cast<char*>(data.data()), uint32_t(data.size()));
    } else {
      std::string text(data);  // NUL-terminated for the API
      emscripten_websocket_send_utf8_text(it->second.ws, text.c_str());
    }
  }

  void ws_close(uint64_t handle, int code, std::string_view reason) override {
    auto it = entries.find(handle);
    if (it == entries.end() || !it->second.ws) return;
    // close() throws unless the code is 1000 or 3000-4999 and the reason at most 123 bytes.
    if (code != 1000 && (code < 3000 || code > 4999)) code = 1000;
    std::string r(reason.substr(0, 123));
    while (!r.empty() && (static_cast<unsigned char>(r.back()) & 0xC0) == 0x80) r.pop_back();
    if (!r.empty() && static_cast<unsigned char>(r.back()) >= 0xC0) r.pop_back();
    emscripten_websocket_close(it->second.ws, uint16_t(code), r.c_str());
  }

  void forget(uint64_t handle) override {
    auto it = entries.find(handle);
    if (it == entries.end()) return;
    if (it->second.socket) {
      if (it->second.ws) {
        unsigned short state = 3;
        emscripten_websocket_get_ready_state(it->second.ws, &state);
        if (state == 0 || state == 1) emscripten_websocket_close(it->second.ws, 1000, "");
        emscripten_websocket_delete(it->second.ws);
      }
    } else {
      ll_js_fetch_abort(int(handle));
    }
    entries.erase(it);
  }

  void deliver(uint64_t handle, net::RealEvent ev) {
    auto it = entries.find(handle);
    if (it == entries.end()) return;
    ev.handle = handle;
    it->second.sink->on_real_event(std::move(ev));
  }

  static uint64_t handle_of(void* user) { return uint64_t(reinterpret_cast<uintptr_t>(user)); }
  static BrowserNet& self();

  static void fail_later(void* user) {
    uint64_t h = handle_of(user);
    auto it = self().entries.find(h);
    if (it == self().entries.end()) return;
    net::RealEvent ev;
    ev.kind = net::RealEvent::Kind::WsClose;
    ev.code = 1006;
    ev.message = "could not open a WebSocket to " + it->second.url + ": the browser refused the URL";
    self().deliver(h, std::move(ev));
  }
  static EM_BOOL on_open(int, const EmscriptenWebSocketOpenEvent* e, void* user) {
    net::RealEvent ev;
    ev.kind = net::RealEvent::Kind::WsOpen;
    char proto[256] = {0};
    if (emscripten_websocket_get_protocol(e->socket, proto, sizeof proto) == EMSCRIPTEN_RESULT_SUCCESS) ev.protocol = proto;
    self().deliver(handle_of(user), std::move(ev));
    return EM_TRUE;
  }
  static EM_BOOL on_message(int, const EmscriptenWebSocketMessageEvent* e, void* user) {
    net::RealEvent ev;
    ev.kind = net::RealEvent::Kind::WsMessage;
    ev.binary = !e->isText;
    size_t n = e->numBytes;
    if (e->isText && n > 0) n--;  // the API counts the NUL it appends to text
    ev.body.assign(reinterpret_cast<const char*>(e->data), n);
    self().deliver(handle_of(user), std::move(ev));
    return EM_TRUE;
  }
  static EM_BOOL on_error(int, const EmscriptenWebSocketErrorEvent*, void* user) {
    uint64_t h = handle_of(user);
    auto it = self().entries.find(h);
    if (it == self().entries.end()) return EM_TRUE;
    net::RealEvent ev;
    ev.kind = net::RealEvent::Kind::WsError;
    ev.message = "could not open a WebSocket to " + it->second.url +
                 ": the browser reported an error (it does not say which: the server may be down, the address "
                 "or port wrong, or the server refused the handshake). Check that a WebSocket server is "
                 "listening there, or use sim://ws/echo to work offline";
    self().deliver(h, std::move(ev));
    return EM_TRUE;
  }
  static EM_BOOL on_close(int, const EmscriptenWebSocketCloseEvent* e, void* user) {
    net::RealEvent ev;
    ev.kind = net::RealEvent::Kind::WsClose;
    ev.code = e->code;
    ev.reason = e->reason;
    ev.clean = e->wasClean;
    self().deliver(handle_of(user), std::move(ev));
    return EM_TRUE;
  }
};

namespace {

BrowserNet g_net;

// Installs the backend before main() runs.
struct Install {
  Install() { net::set_real_net(&g_net); }
} g_install;

}  // namespace

BrowserNet& BrowserNet::self() { return g_net; }

}  // namespace looplab::web

// Called by ll_js_fetch's promise handlers (JS -> wasm).
extern "C" {

EMSCRIPTEN_KEEPALIVE void* ll_net_alloc(int n) { return std::malloc(size_t(n)); }
EMSCRIPTEN_KEEPALIVE void ll_net_free(void* p) { std::free(p); }

EMSCRIPTEN_KEEPALIVE void ll_net_fetch_done(int handle, int status, const char* status_text, const char* headers,
                                            const char* body, int body_len, const char* url) {
  using namespace looplab;
  net::RealEvent ev;
  ev.kind = net::RealEvent::Kind::HttpResponse;
  ev.status = status;
  ev.status_text = status_text;
  ev.body.assign(body, size_t(body_len));
  ev.url = url;
  std::string_view hs(headers);
  while (!hs.empty()) {
    size_t eol = hs.find("\r\n");
    std::string_view line = hs.substr(0, eol);
    hs = eol == std::string_view::npos ? std::string_view() : hs.substr(eol + 2);
    size_t colon = line.find(": ");
    if (colon != std::string_view::npos)
      ev.headers.push_back({std::string(line.substr(0, colon)), std::string(line.substr(colon + 2))});
  }
  web::BrowserNet::self().deliver(uint64_t(handle), std::move(ev));
}

EMSCRIPTEN_KEEPALIVE void ll_net_fetch_failed(int handle, const char* message) {
  using namespace looplab;
  auto& net = web::BrowserNet::self();
  auto it = net.entries.find(uint64_t(handle));
  if (it == net.entries.end()) return;
  net::RealEvent ev;
  ev.kind = net::RealEvent::Kind::HttpError;
  ev.message = web::failure_message(it->second.url, message);
  net.deliver(uint64_t(handle), std::move(ev));
}

}  // extern "C"
