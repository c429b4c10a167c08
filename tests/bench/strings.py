# Plain Python: string building, formatting, splitting and joining.
SCALE = 1  # run.py --scale K makes it K: the same work, K times over
parts = []
for i in range(200_000 * SCALE):
    parts.append(f"item-{i}:{i % 13}")
text = ",".join(parts)
fields = text.split(",")
counts = {}
for f in fields:
    key = f.split(":")[1]
    counts[key] = counts.get(key, 0) + 1
print(len(text), sorted(counts.items())[:3])
