# print() to files of a program's own: one write() per piece, flush=True calls flush(), str()
# failing halfway (what came before is printed), sys.stdout set to None, a flush that is not a bool.
import sys
class Rec:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): self.parts.append("<flush>")
r = Rec()
print("a", 1, 2.5, sep="-", end="!\n", file=r, flush=True)
print(file=r)
print("x", "y", sep="", end="", file=r)
print(r.parts)
class Bad:
    def __str__(self): raise ValueError("no str")
try:
    print("before", Bad(), "after")
except ValueError as e:
    print("|", e)
r2 = Rec()
try:
    print("p", Bad(), file=r2)
except ValueError as e:
    print(r2.parts, e)
saved = sys.stdout
sys.stdout = None
print("invisible")
sys.stdout = saved
try:
    print("z", flush=Bad.__str__)
except Exception as e:
    print(type(e).__name__)
class BadBool:
    def __bool__(self): raise RuntimeError("bool!")
try:
    print("never", flush=BadBool())
except RuntimeError as e:
    print("|", e)
print("done")
