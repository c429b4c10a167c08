# websockets.exceptions for Looplab: the exceptions of websockets 10.4 that a client meets.
from websockets.frames import OK_CLOSE_CODES, Close

__all__ = [
    "WebSocketException", "ConnectionClosed", "ConnectionClosedError", "ConnectionClosedOK",
    "InvalidHandshake", "SecurityError", "InvalidMessage", "InvalidHeader", "InvalidStatus",
    "InvalidStatusCode", "NegotiationError", "InvalidState", "InvalidURI", "PayloadTooBig",
    "ProtocolError",
]


class WebSocketException(Exception):
    """Base class for all exceptions defined by websockets."""


class ConnectionClosed(WebSocketException):
    def __init__(self, rcvd, sent, rcvd_then_sent=None):
        self.rcvd = rcvd
        self.sent = sent
        self.rcvd_then_sent = rcvd_then_sent

    def __str__(self):
        if self.rcvd is None:
            if self.sent is None:
                return "no close frame received or sent"
            return f"sent {self.sent}; no close frame received"
        if self.sent is None:
            return f"received {self.rcvd}; no close frame sent"
        if self.rcvd_then_sent:
            return f"received {self.rcvd}; then sent {self.sent}"
        return f"sent {self.sent}; then received {self.rcvd}"

    # code and reason attributes are provided for backwards-compatibility
    @property
    def code(self):
        return 1006 if self.rcvd is None else self.rcvd.code

    @property
    def reason(self):
        return "" if self.rcvd is None else self.rcvd.reason


class ConnectionClosedError(ConnectionClosed):
    """The connection closed with an error (a code other than 1000/1001, or no close frame)."""


class ConnectionClosedOK(ConnectionClosed):
    """The connection closed properly (codes 1000 or 1001 both ways)."""


class InvalidHandshake(WebSocketException):
    pass


class SecurityError(InvalidHandshake):
    pass


class InvalidMessage(InvalidHandshake):
    pass


class InvalidHeader(InvalidHandshake):
    def __init__(self, name, value=None):
        self.name = name
        self.value = value

    def __str__(self):
        if self.value is None:
            return f"missing {self.name} header"
        if self.value == "":
            return f"empty {self.name} header"
        return f"invalid {self.name} header: {self.value}"


class InvalidStatus(InvalidHandshake):
    def __init__(self, response):
        self.response = response

    def __str__(self):
        return f"server rejected WebSocket connection: HTTP {self.response.status_code:d}"


class InvalidStatusCode(InvalidHandshake):
    def __init__(self, status_code, headers):
        self.status_code = status_code
        self.headers = headers

    def __str__(self):
        return f"server rejected WebSocket connection: HTTP {self.status_code}"


class NegotiationError(InvalidHandshake):
    pass


class InvalidState(WebSocketException, AssertionError):
    pass


class InvalidURI(WebSocketException):
    def __init__(self, uri, msg):
        self.uri = uri
        self.msg = msg

    def __str__(self):
        return f"{self.uri} isn't a valid URI: {self.msg}"


class PayloadTooBig(WebSocketException):
    pass


class ProtocolError(WebSocketException):
    pass


def _closed(info):
    # The port's close tuple -> ConnectionClosedOK / ConnectionClosedError, as websockets'
    # WebSocketCommonProtocol.connection_closed_exc picks them.
    _, rcvd_code, rcvd_reason, sent_code, sent_reason, rcvd_then_sent = info
    rcvd = Close(rcvd_code, rcvd_reason) if rcvd_code is not None else None
    sent = Close(sent_code, sent_reason) if sent_code is not None else None
    if (rcvd is not None and rcvd.code in OK_CLOSE_CODES
            and sent is not None and sent.code in OK_CLOSE_CODES):
        return ConnectionClosedOK(rcvd, sent, rcvd_then_sent)
    return ConnectionClosedError(rcvd, sent, rcvd_then_sent)
