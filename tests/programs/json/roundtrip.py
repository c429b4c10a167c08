# json: dumps/loads of nested data, Korean text with and without ensure_ascii, indent and sort_keys.
import json
data = {
    "name": "김철수",
    "age": 30,
    "scores": [95.5, 88, 72.25],
    "active": True,
    "spouse": None,
    "tags": ["개발자", "python", "asyncio"],
    "address": {"city": "서울", "zip": "04524"},
    "ratio": 0.1,
    "big": 12345678901234567890,
    "empty": {},
    "none": [],
}
text = json.dumps(data)
print(text)
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
back = json.loads(text)
print(back == data, back["name"], back["scores"], type(back["big"]).__name__, back["address"]["city"])
print(json.loads(json.dumps("\u3000 \t \" \\ / \x1f \U0001F600")))
print(json.dumps([1, 2.5, -0.0, 1e100, 1e-7, float("inf"), float("nan")]))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool", None: "none"}))
print(json.dumps((1, (2, 3))), json.dumps("plain"), json.dumps(None), json.dumps(False))
print(json.loads('{"a": [1, 2, {"b": [true, false, null]}], "c": "\\u00e9\\ud83d\\ude00"}'))
