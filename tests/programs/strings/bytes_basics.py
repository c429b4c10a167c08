# bytes: literals, repr, indexing, slicing, iteration, methods, encode/decode round trips.
b = b"hello \x00\xff'world'"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1][:3], list(b[:3]), b"ll" in b, 108 in b)
print(bytes(3), bytes([65, 66, 67]), bytes("한", "utf-8"), bytes(range(5)), bytes(b"x"))
print(b"abc".hex(), bytes.fromhex("61 62 63"), b"a,b,c".split(b","), b"-".join([b"x", b"y"]))
print(b"  pad  ".strip(), b"Hello".upper(), b"Hello".lower(), b"abc".replace(b"b", b"B"))
print(b"abc".find(b"c"), b"abc".startswith(b"ab"), b"abc" + b"def", b"ab" * 3, b"a" < b"b")
print(repr(b'say "hi"'), repr(b"it's"), repr(b"both ' \""), str(b"x"))
data = "안녕 hello é".encode()
print(data, len(data), data.decode(), data.decode("ascii", "replace"), data.decode("ascii", "ignore"))
print("é".encode("latin-1"), b"\xe9".decode("latin-1"), "x😀".encode("ascii", "backslashreplace"))
for byte in b"Hi!":
    print(byte, end=" ")
print()
print(hash(b"abc") == hash(b"abc"), b"abc" == b"abc", b"abc" == "abc", {b"k": 1}[b"k"])
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
