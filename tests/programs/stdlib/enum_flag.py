# enum: Flag combinations, membership, iteration, inversion, reprs.
from enum import Flag, auto

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
RW = Perm.R | Perm.W
print(Perm.R, repr(Perm.W), RW, repr(RW), str(RW), Perm(7), Perm(0), repr(Perm(0)), str(Perm(0)))
print(Perm.R in RW, Perm.X in RW, list(RW), len(RW), bool(Perm(0)), bool(RW))
print(~Perm.R, RW & Perm.W, RW ^ Perm.R, Perm.R | Perm.W | Perm.X, list(Perm))
print([p.value for p in Perm], Perm['W'], Perm(3) is RW)

class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7
print(Color.WHITE, list(Color), Color(6), Color.RED | Color.GREEN | Color.BLUE)
print(list(Color.WHITE), Color.__members__)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: Perm(8))
show(lambda: Perm.R | 1)
show(lambda: 1 in RW)
