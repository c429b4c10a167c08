# json errors: JSONDecodeError positions and messages, unserializable objects, circular data.
import json
bad_documents = ["", "[1, 2,]", '{"a": 1,}', '{"a" 1}', "{'a': 1}", '[1 2]', '"unterminated',
                 '"bad \\x escape"', "01", "tru", "[1, 2] extra", '{"a":\n  [1,\n   oops]}', "NaN?"]
for doc in bad_documents:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(f"{doc!r:30} -> {e.msg!r} at {e.pos} (line {e.lineno}, col {e.colno})")
        print(" " * 34, e)
print(issubclass(json.JSONDecodeError, ValueError))
for obj in [{1, 2}, object(), b"bytes", {(1, 2): "tuple key"}]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
loop = {"self": None}
loop["self"] = loop
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
json.loads('{"unterminated": [1, 2')
