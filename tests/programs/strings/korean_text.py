# Korean text: length, indexing and slicing count characters; case mapping leaves Hangul alone.
greeting = "안녕하세요"
print(greeting, len(greeting), greeting[0], greeting[-1], greeting[1:3], greeting[::-1], greeting[::2])
print("ㅎ", len("ㅎ"), "ㅎ".upper(), "ㅎ".isalpha(), ord("ㅎ"), chr(0x314E), hex(ord("한")))
print(greeting.upper(), greeting.lower() == greeting, greeting.isalpha(), greeting.isupper(), greeting.islower())
mixed = "Hello, 세계! Python 3.11"
print(mixed.upper(), mixed.lower(), mixed.swapcase(), mixed.title())
print(repr(mixed), ascii(mixed), repr("따옴표 ' 포함"), repr('둘 다 \' "'))
print(mixed.split(), mixed.split(", "), mixed.partition("세계"), mixed.find("세계"), mixed.index("!"))
print(mixed.replace("세계", "World"), mixed.count("o"), "세" in mixed, mixed.startswith("Hello"))
for i, ch in enumerate("한글"):
    print(i, ch, ch.encode("utf-8"), len(ch.encode()))
print("한글".encode(), b"\xed\x95\x9c\xea\xb8\x80".decode(), "한글".encode("utf-8").decode("utf-8") == "한글")
print(f"[{greeting:^11}] [{greeting:>7.3}] [{greeting:*<8}]")
print("%-6s|%6s|" % ("가나", "다라"), "{:ㅡ^10}".format("중앙"))
words = "사과 바나나 체리 사과 포도 사과".split()
print(sorted(set(words)), words.count("사과"), max(words), min(words))
print(",".join(reversed(words)), "-".join(sorted(words, key=len)))
print("가" < "나", "가" < "a", sorted(["나", "b", "가", "A"]))
print(greeting.center(9, "*"), greeting.ljust(7, "."), greeting.rjust(7), greeting.zfill(7))
print("  공백  ".strip(), "\u3000전각\u3000".strip(), "x한x".strip("x"))
print(list("ㅎㅏㄴ"), [c for c in "가나다" if c != "나"])
