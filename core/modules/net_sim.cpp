// The simulated network's servers (see net_sim.h for the URL map).
#include "modules/net_sim.h"

#include <cmath>
#include <cstdlib>

namespace looplab::net {

// ---- URLs -----------------------------------------------------------------------------------

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

bool parse_url(std::string_view text, Url* out) {
  *out = Url();
  size_t colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; i++) {
    char c = text[i];
    out->scheme += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  std::string_view rest = text.substr(colon + 3);
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  size_t end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority = authority.substr(at + 1);
  size_t pc = authority.rfind(':');
  if (pc != std::string_view::npos && authority.find(']', pc) == std::string_view::npos) {
    std::string_view port = authority.substr(pc + 1);
    authority = authority.substr(0, pc);
    if (!port.empty()) {
      int p = 0;
      for (char c : port) {
        if (c < '0' || c > '9' || p > 65535) return false;
        p = p * 10 + (c - '0');
      }
      out->port = p;
    }
  }
  for (char c : authority) out->host += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  size_t q = rest.find('?');
  out->path = std::string(rest.substr(0, q));
  if (out->path.empty()) out->path = "/";
  if (q != std::string_view::npos) {
    out->query = std::string(rest.substr(q + 1));
    std::string_view qs = out->query;
    while (!qs.empty()) {
      size_t amp = qs.find('&');
      std::string_view pair = qs.substr(0, amp);
      qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
      if (pair.empty()) continue;
      size_t eq = pair.find('=');
      std::string k = percent_decode(pair.substr(0, eq), true);
      std::string v = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
      out->params.emplace_back(std::move(k), std::move(v));
    }
  }
  return true;
}

const char* http_reason(int status) {
  switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 418: return "I'm a teapot";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
  }
  return "";
}

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segs;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') i++;
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) segs.push_back(percent_decode(path.substr(i, j - i), false));
    i = j;
  }
  return segs;
}

const std::string* param(const Url& u, std::string_view name) {
  for (const auto& [k, v] : u.params)
    if (k == name) return &v;
  return nullptr;
}

bool parse_number(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (!end || *end || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool parse_int(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 15) return false;
  int64_t v = 0;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = s[0] == '-' ? -v : v;
  return true;
}

SimAnswer respond(int status, std::string body, std::string_view content_type, double latency) {
  SimAnswer a;
  a.status = status;
  a.latency = latency;
  if (!content_type.empty()) a.headers.push_back({"content-type", std::string(content_type)});
  a.headers.push_back({"content-length", std::to_string(body.size())});
  a.body = std::move(body);
  return a;
}

SimAnswer json_answer(int status, const Json& body, double latency) {
  return respond(status, json_dump(body), "application/json", latency);
}

SimAnswer detail(int status, std::string_view text, double latency) {
  Json j = Json::object();
  j.set("detail", Json::string(text));
  return json_answer(status, j, latency);
}

// Deterministic across platforms (std::hash is not): FNV-1a.
uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= uint8_t(c);
    h *= 16777619u;
  }
  return h;
}

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

const char* kHelp =
    "Looplab's simulated network (answers in virtual time, offline, the same every run)\n"
    "\n"
    "HTTP (every answer takes 0.1 s unless said otherwise; ?delay=S sets it)\n"
    "  sim://api/users, /api/users/1, /api/users/1/posts, /api/users/1/todos\n"
    "  sim://api/posts, /api/posts/1, /api/todos, /api/todos/1   (?user_id=1 filters)\n"
    "      POST a JSON object to a collection, PUT/PATCH/DELETE an item\n"
    "  sim://api/slow (3 s), sim://api/error (500), sim://api/flaky (503, 503, 200, ...)\n"
    "  sim://echo/ANY/PATH   answers with the request it got\n"
    "  sim://delay/S         answers after S seconds\n"
    "  sim://status/N        answers with status N\n"
    "  sim://weather/CITY    a weather service (0.25 s)\n"
    "  sim://down            refuses connections; sim://blackhole never answers\n"
    "\n"
    "WebSocket\n"
    "  sim://ws/echo         echoes every message (?close_after=N)\n"
    "  sim://ws/chat?name=X  a chat room with every socket of the run (and ada, a bot)\n"
    "  sim://ws/ticker?n=5&interval=0.5   pushes tick 1 .. tick n, then closes\n"
    "  sim://ws/close?code=1000&reason=bye   closes right after opening\n";

}  // namespace

