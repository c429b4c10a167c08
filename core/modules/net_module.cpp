// _looplab_net: the native layer under httpx.py and websockets.py. Each function starts or
// drives a request on the running loop's network port (net_port.h) and returns asyncio futures
// for the Python side to await; the Python side turns answers into Response objects and
// exceptions, and calls http_abort / ws_recv_cancel / ws_abort when its task is cancelled.
#include <cmath>

#include "modules/asyncio_runtime.h"
#include "modules/net_module.h"
#include "modules/net_port.h"
#include "runtime/ops.h"

namespace looplab {

namespace net {

namespace {
RealNet* g_real = nullptr;
}  // namespace

RealNet* real_net() { return g_real; }
void set_real_net(RealNet* backend) { g_real = backend; }

}  // namespace net

namespace {

struct NetStateObj final : Obj {
  NetState state;
  explicit NetStateObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override { state.trace(t); }
};

NetState& state_of(VM& vm) { return static_cast<NetStateObj*>(vm.calling_native->data.o)->state; }

bool text_arg(VM& vm, Value v, const char* what, std::string* out) {
  if (!v.is_obj() || v.o->kind != Kind::Str) {
    vm.raisef(vm.t.TypeError, "%s must be str, not %s", what, type_name(vm, v).c_str());
    return false;
  }
  *out = static_cast<StrObj*>(v.o)->str();
  return true;
}

bool seconds_arg(VM& vm, Value v, double* out) {
  if (v.is_undef() || v.is_none()) {
    *out = INFINITY;
    return true;
  }
  if (!as_double(vm, v, out)) return false;
  if (std::isnan(*out) || *out < 0) *out = 0;
  return true;
}

uint32_t current_task_id(EventLoop* loop) { return loop->current_task ? loop->current_task->task_id : 0; }

// The running loop's port (made on first use).
NetPort* running_port(VM& vm, EventLoop** loop_out) {
  EventLoop* loop = get_running_loop_or_raise(vm);
  if (!loop) return nullptr;
  *loop_out = loop;
  return state_of(vm).port_for(vm, loop);
}

// The port that owns socket `id`, which must be the running loop's.
NetPort* socket_port(VM& vm, Value id_value, uint32_t* id_out, EventLoop** loop_out) {
  int64_t id;
  if (!index_value(vm, id_value, &id)) return nullptr;
  *id_out = uint32_t(id);
  NetPort* p = state_of(vm).port_of_socket(uint32_t(id));
  if (!p) {
    vm.raise(vm.t.ValueError, "unknown WebSocket");
    return nullptr;
  }
  if (loop_out) {
    EventLoop* loop = get_running_loop_or_raise(vm);
    if (!loop) return nullptr;
    if (loop->io != p) {
      vm.raise(vm.t.RuntimeError, "this WebSocket belongs to another event loop");
      return nullptr;
    }
    *loop_out = loop;
  }
  return p;
}

// http_request(method, url, headers, body, timeout) -> (id, future)
Value fn_http_request(VM& vm, CallArgs& a) {
  Value v[5];
  if (!bind_args(vm, a, "http_request", {"method", "url", "headers", "body", "timeout"}, v)) return Value::error();
  net::HttpRequest req;
  if (!text_arg(vm, v[0], "method", &req.method) || !text_arg(vm, v[1], "url", &req.url)) return Value::error();
  bool ok = op_for_each(vm, v[2], [&](Value pair) {
    if (!pair.is_obj() || pair.o->kind != Kind::Tuple || static_cast<TupleObj*>(pair.o)->size != 2) {
      vm.raise(vm.t.TypeError, "headers must be (name, value) pairs");
      return false;
    }
    net::Header h;
    TupleObj* t = static_cast<TupleObj*>(pair.o);
    if (!text_arg(vm, (*t)[0], "header name", &h.name) || !text_arg(vm, (*t)[1], "header value", &h.value)) return false;
    req.headers.push_back(std::move(h));
    return true;
  });
  if (!ok) return Value::error();
  if (!v[3].is_obj() || v[3].o->kind != Kind::Bytes) return vm.raise(vm.t.TypeError, "body must be bytes");
  req.body = std::string(static_cast<BytesObj*>(v[3].o)->view());
  double timeout;
  if (!seconds_arg(vm, v[4], &timeout)) return Value::error();
  EventLoop* loop;
  NetPort* port = running_port(vm, &loop);
  if (!port) return Value::error();
  FutureObj* f = loop->create_future(asyncio_runtime(vm)->log->intern(req.method + " " + req.url));
  uint32_t id = port->http_start(f, std::move(req), timeout, current_task_id(loop));
  return Value::object(vm.tuple_of({Value::integer(id), Value::object(f)}));
}

Value fn_http_abort(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "http_abort", 1, 1)) return Value::error();
  int64_t id;
  if (!index_value(vm, a[0], &id)) return Value::error();
  for (auto& p : state_of(vm).ports) p->http_abort(uint32_t(id));
  return Value::none();
}

