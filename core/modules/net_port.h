// The network's I/O port: HTTP requests and WebSockets started by the `_looplab_net` module
// (net_module.cpp) on behalf of httpx.py and websockets.py. Each event loop that uses the
// network gets one port (EventLoop::io). sim:// URLs are answered by the simulated network at
// virtual times (next_due); http(s):// and ws(s):// go to the host's RealNet, answered in
// wall-clock time (waiting_real). Everything it does is logged as net_log.h describes.
//
// What the futures it completes hold (the Python side turns them into objects/exceptions):
//   HTTP:    (status, reason, [(name, value), ...], body: bytes, url)  or  (kind, message) with
//            kind "connect" | "network" | "connect_timeout" | "read_timeout"
//   connect: ("open", subprotocol or None)  or  (kind, message) with kind "refused" | "dns" |
//            "status" (message: the HTTP status) | "network" | "timeout"
//   recv:    str | bytes (a message)  or  a close tuple
//   close:   a close tuple: ("closed", rcvd_code | None, rcvd_reason, sent_code | None,
//            sent_reason, rcvd_then_sent | None), as websockets' ConnectionClosed takes them
#pragma once

#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lang/vm.h"
#include "loop/event_loop.h"
#include "loop/io_port.h"
#include "modules/net_backend.h"
#include "modules/net_sim.h"

namespace looplab {

class NetPort;

// The network of one run: the simulated servers (shared by every loop, so a POST in one
// asyncio.run is seen by the next) and a port per event loop.
struct NetState {
  net::SimNet sim;
  uint32_t requests = 0;  // request ids, unique in the run's log
  std::vector<std::unique_ptr<NetPort>> ports;

  ~NetState();
  // The port of `loop`, made and attached on first use. nullptr (RuntimeError pending) if the
  // loop already has an I/O port of someone else's.
  NetPort* port_for(VM& vm, EventLoop* loop);
  NetPort* find_port(EventLoop* loop);
  NetPort* port_of_socket(uint32_t id);
  void trace(Tracer& t);
};

class NetPort final : public IoPort, public net::SimWsSink, public net::RealNetSink {
 public:
  NetPort(VM& vm, NetState* state, EventLoop* loop);
  ~NetPort() override;

  // IoPort
  void poll(double now, std::vector<IoCompletion>& out) override;
  double next_due() const override;
  bool waiting_real() const override;
  void trace(Tracer& t) override;

  // Sinks of the simulated servers and of the host's real network.
  void sim_ws_event(uint64_t key, double when, uint64_t seq, net::SimWsEvent ev) override;
  void on_real_event(net::RealEvent ev) override;

  // ---- HTTP ----------------------------------------------------------------------------------
  // Starts `req`; `f` gets the answer. timeout: seconds (INFINITY: none). Returns the id.
  uint32_t http_start(FutureObj* f, net::HttpRequest req, double timeout, uint32_t task);
  // The program gave up on the request (its task was cancelled).
  void http_abort(uint32_t id);

  // ---- WebSocket -----------------------------------------------------------------------------
  uint32_t ws_connect(FutureObj* f, const std::string& url, const std::vector<std::string>& protocols,
                      double open_timeout, uint32_t task);
  // Error (exception pending) when the socket is unknown.
  Value ws_send(uint32_t id, std::string_view data, bool binary);
  // A message at once, a close tuple, or a new future to await. Error when another recv waits.
  Value ws_recv(uint32_t id, EventLoop* loop, uint32_t task);
  void ws_recv_cancel(uint32_t id);
  // None when already closed, else a future that gets the close tuple.
  Value ws_close(uint32_t id, int code, std::string_view reason, double close_timeout, EventLoop* loop, uint32_t task);
  Value ws_wait_closed(uint32_t id, EventLoop* loop, uint32_t task);
  // Drops the connection at once (a cancelled connect or close): the close code is 1006.
  void ws_abort(uint32_t id);
  // ("connecting" | "open" | "closing" | "closed", close tuple or None, subprotocol or None).
  Value ws_info(uint32_t id);

