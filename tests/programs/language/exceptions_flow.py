# try/except/else/finally with return, break and continue crossing the blocks.
def classify(x):
    try:
        if x == "raise":
            raise ValueError("bad")
        if x == "return":
            return "returned from try"
        result = 10 // x
    except ValueError as e:
        return f"ValueError: {e}"
    except (ZeroDivisionError, TypeError) as e:
        return type(e).__name__
    else:
        return f"else: {result}"
    finally:
        print("finally for", repr(x))

for arg in ["raise", "return", 0, "s", 5]:
    print(classify(arg))

def loop_with_finally():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    else:
        out.append("no else after break")
    return out
print(loop_with_finally())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def nested_handlers():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise RuntimeError("outer") from None
    except RuntimeError as e:
        return e, e.__cause__, e.__suppress_context__
print(nested_handlers())

def context_chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            {}["missing"]
    except KeyError as e:
        return type(e.__context__).__name__
print(context_chain())

def reraise():
    try:
        try:
            raise IndexError("first")
        except IndexError:
            raise
    except IndexError as e:
        return str(e)
print(reraise())

name_after = "kept"
try:
    raise OSError("x")
except OSError as name_after:
    pass
print("name_after" in dir())

def while_true_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_true_finally())

try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as eg:
    print("values", [e.args[0] for e in eg.exceptions])
except* (TypeError, KeyError) as eg:
    print("others", sorted(type(e).__name__ for e in eg.exceptions))

try:
    assert 2 + 2 == 5, "math"
except AssertionError as e:
    print("assertion:", e)
