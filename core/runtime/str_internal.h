// Helpers shared by the str and bytes implementation files (str_*.cpp, bytes_*.cpp,
// percent_format.cpp): making strings, code point offsets, slice arithmetic, and argument
// checking in the exact wording CPython's str and bytes methods use.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "lang/vm.h"
#include "runtime/str.h"

namespace looplab {

inline bool is_str_obj(Value v) { return v.is_obj() && v.o->kind == Kind::Str; }
inline StrObj* as_str(Value v) { return static_cast<StrObj*>(v.o); }
inline bool is_bytes_obj(Value v) { return v.is_obj() && v.o->kind == Kind::Bytes; }
inline BytesObj* as_bytes(Value v) { return static_cast<BytesObj*>(v.o); }

// bytearray: a mutable byte string. No Kind of its own (Kind::Other); its class lives in
// builtins (there is no vm.t member), so use the helpers below to recognise one.
struct ByteArrayObj final : Obj {
  std::string bytes;
  explicit ByteArrayObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  size_t extra_bytes() const override { return bytes.capacity(); }
  std::string_view view() const { return bytes; }
};

ClassObj* bytearray_class(VM& vm);
ByteArrayObj* as_bytearray(VM& vm, Value v);  // nullptr when v is not a bytearray
// The bytes of a bytes or bytearray object (CPython's "bytes-like" for our purposes).
bool bytes_like(VM& vm, Value v, std::string_view* out);
Value new_bytearray(VM& vm, std::string_view data, ClassObj* cls = nullptr);
// Shared by bytes and bytearray (bytes_type.cpp).
Value byteslike_richcompare(VM& vm, Value a, Value b, CompareOp op);
int byteslike_contains(VM& vm, std::string_view hay, Value item);
bool byteslike_from_args(VM& vm, CallArgs& a, const char* tname, std::string* out);
Value bytes_decode(VM& vm, CallArgs& a);   // decode(), for bytes and bytearray
Value bytes_hex(VM& vm, CallArgs& a);      // hex()
Value bytes_fromhex(VM& vm, CallArgs& a);  // the classmethod fromhex()
std::string bytes_repr_text(std::string_view v, bool bytearray_quotes = false);

namespace strimpl {

// A str of exactly class `cls` (str or a subclass) holding valid UTF-8 `text`.
StrObj* make_of_class(VM& vm, ClassObj* cls, std::string_view text);
// A str when the caller already knows whether the text is ASCII and its code point count.
Value make_known(VM& vm, std::string_view text, bool ascii, size_t length);
inline Value make_ascii(VM& vm, std::string_view text) { return make_known(vm, text, true, text.size()); }
// `self` itself when it is exactly a str (methods returning an unchanged string do this, as
// CPython does), else a plain str copy of it.
Value same_or_copy(VM& vm, StrObj* self);

// Byte offset of code point `i` (i <= length); O(1) for ASCII strings.
inline size_t offset(const StrObj* s, size_t i) { return s->ascii ? i : utf8::offset_of(s->view(), i); }
// The same, remembering the last answer so sequential indexing of a non-ASCII str is O(1).
size_t offset_cached(const StrObj* s, size_t i);
// Makes the VM's heap forget that answer whenever objects may be freed (init_str_type).
void install_offset_cache_hook(VM& vm);
// The code points [start, stop) as a new str.
Value substr(VM& vm, StrObj* s, size_t start, size_t stop);
// The code point at index i as a one-character str.
Value char_at(VM& vm, StrObj* s, size_t i);
// The one-character str for code point cp.
Value from_code_point(VM& vm, uint32_t cp);
// Code point count of UTF-8 text (fast for ASCII).
size_t length_of(std::string_view text);

// CPython's ADJUST_INDICES: clamp [start, end) of a find/count/startswith to [0, len].
inline void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

// A start/end argument (None or an __index__ able value; huge ints clamp), as
// _PyEval_SliceIndex: "slice indices must be integers or None or have an __index__ method".
bool slice_index(VM& vm, Value v, int64_t* out);
// The optional start/end arguments at args[first], args[first+1] (Undef = not given).
bool start_end_args(VM& vm, const CallArgs& a, size_t first, int64_t* start, int64_t* end);

// A slice object applied to a sequence of `len` items: PySlice_Unpack + PySlice_AdjustIndices.
// Returns false with an exception pending (a zero step, bad index types).
bool slice_unpack(VM& vm, Value slice, int64_t len, int64_t* start, int64_t* stop, int64_t* step, int64_t* slicelen);

// ---- argument checking (args exclude self) ---------------------------------------------------

// The positional arguments after self.
inline CallArgs rest(const CallArgs& a) { return CallArgs{a.args + 1, a.nargs - 1, a.kwnames}; }

// self of a method of `type` ("str"/"bytes"): "descriptor 'upper' for 'str' objects doesn't apply
// to a 'int' object" / "unbound method str.upper() needs an argument".
bool check_self(VM& vm, const CallArgs& a, ClassObj* type, Kind kind, const char* method);
// METH_NOARGS: "str.upper() takes no arguments (1 given)".
bool no_args(VM& vm, const CallArgs& r, const char* type, const char* method);
// METH_O: "str.join() takes exactly one argument (0 given)".
bool one_arg(VM& vm, const CallArgs& r, const char* type, const char* method);
// PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)", "... at most 3 arguments".
bool tuple_args(VM& vm, const CallArgs& r, const char* type, const char* method, uint32_t min, uint32_t max);
// _PyArg_CheckPositional: "replace expected at least 2 arguments, got 1".
bool positional_args(VM& vm, const CallArgs& r, const char* type, const char* method, uint32_t min, uint32_t max);
// _PyArg_UnpackKeywords for parameters that may be given by keyword: fills out[i] (Undef when
// not given). `fname` as CPython prints it ("split", "str").
bool keyword_args(VM& vm, const CallArgs& r, const char* fname, std::initializer_list<const char*> names,
                  uint32_t minpos, uint32_t maxpos, Value* out);

// An index-sized int argument ("'str' object cannot be interpreted as an integer").
bool ssize_arg(VM& vm, Value v, int64_t* out);
// "removeprefix() argument must be str, not int" (fname "removeprefix()").
bool str_arg(VM& vm, Value v, const char* what, StrObj** out);

// ---- case mapping and encodings shared between files ---------------------------------------

// Appends the lowercase of code point `cp` at code point index i of `s` (final sigma rule).
void append_lower_at(const StrObj* s, size_t byte_pos, uint32_t cp, std::string& out);

// Encode/decode with CPython's codec names and error messages (utf-8, ascii, latin-1) and error
// handlers strict, ignore, replace, backslashreplace, surrogateescape, xmlcharrefreplace.
Value encode(VM& vm, StrObj* s, std::string_view encoding, std::string_view errors);
Value decode(VM& vm, std::string_view data, std::string_view encoding, std::string_view errors);

// repr() of text: CPython's quoting (single quotes unless the text has ' and no ").
std::string repr_text(std::string_view text);

// Binds a str method or function natively (def_method with `type` owner).
void def(VM& vm, ClassObj* cls, const char* name, NativeFn fn);

}  // namespace strimpl

// The per-theme parts of init_str_type (str_methods_*.cpp, str_format.cpp).
void init_str_case_methods(VM& vm);
void init_str_search_methods(VM& vm);
void init_str_layout_methods(VM& vm);
void init_str_format_methods(VM& vm);

// printf-style formatting: format % args (percent_format.cpp), for str and for bytes/bytearray.
Value percent_format(VM& vm, StrObj* format, Value args);
Value percent_format_bytes(VM& vm, std::string_view format, Value args, bool bytearray);
// format(str, spec) for strings: the str part of the format mini-language (str_format.cpp).
Value format_str_spec(VM& vm, StrObj* s, std::string_view spec);

}  // namespace looplab
