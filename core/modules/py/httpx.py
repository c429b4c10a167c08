# httpx for Looplab: the async subset of httpx 0.28's API (AsyncClient, Request, Response, URL,
# Headers, Timeout and the exception hierarchy) over the engine's network port (_looplab_net).
# sim:// URLs are answered by the simulated network in virtual time; http(s):// URLs go through
# the browser's fetch in the playground. Messages follow httpx's own.
import json as _json
import _looplab_net as _net

__version__ = "0.28.1"
__all__ = [
    "AsyncClient", "Client", "Limits", "URL", "Headers", "QueryParams", "Request", "Response", "Timeout",
    "HTTPError", "RequestError", "TransportError", "TimeoutException", "ConnectTimeout",
    "ReadTimeout", "WriteTimeout", "PoolTimeout", "NetworkError", "ConnectError", "ReadError",
    "WriteError", "CloseError", "ProtocolError", "LocalProtocolError", "RemoteProtocolError",
    "ProxyError", "UnsupportedProtocol", "DecodingError", "TooManyRedirects", "HTTPStatusError",
    "InvalidURL", "StreamError", "codes",
]


# ---- exceptions (httpx/_exceptions.py) ----------------------------------------------------------

class HTTPError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self._request = None

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError("The .request property has not been set.")
        return self._request

    @request.setter
    def request(self, request):
        self._request = request


class RequestError(HTTPError):
    def __init__(self, message, *, request=None):
        super().__init__(message)
        self._request = request


class TransportError(RequestError): pass
class TimeoutException(TransportError): pass
class ConnectTimeout(TimeoutException): pass
class ReadTimeout(TimeoutException): pass
class WriteTimeout(TimeoutException): pass
class PoolTimeout(TimeoutException): pass
class NetworkError(TransportError): pass
class ConnectError(NetworkError): pass
class ReadError(NetworkError): pass
class WriteError(NetworkError): pass
class CloseError(NetworkError): pass
class ProtocolError(TransportError): pass
class LocalProtocolError(ProtocolError): pass
class RemoteProtocolError(ProtocolError): pass
class ProxyError(TransportError): pass
class UnsupportedProtocol(TransportError): pass
class DecodingError(RequestError): pass
class TooManyRedirects(RequestError): pass


class HTTPStatusError(HTTPError):
    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


class InvalidURL(Exception):
    def __init__(self, message):
        super().__init__(message)


class StreamError(RuntimeError):
    def __init__(self, message):
        super().__init__(message)


# What the port's failures become.
_FAILURES = {
    "connect": ConnectError,
    "network": ConnectError,
    "connect_timeout": ConnectTimeout,
    "read_timeout": ReadTimeout,
}


# ---- status codes (httpx/_status_codes.py, without the enum) -------------------------------------

class codes:
    CONTINUE = 100; SWITCHING_PROTOCOLS = 101
    OK = 200; CREATED = 201; ACCEPTED = 202; NO_CONTENT = 204; PARTIAL_CONTENT = 206
    MOVED_PERMANENTLY = 301; FOUND = 302; SEE_OTHER = 303; NOT_MODIFIED = 304
    TEMPORARY_REDIRECT = 307; PERMANENT_REDIRECT = 308
    BAD_REQUEST = 400; UNAUTHORIZED = 401; FORBIDDEN = 403; NOT_FOUND = 404
    METHOD_NOT_ALLOWED = 405; REQUEST_TIMEOUT = 408; CONFLICT = 409; GONE = 410
    UNSUPPORTED_MEDIA_TYPE = 415; IM_A_TEAPOT = 418; UNPROCESSABLE_ENTITY = 422
    TOO_MANY_REQUESTS = 429
    INTERNAL_SERVER_ERROR = 500; NOT_IMPLEMENTED = 501; BAD_GATEWAY = 502
    SERVICE_UNAVAILABLE = 503; GATEWAY_TIMEOUT = 504

    _PHRASES = {
        100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
        204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found",
        303: "See Other", 304: "Not Modified", 307: "Temporary Redirect",
        308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
        410: "Gone", 413: "Request Entity Too Large", 415: "Unsupported Media Type",
        418: "I'm a teapot", 422: "Unprocessable Entity", 429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    }

    @classmethod
    def get_reason_phrase(cls, value):
        return cls._PHRASES.get(value, "")

    @classmethod
    def is_success(cls, value):
        return 200 <= value <= 299

    @classmethod
    def is_error(cls, value):
        return 400 <= value <= 599


