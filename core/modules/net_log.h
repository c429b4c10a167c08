// How the network port writes the event log's IoStart / IoDone records (event_kinds.h), so the
// visualizer's fold can show requests and sockets in flight. One request id per HTTP request and
// one per WebSocket (its connect's id, kept for the socket's whole life).
//
//   IoStart(request, label, task)
//     HTTP:      label "GET sim://api/users/1"; `task` waits for the answer
//     WebSocket: label "WS sim://ws/echo" starts the socket (connecting); later IoStart records
//                with the socket's id and label "recv" or "close" say `task` now waits on it
//   IoDone(request, status, bytes)
//     HTTP:      the HTTP status and the body's size; or kIoFailed / kIoTimeout / kIoAborted
//     WebSocket: kWsOpened when open; kIoMessage for each message that arrives (bytes: its size);
//                a close code (1000-4999; 1006 abnormal) when closed (bytes: all received);
//                kIoAborted when a recv (or a connect) was cancelled; kIoFailed / kIoTimeout
//                when the connect failed
#pragma once

#include <cstdint>

namespace looplab::net {

enum : uint32_t {
  kIoFailed = 0,    // a network error: refused, unknown host, CORS ...
  kIoAborted = 1,   // cancelled by the program (task.cancel, wait_for's timeout)
  kIoMessage = 2,   // a WebSocket message arrived
  kIoTimeout = 3,   // the client's timeout fired
  kWsOpened = 101,  // the WebSocket handshake succeeded (HTTP 101 Switching Protocols)
  kWsCloseMin = 1000,
};

}  // namespace looplab::net
