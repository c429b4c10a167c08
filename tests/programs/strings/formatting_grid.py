# Formatting grids: printf-style %, str.format and f-strings over strings and numbers.
values = ["x", "ab", "한글", "longer text"]
for v in values:
    print("%r|%5s|%-5s|%.2s|%5.1s|" % (v, v, v, v, v), "{!r:>8}|{:^7}|{:.1}|".format(v, v, v), f"{v:_<9}|{v!a}")
numbers = [0, 7, -42, 255, 100000, 2**40]
for n in numbers:
    print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%.3d" % (n, n, n, n, n, n, n, n, n, n, n, n))
floats = [0.0, 1.5, -2.25, 3.14159, 1e-5, 123456.789, 1e20]
for x in floats:
    print("%f|%.2f|%8.3f|%-8.1f|%+.1e|%E|%g|%G|%10.4g|%#g" % (x, x, x, x, x, x, x, x, x, x))
for x in floats:
    print(f"{x}|{x!r}|{x:.3}|{x:>12}|{x:<12}|", "{:e}|{:.1%}|{:,}".format(x, x, x))
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("체리", 7, 3.0)]
print("%-8s %4s %8s" % ("item", "qty", "price"))
for name, qty, price in table:
    print("%-8s %4d %8.2f" % (name, qty, price), "{:<8} {:>4} {:>8.2f}".format(name, qty, price), f"{name:<8} {qty:>4} {price:>8.2f}")
print("%(item)s x%(n)d" % {"item": "pen", "n": 2}, "%c%c" % (65, "ㅎ"), "%%|%s%%" % 50)
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|{'left':<{w}}|{'r':>{w}}|")
print("{0}{1}{0}".format("ab", "-"), "{a}-{b}".format(a=1, b=[2]), "{0[0]}{0[1]}".format("xy"))
