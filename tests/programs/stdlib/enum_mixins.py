# enum: members mixed with a data type: IntEnum, StrEnum, IntFlag, (str, Enum) and (int, Enum).
from enum import Enum, IntEnum, StrEnum, IntFlag, auto

class Status(IntEnum):
    PENDING = auto()
    DONE = auto()
    FAILED = 10
print(Status.DONE, repr(Status.DONE), Status.PENDING + 1, Status.DONE == 2, Status(10), Status.FAILED > Status.DONE)
print(f'{Status.DONE}', sorted([Status.FAILED, Status.PENDING]), int(Status.FAILED), [s.value for s in Status])

class Mood(StrEnum):
    HAPPY = auto()
    SAD = 'down'
print(Mood.HAPPY, repr(Mood.SAD), Mood.SAD == 'down', f'{Mood.HAPPY}', Mood('down'), Mood.HAPPY.upper())

Num = IntEnum('Num', 'ONE TWO')
print(Num.TWO + 0, repr(Num.ONE))


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
print(ModelName.alexnet, repr(ModelName.resnet), ModelName('resnet'), ModelName.alexnet == 'alexnet', ModelName.alexnet.value)
print(f'{ModelName.alexnet}', ModelName.resnet.upper(), isinstance(ModelName.alexnet, str))

class Level(int, Enum):
    LOW = 1
    HIGH = 2
print(Level.LOW, repr(Level.HIGH), Level.LOW < Level.HIGH, Level.HIGH + 1, Level(2), f'{Level.LOW}')

class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
print(IPerm.R | IPerm.W, repr(IPerm.R | IPerm.W), IPerm.R + 1, IPerm(0), repr(IPerm.R | 8))
print(repr(~IPerm.R), IPerm.R & 4, IPerm(7) == 7, f'{IPerm.W}', str(IPerm.X))

