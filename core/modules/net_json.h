// A small JSON value for the simulated network's servers (core/modules/net_sim.cpp): they read
// request bodies and answer with JSON as a FastAPI app would (compact separators, UTF-8 kept).
// Plain C++, no VM: the Python program only ever sees the bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace looplab::net {

struct Json {
  enum class Type : uint8_t { Null, Bool, Int, Float, String, Array, Object };
  Type type = Type::Null;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  std::vector<Json> items;                            // Array
  std::vector<std::pair<std::string, Json>> members;  // Object, in insertion order

  static Json null() { return Json(); }
  static Json boolean(bool v) { Json j; j.type = Type::Bool; j.b = v; return j; }
  static Json integer(int64_t v) { Json j; j.type = Type::Int; j.i = v; return j; }
  static Json real(double v) { Json j; j.type = Type::Float; j.f = v; return j; }
  static Json string(std::string_view v) { Json j; j.type = Type::String; j.s = std::string(v); return j; }
  static Json array() { Json j; j.type = Type::Array; return j; }
  static Json object() { Json j; j.type = Type::Object; return j; }

  bool is_object() const { return type == Type::Object; }
  // Object member lookup (nullptr when missing or not an object).
  const Json* get(std::string_view key) const;
  Json* get(std::string_view key);
  // Sets (replacing in place, or appending) an object member.
  Json& set(std::string_view key, Json v);
  Json& push(Json v) { items.push_back(std::move(v)); return *this; }
  // The text a query parameter is compared with: 3 -> "3", true -> "true", "x" -> "x".
  std::string scalar_text() const;
};

// Parses JSON text (RFC 8259, as Python's json.loads accepts it, plus NaN/Infinity). False on
// malformed input.
bool json_parse(std::string_view text, Json* out);
// Compact JSON as FastAPI sends it: separators "," and ":", non-ASCII kept as UTF-8, floats as
// Python's repr writes them.
std::string json_dump(const Json& v);
void json_dump_to(const Json& v, std::string& out);
// Python's repr() of a float (shortest round-trip digits; "1.0", "1e-07", "1e+16").
std::string py_float_repr(double v);

}  // namespace looplab::net
