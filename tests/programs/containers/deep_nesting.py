# Deeply nested containers: repr and == raise RecursionError as CPython does (no C++ stack overflow).
l=[]
for _ in range(2000): l=[l]
try: repr(l)
except RecursionError as e: print("repr", e)
m=[]
for _ in range(2000): m=[m]
try: print(l==m)
except RecursionError as e: print("eq", e)
t=()
for _ in range(2000): t=(t,)
print(hash(t) is not None)
d={}
for _ in range(2000): d={1:d}
try: repr(d)
except RecursionError as e: print("dict", e)
l=[]
for _ in range(900): l=[l]
print(len(repr(l)))
