# Plain Python: integer and float arithmetic in a loop.
total = 0
x = 0.0
for i in range(2_000_000):
    total += i * 3 % 7
    x += i / 3.0
print(total, round(x))
