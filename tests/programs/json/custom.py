# json with a custom JSONEncoder subclass, default=, object_hook, and dump/load on file-like objects.
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)


def as_point(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


shapes = {"triangle": [Point(0, 0), Point(1, 0), Point(0, 1)], "label": "삼각형"}
text = json.dumps(shapes, cls=PointEncoder, ensure_ascii=False)
print(text)
print(json.loads(text, object_hook=as_point))
print(json.dumps(Point(2, 3), default=lambda p: [p.x, p.y]))
print(json.dumps(shapes, cls=PointEncoder, indent=1))
print(json.loads("[1.10, 2]", parse_float=lambda s: "float:" + s))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: sorted(pairs)))


class Sink:
    def __init__(self):
        self.chunks = []

    def write(self, text):
        self.chunks.append(text)


class Source:
    def __init__(self, text):
        self.text = text

    def read(self):
        return self.text


sink = Sink()
json.dump({"saved": [1, 2, 3]}, sink, indent=2)
saved = "".join(sink.chunks)
print(saved)
print(json.load(Source(saved)))
try:
    json.dumps(Point(1, 1))
except TypeError as e:
    print(e)