# ---- URLs and query strings --------------------------------------------------------------------

_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"


def _quote(text, safe=""):
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in _UNRESERVED or ch in safe:
            out.append(ch)
        else:
            out.append("%%%02X" % byte)
    return "".join(out)


def _quote_plus(text):
    return _quote(text, " ").replace(" ", "+")


def _unquote(text, plus=False):
    if plus:
        text = text.replace("+", " ")
    if "%" not in text:
        return text
    raw = bytearray()
    i = 0
    data = text.encode("utf-8")
    while i < len(data):
        if data[i] == 37 and i + 2 < len(data):
            try:
                raw.append(int(data[i + 1:i + 3].decode("ascii"), 16))
                i += 3
                continue
            except ValueError:
                pass
        raw.append(data[i])
        i += 1
    return bytes(raw).decode("utf-8", "replace")


def _primitive(value):
    # httpx._utils.primitive_value_to_str
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return str(value)


class QueryParams:
    def __init__(self, *args, **kwargs):
        self._items = []
        value = args[0] if args else kwargs
        if value is None:
            return
        if isinstance(value, QueryParams):
            self._items = list(value._items)
        elif isinstance(value, str):
            for part in value.split("&"):
                if not part:
                    continue
                key, sep, val = part.partition("=")
                self._items.append((_unquote(key, True), _unquote(val, True)))
        else:
            items = value.items() if hasattr(value, "items") else value
            for key, val in items:
                if isinstance(val, (list, tuple)):
                    for v in val:
                        self._items.append((str(key), _primitive(v)))
                else:
                    self._items.append((str(key), _primitive(val)))

    def multi_items(self):
        return list(self._items)

    def merge(self, params=None):
        # Keys in `params` replace this one's (httpx QueryParams.merge).
        other = QueryParams(params)
        groups = {}
        for k, v in self._items:
            groups.setdefault(k, []).append(v)
        new = {}
        for k, v in other._items:
            new.setdefault(k, []).append(v)
        groups.update(new)
        merged = QueryParams()
        merged._items = [(k, v) for k, values in groups.items() for v in values]
        return merged

    def items(self):
        seen = {}
        for k, v in self._items:
            if k not in seen:
                seen[k] = v
        return list(seen.items())

    def keys(self):
        return [k for k, v in self.items()]

    def get(self, key, default=None):
        for k, v in self._items:
            if k == key:
                return v
        return default

    def get_list(self, key):
        return [v for k, v in self._items if k == key]

    def __getitem__(self, key):
        for k, v in self._items:
            if k == key:
                return v
        raise KeyError(key)

    def __contains__(self, key):
        return any(k == key for k, v in self._items)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __bool__(self):
        return bool(self._items)

    def __eq__(self, other):
        if not isinstance(other, QueryParams):
            return False
        return sorted(self._items) == sorted(other._items)

    def __str__(self):
        return "&".join(_quote_plus(k) + "=" + _quote_plus(v) for k, v in self._items)

    def __repr__(self):
        return "QueryParams(%r)" % str(self)