  uint32_t loop_id() const { return loop_id_; }
  bool owns_socket(uint32_t id) const;

 private:
  struct Msg {
    std::string data;
    bool binary = false;
  };
  struct HttpReq {
    FutureObj* future = nullptr;
    std::string url;
    bool real = false;
    uint64_t handle = 0;     // the RealNet's handle
    bool connect_phase = false;  // no connection yet: a timeout is a ConnectTimeout
    net::SimAnswer answer;
  };
  enum class WsState : uint8_t { Connecting, Open, Closing, Closed };
  struct Socket {
    std::string url;
    bool real = false;
    uint64_t key = 0;        // the SimNet's key, or the RealNet's handle
    WsState state = WsState::Connecting;
    std::string subprotocol;
    std::string error;       // what the browser said before closing (real)
    FutureObj* connect_future = nullptr;
    FutureObj* recv_future = nullptr;  // the recv in progress (or just answered, see delivered)
    bool delivered = false;            // recv_future was given `delivered_msg`
    Msg delivered_msg;
    FutureObj* close_future = nullptr;
    std::vector<FutureObj*> closed_waiters;
    std::deque<Msg> inbox;   // messages nobody has asked for yet
    bool rcvd_set = false, sent_set = false, rcvd_then_sent = false;
    int rcvd_code = 0, sent_code = 0;
    std::string rcvd_reason, sent_reason;
    uint64_t bytes_in = 0;
  };
  struct Item {  // something simulated (or a deadline) due at a virtual time
    enum class Kind : uint8_t {
      HttpAnswer, HttpDeadline, WsOpened, WsRejected, WsDeadline, WsServer, WsCloseDeadline
    } kind;
    uint32_t id;
    net::SimWsEvent ev;
  };

  double now() const;
  void schedule(double when, Item item);
  void complete(std::vector<IoCompletion>& out, uint32_t id, FutureObj* f, Value v, uint32_t status, uint64_t bytes);
  void log_done(uint32_t id, uint32_t status, uint64_t bytes);
  Value http_value(const std::string& url, int status, const std::string& reason, const std::vector<net::Header>& headers,
                   const std::string& body);
  Value pair(std::string_view kind, std::string_view message);
  Value message_value(const Msg& m);
  Value close_tuple(const Socket& s);
  void run_item(const Item& it, double when, std::vector<IoCompletion>& out);
  void run_real(net::RealEvent& ev, std::vector<IoCompletion>& out);
  void http_finish(uint32_t id, std::vector<IoCompletion>& out, Value v, uint32_t status, uint64_t bytes);
  void ws_opened(uint32_t id, Socket& s, double when, std::vector<IoCompletion>& out);
  void ws_connect_failed(uint32_t id, Socket& s, Value v, uint32_t status, std::vector<IoCompletion>& out);
  void ws_deliver(uint32_t id, Socket& s, Msg m, std::vector<IoCompletion>& out);
  void ws_closed(uint32_t id, Socket& s, bool have_frame, int code, std::string reason, std::vector<IoCompletion>& out);
  Socket* socket(uint32_t id);
  FutureObj* make_future(EventLoop* loop, std::string_view label);

  VM& vm_;
  NetState* state_;
  uint32_t loop_id_;       // the loop this port serves (EventLoop::id; loops are never reused)
  EventLog* log_;
  std::map<uint32_t, HttpReq> http_;
  std::map<uint32_t, Socket> sockets_;
  std::map<std::pair<double, uint64_t>, Item> queue_;  // by (due time, sequence)
  std::map<uint64_t, uint32_t> handles_;               // RealNet handle -> request id
  std::vector<net::RealEvent> real_events_;            // arrived, not yet polled
  std::vector<IoCompletion> now_;                      // to deliver at the next poll
};

}  // namespace looplab
