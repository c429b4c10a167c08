# The TypeErrors, ValueErrors and IndexErrors that string code runs into, word for word.
def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("concat int", lambda: "a" + 1)
attempt("int concat", lambda: 1 + "a")
attempt("mul str", lambda: "a" * "b")
attempt("mul float", lambda: "a" * 1.5)
attempt("index", lambda: "abc"[3])
attempt("index str", lambda: "abc"["1"])
attempt("step zero", lambda: "abc"[::0])
attempt("in int", lambda: 1 in "abc")
attempt("compare", lambda: "a" < 1)
attempt("join", lambda: ",".join(["a", 1]))
attempt("join int", lambda: ",".join(5))
attempt("find int", lambda: "abc".find(1))
attempt("index missing", lambda: "abc".index("z"))
attempt("split empty", lambda: "abc".split(""))
attempt("center fill", lambda: "a".center(5, "xy"))
attempt("format code", lambda: format("abc", "d"))
attempt("format sign", lambda: "{:+}".format("abc"))
attempt("format index", lambda: "{1}".format("a"))
attempt("format key", lambda: "{name}".format(nam="x"))
attempt("format switch", lambda: "{}{0}".format(1, 2))
attempt("percent few", lambda: "%s %s" % ("a",))
attempt("percent many", lambda: "%s" % ("a", "b"))
attempt("percent type", lambda: "%d" % "x")
attempt("percent char", lambda: "%q" % 1)
attempt("chr range", lambda: chr(-1))
attempt("ord long", lambda: ord("ab"))
attempt("encode ascii", lambda: "한글".encode("ascii"))
attempt("decode utf8", lambda: b"\xff".decode())
attempt("unknown codec", lambda: "a".encode("nope"))
attempt("upper arg", lambda: "a".upper(1))
attempt("replace arg", lambda: "a".replace("a"))
attempt("descriptor", lambda: str.upper(5))
attempt("maketrans", lambda: str.maketrans("ab", "c"))
attempt("int parse", lambda: int("12a"))
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print("assign ->", e)
print("abc".upper(5))
