# Korean identifiers and strings; byte columns stay consistent.
이름 = "세계"
인사 = f"안녕, {이름}!"
print(인사, len(인사), 인사[4:6])
def 더하기(가, 나=1):
    return 가 + 나
print(더하기(2), 더하기(가=3, 나=4))
