# f-strings and format() with an empty spec: exact int/float/str skip __format__, subclasses do not.
class I(int):
    def __format__(self, spec): return "custom"
class S(str):
    def __format__(self, spec): return "scustom"
print(f"{5}|{-7}|{10**30}|{True}|{1.5}|{1e300}|{float('nan')}|{'x'}|{I(3)}|{S('q')}|{None}|{[1]}")
print(format(5), format(2.5), format(True), format(I(2)), "{}".format(I(9)), "{}".format(10**20))
