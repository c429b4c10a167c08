"""io: the in-memory text file StringIO, as CPython 3.11's _io.StringIO behaves with its default
newline, for programs that capture output (contextlib.redirect_stdout(io.StringIO())) or build
text. There are no real files here: the other io classes are not provided."""

import sys as _sys

__all__ = ["StringIO", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# The class of sys.stdout and sys.stderr.
TextIOWrapper = type(_sys.stdout)


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline != "\n":
            raise NotImplementedError("io.StringIO with a newline argument other than '\\n' is not supported")
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        # The text is _text followed by the pieces written at its end since (joined when read):
        # a print to a StringIO is a write per piece, and joining at each would be quadratic.
        self._text = initial_value
        self._tail = []
        self._length = len(initial_value)
        self._pos = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if self._tail:
            self._text += "".join(self._tail)
            self._tail = []
        return self._text

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_open()
        return self._value()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        if n == 0:
            return 0
        if self._pos == self._length:
            self._tail.append(s)
        else:
            text = self._value()
            if self._pos > len(text):
                text += "\0" * (self._pos - len(text))
            self._text = text[:self._pos] + s + text[self._pos + n:]
        self._pos += n
        self._length = max(self._length, self._pos)
        return n

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            size = self._length
        out = self._value()[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self, size=-1):
        self._check_open()
        text = self._value()
        start = self._pos
        if start >= len(text):
            return ""
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return text[start:end]

    def readlines(self, hint=-1):
        self._check_open()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")  # sic: CPython 3.11's message
            self._pos = self._length
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._length:
            self._text = self._value()[:size]
            self._length = size
        return size

    def flush(self):  # a no-op, even once closed
        pass

    # What the file can do: fixed answers, but asking a closed file is an error.
    def _answer(self, value):
        self._check_open()
        return value

    def isatty(self):
        return self._answer(False)

    def readable(self):
        return self._answer(True)

    def writable(self):
        return self._answer(True)

    def seekable(self):
        return self._answer(True)

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()



_NOT_PROVIDED = {"BytesIO", "open", "open_code", "FileIO", "IOBase", "RawIOBase", "BufferedIOBase",
                 "TextIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom",
                 "IncrementalNewlineDecoder", "DEFAULT_BUFFER_SIZE"}


def __getattr__(name):
    if name in _NOT_PROVIDED:
        raise NotImplementedError(f"io.{name} is not supported: this io module has StringIO only")
    raise AttributeError(f"module 'io' has no attribute '{name}'")
