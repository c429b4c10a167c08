# enum: Flag and IntFlag combinations, membership, iteration, inversion, reprs.
from enum import Flag, IntFlag, auto

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

class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
print(IPerm.R | IPerm.W, repr(IPerm.R | IPerm.W), IPerm.R + 1, IPerm(0), repr(IPerm.R | 8))
print(repr(~IPerm.R), IPerm.R & 4, IPerm(7) == 7, f'{IPerm.W}', str(IPerm.X))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: Perm(8))
show(lambda: Perm.R | 1)
show(lambda: 1 in RW)
