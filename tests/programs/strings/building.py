# Building strings: += in loops, join, f-strings, repetition, and iteration — with sizes that
# would show quadratic behaviour.
s = ""
for i in range(20000):
    s += "x"
print(len(s))
parts = []
for i in range(50000):
    parts.append(f"{i}")
joined = ",".join(parts)
print(len(joined), joined[:20], joined[-12:])
print(len(joined.split(",")), joined.count(","), len(joined.replace(",", "")))
line = "ab" * 50000
print(len(line), line[:6], line.find("ba"), line.rfind("ab"))
acc = []
for ch in "안녕하세요" * 1000:
    if ch != "하":
        acc.append(ch)
print(len(acc), "".join(acc)[:8])
text = "\n".join(f"line {n}: {'#' * (n % 7)}" for n in range(1000))
print(len(text.splitlines()), text.splitlines()[6], len(text.encode()))
words = ("lorem ipsum dolor sit amet " * 2000).split()
print(len(words), len(set(words)), " ".join(words[:5]).title())
