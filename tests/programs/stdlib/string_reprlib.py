# string (constants, capwords, Template, Formatter) and reprlib (size-limited reprs, recursive_repr).
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, repr(string.printable))
print(string.capwords(' hello   world  foo '), string.capwords('a-b-c', '-'))
T = string.Template
cases = ['$who likes ${what} $$', '$1', 'a $', 'x\ny $', '${abc', '$$$a', '$a$b${c}d', 'no subs', '$_x9 $X', '${9}', 'tail $$']
for c in cases:
    t = T(c)
    for fn in (lambda: t.substitute(who='tim', what='kung pao', a=1, b=2, c=3, _x9='u', X='v', abc='q'),
               lambda: t.safe_substitute(who='x'), lambda: t.is_valid(), lambda: t.get_identifiers(),
               lambda: t.substitute({'who': 1}, what=2)):
        try:
            print(repr(fn()))
        except Exception as e:
            print(type(e).__name__, e)
class P(T):
    delimiter = '%'
print(P('%x and %%').substitute(x=5))
print(string.Formatter().format('{0}-{x}', 1, x=2))
import reprlib
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(20)}), reprlib.repr(set(range(30))))
print(reprlib.repr((1, [2, [3, [4, [5]]]])), reprlib.repr(10 ** 50), reprlib.repr(frozenset('abcdefgh')))
r = reprlib.Repr(); r.maxlist = 3
print(r.repr(list(range(10))))
class Node:
    def __init__(self): self.kids = [self]
    @reprlib.recursive_repr()
    def __repr__(self): return f'Node({self.kids})'
print(Node())
