# The format mini-language for ints and floats through format(), f-strings, str.format and %.

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

values = [0, 7, -42, 1234567, -9876543210, 2**70, 0.0, -0.0, 1.5, -2.25, 3.14159265, 0.000123456, 1e16, 1e-7,
          123456789.987654321, float('inf'), float('-inf'), float('nan'), 2.5, 1e300]
specs = ["", "10", "<10", "^10", ">10", "*^12", "+", " ", "010", ",", "_", ".2f", ".0f", "#.0f", "e", ".3e", "E",
         "g", ".3g", "G", "#g", ".1", ".4", "%", ".1%", "n", "012,.2f", "+.3e", "z.1f", "-^15.3g"]
for v in values:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append(f"<{type(e).__name__}: {e}>")
    print(repr(v), "|", " | ".join(out))
for v in [0, 5, 255, -255, 65, 10**20, True]:
    print([format(v, s) for s in ["b", "o", "x", "X", "#b", "#o", "#x", "#X", "08b", "#010x", "_b", "_x", "c" if 0 < v < 1000 else "d", "d", ",d", "+d", " d"]])
x, y, z = 3.14159, 1234567, 0.5
print(f"{x:.2f} {y:,} {z:.0%} {1e20:g} {12:08.3f} {-5:+d} {255:#x} {x:>10} {y:_} {x!r:>12} {y!s:^11}")
print(f"{x=:.3f} {y = }", f"{x:{'>'}{12}.{3}}", f"{{literal}} {y:>{8}}")
print("{:.3f} {:>8} {:<8}| {:^9} {:,.2f} {:e}".format(x, y, z, -x, 1234567.891, 0.00012))
print("{0:x} {0:o} {0:b} {1:.2%} {2:+}".format(1000, 0.1234, 5))
print("%5.2f|%-8d|%+d|%x|%X|%o|%e|%g|%G|%10.3e|%%|%c|%5s|%-5s|%.3s" % (x, y, 5, 255, 255, 8, 1e-5, 1e20, 1e-20, 123.456, 65, 'ab', 'cd', 'abcdef'))
print("%d %i %u %s %r" % (3.99, -2.5, 7, 1.0, 2.5), "%(a)s %(b).1f" % {"a": 1, "b": 2.25})
print("%08.3f %+08d % d %#x %#o %.0f %.0f %.0f" % (-3.14159, 42, 42, 255, 8, 0.5, 1.5, 2.5))
show("format(1, 'q')", lambda: format(1, 'q'))
show("format(1.5, 'd')", lambda: format(1.5, 'd'))
show("format(1, '.2d')", lambda: format(1, '.2d'))
show("format(1, ',c')", lambda: format(1, ',c'))
show("format(1, 'z')", lambda: format(1, 'z'))
show("format(1, ',_')", lambda: format(1, ',_'))
show("format(1, '_n')", lambda: format(1, '_n'))
show("format(1.0, '10.')", lambda: format(1.0, '10.'))
show("format(3, 'ab')", lambda: format(3, 'ab'))
show("format(-1, 'c')", lambda: format(-1, 'c'))
show("format(1.5, 'x')", lambda: format(1.5, 'x'))
show("format(2**100, 'c')", lambda: format(2**100, 'c'))
show("'%d' % 'a'", lambda: '%d' % 'a')
show("'%x' % 1.5", lambda: '%x' % 1.5)
show("'%c' % 1.5", lambda: '%c' % 1.5)