// ---- the REST API ---------------------------------------------------------------------------

void SimNet::seed() {
  if (seeded_) return;
  seeded_ = true;
  struct U {
    const char* name;
    const char* username;
    const char* city;
  };
  static const U users[] = {
      {"Ada Lovelace", "ada", "London"},   {"Alan Turing", "alan", "Manchester"},
      {"Grace Hopper", "grace", "New York"}, {"Guido van Rossum", "guido", "Amsterdam"},
      {"Barbara Liskov", "barbara", "Boston"},
  };
  Json& us = collections_["users"] = Json::array();
  for (int i = 0; i < 5; i++) {
    Json u = Json::object();
    u.set("id", Json::integer(i + 1));
    u.set("name", Json::string(users[i].name));
    u.set("username", Json::string(users[i].username));
    u.set("email", Json::string(std::string(users[i].username) + "@example.com"));
    u.set("city", Json::string(users[i].city));
    us.push(std::move(u));
  }
  static const char* const posts[][2] = {
      {"Notes on the Analytical Engine", "The engine weaves algebraic patterns."},
      {"On poetical science", "Imagination is the discovering faculty."},
      {"Computing machinery and intelligence", "Can machines think?"},
      {"On computable numbers", "A machine with a tape and a head."},
      {"The first bug", "A moth, found in relay 70."},
      {"It's easier to ask forgiveness", "Than it is to get permission."},
      {"Hello, Python", "A scripting language for the Amoeba system."},
      {"Readability counts", "Code is read more often than it is written."},
      {"Data abstraction", "Types are defined by their behaviour."},
      {"Substitution", "Subtypes must honour their supertypes' contracts."},
  };
  Json& ps = collections_["posts"] = Json::array();
  for (int i = 0; i < 10; i++) {
    Json p = Json::object();
    p.set("id", Json::integer(i + 1));
    p.set("user_id", Json::integer(i / 2 + 1));
    p.set("title", Json::string(posts[i][0]));
    p.set("body", Json::string(posts[i][1]));
    ps.push(std::move(p));
  }
  static const char* const todos[] = {
      "Write the first program", "Publish the notes",    "Crack the code",       "Build the bombe",
      "Write a compiler",        "Teach COBOL",          "Release Python 0.9",   "Write PEP 20",
      "Design CLU",              "State the principle",
  };
  Json& ts = collections_["todos"] = Json::array();
  for (int i = 0; i < 10; i++) {
    Json t = Json::object();
    t.set("id", Json::integer(i + 1));
    t.set("user_id", Json::integer(i / 2 + 1));
    t.set("title", Json::string(todos[i]));
    t.set("completed", Json::boolean(i % 2 == 0));
    ts.push(std::move(t));
  }
  next_id_["users"] = 6;
  next_id_["posts"] = 11;
  next_id_["todos"] = 11;
}

Json& SimNet::collection(const std::string& name) { return collections_[name]; }

