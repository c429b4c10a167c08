// The network's I/O port (see net_port.h): request bookkeeping, simulated answers on the
// virtual clock, real answers from the host, and the log records the visualizer folds.
#include "modules/net_port.h"

#include "modules/asyncio_runtime.h"
#include "modules/net_log.h"

namespace looplab {

namespace {

// Real URLs in a host without a network backend (the native runner).
constexpr const char* kNoRealNetwork =
    "this runner has no network access (real http:// and ws:// URLs work in the browser playground); "
    "use a sim:// URL to work offline, e.g. sim://api/users";

bool is_sim(std::string_view url) { return url.size() >= 6 && (url.substr(0, 6) == "sim://" || url.substr(0, 6) == "SIM://"); }

}  // namespace

// ---- NetState -------------------------------------------------------------------------------

NetState::~NetState() {
  ports.clear();  // before `sim`: ports tell the simulated servers they are going
}

NetPort* NetState::find_port(EventLoop* loop) {
  for (auto& p : ports)
    if (p->loop_id() == loop->id && loop->io == p.get()) return p.get();
  return nullptr;
}

NetPort* NetState::port_for(VM& vm, EventLoop* loop) {
  if (NetPort* p = find_port(loop)) return p;
  if (loop->io) {
    vm.raise(vm.t.RuntimeError, "this event loop already has another I/O port");
    return nullptr;
  }
  ports.push_back(std::make_unique<NetPort>(vm, this, loop));
  loop->io = ports.back().get();
  return ports.back().get();
}

NetPort* NetState::port_of_socket(uint32_t id) {
  for (auto& p : ports)
    if (p->owns_socket(id)) return p.get();
  return nullptr;
}

void NetState::trace(Tracer& t) {
  for (auto& p : ports) p->trace(t);
}

// ---- the port -------------------------------------------------------------------------------

NetPort::NetPort(VM& vm, NetState* state, EventLoop* loop)
    : vm_(vm), state_(state), loop_id_(loop->id), log_(asyncio_runtime(vm)->log) {}

NetPort::~NetPort() {
  state_->sim.ws_forget_sink(this, now());
  if (net::RealNet* real = net::real_net()) {
    for (auto& [handle, id] : handles_) real->forget(handle);
  }
}

double NetPort::now() const {
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  return rt ? rt->clock.now() : 0;  // null while the engine tears the VM down
}

void NetPort::schedule(double when, Item item) {
  queue_.emplace(std::make_pair(when, state_->sim.next_seq()), std::move(item));
}

void NetPort::trace(Tracer& t) {
  for (auto& [id, r] : http_) t.mark(r.future);
  for (auto& [id, s] : sockets_) {
    t.mark(s.connect_future);
    t.mark(s.recv_future);
    t.mark(s.close_future);
    for (FutureObj* f : s.closed_waiters) t.mark(f);
  }
  for (IoCompletion& c : now_) {
    t.mark(c.future);
    t.mark(c.value);
  }
}

double NetPort::next_due() const {
  if (!now_.empty() || !real_events_.empty()) return 0;  // due already
  return queue_.empty() ? INFINITY : queue_.begin()->first.first;
}

bool NetPort::waiting_real() const {
  for (auto& [id, r] : http_)
    if (r.real) return true;
  for (auto& [id, s] : sockets_) {
    if (!s.real || s.state == WsState::Closed) continue;
    if (s.connect_future || (s.recv_future && !s.delivered) || s.close_future || !s.closed_waiters.empty()) return true;
  }
  return false;
}

FutureObj* NetPort::make_future(EventLoop* loop, std::string_view label) {
  return loop->create_future(log_->intern(label));
}

void NetPort::complete(std::vector<IoCompletion>& out, uint32_t id, FutureObj* f, Value v, uint32_t status,
                       uint64_t bytes) {
  IoCompletion c;
  c.request = id;
  c.future = f;
  c.value = v;
  c.status = status;
  c.bytes = uint32_t(bytes > 0xFFFFFFFFu ? 0xFFFFFFFFu : bytes);
  out.push_back(c);
}

void NetPort::log_done(uint32_t id, uint32_t status, uint64_t bytes) {
  log_->add(EventKind::IoDone, now(), id, status, uint32_t(bytes > 0xFFFFFFFFu ? 0xFFFFFFFFu : bytes));
}

Value NetPort::pair(std::string_view kind, std::string_view message) {
  return Value::object(vm_.tuple_of({vm_.str(kind), vm_.str(message)}));
}

Value NetPort::http_value(const std::string& url, int status, const std::string& reason,
                          const std::vector<net::Header>& headers, const std::string& body) {
  ListObj* hs = vm_.new_list();
  for (const net::Header& h : headers)
    hs->items.push_back(Value::object(vm_.tuple_of({vm_.str(h.name), vm_.str(h.value)})));
  std::string r = reason.empty() ? net::http_reason(status) : reason;
  return Value::object(vm_.tuple_of({Value::integer(status), vm_.str(r), Value::object(hs),
                                     Value::object(vm_.new_bytes(body)), vm_.str(url)}));
}

Value NetPort::message_value(const Msg& m) {
  return m.binary ? Value::object(vm_.new_bytes(m.data)) : vm_.str(m.data);
}

Value NetPort::close_tuple(const Socket& s) {
  auto code = [](bool set, int c) { return set ? Value::integer(c) : Value::none(); };
  return Value::object(vm_.tuple_of({vm_.str("closed"), code(s.rcvd_set, s.rcvd_code), vm_.str(s.rcvd_reason),
                                     code(s.sent_set, s.sent_code), vm_.str(s.sent_reason),
                                     s.rcvd_set && s.sent_set ? Value::boolean(s.rcvd_then_sent) : Value::none()}));
}

NetPort::Socket* NetPort::socket(uint32_t id) {
  auto it = sockets_.find(id);
  if (it == sockets_.end()) {
    vm_.raise(vm_.t.ValueError, "unknown WebSocket");
    return nullptr;
  }
  return &it->second;
}

// ---- polling --------------------------------------------------------------------------------

void NetPort::poll(double t, std::vector<IoCompletion>& out) {
  for (IoCompletion& c : now_) out.push_back(c);
  now_.clear();
  // Real answers first: they arrived (in wall-clock time) before this moment.
  std::vector<net::RealEvent> events;
  events.swap(real_events_);
  for (net::RealEvent& ev : events) run_real(ev, out);
  while (!queue_.empty() && queue_.begin()->first.first <= t) {
    auto node = queue_.extract(queue_.begin());
    run_item(node.mapped(), node.key().first, out);
  }
}

void NetPort::sim_ws_event(uint64_t key, double when, uint64_t seq, net::SimWsEvent ev) {
  for (auto& [id, s] : sockets_) {
    if (!s.real && s.key == key && s.state != WsState::Closed) {
      Item it{Item::Kind::WsServer, id, std::move(ev)};
      queue_.emplace(std::make_pair(when, seq), std::move(it));
      return;
    }
  }
}

void NetPort::on_real_event(net::RealEvent ev) { real_events_.push_back(std::move(ev)); }

void NetPort::http_finish(uint32_t id, std::vector<IoCompletion>& out, Value v, uint32_t status, uint64_t bytes) {
  auto it = http_.find(id);
  if (it == http_.end()) return;
  HttpReq& r = it->second;
  if (r.real) {
    handles_.erase(r.handle);
    if (net::RealNet* real = net::real_net()) real->forget(r.handle);
  }
  complete(out, id, r.future, v, status, bytes);
  http_.erase(it);
}

void NetPort::run_item(const Item& it, double when, std::vector<IoCompletion>& out) {
  switch (it.kind) {
    case Item::Kind::HttpAnswer: {
      auto h = http_.find(it.id);
      if (h == http_.end()) return;
      const net::SimAnswer& a = h->second.answer;
      if (a.kind == net::SimAnswer::Kind::Response) {
        Value v = http_value(h->second.url, a.status, "", a.headers, a.body);
        http_finish(it.id, out, v, uint32_t(a.status), a.body.size());
      } else {
        http_finish(it.id, out, pair("connect", a.message), net::kIoFailed, 0);
      }
      return;
    }
    case Item::Kind::HttpDeadline: {
      auto h = http_.find(it.id);
      if (h == http_.end()) return;
      // httpx: ConnectTimeout before a connection exists, ReadTimeout while waiting for the
      // answer; both carry an empty message under asyncio.
      http_finish(it.id, out, pair(h->second.connect_phase ? "connect_timeout" : "read_timeout", ""), net::kIoTimeout, 0);
      return;
    }
    case Item::Kind::WsOpened: {
      auto s = sockets_.find(it.id);
      if (s != sockets_.end() && s->second.state == WsState::Connecting) ws_opened(it.id, s->second, when, out);
      return;
    }
    case Item::Kind::WsRejected: {
      auto s = sockets_.find(it.id);
      if (s != sockets_.end() && s->second.state == WsState::Connecting)
        ws_connect_failed(it.id, s->second, pair(it.ev.reason, it.ev.data), net::kIoFailed, out);
      return;
    }
    case Item::Kind::WsDeadline: {
      auto s = sockets_.find(it.id);
      if (s != sockets_.end() && s->second.state == WsState::Connecting)
        ws_connect_failed(it.id, s->second, pair("timeout", ""), net::kIoTimeout, out);
      return;
    }
    case Item::Kind::WsCloseDeadline: {
      // websockets' close_timeout: the server never answered our close frame.
      auto s = sockets_.find(it.id);
      if (s != sockets_.end() && s->second.state == WsState::Closing)
        ws_closed(it.id, s->second, false, 1006, "", out);
      return;
    }
    case Item::Kind::WsServer: {
      auto s = sockets_.find(it.id);
      if (s == sockets_.end() || s->second.state == WsState::Closed || s->second.state == WsState::Connecting) return;
      if (it.ev.kind == net::SimWsEvent::Kind::Message) ws_deliver(it.id, s->second, Msg{it.ev.data, it.ev.binary}, out);
      else ws_closed(it.id, s->second, true, it.ev.code, it.ev.reason, out);
      return;
    }
  }
}

void NetPort::run_real(net::RealEvent& ev, std::vector<IoCompletion>& out) {
  auto h = handles_.find(ev.handle);
  if (h == handles_.end()) return;
  uint32_t id = h->second;
  switch (ev.kind) {
    case net::RealEvent::Kind::HttpResponse: {
      Value v = http_value(ev.url.empty() ? http_[id].url : ev.url, ev.status, ev.status_text, ev.headers, ev.body);
      http_finish(id, out, v, uint32_t(ev.status), ev.body.size());
      return;
    }
    case net::RealEvent::Kind::HttpError:
      http_finish(id, out, pair("network", ev.message), net::kIoFailed, 0);
      return;
    default: break;
  }
  auto it = sockets_.find(id);
  if (it == sockets_.end()) return;
  Socket& s = it->second;
  switch (ev.kind) {
    case net::RealEvent::Kind::WsOpen:
      if (s.state == WsState::Connecting) {
        s.subprotocol = ev.protocol;
        ws_opened(id, s, now(), out);
      }
      return;
    case net::RealEvent::Kind::WsMessage:
      if (s.state == WsState::Open || s.state == WsState::Closing) ws_deliver(id, s, Msg{std::move(ev.body), ev.binary}, out);
      return;
    case net::RealEvent::Kind::WsError:
      s.error = ev.message;
      return;
    case net::RealEvent::Kind::WsClose:
      if (s.state == WsState::Connecting) {
        std::string msg = !s.error.empty() ? s.error : ev.message;
        ws_connect_failed(id, s, pair("network", msg), net::kIoFailed, out);
      } else if (s.state != WsState::Closed) {
        // 1005 (no status) and 1006 (no close frame) are what the browser reports when the
        // server sent no code or the connection dropped.
        bool frame = ev.clean && ev.code != 1006;
        ws_closed(id, s, frame, ev.code ? ev.code : 1005, ev.reason, out);
      }
      return;
    default: return;
  }
}

// ---- HTTP -----------------------------------------------------------------------------------

uint32_t NetPort::http_start(FutureObj* f, net::HttpRequest req, double timeout, uint32_t task) {
  uint32_t id = ++state_->requests;
  double t = now();
  log_->add(EventKind::IoStart, t, id, log_->intern(req.method + " " + req.url), task);
  HttpReq r;
  r.future = f;
  r.url = req.url;
  if (is_sim(req.url)) {
    r.answer = state_->sim.http(req);
    bool never = r.answer.kind == net::SimAnswer::Kind::Never;
    r.connect_phase = never;
    http_.emplace(id, std::move(r));
    if (!never) schedule(t + http_[id].answer.latency, Item{Item::Kind::HttpAnswer, id, {}});
  } else {
    net::RealNet* real = net::real_net();
    if (!real) {
      complete(now_, id, f, pair("connect", kNoRealNetwork), net::kIoFailed, 0);
      return id;
    }
    r.real = true;
    r.handle = real->http_start(req, timeout, this);
    handles_[r.handle] = id;
    http_.emplace(id, std::move(r));
  }
  if (std::isfinite(timeout)) schedule(t + timeout, Item{Item::Kind::HttpDeadline, id, {}});
  return id;
}

void NetPort::http_abort(uint32_t id) {
  auto it = http_.find(id);
  if (it == http_.end()) return;
  // The future is cancelled already: the completion only logs the end of the request.
  http_finish(id, now_, Value::none(), net::kIoAborted, 0);
}

// ---- WebSocket ------------------------------------------------------------------------------

uint32_t NetPort::ws_connect(FutureObj* f, const std::string& url, const std::vector<std::string>& protocols,
                             double open_timeout, uint32_t task) {
  uint32_t id = ++state_->requests;
  double t = now();
  log_->add(EventKind::IoStart, t, id, log_->intern("WS " + url), task);
  Socket s;
  s.url = url;
  s.connect_future = f;
  if (is_sim(url)) {
    s.key = state_->sim.new_key();
    net::SimAnswer a = state_->sim.ws_handshake(url);
    sockets_.emplace(id, std::move(s));
    Item it{Item::Kind::WsRejected, id, {}};
    switch (a.kind) {
      case net::SimAnswer::Kind::Response:
        if (a.status == 101) {
          it.kind = Item::Kind::WsOpened;
        } else {
          it.ev.reason = "status";
          it.ev.data = std::to_string(a.status);
        }
        schedule(t + a.latency, std::move(it));
        break;
      case net::SimAnswer::Kind::Refused:
      case net::SimAnswer::Kind::NoHost:
        it.ev.reason = a.kind == net::SimAnswer::Kind::Refused ? "refused" : "dns";
        it.ev.data = a.message;
        schedule(t + a.latency, std::move(it));
        break;
      case net::SimAnswer::Kind::Never: break;
    }
  } else {
    net::RealNet* real = net::real_net();
    if (!real) {
      complete(now_, id, f, pair("network", kNoRealNetwork), net::kIoFailed, 0);
      s.state = WsState::Closed;
      s.connect_future = nullptr;
      sockets_.emplace(id, std::move(s));
      return id;
    }
    s.real = true;
    s.key = real->ws_open(url, protocols, this);
    handles_[s.key] = id;
    sockets_.emplace(id, std::move(s));
  }
  if (std::isfinite(open_timeout)) schedule(t + open_timeout, Item{Item::Kind::WsDeadline, id, {}});
  return id;
}

void NetPort::ws_opened(uint32_t id, Socket& s, double when, std::vector<IoCompletion>& out) {
  s.state = WsState::Open;
  FutureObj* f = s.connect_future;
  s.connect_future = nullptr;
  Value proto = s.subprotocol.empty() ? Value::none() : vm_.str(s.subprotocol);
  complete(out, id, f, Value::object(vm_.tuple_of({vm_.str("open"), proto})), net::kWsOpened, 0);
  if (!s.real) state_->sim.ws_accept(s.key, this, s.url, when);
}

void NetPort::ws_connect_failed(uint32_t id, Socket& s, Value v, uint32_t status, std::vector<IoCompletion>& out) {
  FutureObj* f = s.connect_future;
  s.connect_future = nullptr;
  s.state = WsState::Closed;
  if (s.real) {
    handles_.erase(s.key);
    if (net::RealNet* real = net::real_net()) real->forget(s.key);
  }
  if (f) complete(out, id, f, v, status, 0);
}

void NetPort::ws_deliver(uint32_t id, Socket& s, Msg m, std::vector<IoCompletion>& out) {
  s.bytes_in += m.data.size();
  if (s.recv_future && !s.delivered) {
    s.delivered = true;
    complete(out, id, s.recv_future, message_value(m), net::kIoMessage, m.data.size());
    s.delivered_msg = std::move(m);
    return;
  }
  log_done(id, net::kIoMessage, m.data.size());
  s.inbox.push_back(std::move(m));
}

// `have_frame`: a close frame arrived with `code`/`reason`; false: the connection dropped (1006).
void NetPort::ws_closed(uint32_t id, Socket& s, bool have_frame, int code, std::string reason,
                        std::vector<IoCompletion>& out) {
  if (s.state == WsState::Closed) return;
  if (have_frame) {
    s.rcvd_set = true;
    s.rcvd_code = code;
    s.rcvd_reason = std::move(reason);
    if (!s.sent_set) {
      // The server closed first; the client answers with the same frame (websockets does).
      s.sent_set = true;
      s.sent_code = s.rcvd_code;
      s.sent_reason = s.rcvd_reason;
      s.rcvd_then_sent = true;
    }
  }
  WsState was = s.state;
  s.state = WsState::Closed;
  uint32_t status = have_frame ? uint32_t(code) : 1006u;
  Value tuple = close_tuple(s);
  bool told = false;
  if (s.recv_future && !s.delivered) {
    complete(out, id, s.recv_future, tuple, status, s.bytes_in);
    s.recv_future = nullptr;
    told = true;
  }
  if (s.close_future) {
    complete(out, id, s.close_future, tuple, status, s.bytes_in);
    s.close_future = nullptr;
    told = true;
  }
  for (FutureObj* f : s.closed_waiters) complete(out, id, f, tuple, status, s.bytes_in);
  told = told || !s.closed_waiters.empty();
  s.closed_waiters.clear();
  if (!told) log_done(id, status, s.bytes_in);
  if (s.real) {
    handles_.erase(s.key);
    if (net::RealNet* real = net::real_net()) real->forget(s.key);
  } else if (was != WsState::Connecting) {
    state_->sim.ws_forget(s.key, now());
  }
}

Value NetPort::ws_send(uint32_t id, std::string_view data, bool binary) {
  Socket* s = socket(id);
  if (!s) return Value::error();
  if (s->state != WsState::Open) return close_tuple(*s);
  if (s->real) {
    if (net::RealNet* real = net::real_net()) real->ws_send(s->key, data, binary);
  } else {
    state_->sim.ws_message(s->key, data, binary, now());
  }
  return Value::none();
}

Value NetPort::ws_recv(uint32_t id, EventLoop* loop, uint32_t task) {
  Socket* s = socket(id);
  if (!s) return Value::error();
  if (s->recv_future && !s->delivered)
    return vm_.raise(vm_.t.RuntimeError, "cannot call recv while another coroutine is already waiting for the next message");
  s->recv_future = nullptr;
  s->delivered = false;
  if (!s->inbox.empty()) {
    Msg m = std::move(s->inbox.front());
    s->inbox.pop_front();
    return message_value(m);
  }
  if (s->state == WsState::Closed) return close_tuple(*s);
  FutureObj* f = make_future(loop, "recv " + s->url);
  s->recv_future = f;
  log_->add(EventKind::IoStart, now(), id, log_->intern("recv"), task);
  return Value::object(f);
}

void NetPort::ws_recv_cancel(uint32_t id) {
  auto it = sockets_.find(id);
  if (it == sockets_.end() || !it->second.recv_future) return;
  Socket& s = it->second;
  if (s.delivered) {
    // The message reached a future nobody will read: keep it for the next recv.
    s.inbox.push_front(std::move(s.delivered_msg));
  } else {
    complete(now_, id, s.recv_future, Value::none(), net::kIoAborted, 0);
  }
  s.recv_future = nullptr;
  s.delivered = false;
}

Value NetPort::ws_close(uint32_t id, int code, std::string_view reason, double close_timeout, EventLoop* loop,
                        uint32_t task) {
  Socket* s = socket(id);
  if (!s) return Value::error();
  if (s->state == WsState::Closed || s->state == WsState::Connecting) return Value::none();
  FutureObj* f = make_future(loop, "close " + s->url);
  log_->add(EventKind::IoStart, now(), id, log_->intern("close"), task);
  if (s->state == WsState::Closing) {
    s->closed_waiters.push_back(f);
    return Value::object(f);
  }
  s->state = WsState::Closing;
  s->close_future = f;
  s->sent_set = true;
  s->sent_code = code;
  s->sent_reason = std::string(reason);
  s->rcvd_then_sent = false;
  if (s->real) {
    if (net::RealNet* real = net::real_net()) real->ws_close(s->key, code, reason);
  } else {
    state_->sim.ws_client_close(s->key, code, reason, now());
  }
  if (std::isfinite(close_timeout)) schedule(now() + close_timeout, Item{Item::Kind::WsCloseDeadline, id, {}});
  return Value::object(f);
}

Value NetPort::ws_wait_closed(uint32_t id, EventLoop* loop, uint32_t task) {
  Socket* s = socket(id);
  if (!s) return Value::error();
  if (s->state == WsState::Closed) return Value::none();
  FutureObj* f = make_future(loop, "wait_closed " + s->url);
  log_->add(EventKind::IoStart, now(), id, log_->intern("wait_closed"), task);
  s->closed_waiters.push_back(f);
  return Value::object(f);
}

void NetPort::ws_abort(uint32_t id) {
  auto it = sockets_.find(id);
  if (it == sockets_.end()) return;
  Socket& s = it->second;
  if (s.state == WsState::Closed) return;
  if (s.state == WsState::Connecting) {
    FutureObj* f = s.connect_future;
    s.connect_future = nullptr;
    s.state = WsState::Closed;
    if (s.real) {
      handles_.erase(s.key);
      if (net::RealNet* real = net::real_net()) real->forget(s.key);
    }
    if (f) complete(now_, id, f, Value::none(), net::kIoAborted, 0);
    return;
  }
  ws_closed(id, s, false, 1006, "", now_);
}

bool NetPort::owns_socket(uint32_t id) const { return sockets_.count(id) != 0; }

Value NetPort::ws_info(uint32_t id) {
  Socket* s = socket(id);
  if (!s) return Value::error();
  static const char* const kNames[] = {"connecting", "open", "closing", "closed"};
  Value tuple = s->state == WsState::Closed ? close_tuple(*s) : Value::none();
  Value proto = s->subprotocol.empty() ? Value::none() : vm_.str(s->subprotocol);
  return Value::object(vm_.tuple_of({vm_.str(kNames[int(s->state)]), tuple, proto}));
}

}  // namespace looplab
