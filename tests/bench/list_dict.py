# Plain Python: list and dict building, indexing and iteration.
SCALE = 1  # run.py --scale K makes it K: the same work, K times over
items = [i * 2 for i in range(300_000 * SCALE)]
index = {}
for i, v in enumerate(items):
    index[v] = i
hits = 0
for v in range(0, 600_000 * SCALE, 3):
    if v in index:
        hits += index[v]
pairs = sorted(index.items(), key=lambda kv: -kv[1])[:5]
print(hits, pairs)
