# Plain Python: list and dict building, indexing and iteration.
items = [i * 2 for i in range(300_000)]
index = {}
for i, v in enumerate(items):
    index[v] = i
hits = 0
for v in range(0, 600_000, 3):
    if v in index:
        hits += index[v]
pairs = sorted(index.items(), key=lambda kv: -kv[1])[:5]
print(hits, pairs)