SimAnswer SimNet::api(const HttpRequest& req, const Url& url, const std::vector<std::string>& segs) {
  seed();
  double lat = kLatency;
  const std::string& m = req.method;
  if (segs.size() == 1 && segs[0] == "slow") {
    Json j = Json::object();
    j.set("message", Json::string("sorry, that took a while"));
    return json_answer(200, j, 3.0);
  }
  if (segs.size() == 1 && segs[0] == "error") return respond(500, "Internal Server Error", "text/plain; charset=utf-8", lat);
  if (segs.size() == 1 && segs[0] == "flaky") {
    if (++flaky_calls_ % 3 != 0) return detail(503, "Service Unavailable", lat);
    Json j = Json::object();
    j.set("ok", Json::boolean(true));
    j.set("attempt", Json::integer(flaky_calls_));
    return json_answer(200, j, lat);
  }
  if (segs.empty() || !collections_.count(segs[0]) || segs.size() > 3) return detail(404, "Not Found", lat);
  const std::string& coll = segs[0];
  Json& items = collection(coll);
  std::string singular = coll.substr(0, coll.size() - 1);
  singular[0] = char(singular[0] - 'a' + 'A');

  if (segs.size() == 1) {
    if (m == "GET") {
      Json out = Json::array();
      for (const Json& it : items.items) {
        bool keep = true;
        for (const auto& [k, v] : url.params) {
          if (k == "delay") continue;
          const Json* f = it.get(k);
          if (!f || f->scalar_text() != v) keep = false;
        }
        if (keep) out.push(it);
      }
      return json_answer(200, out, lat);
    }
    if (m == "POST") {
      Json body;
      if (!json_parse(req.body, &body) || !body.is_object()) return detail(422, "expected a JSON object", lat);
      Json made = Json::object();
      made.set("id", Json::integer(next_id_[coll]++));
      for (auto& [k, v] : body.members)
        if (k != "id") made.set(k, v);
      items.push(made);
      return json_answer(201, made, lat);
    }
    return detail(405, "Method Not Allowed", lat);
  }
  int64_t id;
  Json* item = nullptr;
  size_t index = 0;
  if (parse_int(segs[1], &id)) {
    for (size_t k = 0; k < items.items.size(); k++) {
      const Json* f = items.items[k].get("id");
      if (f && f->type == Json::Type::Int && f->i == id) {
        item = &items.items[k];
        index = k;
      }
    }
  }
  if (!item) return detail(404, singular + " " + segs[1] + " not found", lat);
  if (segs.size() == 3) {
    // /users/1/posts, /users/1/todos
    if (coll != "users" || (segs[2] != "posts" && segs[2] != "todos")) return detail(404, "Not Found", lat);
    if (m != "GET") return detail(405, "Method Not Allowed", lat);
    Json out = Json::array();
    for (const Json& it : collection(segs[2]).items) {
      const Json* f = it.get("user_id");
      if (f && f->type == Json::Type::Int && f->i == id) out.push(it);
    }
    return json_answer(200, out, lat);
  }
  if (m == "GET") return json_answer(200, *item, lat);
  if (m == "PUT" || m == "PATCH") {
    Json body;
    if (!json_parse(req.body, &body) || !body.is_object()) return detail(422, "expected a JSON object", lat);
    if (m == "PUT") {
      Json made = Json::object();
      made.set("id", Json::integer(id));
      for (auto& [k, v] : body.members)
        if (k != "id") made.set(k, v);
      *item = made;
    } else {
      for (auto& [k, v] : body.members)
        if (k != "id") item->set(k, v);
    }
    return json_answer(200, *item, lat);
  }
  if (m == "DELETE") {
    items.items.erase(items.items.begin() + long(index));
    return respond(204, "", "", lat);
  }
  return detail(405, "Method Not Allowed", lat);
}