class URL:
    def __init__(self, url="", *, params=None):
        if isinstance(url, URL):
            url = url._text
        elif not isinstance(url, str):
            raise TypeError("Invalid type for url.  Expected str or httpx.URL, got %s: %r"
                            % (type(url), url))
        scheme, sep, rest = url.partition("://")
        if not sep:
            scheme, rest = "", url
        rest, _, self.fragment = rest.partition("#")
        if scheme:
            slash = len(rest)
            for ch in "/?":
                i = rest.find(ch)
                if i != -1 and i < slash:
                    slash = i
            authority, rest = rest[:slash], rest[slash:]
        else:
            authority = ""
        path, qmark, query = rest.partition("?")
        self.scheme = scheme.lower()
        self._authority = authority
        host, colon, port = authority.rpartition(":")
        if colon and port.isdigit():
            self.host, self.port = host.lower(), int(port)
            if (self.scheme, self.port) in (("http", 80), ("https", 443)):
                self.port = None
        else:
            self.host, self.port = authority.lower(), None
        if scheme and not path:
            path = "/"
        # Characters a URL cannot carry as they are get percent-encoded, as httpx does.
        self._path = _quote(path, "!$&'()*+,;=:@/%")
        self._query = _quote(query, "?/!$&'()*+,;=:@%")
        if params is not None:  # replaces the query, as httpx.URL(url, params=...) does
            self._query = str(QueryParams(params))
        self._text = self._build()

    @property
    def path(self):
        return _unquote(self._path)

    def _build(self):
        text = ""
        if self.scheme:
            netloc = self.host + (":%d" % self.port if self.port is not None else "")
            text = self.scheme + "://" + netloc
        text += self._path
        if self._query:
            text += "?" + self._query
        if self.fragment:
            text += "#" + self.fragment
        return text

    @property
    def query(self):
        return self._query.encode("ascii")

    @property
    def params(self):
        return QueryParams(self._query)

    @property
    def raw_path(self):
        return (self._path + ("?" + self._query if self._query else "")).encode("ascii")

    @property
    def netloc(self):
        return (self.host + (":%d" % self.port if self.port is not None else "")).encode("ascii")

    @property
    def is_absolute_url(self):
        return bool(self.scheme and self.host)

    @property
    def is_relative_url(self):
        return not self.is_absolute_url

    def copy_merge_params(self, params):
        return URL(self, params=self.params.merge(params))

    def join(self, url):
        other = URL(url)
        if other.is_absolute_url:
            return other
        if other._path.startswith("/"):
            path = other._path
        else:
            base = self._path.rsplit("/", 1)[0]
            path = base + "/" + other._path
        text = self.scheme + "://" + self.netloc.decode("ascii") + path
        if other._query:
            text += "?" + other._query
        return URL(text)

    def __str__(self):
        return self._text

    def __repr__(self):
        return "URL(%r)" % self._text

    def __eq__(self, other):
        return isinstance(other, (URL, str)) and str(self) == str(URL(other))

    def __hash__(self):
        return hash(self._text)


# ---- headers -----------------------------------------------------------------------------------

