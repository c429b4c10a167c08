# bytearray: mutation, slicing, methods shared with bytes, conversions, and their errors.
b = bytearray(b'abc')
print(repr(b), b == b'abc', b'abc' == b, b[0], b[1:], type(b[1:]).__name__, b.split(b'b'), b.upper(), bytearray(3), bytearray([1,2]), bytearray('ㅎ','utf-8'))
b.append(100); b.extend(b'ef'); b.extend([103]); b += b'h'; print(b, len(b))
b[0] = 65; b[1:3] = b'XY'; del b[-1]; print(b, b.pop(), b.pop(0), b)
b.insert(0, 33); b.remove(89); print(b, b.find(b'd'), b.decode(), b.hex(), bytes(b), bytearray.fromhex('4142'))
try: hash(b)
except TypeError as e: print(e)
try: b.append(300)
except ValueError as e: print(e)
try: b[0] = 'x'
except TypeError as e: print(e)
print(bytearray(b'a') + b'b', b'a' + bytearray(b'b'), bytearray(b'ab') * 2, b'x' in bytearray(b'xy'), list(bytearray(b'hi')))
c = b.copy(); c.clear(); print(c, b.reverse(), b, bytearray(b'a b').split(), b''.join([bytearray(b'x'), b'y']))
print(repr(bytearray(b"it's")), bytearray(), str(bytearray(b'q')))
try: b.remove(1000)
except ValueError as e: print(e)
try: b.remove(120)
except ValueError as e: print(e)
try: bytearray().pop()
except IndexError as e: print(e)
try: b[100]
except IndexError as e: print(e)
b2 = bytearray(b'abcdef'); b2[::2] = b'XYZ'; print(b2); del b2[::2]; print(b2)
try: b2[::2] = b'too long'
except ValueError as e: print(e)
b2[1:1] = [1, 2]; print(b2, b2 == bytearray(b2), b2 < b'z')
tests = [
    ('b.extend("x")', lambda: b.extend("x")),
    ('b.extend(5)', lambda: b.extend(5)),
    ('b.append("a")', lambda: b.append("a")),
    ('b.append()', lambda: b.append()),
    ('b.insert(1)', lambda: b.insert(1)),
    ('b["x"]', lambda: b["x"]),
    ('b.pop(10)', lambda: b.pop(10)),
    ('b.index(b"z")', lambda: b.index(b"z")),
    ('bytearray(1.5)', lambda: bytearray(1.5)),
    ('bytearray("x")', lambda: bytearray("x")),
    ('b.remove(b"a")', lambda: b.remove(b"a")),
    ('b * 1.5', lambda: b * 1.5),
    ('b + "x"', lambda: b + "x"),
    ('"x" + b', lambda: "x" + b),
    ('b.copy(1)', lambda: b.copy(1)),
    ('bytearray.fromhex("41")', lambda: bytearray.fromhex("41")),
    ('b.find(98)', lambda: b.find(98)),
    ('b.pop("x")', lambda: b.pop("x")),
    ('bytearray(b"ab") + bytearray(b"c")', lambda: bytearray(b"ab") + bytearray(b"c")),
    ('str(bytearray(b"\\xed\\x95\\x9c"), "utf-8")', lambda: str(bytearray(b"\xed\x95\x9c"), "utf-8")),
    ('bytearray(b"a,b").partition(b",")', lambda: bytearray(b"a,b").partition(b",")),
    ('bytearray(b"  x ").strip()', lambda: bytearray(b"  x ").strip()),
]
for t, f in tests:
    try: print(t, '=>', repr(f()))
    except Exception as e: print(t, '!!', type(e).__name__ + ':', e)
import json
print(json.loads(bytearray(b'[1, 2]')))
x = bytearray()
for i in range(5):
    x += bytes([65 + i])
x *= 2
print(x, len(x), x.count(b'A'), x.startswith(b'AB'))