SimAnswer SimNet::http(const HttpRequest& req) {
  Url url;
  SimAnswer a;
  if (!parse_url(req.url, &url) || url.scheme != "sim") {
    a.kind = SimAnswer::Kind::NoHost;
    a.latency = 0.01;
    a.message = "[Errno -2] Name or service not known";
    return a;
  }
  std::vector<std::string> segs = split_path(url.path);
  double custom = -1;
  if (const std::string* d = param(url, "delay")) {
    double v;
    if (parse_number(*d, &v) && v >= 0 && v <= 86400) custom = v;
  }
  const std::string& h = url.host;
  if (h == "api") {
    a = api(req, url, segs);
  } else if (h == "echo") {
    Json j = Json::object();
    j.set("method", Json::string(req.method));
    j.set("url", Json::string(req.url));
    j.set("path", Json::string(url.path));
    Json args = Json::object();
    for (const auto& [k, v] : url.params) {
      if (Json* cur = args.get(k)) {
        if (cur->type != Json::Type::Array) {
          Json list = Json::array();
          list.push(*cur);
          *cur = std::move(list);
        }
        cur->push(Json::string(v));
      } else {
        args.set(k, Json::string(v));
      }
    }
    j.set("args", std::move(args));
    Json headers = Json::object();
    for (const Header& hd : req.headers) headers.set(lower(hd.name), Json::string(hd.value));
    j.set("headers", std::move(headers));
    j.set("data", Json::string(req.body));
    Json body;
    j.set("json", !req.body.empty() && json_parse(req.body, &body) ? body : Json::null());
    a = json_answer(200, j, kLatency);
  } else if (h == "delay") {
    double d;
    if (segs.size() != 1 || !parse_number(segs[0], &d) || d < 0 || d > 86400) {
      a = detail(400, "the delay must be a number of seconds, like sim://delay/0.5", kLatency);
    } else {
      Json j = Json::object();
      std::string text = segs[0];
      int64_t whole;
      j.set("delay", parse_int(text, &whole) ? Json::integer(whole) : Json::real(d));
      a = json_answer(200, j, d);
    }
  } else if (h == "status") {
    int64_t code;
    if (segs.size() != 1 || !parse_int(segs[0], &code) || code < 100 || code > 599) {
      a = detail(400, "the status must be a number from 100 to 599, like sim://status/404", kLatency);
    } else {
      a = respond(int(code), "", "", kLatency);
    }
  } else if (h == "weather") {
    if (segs.size() != 1) {
      a = detail(404, "Not Found", 0.25);
    } else {
      static const char* const kConditions[] = {"sunny", "cloudy", "rainy", "windy", "foggy", "snowy"};
      struct City {
        const char* name;
        int temp;
        int cond;
      };
      static const City kCities[] = {
          {"london", 11, 2}, {"manchester", 9, 2}, {"new york", 14, 0}, {"amsterdam", 10, 3},
          {"boston", 12, 1}, {"paris", 13, 0},     {"tokyo", 18, 1},    {"sydney", 22, 0},
      };
      std::string key = lower(segs[0]);
      int temp, cond;
      uint32_t hv = fnv1a(key);
      temp = int(hv % 35) - 5;
      cond = int((hv / 35) % 6);
      for (const City& c : kCities)
        if (key == c.name) temp = c.temp, cond = c.cond;
      Json j = Json::object();
      j.set("city", Json::string(segs[0]));
      j.set("temp_c", Json::integer(temp));
      j.set("conditions", Json::string(kConditions[cond]));
      a = json_answer(200, j, 0.25);
    }
  } else if (h.empty() || h == "help") {
    a = respond(200, kHelp, "text/plain; charset=utf-8", kLatency);
  } else if (h == "down") {
    a.kind = SimAnswer::Kind::Refused;
    a.latency = 0.01;
    a.message = "All connection attempts failed";
    return a;
  } else if (h == "blackhole") {
    a.kind = SimAnswer::Kind::Never;
    return a;
  } else {
    a.kind = SimAnswer::Kind::NoHost;
    a.latency = 0.01;
    a.message = "[Errno -2] Name or service not known";
    return a;
  }
  if (custom >= 0) a.latency = custom;
  return a;
}

// ---- WebSockets -----------------------------------------------------------------------------

SimAnswer SimNet::ws_handshake(std::string_view text) {
  Url url;
  SimAnswer a;
  if (!parse_url(text, &url) || url.host != "ws") {
    if (url.host == "down") {
      a.kind = SimAnswer::Kind::Refused;
      a.latency = 0.01;
      a.message = "[Errno 111] Connect call failed ('down', 80)";
    } else if (url.host == "blackhole") {
      a.kind = SimAnswer::Kind::Never;
    } else if (url.host == "api" || url.host == "echo" || url.host == "delay" || url.host == "status" ||
               url.host == "weather") {
      a.status = 404;  // an HTTP server that does not speak WebSocket there
      a.latency = kLatency;
    } else {
      a.kind = SimAnswer::Kind::NoHost;
      a.latency = 0.01;
      a.message = "[Errno -2] Name or service not known";
    }
    return a;
  }
  std::vector<std::string> segs = split_path(url.path);
  bool known = segs.size() == 1 && (segs[0] == "echo" || segs[0] == "chat" || segs[0] == "ticker" || segs[0] == "close");
  a.status = known ? 101 : 404;
  a.latency = kLatency;
  return a;
}

void SimNet::send(uint64_t key, double when, SimWsEvent ev) {
  auto it = conns_.find(key);
  if (it == conns_.end() || it->second.closing) return;
  if (ev.kind == SimWsEvent::Kind::Close) it->second.closing = true;
  it->second.sink->sim_ws_event(key, when, ++seq_, std::move(ev));
}

void SimNet::send_text(uint64_t key, double when, std::string text) {
  SimWsEvent ev;
  ev.data = std::move(text);
  send(key, when, std::move(ev));
}

