# websockets for Looplab: the client side of websockets 10.4's asyncio API (connect, send, recv,
# async iteration, close, ConnectionClosed) over the engine's network port (_looplab_net).
# sim:// URLs talk to the simulated servers in virtual time (sim://ws/echo, sim://ws/chat, ...);
# ws(s):// URLs use the browser's WebSocket in the playground.
import _looplab_net as _net
from websockets.exceptions import (
    ConnectionClosed, ConnectionClosedError, ConnectionClosedOK, InvalidHandshake, InvalidStatus,
    InvalidStatusCode, InvalidURI, InvalidMessage, InvalidState, PayloadTooBig, ProtocolError,
    WebSocketException, _closed)
from websockets.frames import Close
import websockets.exceptions as exceptions

__version__ = "10.4"

try:
    _BYTES_LIKE = (bytearray, memoryview)
except NameError:  # the engine has no memoryview
    _BYTES_LIKE = (bytearray,)
__all__ = [
    "connect", "WebSocketClientProtocol", "ConnectionClosed", "ConnectionClosedError",
    "ConnectionClosedOK", "InvalidHandshake", "InvalidStatusCode", "InvalidURI",
    "WebSocketException", "exceptions",
]


class WebSocketClientProtocol:
    """An open WebSocket connection: what `websockets.connect(...)` gives."""

    def __init__(self, sid, uri, close_timeout, subprotocol):
        self._id = sid
        rest = uri.partition("://")[2]
        cut = len(rest)
        for ch in "/?":
            j = rest.find(ch)
            if j != -1 and j < cut:
                cut = j
        path = rest[cut:] or "/"
        self.path = "/" + path if path.startswith("?") else path
        self._uri = uri
        self.close_timeout = close_timeout
        self.subprotocol = subprotocol

    # ---- state (websockets' State: CONNECTING, OPEN, CLOSING, CLOSED) ---------------------------
    @property
    def open(self):
        return _net.ws_info(self._id)[0] == "open"

    @property
    def closed(self):
        return _net.ws_info(self._id)[0] == "closed"

    @property
    def close_code(self):
        state, info, proto = _net.ws_info(self._id)
        if state != "closed":
            return None
        return 1006 if info[1] is None else info[1]

    @property
    def close_reason(self):
        state, info, proto = _net.ws_info(self._id)
        if state != "closed":
            return None
        return "" if info[1] is None else info[2]

    # ---- messages ------------------------------------------------------------------------------
    async def send(self, message):
        if isinstance(message, _BYTES_LIKE):
            message = bytes(message)
        elif isinstance(message, dict):
            raise TypeError("data is a dict-like object")
        elif not isinstance(message, (str, bytes)):
            parts = list(message)
            if not parts:
                return
            if all(isinstance(p, str) for p in parts):
                message = "".join(parts)
            elif all(isinstance(p, (bytes,) + _BYTES_LIKE) for p in parts):
                message = b"".join(bytes(p) for p in parts)
            else:
                raise TypeError("data contains inconsistent types")
        closed = _net.ws_send(self._id, message)
        if closed is not None:
            raise _closed(closed)

    async def recv(self):
        answer = _net.ws_recv(self._id)
        if isinstance(answer, (str, bytes)):
            return answer
        if isinstance(answer, tuple):
            raise _closed(answer)
        try:
            answer = await answer
        except BaseException:
            # Cancelled: no message is lost; the next recv() gets it.
            _net.ws_recv_cancel(self._id)
            raise
        if isinstance(answer, tuple):
            raise _closed(answer)
        return answer

    async def __aiter__(self):
        try:
            while True:
                yield await self.recv()
        except ConnectionClosedOK:
            return

    async def ping(self, data=None):
        # The pong comes back after the network's round trip: a future that is done then.
        import asyncio
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        loop.call_later(0.1, lambda: waiter.done() or waiter.set_result(0.1))
        return waiter

    # ---- closing -------------------------------------------------------------------------------
    async def close(self, code=1000, reason=""):
        waiter = _net.ws_close(self._id, code, reason, self.close_timeout)
        if waiter is None:
            return
        try:
            await waiter
        except BaseException:
            _net.ws_abort(self._id)
            raise

    async def wait_closed(self):
        waiter = _net.ws_wait_closed(self._id)
        if waiter is not None:
            await waiter


def _parse_uri(uri):
    # websockets.uri.parse_uri: only ws:// and wss:// (and Looplab's sim://).
    scheme, sep, rest = uri.partition("://")
    if not sep or scheme.lower() not in ("ws", "wss", "sim"):
        raise InvalidURI(uri, "scheme isn't ws or wss")
    host = rest.partition("/")[0].partition("?")[0]
    if not host:
        raise InvalidURI(uri, "hostname isn't provided")
    return uri


_OS_ERRORS = {}


def _os_error(cls, errno, text):
    # OSError(errno, strerror) prints "[Errno N] text". Where the engine's OSError does not format
    # it so yet, a same-named subclass does (caught by `except cls` / `except OSError` alike).
    exc = cls(errno, text)
    if str(exc) == f"[Errno {errno}] {text}":
        return exc
    sub = _OS_ERRORS.get(cls)
    if sub is None:
        sub = type(cls.__name__, (cls,), {
            "__module__": "builtins",
            "__str__": lambda self: f"[Errno {self.args[0]}] {self.args[1]}",
            "errno": property(lambda self: self.args[0]),
            "strerror": property(lambda self: self.args[1]),
        })
        _OS_ERRORS[cls] = sub
    return sub(errno, text)


def _connect_error(kind, message, uri):
    if kind == "status":
        return InvalidStatusCode(int(message), None)
    if kind == "timeout":
        return TimeoutError()
    if message.startswith("[Errno "):
        number, _, text = message[len("[Errno "):].partition("] ")
        errno = int(number)
        return _os_error(ConnectionRefusedError if kind == "refused" else OSError, errno, text)
    return OSError(message)


class connect:
    """`async with websockets.connect(uri) as ws:` or `ws = await websockets.connect(uri)`."""

    def __init__(self, uri, *, create_protocol=None, logger=None, compression="deflate",
                 origin=None, extensions=None, subprotocols=None, extra_headers=None,
                 user_agent_header=None, open_timeout=10, ping_interval=20, ping_timeout=20,
                 close_timeout=None, max_size=2 ** 20, max_queue=2 ** 5, read_limit=2 ** 16,
                 write_limit=2 ** 16, **kwargs):
        self._uri = _parse_uri(uri)
        self._subprotocols = list(subprotocols) if subprotocols else None
        self._open_timeout = open_timeout
        self._close_timeout = 10 if close_timeout is None else close_timeout
        self.protocol = None

    async def _open(self):
        sid, waiter = _net.ws_connect(self._uri, self._subprotocols, self._open_timeout)
        try:
            answer = await waiter
        except BaseException:
            _net.ws_abort(sid)
            raise
        if answer[0] != "open":
            raise _connect_error(answer[0], answer[1], self._uri)
        self.protocol = WebSocketClientProtocol(sid, self._uri, self._close_timeout, answer[1])
        return self.protocol

    def __await__(self):
        return self._open().__await__()

    async def __aenter__(self):
        return await self._open()

    async def __aexit__(self, exc_type, exc_value, traceback):
        await self.protocol.close()


def serve(*args, **kwargs):
    raise NotImplementedError(
        "websockets.serve runs a server; Looplab programs are clients. "
        "Try the simulated servers: sim://ws/echo, sim://ws/chat, sim://ws/ticker")
