# websockets.frames for Looplab: the Close frame's code and reason (websockets 10.4's frames.py).

OK_CLOSE_CODES = {1000, 1001}

CLOSE_CODES = {
    1000: "OK",
    1001: "going away",
    1002: "protocol error",
    1003: "unsupported type",
    1005: "no status code [internal]",
    1006: "connection closed abnormally [internal]",
    1007: "invalid data",
    1008: "policy violation",
    1009: "message too big",
    1010: "extension required",
    1011: "unexpected error",
    1012: "service restart",
    1013: "try again later",
    1014: "bad gateway",
    1015: "TLS failure [internal]",
}


class Close:
    def __init__(self, code, reason):
        self.code = code
        self.reason = reason

    def __str__(self):
        if 3000 <= self.code < 4000:
            explanation = "registered"
        elif 4000 <= self.code < 5000:
            explanation = "private use"
        else:
            explanation = CLOSE_CODES.get(self.code, "unknown")
        result = f"{self.code} ({explanation})"
        if self.reason:
            result = f"{result} {self.reason}"
        return result

    def __repr__(self):
        return f"Close(code={self.code!r}, reason={self.reason!r})"

    def __eq__(self, other):
        if not isinstance(other, Close):
            return NotImplemented
        return (self.code, self.reason) == (other.code, other.reason)
