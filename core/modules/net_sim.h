// The simulated network: sim:// URLs answered inside the engine, with fixed virtual latencies, so
// lessons and tests run offline and print the same thing every time. Plain C++ (no VM): the
// port (net_port.cpp) asks it for answers and schedules them on the loop's virtual clock.
//
//   sim://api/...           a small REST API (users, posts, todos): GET/POST/PUT/PATCH/DELETE,
//                           404s, /api/slow (3 s), /api/error (500), /api/flaky (503, 503, 200, ...)
//   sim://echo/...          answers with what it received (method, path, args, headers, body)
//   sim://delay/S           answers {"delay": S} after S seconds
//   sim://status/N          answers with status N
//   sim://weather/CITY      a weather service (0.25 s)
//   sim://down, sim://blackhole, any other host: refused, never answers, unknown name
//   sim://ws/echo           WebSocket echo (?close_after=N: the server closes after N echoes)
//   sim://ws/chat?name=X    a chat room shared by every socket of the run, with a bot, "ada"
//   sim://ws/ticker?n=5&interval=0.5   pushes "tick 1" .. "tick n", then closes
//   sim://ws/close?code=1011&reason=oops   closes right after opening
// Every answer takes kLatency (0.1 s) unless said otherwise; ?delay=S on any HTTP URL sets it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "modules/net_json.h"

namespace looplab::net {

struct Header {
  std::string name, value;
};

// scheme://host[:port]/path?query (no user info; the fragment is dropped).
struct Url {
  std::string scheme, host, path, query;
  int port = -1;
  std::vector<std::pair<std::string, std::string>> params;  // the query, decoded
};
bool parse_url(std::string_view text, Url* out);
std::string percent_decode(std::string_view s, bool plus_is_space);

struct HttpRequest {
  std::string method;  // upper case
  std::string url;
  std::vector<Header> headers;
  std::string body;
};

// What a simulated server does with a request or a WebSocket handshake.
struct SimAnswer {
  enum class Kind : uint8_t {
    Response,  // status/headers/body after `latency`
    Refused,   // the connection is refused after `latency` (message as CPython's)
    NoHost,    // the name does not resolve
    Never,     // nothing ever answers (the client's timeout fires)
  };
  Kind kind = Kind::Response;
  double latency = 0;
  int status = 200;
  std::vector<Header> headers;
  std::string body;
  std::string message;  // for Refused / NoHost
};

// A WebSocket server's action, delivered to the socket's port at virtual time `when`.
struct SimWsEvent {
  enum class Kind : uint8_t { Message, Close } kind = Kind::Message;
  std::string data;
  bool binary = false;
  int code = 1000;
  std::string reason;
};

class SimWsSink {
 public:
  virtual ~SimWsSink() = default;
  virtual void sim_ws_event(uint64_t key, double when, uint64_t seq, SimWsEvent ev) = 0;
};

class SimNet {
 public:
  static constexpr double kLatency = 0.1;

  // The answer to an HTTP request made at virtual time `now` (state changes, e.g. a POST,
  // happen at once; the answer is delivered `latency` later).
  SimAnswer http(const HttpRequest& req);

  // WebSocket handshake for `url`: Response with status 101 (open after `latency`) or another
  // status (rejected), or a connection failure.
  SimAnswer ws_handshake(std::string_view url);
  // The socket `key` (from new_key) is open at `now`: the server starts talking to `sink`.
  void ws_accept(uint64_t key, SimWsSink* sink, std::string_view url, double now);
  void ws_message(uint64_t key, std::string_view data, bool binary, double now);
  // The client sent a close frame at `now`: the server answers with one and forgets the socket.
  void ws_client_close(uint64_t key, int code, std::string_view reason, double now);
  // The socket is gone (closed, aborted, or its port is going away): no more events for it.
  void ws_forget(uint64_t key, double now);
  void ws_forget_sink(SimWsSink* sink, double now);
  uint64_t new_key() { return ++keys_; }
  // Orders everything that happens at the same virtual time (answers, messages, deadlines).
  uint64_t next_seq() { return ++seq_; }

 private:
  struct WsConn {
    SimWsSink* sink = nullptr;
    std::string kind;    // "echo", "chat", "ticker", "close"
    std::string name;    // chat: the member's name
    int close_after = 0; // echo: close after this many echoes (0: never)
    int echoes = 0;
    bool closing = false;  // the server has sent its close frame
  };
  void send(uint64_t key, double when, SimWsEvent ev);
  void send_text(uint64_t key, double when, std::string text);
  void server_close(uint64_t key, double when, int code, std::string reason);
  void chat_broadcast(double when, const std::string& text, uint64_t except = 0);

  SimAnswer api(const HttpRequest& req, const Url& url, const std::vector<std::string>& segs);
  Json& collection(const std::string& name);
  void seed();

  uint64_t keys_ = 0;
  uint64_t seq_ = 0;
  std::map<uint64_t, WsConn> conns_;  // open sockets by key (ordered: broadcasts are deterministic)
  bool seeded_ = false;
  std::map<std::string, Json> collections_;  // "users", "posts", "todos": arrays of objects
  std::map<std::string, int64_t> next_id_;
  int flaky_calls_ = 0;
  int guests_ = 0;
};

// The reason phrase of an HTTP status ("Not Found"), "" when unknown.
const char* http_reason(int status);

}  // namespace looplab::net
