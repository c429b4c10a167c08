# Wrong argument counts to int's methods: CPython names a METH_NOARGS/METH_O method with its
# type ("int.bit_length()"), a slot wrapper (__index__, __int__, __float__) only counts, and an
# unbound call without a receiver says "unbound method".
calls = [
    ("bit_length(2)", lambda: (5).bit_length(2)),
    ("bit_count(1)", lambda: (5).bit_count(1)),
    ("conjugate(1)", lambda: (5).conjugate(1)),
    ("as_integer_ratio(1)", lambda: (5).as_integer_ratio(1)),
    ("__round__(1, 2)", lambda: (5).__round__(1, 2)),
    ("__format__()", lambda: (5).__format__()),
    ("__trunc__(1)", lambda: (5).__trunc__(1)),
    ("__floor__(1)", lambda: (5).__floor__(1)),
    ("__ceil__(1)", lambda: (5).__ceil__(1)),
    ("__index__(1)", lambda: (5).__index__(1)),
    ("__int__(1, 2)", lambda: (5).__int__(1, 2)),
    ("__float__(1)", lambda: (5).__float__(1)),
    ("__getnewargs__(1)", lambda: (5).__getnewargs__(1)),
    ("True.bit_length(1)", lambda: True.bit_length(1)),
    ("int.bit_length()", lambda: int.bit_length()),
    ("int.bit_length('x')", lambda: int.bit_length("x")),
    ("int.__index__()", lambda: int.__index__()),
]
for name, f in calls:
    try:
        print(name, "->", f())
    except TypeError as e:
        print(name, "TypeError:", e)
print((7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__index__(), (7).__int__(), True.__index__())