// ws_connect(url, subprotocols, open_timeout) -> (id, future)
Value fn_ws_connect(VM& vm, CallArgs& a) {
  Value v[3];
  if (!bind_args(vm, a, "ws_connect", {"url", "subprotocols", "open_timeout"}, v)) return Value::error();
  std::string url;
  if (!text_arg(vm, v[0], "url", &url)) return Value::error();
  std::vector<std::string> protocols;
  if (!v[1].is_none()) {
    bool ok = op_for_each(vm, v[1], [&](Value p) {
      std::string s;
      if (!text_arg(vm, p, "subprotocol", &s)) return false;
      protocols.push_back(std::move(s));
      return true;
    });
    if (!ok) return Value::error();
  }
  double timeout;
  if (!seconds_arg(vm, v[2], &timeout)) return Value::error();
  EventLoop* loop;
  NetPort* port = running_port(vm, &loop);
  if (!port) return Value::error();
  FutureObj* f = loop->create_future(asyncio_runtime(vm)->log->intern("WS " + url));
  uint32_t id = port->ws_connect(f, url, protocols, timeout, current_task_id(loop));
  return Value::object(vm.tuple_of({Value::integer(id), Value::object(f)}));
}

// ws_send(id, data) -> None, or the close tuple when the socket is not open
Value fn_ws_send(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_send", 2, 2)) return Value::error();
  uint32_t id;
  NetPort* p = socket_port(vm, a[0], &id, nullptr);
  if (!p) return Value::error();
  Value d = a[1];
  if (d.is_obj() && d.o->kind == Kind::Str) return p->ws_send(id, static_cast<StrObj*>(d.o)->view(), false);
  if (d.is_obj() && d.o->kind == Kind::Bytes) return p->ws_send(id, static_cast<BytesObj*>(d.o)->view(), true);
  return vm.raise(vm.t.TypeError, "data must be str or bytes-like");
}

Value fn_ws_recv(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_recv", 1, 1)) return Value::error();
  uint32_t id;
  EventLoop* loop;
  NetPort* p = socket_port(vm, a[0], &id, &loop);
  if (!p) return Value::error();
  return p->ws_recv(id, loop, current_task_id(loop));
}

Value fn_ws_recv_cancel(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_recv_cancel", 1, 1)) return Value::error();
  uint32_t id;
  NetPort* p = socket_port(vm, a[0], &id, nullptr);
  if (!p) return Value::error();
  p->ws_recv_cancel(id);
  return Value::none();
}

// ws_close(id, code, reason, close_timeout) -> None (closed already) or a future
Value fn_ws_close(VM& vm, CallArgs& a) {
  Value v[4];
  if (!bind_args(vm, a, "ws_close", {"id", "code", "reason", "close_timeout"}, v)) return Value::error();
  uint32_t id;
  EventLoop* loop;
  NetPort* p = socket_port(vm, v[0], &id, &loop);
  if (!p) return Value::error();
  int64_t code;
  std::string reason;
  double timeout;
  if (!index_value(vm, v[1], &code) || !text_arg(vm, v[2], "reason", &reason) || !seconds_arg(vm, v[3], &timeout))
    return Value::error();
  return p->ws_close(id, int(code), reason, timeout, loop, current_task_id(loop));
}

Value fn_ws_wait_closed(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_wait_closed", 1, 1)) return Value::error();
  uint32_t id;
  EventLoop* loop;
  NetPort* p = socket_port(vm, a[0], &id, &loop);
  if (!p) return Value::error();
  return p->ws_wait_closed(id, loop, current_task_id(loop));
}

Value fn_ws_abort(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_abort", 1, 1)) return Value::error();
  uint32_t id;
  NetPort* p = socket_port(vm, a[0], &id, nullptr);
  if (!p) return Value::error();
  p->ws_abort(id);
  return Value::none();
}

Value fn_ws_info(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ws_info", 1, 1)) return Value::error();
  uint32_t id;
  NetPort* p = socket_port(vm, a[0], &id, nullptr);
  if (!p) return Value::error();
  return p->ws_info(id);
}

Value fn_has_real_network(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "has_real_network", 0, 0)) return Value::error();
  return Value::boolean(net::real_net() != nullptr);
}

}  // namespace

bool init_net_module(VM& vm, ModuleObj* m) {
  ClassObj* cls = vm.new_class("NetState", {}, Kind::Other, kClassBuiltin, "_looplab_net");
  NetStateObj* st = vm.heap.make<NetStateObj>(cls);
  m->dict->set_str(vm.intern("_state"), Value::object(st));
  struct F {
    const char* name;
    NativeFn fn;
  };
  static const F fns[] = {
      {"http_request", fn_http_request}, {"http_abort", fn_http_abort},
      {"ws_connect", fn_ws_connect},     {"ws_send", fn_ws_send},
      {"ws_recv", fn_ws_recv},           {"ws_recv_cancel", fn_ws_recv_cancel},
      {"ws_close", fn_ws_close},         {"ws_wait_closed", fn_ws_wait_closed},
      {"ws_abort", fn_ws_abort},         {"ws_info", fn_ws_info},
      {"has_real_network", fn_has_real_network},
  };
  for (const F& f : fns) vm.def_function(m->dict, f.name, f.fn)->data = Value::object(st);
  return true;
}

}  // namespace looplab
