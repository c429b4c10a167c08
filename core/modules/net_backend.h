// Real network access, provided by the host: the page installs one over the browser's fetch and
// WebSocket (web/net_web.cpp); the native runner has none, so http(s):// and ws(s):// URLs fail
// there with a clear message. Events reach the port through its RealNetSink in the order they
// happened; a host delivers them only between engine slices (the browser's event loop does).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/net_sim.h"

namespace looplab::net {

struct RealEvent {
  enum class Kind : uint8_t {
    HttpResponse,  // status, status_text, headers, body, url (the final URL after redirects)
    HttpError,     // message: what the browser said (CORS and network failures look alike)
    WsOpen,        // protocol: the subprotocol the server chose ("" if none)
    WsMessage,     // data, binary
    WsClose,       // code, reason, clean
    WsError,       // message (the browser says little: an error event before close)
  };
  Kind kind = Kind::HttpError;
  uint64_t handle = 0;
  int status = 0;
  std::string status_text;
  std::vector<Header> headers;
  std::string body;  // HttpResponse: the body; WsMessage: the data
  std::string url;
  std::string protocol;
  bool binary = false;
  int code = 0;
  std::string reason;
  bool clean = false;
  std::string message;
};

class RealNetSink {
 public:
  virtual ~RealNetSink() = default;
  virtual void on_real_event(RealEvent ev) = 0;
};

class RealNet {
 public:
  virtual ~RealNet() = default;
  // Starts a request; its events go to `sink`. Returns a handle (never 0).
  virtual uint64_t http_start(const HttpRequest& req, double timeout_seconds, RealNetSink* sink) = 0;
  // Opens a WebSocket; its events go to `sink`. Returns a handle (never 0).
  virtual uint64_t ws_open(std::string_view url, const std::vector<std::string>& protocols, RealNetSink* sink) = 0;
  virtual void ws_send(uint64_t handle, std::string_view data, bool binary) = 0;
  virtual void ws_close(uint64_t handle, int code, std::string_view reason) = 0;
  // Aborts a request or drops a socket; no event for `handle` reaches its sink afterwards.
  virtual void forget(uint64_t handle) = 0;
};

// The host's backend (nullptr: none). The page sets it once at startup.
RealNet* real_net();
void set_real_net(RealNet* backend);

}  // namespace looplab::net
