# io.StringIO: writes at the end and in the middle, reads by size and by line, seeks, truncate,
# iteration, a closed file's errors, type errors, and capturing print with redirect_stdout.
import contextlib
import io
import sys

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.write(""), s.tell())
print(repr(s.getvalue()))
print(s.seek(0), repr(s.read(5)), s.tell(), repr(s.read()), s.tell())
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()), s.tell())
s.seek(20)
print(repr(s.read()), s.tell())
s.write("!")
print(repr(s.getvalue()), s.tell())

t = io.StringIO("one\ntwo\nthree")
print(repr(t.readline()), repr(t.readline(2)), repr(t.readline()), repr(t.readline()), repr(t.readline()))
t.seek(0)
print(t.readlines())
t.seek(0)
print(t.readlines(5))
t.seek(0)
print([line for line in t])
print(t.seek(0, io.SEEK_END), t.tell(), t.seek(0, io.SEEK_CUR))
print(t.truncate(3), repr(t.getvalue()), t.tell())
t.seek(1)
print(t.truncate(), repr(t.getvalue()), t.tell())
print(t.readable(), t.writable(), t.seekable(), t.isatty(), t.closed, t.line_buffering)

for bad in [lambda: t.seek(1, 1), lambda: t.seek(-1, 2), lambda: t.seek(-1), lambda: t.seek(0, 3),
            lambda: t.truncate(-1), lambda: t.write(5), lambda: io.StringIO(5), lambda: t.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(io.UnsupportedOperation("x"), OSError), isinstance(io.UnsupportedOperation("x"), ValueError))

with io.StringIO("x") as u:
    print(u.read(), u.closed)
print(u.closed)
for op in [u.getvalue, u.read, lambda: u.write("a"), u.tell, u.flush]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, 2, sep=",")
    print("second line", end="")
print(repr(buf.getvalue()))
err = io.StringIO()
print("to a file", file=err, flush=True)
print(repr(err.getvalue()))
w = io.StringIO()
w.writelines(["a\n", "b\n"])
print(repr(w.getvalue()), io.StringIO(None).getvalue() == "")
print(isinstance(sys.stdout, io.TextIOWrapper), type(io.StringIO()).__name__)
v = io.StringIO("ab\ncd")
v.seek(40)
print(repr(v.readline()), v.tell(), repr(v.read(3)), v.tell(), type(v), io.StringIO.__module__)
v.seek(4)
print(repr(v.readline(0)), repr(v.readline(1)), v.tell())
