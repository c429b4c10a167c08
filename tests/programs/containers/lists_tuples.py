# list and tuple: methods, operators, comparisons, reprs (recursive), construction from any
# iterable, subclasses (a tuple subclass makes tuples of its own class, as namedtuple needs).

a = [3, 1, 4, 1, 5]
a.append(9)
a.insert(0, 2)
a.insert(-1, 6)
a.insert(100, 7)
a.insert(-100, 0)
print(a, len(a), a.count(1), a.index(1), a.index(1, 3), a.index(7, -2))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
a.extend(range(3))
a.extend((8, 8))
a.extend(a)
print(a)
a.reverse()
b = a.copy()
a.clear()
print(a, b, b is not a)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[]] * 2, [] * 5, [1] * -1, [1, [2, [3]]] == [1, [2, [3]]])
c = [1]
c += (2, 3)
c += "ab"
c *= 2
print(c)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] <= [1, 2], [] < [0], [1, 2] != [1, 2.0])
print((1, 2) < (1, 3), (1,) + (2, 3), (1, 2) * 2, 3 * (0,), () * 9, (1, (2, 3)) == (1, (2, 3)))
print(list("abc"), list(range(3)), list({1: 2}), list((1, 2)), list(x * x for x in range(4)), list(map(abs, [-1, -2])))
print(tuple("ab"), tuple([1, 2]), tuple(range(2)), tuple(), (1,), (1, 2), ((),), tuple(i for i in "xy"))
t = (5, 6, 7, 6)
print(t.count(6), t.index(6), t.index(6, 2), 7 in t, 9 not in t, len(t), t[-1], t[1:3], t[::-1])
r = [1, 2]
r.append(r)
print(r, [r, r], (r,))
s = ["x"]
tt = (s,)
s.append(tt)
print(tt)
print(repr([1.5, -0.0, "q'uote", 'dq"', None, True, 10**20]), str(("a",)))
print(hash((1, 2)) == hash((1, 2)), hash((1, "a")) == hash((1, "a")), {(1, 2): 3}[(1, 2)])


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return f"Point{tuple.__repr__(self)}"


p = Point(3, 4)
print(p, p.x, p[1], len(p), type(p).__name__, isinstance(p, tuple), p == (3, 4), p + (5,), type(p + (5,)).__name__)
print(hash(p) == hash((3, 4)), p[:1], type(p[:]).__name__, list(p), tuple(p), tuple(p) is p)


class Stack(list):
    def push(self, v):
        self.append(v)

    def peek(self):
        return self[-1]


st = Stack([1, 2])
st.push(3)
print(st, st.peek(), len(st), type(st).__name__, st + [4], type(st + [4]).__name__, st[::-1], st == [1, 2, 3])

for thunk in [
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: [1].remove(2),
    lambda: [1].index(2),
    lambda: [1, 2].index(1, "a"),
    lambda: [].insert(1),
    lambda: [].append(),
    lambda: list(1, 2),
    lambda: list(5),
    lambda: [1] + (2,),
    lambda: (1,) + [2],
    lambda: [1] * 2.5,
    lambda: "x" * [1],
    lambda: [1] - [1],
    lambda: (1,).index(5),
    lambda: (1,)[5],
    lambda: [1, 2] < [1, "a"],
    lambda: hash([]),
    lambda: hash(([],)),
    lambda: list.append(5, 1),
    lambda: tuple(1),
    lambda: tuple.count((1,)),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
