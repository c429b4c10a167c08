# heapq (the pure-Python algorithm CPython's heap order comes from) and bisect.
import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1, 5]:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 7, 5, 3, 1, 8, 6, 4, 2, 0]
heapify(data)
print(data)
print(heapreplace(data, 10), data)
print(heappushpop(data, -1), heappushpop(data, 11), data)
tasks = []
for prio, name in [(2, 'write'), (1, 'read'), (2, 'alpha'), (3, 'sleep'), (1, 'eat')]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for _ in range(5)])
# equal priorities with an insertion counter: the order CPython's asyncio.PriorityQueue sees
q = []
for i, p in enumerate([3, 1, 3, 1, 2, 3, 1]):
    heappush(q, (p, i))
print(q, [heappop(q) for _ in range(7)])
print(nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]), nsmallest(3, [1, 8, 2, 23, 7, -4]))
portfolio = [{'name': 'IBM', 'price': 91.1}, {'name': 'AAPL', 'price': 543.22},
             {'name': 'FB', 'price': 21.09}, {'name': 'HPQ', 'price': 31.75}]
print([s['name'] for s in nsmallest(2, portfolio, key=lambda s: s['price'])])
print([s['name'] for s in nlargest(2, portfolio, key=lambda s: s['price'])])
print(nlargest(1, [3, 1, 2]), nlargest(0, [1]), nsmallest(10, [3, 1]), nlargest(2, iter([5, 6, 7])))
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([7, 5, 1], [8, 2, 0], reverse=True)))
for bad in (lambda: heappop([]), lambda: heapreplace([], 1), lambda: heappush((), 1), lambda: heapify({})):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)

a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 4, 0, 3), bisect.bisect_right(a, 4, lo=4))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
records = [('alice', 21), ('bob', 25), ('carol', 30)]
print(bisect.bisect_left(records, 25, key=lambda r: r[1]))
bisect.insort(records, ('dave', 27), key=lambda r: r[1])
print(records)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print('ValueError:', e)