class Headers:
    def __init__(self, headers=None, encoding=None):
        self._list = []  # (name as given, lower-case name, value)
        if headers is None:
            return
        if isinstance(headers, Headers):
            self._list = list(headers._list)
            return
        items = headers.items() if hasattr(headers, "items") else headers
        for key, value in items:
            if isinstance(key, bytes):
                key = key.decode("latin-1")
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            self._list.append((key, key.lower(), value))

    @property
    def raw(self):
        return [(k.encode("latin-1"), v.encode("latin-1")) for k, lk, v in self._list]

    def _items_as_sent(self):
        return [(k, v) for k, lk, v in self._list]

    def keys(self):
        return list({lk: None for k, lk, v in self._list})

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def multi_items(self):
        return [(lk, v) for k, lk, v in self._list]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def get_list(self, key, split_commas=False):
        lk = key.lower()
        values = [v for k, l, v in self._list if l == lk]
        if not split_commas:
            return values
        out = []
        for v in values:
            out.extend(item.strip() for item in v.split(","))
        return out

    def update(self, headers=None):
        headers = Headers(headers)
        for key in headers.keys():
            if key in self:
                del self[key]
        self._list.extend(headers._list)

    def copy(self):
        return Headers(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __getitem__(self, key):
        lk = key.lower()
        values = [v for k, l, v in self._list if l == lk]
        if not values:
            raise KeyError(key)
        return ", ".join(values)

    def __setitem__(self, key, value):
        lk = key.lower()
        found = [i for i, (k, l, v) in enumerate(self._list) if l == lk]
        if found:
            for i in reversed(found[1:]):
                del self._list[i]
            self._list[found[0]] = (key, lk, value)
        else:
            self._list.append((key, lk, value))

    def __delitem__(self, key):
        lk = key.lower()
        kept = [item for item in self._list if item[1] != lk]
        if len(kept) == len(self._list):
            raise KeyError(key)
        self._list = kept

    def __contains__(self, key):
        lk = key.lower()
        return any(l == lk for k, l, v in self._list)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __eq__(self, other):
        try:
            other = Headers(other)
        except ValueError:
            return False
        return sorted(self.multi_items()) == sorted(other.multi_items())

    def __repr__(self):
        # httpx._utils.obfuscate_sensitive_headers
        as_list = [(k, "[secure]" if k in ("authorization", "proxy-authorization") else v)
                   for k, v in self.multi_items()]
        as_dict = dict(as_list)
        if len(as_dict) == len(as_list):
            return "Headers(%r)" % as_dict
        return "Headers(%r)" % as_list


# ---- timeouts ----------------------------------------------------------------------------------

_UNSET = object()


class Timeout:
    def __init__(self, timeout=_UNSET, *, connect=_UNSET, read=_UNSET, write=_UNSET, pool=_UNSET):
        if isinstance(timeout, Timeout):
            self.connect, self.read, self.write, self.pool = (
                timeout.connect, timeout.read, timeout.write, timeout.pool)
            return
        if isinstance(timeout, tuple):
            self.connect, self.read, self.write, self.pool = timeout
            return
        if timeout is _UNSET and _UNSET in (connect, read, write, pool):
            raise ValueError(
                "httpx.Timeout must either include a default, or set all four parameters explicitly.")
        default = None if timeout is _UNSET else timeout
        self.connect = default if connect is _UNSET else connect
        self.read = default if read is _UNSET else read
        self.write = default if write is _UNSET else write
        self.pool = default if pool is _UNSET else pool

    def as_dict(self):
        return {"connect": self.connect, "read": self.read, "write": self.write, "pool": self.pool}

    def __eq__(self, other):
        return isinstance(other, Timeout) and self.as_dict() == other.as_dict()

    def __repr__(self):
        values = {self.connect, self.read, self.write, self.pool}
        if len(values) == 1:
            return "Timeout(timeout=%r)" % self.connect
        return "Timeout(connect=%r, read=%r, write=%r, pool=%r)" % (
            self.connect, self.read, self.write, self.pool)


class Limits:
    # Accepted for compatibility; the network port has no connection pool to limit.
    def __init__(self, *, max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0):
        self.max_connections = max_connections
        self.max_keepalive_connections = max_keepalive_connections
        self.keepalive_expiry = keepalive_expiry

    def __repr__(self):
        return (f"Limits(max_connections={self.max_connections}, "
                f"max_keepalive_connections={self.max_keepalive_connections}, "
                f"keepalive_expiry={self.keepalive_expiry})")


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)
USE_CLIENT_DEFAULT = object()


# ---- requests and responses ---------------------------------------------------------------------

def _encode_body(content, data, json):
    # httpx/_content.py encode_request: (headers, body bytes)
    if content is not None:
        if isinstance(content, str):
            content = content.encode("utf-8")
        return {"Content-Length": str(len(content))}, bytes(content)
    if data:
        body = str(QueryParams(data)).encode("ascii")
        return {"Content-Length": str(len(body)),
                "Content-Type": "application/x-www-form-urlencoded"}, body
    if json is not None:
        body = _json.dumps(json, ensure_ascii=False, separators=(",", ":"),
                           allow_nan=False).encode("utf-8")
        return {"Content-Length": str(len(body)), "Content-Type": "application/json"}, body
    return {}, b""


