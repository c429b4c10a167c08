# str.split with a one-character separator (the memchr path), maxsplit and keywords, and
# str() of small ints (the to_chars path): exact CPython output.
print("a,b,,c".split(","), ",".split(","), "".split(","), "abc".split(","))
print("a,b,c,d".split(",", 1), "a,b,c".split(",", 0), "a,b,c".split(",", -1), "a,b".split(sep=",", maxsplit=5))
print("é,ü,✓".split(","), "x::y::z".split("::"), "  a  b ".split(), "a b c".split(None, 1))
print(str(0), str(-5), str(2**63 - 1), str(-2**63), repr(10**20), f"{-7}{12345678901}")
try:
    "a".split(",", 1, 2)
except TypeError as e:
    print(e)
try:
    "a".split(sepp=",")
except TypeError as e:
    print(e)