void SimNet::server_close(uint64_t key, double when, int code, std::string reason) {
  SimWsEvent ev;
  ev.kind = SimWsEvent::Kind::Close;
  ev.code = code;
  ev.reason = std::move(reason);
  send(key, when, std::move(ev));
}

void SimNet::chat_broadcast(double when, const std::string& text, uint64_t except) {
  for (auto& [k, c] : conns_)
    if (c.kind == "chat" && k != except && !c.closing) send_text(k, when, text);
}

void SimNet::ws_accept(uint64_t key, SimWsSink* sink, std::string_view text, double now) {
  Url url;
  parse_url(text, &url);
  std::vector<std::string> segs = split_path(url.path);
  WsConn c;
  c.sink = sink;
  c.kind = segs.empty() ? "echo" : segs[0];
  if (c.kind == "echo") {
    int64_t n;
    if (const std::string* p = param(url, "close_after"); p && parse_int(*p, &n) && n > 0) c.close_after = int(n);
    conns_[key] = c;
  } else if (c.kind == "chat") {
    const std::string* name = param(url, "name");
    c.name = name && !name->empty() ? *name : "guest-" + std::to_string(++guests_);
    std::string others = "ada";
    for (auto& [k, o] : conns_)
      if (o.kind == "chat" && !o.closing) others += ", " + o.name;
    chat_broadcast(now, "* " + c.name + " joined");
    conns_[key] = c;
    send_text(key, now, "* welcome, " + c.name + "! here: " + others);
    chat_broadcast(now + 0.2, "ada: hi " + c.name + "!");
  } else if (c.kind == "ticker") {
    conns_[key] = c;
    int64_t n = 5;
    double interval = 0.5;
    if (const std::string* p = param(url, "n")) parse_int(*p, &n);
    if (const std::string* p = param(url, "interval")) parse_number(*p, &interval);
    if (n < 0) n = 0;
    if (n > 10000) n = 10000;
    if (interval < 0) interval = 0;
    for (int64_t i = 1; i <= n; i++) send_text(key, now + double(i) * interval, "tick " + std::to_string(i));
    server_close(key, now + double(n) * interval, 1000, "");
  } else {  // "close"
    conns_[key] = c;
    int64_t code = 1000;
    if (const std::string* p = param(url, "code")) parse_int(*p, &code);
    const std::string* reason = param(url, "reason");
    server_close(key, now + kLatency, int(code), reason ? *reason : "");
  }
}

void SimNet::ws_message(uint64_t key, std::string_view data, bool binary, double now) {
  auto it = conns_.find(key);
  if (it == conns_.end() || it->second.closing) return;
  WsConn& c = it->second;
  if (c.kind == "echo") {
    SimWsEvent ev;
    ev.data = std::string(data);
    ev.binary = binary;
    send(key, now + kLatency, std::move(ev));
    if (c.close_after && ++c.echoes >= c.close_after) server_close(key, now + kLatency, 1000, "bye");
  } else if (c.kind == "chat") {
    std::string text = binary ? "<" + std::to_string(data.size()) + " bytes>" : std::string(data);
    chat_broadcast(now + kLatency, c.name + ": " + text);
    if (!text.empty() && text.back() == '?') chat_broadcast(now + 3 * kLatency, "ada: good question, " + c.name + "!");
  }
}

void SimNet::ws_client_close(uint64_t key, int code, std::string_view reason, double now) {
  auto it = conns_.find(key);
  if (it == conns_.end()) return;
  bool already = it->second.closing;
  if (!already) server_close(key, now + kLatency, code, std::string(reason));
  ws_forget(key, now);
}

void SimNet::ws_forget(uint64_t key, double now) {
  auto it = conns_.find(key);
  if (it == conns_.end()) return;
  std::string name = it->second.kind == "chat" ? it->second.name : "";
  conns_.erase(it);
  if (!name.empty()) chat_broadcast(now + kLatency, "* " + name + " left");
}

void SimNet::ws_forget_sink(SimWsSink* sink, double now) {
  std::vector<uint64_t> keys;
  for (auto& [k, c] : conns_)
    if (c.sink == sink) keys.push_back(k);
  for (uint64_t k : keys) ws_forget(k, now);
}

}  // namespace looplab::net
