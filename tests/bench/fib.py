# Plain Python: recursive calls.
SCALE = 1  # run.py --scale K makes it K: the same work, K times over


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


for _ in range(SCALE):
    print(fib(27))
