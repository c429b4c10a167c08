# Plain Python: string building, formatting, splitting and joining.
parts = []
for i in range(200_000):
    parts.append(f"item-{i}:{i % 13}")
text = ",".join(parts)
fields = text.split(",")
counts = {}
for f in fields:
    key = f.split(":")[1]
    counts[key] = counts.get(key, 0) + 1
print(len(text), sorted(counts.items())[:3])