class Request:
    def __init__(self, method, url, *, params=None, headers=None, content=None, data=None,
                 files=None, json=None, extensions=None):
        if files:
            raise NotImplementedError("file uploads are not supported in Looplab's httpx")
        self.method = method.upper() if isinstance(method, str) else method.decode("ascii").upper()
        self.url = URL(url) if params is None else URL(url).copy_merge_params(params)
        self.headers = Headers(headers)
        self.extensions = extensions or {}
        body_headers, self.content = _encode_body(content, data, json)
        for key, value in body_headers.items():
            self.headers.setdefault(key, value)
        auto = []
        if "Host" not in self.headers and self.url.host:
            auto.append(("Host", self.url.netloc.decode("ascii")))
        if "Content-Length" not in self.headers and self.method in ("POST", "PUT", "PATCH"):
            auto.append(("Content-Length", "0"))
        if auto:
            self.headers = Headers(auto + self.headers._items_as_sent())

    def read(self):
        return self.content

    async def aread(self):
        return self.content

    def __repr__(self):
        return "<Request(%r, %r)>" % (self.method, str(self.url))


def _charset(content_type):
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            return value.strip("'\"")
    return None


class Response:
    def __init__(self, status_code, *, headers=None, content=None, text=None, json=None,
                 request=None, extensions=None):
        self.status_code = status_code
        self.headers = Headers(headers)
        self._request = request
        self.extensions = extensions or {}
        self.next_request = None
        self.is_closed = True
        self.is_stream_consumed = True
        self.default_encoding = "utf-8"
        if content is None:
            header_extra, content = _encode_body(None, None, json) if json is not None else ({}, b"")
            if text is not None:
                content = text.encode("utf-8")
                header_extra = {"Content-Length": str(len(content)),
                                "Content-Type": "text/plain; charset=utf-8"}
            for key, value in header_extra.items():
                self.headers.setdefault(key, value)
        elif isinstance(content, str):
            content = content.encode("utf-8")
        self._content = bytes(content)
        self._text = None

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError("The request instance has not been set on this response.")
        return self._request

    @request.setter
    def request(self, value):
        self._request = value

    @property
    def http_version(self):
        return self.extensions.get("http_version", "HTTP/1.1")

    @property
    def reason_phrase(self):
        phrase = self.extensions.get("reason_phrase")
        if phrase:
            return phrase
        return codes.get_reason_phrase(self.status_code)

    @property
    def url(self):
        return self.request.url

    @property
    def content(self):
        return self._content

    @property
    def encoding(self):
        charset = _charset(self.headers.get("content-type", ""))
        return charset or self.default_encoding

    @property
    def charset_encoding(self):
        return _charset(self.headers.get("content-type", ""))

    @property
    def text(self):
        if self._text is None:
            try:
                self._text = self._content.decode(self.encoding, "replace")
            except LookupError:
                self._text = self._content.decode("utf-8", "replace")
        return self._text

    def json(self, **kwargs):
        return _json.loads(self.content, **kwargs)

    @property
    def is_informational(self):
        return 100 <= self.status_code <= 199

    @property
    def is_success(self):
        return 200 <= self.status_code <= 299

    @property
    def is_redirect(self):
        return self.status_code in (301, 302, 303, 307, 308) and "location" in self.headers

    @property
    def has_redirect_location(self):
        return self.is_redirect

    @property
    def is_client_error(self):
        return 400 <= self.status_code <= 499

    @property
    def is_server_error(self):
        return 500 <= self.status_code <= 599

    @property
    def is_error(self):
        return 400 <= self.status_code <= 599

    def raise_for_status(self):
        request = self._request
        if request is None:
            raise RuntimeError(
                "Cannot call `raise_for_status` as the request instance has not been set on this response.")
        if self.is_success:
            return self
        if self.has_redirect_location:
            message = (
                "{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                "Redirect location: '{0.headers[location]}'\n"
                "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}"
            )
        else:
            message = (
                "{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}"
            )
        error_types = {1: "Informational response", 3: "Redirect response", 4: "Client error",
                       5: "Server error"}
        error_type = error_types.get(self.status_code // 100, "Invalid status code")
        message = message.format(self, error_type=error_type)
        raise HTTPStatusError(message, request=request, response=self)

    def read(self):
        return self._content

    async def aread(self):
        return self._content

    async def aclose(self):
        pass

    def close(self):
        pass

    def iter_lines(self):
        return iter(self.text.splitlines())

    async def aiter_lines(self):
        for line in self.text.splitlines():
            yield line

    async def aiter_bytes(self, chunk_size=None):
        if self._content:
            yield self._content

    def __repr__(self):
        return "<Response [%d %s]>" % (self.status_code, self.reason_phrase)


# ---- the client --------------------------------------------------------------------------------

_DEFAULT_HEADERS = [
    ("Accept", "*/*"),
    ("Accept-Encoding", "gzip, deflate"),
    ("Connection", "keep-alive"),
    ("User-Agent", "python-httpx/" + __version__),
]


def _timeout_seconds(timeout):
    # One deadline for the whole exchange (the simulated network has no separate phases).
    if timeout is None:
        return None
    if isinstance(timeout, Timeout):
        values = [t for t in (timeout.connect, timeout.read) if t is not None]
        return max(values) if values else None
    return float(timeout)


class AsyncClient:
    def __init__(self, *, auth=None, params=None, headers=None, cookies=None, verify=True,
                 cert=None, http1=True, http2=False, proxy=None, mounts=None,
                 timeout=DEFAULT_TIMEOUT_CONFIG, follow_redirects=False, limits=None,
                 max_redirects=20, event_hooks=None, base_url="", transport=None,
                 trust_env=True, default_encoding="utf-8"):
        self.headers = Headers(_DEFAULT_HEADERS)
        if headers is not None:
            self.headers.update(headers)
        self.params = QueryParams(params)
        self.timeout = Timeout(timeout)
        self.follow_redirects = follow_redirects
        self.event_hooks = {"request": [], "response": []}
        if event_hooks:
            self.event_hooks.update(event_hooks)
        base = URL(base_url)
        if base._path and not base._path.endswith("/"):
            base = URL(str(base).split("?")[0] + "/")
        self.base_url = base
        self._state = "unopened"

    @property
    def is_closed(self):
        return self._state == "closed"

    def _merge_url(self, url):
        merge = URL(url)
        if merge.is_relative_url:
            raw = self.base_url.raw_path.decode("ascii") + merge.raw_path.decode("ascii").lstrip("/")
            base = str(self.base_url)
            base = base[:len(base) - len(self.base_url.raw_path)] if self.base_url.scheme else ""
            return URL(base + raw)
        return merge

    def _merge_headers(self, headers):
        merged = Headers(self.headers)
        if headers is not None:
            merged.update(headers)
        return merged

    def build_request(self, method, url, *, content=None, data=None, files=None, json=None,
                      params=None, headers=None, cookies=None, timeout=USE_CLIENT_DEFAULT,
                      extensions=None):
        url = self._merge_url(url)
        merged = self.params.merge(params)
        if merged:
            url = url.copy_merge_params(merged)
        extensions = dict(extensions or {})
        if timeout is not USE_CLIENT_DEFAULT:
            extensions["timeout"] = Timeout(timeout) if timeout is not None else Timeout(None)
        else:
            extensions["timeout"] = self.timeout
        return Request(method, url, content=content, data=data, files=files, json=json,
                       headers=self._merge_headers(headers), extensions=extensions)

    async def request(self, method, url, *, content=None, data=None, files=None, json=None,
                      params=None, headers=None, cookies=None, auth=None,
                      follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT,
                      extensions=None):
        request = self.build_request(method, url, content=content, data=data, files=files,
                                     json=json, params=params, headers=headers, timeout=timeout,
                                     extensions=extensions)
        return await self.send(request)

    async def send(self, request, *, stream=False, auth=None, follow_redirects=USE_CLIENT_DEFAULT):
        if self._state == "closed":
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        self._state = "opened"
        for hook in self.event_hooks["request"]:
            await hook(request)
        url = request.url
        if url.scheme not in ("http", "https", "sim"):
            if not url.scheme:
                raise UnsupportedProtocol(
                    "Request URL is missing an 'http://' or 'https://' protocol.", request=request)
            raise UnsupportedProtocol(
                "Request URL has an unsupported protocol '%s://'." % url.scheme, request=request)
        timeout = _timeout_seconds(request.extensions.get("timeout", self.timeout))
        rid, future = _net.http_request(request.method, str(url), request.headers._items_as_sent(),
                                        request.content, timeout)
        try:
            answer = await future
        except BaseException:
            # Cancelled (task.cancel(), wait_for's timeout): give up on the request.
            _net.http_abort(rid)
            raise
        if len(answer) == 2:
            kind, message = answer
            raise _FAILURES[kind](message, request=request)
        status, reason, headers, body, final_url = answer
        response = Response(status, headers=headers, content=body, request=request,
                            extensions={"reason_phrase": reason, "http_version": "HTTP/1.1"})
        for hook in self.event_hooks["response"]:
            await hook(response)
        return response

    async def get(self, url, *, params=None, headers=None, cookies=None, auth=None,
                  follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("GET", url, params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def options(self, url, *, params=None, headers=None, cookies=None, auth=None,
                      follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("OPTIONS", url, params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def head(self, url, *, params=None, headers=None, cookies=None, auth=None,
                   follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("HEAD", url, params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def post(self, url, *, content=None, data=None, files=None, json=None, params=None,
                   headers=None, cookies=None, auth=None, follow_redirects=USE_CLIENT_DEFAULT,
                   timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("POST", url, content=content, data=data, files=files, json=json,
                                  params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def put(self, url, *, content=None, data=None, files=None, json=None, params=None,
                  headers=None, cookies=None, auth=None, follow_redirects=USE_CLIENT_DEFAULT,
                  timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("PUT", url, content=content, data=data, files=files, json=json,
                                  params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def patch(self, url, *, content=None, data=None, files=None, json=None, params=None,
                    headers=None, cookies=None, auth=None, follow_redirects=USE_CLIENT_DEFAULT,
                    timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("PATCH", url, content=content, data=data, files=files, json=json,
                                  params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def delete(self, url, *, params=None, headers=None, cookies=None, auth=None,
                     follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request("DELETE", url, params=params, headers=headers, timeout=timeout,
                                  extensions=extensions)

    async def aclose(self):
        self._state = "closed"

    async def __aenter__(self):
        if self._state != "unopened":
            msg = {
                "opened": "Cannot open a client instance more than once.",
                "closed": "Cannot reopen a client instance, once it has been closed.",
            }[self._state]
            raise RuntimeError(msg)
        self._state = "opened"
        return self

    async def __aexit__(self, exc_type=None, exc_value=None, traceback=None):
        self._state = "closed"


_BLOCKING = ("httpx.{0}() and httpx.Client are synchronous: they would block the event loop. "
             "In Looplab use the async client: "
             "`async with httpx.AsyncClient() as client: r = await client.{1}(url)`")


class Client:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(_BLOCKING.format("Client", "get"))


def _blocking(name):
    def call(*args, **kwargs):
        raise NotImplementedError(_BLOCKING.format(name, name if name != "request" else "request"))
    call.__name__ = name
    return call


get = _blocking("get")
post = _blocking("post")
put = _blocking("put")
patch = _blocking("patch")
delete = _blocking("delete")
head = _blocking("head")
options = _blocking("options")
request = _blocking("request")
