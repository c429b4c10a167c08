# Plain Python: integer and float arithmetic in a loop.
SCALE = 1  # run.py --scale K makes it K: the same work, K times over
total = 0
x = 0.0
for i in range(2_000_000 * SCALE):
    total += i * 3 % 7
    x += i / 3.0
print(total, round(x))
