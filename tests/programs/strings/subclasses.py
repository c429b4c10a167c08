# str subclasses: methods, operators, __new__, attributes on instances, and str-mixin Enums
# (FastAPI's `class ModelName(str, Enum)`).
from enum import Enum


class Name(str):
    def shout(self):
        return self.upper() + "!"

    def __repr__(self):
        return f"Name({str.__repr__(self)})"


n = Name("kim")
print(n, repr(n), n.shout(), len(n), n + "x", type(n + "x").__name__, type(n.upper()).__name__)
print(isinstance(n, str), n == "kim", hash(n) == hash("kim"), {n: 1}["kim"], n[0], type(n[:]).__name__)
print(str(n), type(str(n)).__name__, f"{n}", "%s" % n, "{}".format(n), format(n, ">5"))
n.nickname = "K"
print(n.nickname, vars(n), Name("other").__dict__)


class Up(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())


print(Up("abc"), type(Up("abc")).__name__, Up("abc").lower(), Up("ㅎa"))


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
    lenet = "lenet"


print(ModelName.alexnet.value, ModelName("resnet").name, ModelName.alexnet == "alexnet", repr(ModelName.resnet))
print(f"{ModelName.lenet}", [m.value for m in ModelName], ModelName.lenet.upper(), ModelName.resnet in ["resnet"])
print(ModelName.alexnet is ModelName("alexnet"), isinstance(ModelName.alexnet, str), len(ModelName.resnet))
import json
print(json.dumps({"model": ModelName.alexnet, "all": list(ModelName)}))
