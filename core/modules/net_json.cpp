#include "modules/net_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "runtime/numbers.h"
#include "runtime/str.h"

namespace looplab::net {

const Json* Json::get(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

Json* Json::get(std::string_view key) {
  return const_cast<Json*>(static_cast<const Json*>(this)->get(key));
}

Json& Json::set(std::string_view key, Json v) {
  if (Json* cur = get(key)) {
    *cur = std::move(v);
    return *cur;
  }
  members.emplace_back(std::string(key), std::move(v));
  return members.back().second;
}

std::string Json::scalar_text() const {
  switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return b ? "true" : "false";
    case Type::Int: return std::to_string(i);
    case Type::Float: return py_float_repr(f);
    case Type::String: return s;
    default: return json_dump(*this);
  }
}

// ---- parsing --------------------------------------------------------------------------------

namespace {

struct Parser {
  std::string_view t;
  size_t p = 0;
  int depth = 0;

  void ws() {
    while (p < t.size() && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n' || t[p] == '\r')) p++;
  }
  bool lit(std::string_view w) {
    if (t.substr(p, w.size()) != w) return false;
    p += w.size();
    return true;
  }
  bool hex4(uint32_t* out) {
    if (p + 4 > t.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
      char c = t[p++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
      else if (c >= 'a' && c <= 'f') v |= uint32_t(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= uint32_t(c - 'A' + 10);
      else return false;
    }
    *out = v;
    return true;
  }
  bool string(std::string& out) {
    if (p >= t.size() || t[p] != '"') return false;
    p++;
    while (p < t.size()) {
      char c = t[p++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (p >= t.size()) return false;
      char e = t[p++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && t.substr(p, 2) == "\\u") {
            size_t save = p;
            p += 2;
            uint32_t lo;
            if (hex4(&lo) && lo >= 0xDC00 && lo < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else p = save;
          }
          utf8::encode(cp, out);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool number(Json* out) {
    size_t start = p;
    if (p < t.size() && t[p] == '-') p++;
    if (p >= t.size() || !(t[p] >= '0' && t[p] <= '9')) return false;
    if (t[p] == '0') p++;
    else
      while (p < t.size() && t[p] >= '0' && t[p] <= '9') p++;
    bool is_float = false;
    if (p < t.size() && t[p] == '.') {
      is_float = true;
      p++;
      if (p >= t.size() || !(t[p] >= '0' && t[p] <= '9')) return false;
      while (p < t.size() && t[p] >= '0' && t[p] <= '9') p++;
    }
    if (p < t.size() && (t[p] == 'e' || t[p] == 'E')) {
      is_float = true;
      p++;
      if (p < t.size() && (t[p] == '+' || t[p] == '-')) p++;
      if (p >= t.size() || !(t[p] >= '0' && t[p] <= '9')) return false;
      while (p < t.size() && t[p] >= '0' && t[p] <= '9') p++;
    }
    std::string text(t.substr(start, p - start));
    if (!is_float && text.size() < 19) {
      *out = Json::integer(std::strtoll(text.c_str(), nullptr, 10));
    } else {
      *out = Json::real(std::strtod(text.c_str(), nullptr));  // big ints become floats here
    }
    return true;
  }
  bool value(Json* out) {
    if (++depth > 512) return false;
    ws();
    if (p >= t.size()) return false;
    bool ok = true;
    char c = t[p];
    if (c == '{') {
      p++;
      *out = Json::object();
      ws();
      if (p < t.size() && t[p] == '}') {
        p++;
      } else {
        for (;;) {
          ws();
          std::string key;
          if (!string(key)) return false;
          ws();
          if (p >= t.size() || t[p] != ':') return false;
          p++;
          Json v;
          if (!value(&v)) return false;
          out->set(key, std::move(v));  // a repeated key keeps the last value, as json.loads
          ws();
          if (p < t.size() && t[p] == ',') {
            p++;
            continue;
          }
          if (p < t.size() && t[p] == '}') {
            p++;
            break;
          }
          return false;
        }
      }
    } else if (c == '[') {
      p++;
      *out = Json::array();
      ws();
      if (p < t.size() && t[p] == ']') {
        p++;
      } else {
        for (;;) {
          Json v;
          if (!value(&v)) return false;
          out->items.push_back(std::move(v));
          ws();
          if (p < t.size() && t[p] == ',') {
            p++;
            continue;
          }
          if (p < t.size() && t[p] == ']') {
            p++;
            break;
          }
          return false;
        }
      }
    } else if (c == '"') {
      *out = Json::string("");
      ok = string(out->s);
    } else if (lit("true")) {
      *out = Json::boolean(true);
    } else if (lit("false")) {
      *out = Json::boolean(false);
    } else if (lit("null")) {
      *out = Json::null();
    } else if (lit("NaN")) {
      *out = Json::real(NAN);
    } else if (lit("Infinity")) {
      *out = Json::real(INFINITY);
    } else if (lit("-Infinity")) {
      *out = Json::real(-INFINITY);
    } else {
      ok = number(out);
    }
    depth--;
    return ok;
  }
};

void dump_string(std::string_view s, std::string& out) {
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace

bool json_parse(std::string_view text, Json* out) {
  Parser ps{text};
  if (!ps.value(out)) return false;
  ps.ws();
  return ps.p == text.size();
}

// repr(float), with json.dumps's spellings of the non-finite values.
std::string py_float_repr(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return float_repr(v);
}

void json_dump_to(const Json& v, std::string& out) {
  switch (v.type) {
    case Json::Type::Null: out += "null"; break;
    case Json::Type::Bool: out += v.b ? "true" : "false"; break;
    case Json::Type::Int: out += std::to_string(v.i); break;
    case Json::Type::Float: out += py_float_repr(v.f); break;
    case Json::Type::String: dump_string(v.s, out); break;
    case Json::Type::Array:
      out += '[';
      for (size_t k = 0; k < v.items.size(); k++) {
        if (k) out += ',';
        json_dump_to(v.items[k], out);
      }
      out += ']';
      break;
    case Json::Type::Object:
      out += '{';
      for (size_t k = 0; k < v.members.size(); k++) {
        if (k) out += ',';
        dump_string(v.members[k].first, out);
        out += ':';
        json_dump_to(v.members[k].second, out);
      }
      out += '}';
      break;
  }
}

std::string json_dump(const Json& v) {
  std::string out;
  json_dump_to(v, out);
  return out;
}

}  // namespace looplab::net
