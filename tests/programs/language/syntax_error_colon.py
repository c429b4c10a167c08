# A missing colon is a SyntaxError with CPython's message; nothing runs.
print("never printed")
for i in range(3)
    print(i)
