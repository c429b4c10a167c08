# itertools: product, permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('AB', 'xy')))
print(list(product(range(2), repeat=3)))
print(list(product('ab', [1], repeat=2)))
print(list(product()), list(product('ab', [])))
print(list(permutations('ABC')))
print(list(permutations(range(4), 2)))
print(list(permutations('AB', 3)), list(permutations('', 0)), list(permutations('ABC', 0)))
print(list(combinations('ABCD', 2)))
print(list(combinations(range(5), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement([1, 2], 3)), list(combinations_with_replacement('', 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(sum(1 for _ in product(range(3), repeat=4)))
for pair in combinations(['red', 'green', 'blue'], 2):
    print('-'.join(pair))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: permutations('ab', -1))
show(lambda: combinations('ab', -1))
show(lambda: combinations('ab'))
show(lambda: combinations_with_replacement('ab', -2))
show(lambda: product('ab', repeat=-1))
show(lambda: permutations(3))
