// str.encode / bytes.decode for the codecs programs use (utf-8, ascii, latin-1), with CPython's
// error handlers and UnicodeEncodeError / UnicodeDecodeError messages.
#include <string>

#include "runtime/str_internal.h"

namespace looplab::strimpl {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };

// mirrors encodings.normalize_encoding + the aliases table for the codecs we have.
Codec lookup_codec(std::string_view name) {
  std::string n;
  size_t b = 0, e = name.size();
  while (b < e && name[b] == ' ') b++;
  while (e > b && name[e - 1] == ' ') e--;
  for (size_t i = b; i < e; i++) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c == ' ' || c == '-') c = '_';
    n += c;
  }
  for (const char* a : {"utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4"})
    if (n == a) return Codec::Utf8;
  for (const char* a : {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "cp367", "csascii", "ibm367", "iso646_us",
                        "iso_646.irv_1991", "iso_ir_6"})
    if (n == a) return Codec::Ascii;
  for (const char* a : {"latin_1", "latin1", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819", "latin", "iso_ir_100",
                        "csisolatin1", "ibm819", "iso_8859_1_1987", "iso8859"})
    if (n == a) return Codec::Latin1;
  return Codec::Unknown;
}

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, SurrogateEscape, SurrogatePass, Unknown };

Handler lookup_handler(std::string_view e) {
  if (e == "strict") return Handler::Strict;
  if (e == "ignore") return Handler::Ignore;
  if (e == "replace") return Handler::Replace;
  if (e == "backslashreplace") return Handler::BackslashReplace;
  if (e == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  if (e == "surrogateescape") return Handler::SurrogateEscape;
  if (e == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

Value unknown_encoding(VM& vm, std::string_view enc) {
  return vm.raisef(vm.t.LookupError, "unknown encoding: %.*s", int(enc.size()), enc.data());
}

Value unknown_handler(VM& vm, std::string_view errors) {
  return vm.raisef(vm.t.LookupError, "unknown error handler name '%.*s'", int(errors.size()), errors.data());
}

std::string escaped_char(uint32_t cp) {
  if (cp < 0x100) return strprintf("\\x%02x", cp);
  if (cp < 0x10000) return strprintf("\\u%04x", cp);
  return strprintf("\\U%08x", cp);
}

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

}  // namespace

// mirrors Objects/unicodeobject.c unicode_encode_ucs1 / unicode_encode_utf8 with their handlers.
Value encode(VM& vm, StrObj* s, std::string_view encoding, std::string_view errors) {
  Codec codec = lookup_codec(encoding);
  if (codec == Codec::Unknown) return unknown_encoding(vm, encoding);
  std::string_view v = s->view();
  if (s->ascii) return Value::object(vm.new_bytes(v));
  uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
  // Decode once to code points (the error reports need positions).
  std::vector<uint32_t> cps;
  cps.reserve(s->length);
  for (size_t pos = 0; pos < v.size();) cps.push_back(utf8::decode(v, pos));
  auto bad = [&](uint32_t cp) { return cp >= limit || (codec == Codec::Utf8 && is_surrogate(cp)); };
  std::string out;
  out.reserve(v.size());
  Handler handler = Handler::Strict;
  bool handler_known = false;
  for (size_t i = 0; i < cps.size();) {
    uint32_t cp = cps[i];
    if (!bad(cp)) {
      if (codec == Codec::Utf8) utf8::encode(cp, out);
      else out += char(cp);
      i++;
      continue;
    }
    size_t end = i + 1;
    while (end < cps.size() && bad(cps[end])) end++;
    if (!handler_known) {
      handler = lookup_handler(errors);
      handler_known = true;
    }
    const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                         : codec == Codec::Ascii ? "ordinal not in range(128)" : "ordinal not in range(256)";
    if (codec == Codec::Utf8) end = i + 1;  // CPython reports surrogates one at a time for utf-8
    switch (handler) {
      case Handler::Unknown: return unknown_handler(vm, errors);
      case Handler::Strict:
      case Handler::SurrogatePass:
      case Handler::SurrogateEscape: {
        bool ok = true;
        std::string fixed;
        for (size_t j = i; j < end; j++) {
          uint32_t c = cps[j];
          if (handler == Handler::SurrogateEscape && c >= 0xDC80 && c <= 0xDCFF) fixed += char(c - 0xDC00);
          else if (handler == Handler::SurrogatePass && codec == Codec::Utf8 && is_surrogate(c)) utf8::encode(c, fixed);
          else {
            ok = false;
            break;
          }
        }
        if (ok) {
          out += fixed;
          break;
        }
        if (end == i + 1)
          return vm.raisef(vm.t.UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %zu: %s",
                           codec_name(codec), escaped_char(cp).c_str(), i, reason);
        return vm.raisef(vm.t.UnicodeEncodeError, "'%s' codec can't encode characters in position %zu-%zu: %s",
                         codec_name(codec), i, end - 1, reason);
      }
      case Handler::Ignore: break;
      case Handler::Replace:
        out.append(end - i, '?');
        break;
      case Handler::BackslashReplace:
        for (size_t j = i; j < end; j++) out += escaped_char(cps[j]);
        break;
      case Handler::XmlCharRefReplace:
        for (size_t j = i; j < end; j++) out += strprintf("&#%u;", cps[j]);
        break;
    }
    i = end;
  }
  return Value::object(vm.new_bytes(out));
}

namespace {

// Length of the valid UTF-8 sequence at data[i], or 0 with *reason and *bad_len (the bytes the
// error covers) set. mirrors Objects/stringlib/codecs.h utf8_decode's error classification.
size_t utf8_sequence(std::string_view d, size_t i, const char** reason, size_t* bad_len) {
  unsigned char c = static_cast<unsigned char>(d[i]);
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
  } else {
    *reason = "invalid start byte";
    *bad_len = 1;
    return 0;
  }
  for (size_t k = 1; k < need; k++) {
    if (i + k >= d.size()) {
      *reason = "unexpected end of data";
      *bad_len = d.size() - i;
      return 0;
    }
    unsigned char n = static_cast<unsigned char>(d[i + k]);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (n < l || n > h) {
      *reason = "invalid continuation byte";
      *bad_len = k;
      return 0;
    }
  }
  return need;
}

}  // namespace

Value decode(VM& vm, std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec codec = lookup_codec(encoding);
  if (codec == Codec::Unknown) return unknown_encoding(vm, encoding);
  if (utf8::is_ascii(data)) return make_ascii(vm, data);
  std::string out;
  out.reserve(data.size() + 8);
  size_t length = 0;
  Handler handler = Handler::Strict;
  bool handler_known = false;
  for (size_t i = 0; i < data.size();) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    const char* reason = nullptr;
    size_t bad = 0, n = 0;
    if (codec == Codec::Latin1) {
      utf8::encode(c, out);
      i++;
      length++;
      continue;
    }
    if (codec == Codec::Ascii) {
      if (c < 0x80) n = 1;
      else {
        reason = "ordinal not in range(128)";
        bad = 1;
      }
    } else {
      n = utf8_sequence(data, i, &reason, &bad);
    }
    if (n) {
      out.append(data.substr(i, n));
      i += n;
      length++;
      continue;
    }
    if (!handler_known) {
      handler = lookup_handler(errors);
      handler_known = true;
    }
    switch (handler) {
      case Handler::Unknown: return unknown_handler(vm, errors);
      case Handler::SurrogatePass:
        // Lone surrogates encoded as 3 bytes (ED A0..BF xx) are accepted.
        if (codec == Codec::Utf8 && c == 0xED && i + 2 < data.size() &&
            (static_cast<unsigned char>(data[i + 1]) & 0xE0) == 0xA0 &&
            (static_cast<unsigned char>(data[i + 2]) & 0xC0) == 0x80) {
          out.append(data.substr(i, 3));
          i += 3;
          length++;
          continue;
        }
        [[fallthrough]];
      case Handler::Strict:
      case Handler::XmlCharRefReplace:
        if (bad == 1)
          return vm.raisef(vm.t.UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                           codec_name(codec), c, i, reason);
        return vm.raisef(vm.t.UnicodeDecodeError, "'%s' codec can't decode bytes in position %zu-%zu: %s",
                         codec_name(codec), i, i + bad - 1, reason);
      case Handler::Ignore: break;
      case Handler::Replace:
        out += "\xEF\xBF\xBD";
        length++;
        break;
      case Handler::BackslashReplace:
        for (size_t k = 0; k < bad; k++) out += strprintf("\\x%02x", static_cast<unsigned char>(data[i + k]));
        length += 4 * bad;
        break;
      case Handler::SurrogateEscape:
        for (size_t k = 0; k < bad; k++) utf8::encode(0xDC00 + static_cast<unsigned char>(data[i + k]), out);
        length += bad;
        break;
    }
    i += bad;
  }
  return make_known(vm, out, out.size() == length, length);
}

}  // namespace looplab::strimpl
