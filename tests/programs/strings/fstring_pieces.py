# f-strings joined in one allocation: ASCII and non-ASCII pieces, str subclasses from __format__.
class S(str): pass
class F:
    def __format__(self, spec): return S("sub")
x = "é"
print(f"{x}", f"{x}{x}", f"", f"{''}", f"{'a'}", f"{F()}", type(f"{F()}").__name__, f"a{F()}b", f"{x}-{1}-{'한글'}", len(f"{x}한{x}"))
print(f"{'a'}"[0], f"{'abc'}{'d'}"[-1], f"{'é'}{'ü'}"[1], f"{'x' * 20}{'y' * 20}".count('y'))
