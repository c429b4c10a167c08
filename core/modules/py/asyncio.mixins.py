"""Event loop mixins (a port of CPython 3.11's asyncio/mixins.py), plus the hooks by which the
synchronization primitives describe themselves in the engine's event log."""

import _asyncio
from _asyncio import _get_running_loop, _sync_new, _sync_op, _set_future_label
import _stdlib


class _State:
    """A member of the small enum.Enum classes of runners.py, timeouts.py and locks.py (their
    name, value and repr), without importing enum for them."""

    def __init__(self, cls_name, name, value):
        self._cls_name = cls_name
        self.name = name
        self.value = value

    def __repr__(self):
        return f'<{self._cls_name}.{self.name}: {self.value!r}>'

    def __str__(self):
        return f'{self._cls_name}.{self.name}'

    def __reduce__(self):
        return (getattr, (self._cls_name, self.name))


def _states(cls_name, **members):
    # class _State(enum.Enum): NAME = value ... -> a namespace class of _State members.
    ns = type(cls_name, (), {})
    for name, value in members.items():
        setattr(ns, name, _State(cls_name, name, value))
    return ns


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()

        if self._loop is None:
            # (CPython takes a threading.Lock here; this program has one thread.)
            if self._loop is None:
                self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


# ---- the event log's view of locks, events, conditions, semaphores and queues ----------------
# Kinds and operations, as _asyncio._sync_new / _sync_op number them.
LOCK, EVENT, CONDITION, SEMAPHORE, QUEUE = 0, 1, 2, 3, 4
ACQUIRE, RELEASE, WAIT, WAKE, SET, CLEAR, PUT, GET, NOTIFY, TASK_DONE = range(10)

_labels_used = {}


def _source_name():
    # The name a primitive is bound to where the program makes it (`lock = asyncio.Lock()` ->
    # 'lock', `self.q = asyncio.Queue()` -> 'q'), for the visualizer: the first frame outside
    # asyncio's own modules; '' when its line is not a simple assignment.
    try:
        depth = 2
        while True:
            filename, _, text = _stdlib.caller_info(depth)
            if not filename.startswith('<asyncio'):
                break
            depth += 1
    except Exception:
        return ''
    eq = text.find('=')
    if eq <= 0 or text[eq + 1:eq + 2] == '=':
        return ''
    name = text[:eq].rstrip()
    if name.startswith('self.'):
        name = name[5:]
    return name if name.isidentifier() else ''


class _SyncLogged:
    """Gives a primitive an id in the event log the first time it is used on a running loop."""

    _looplab_sid = 0      # the log's id of this primitive, 0 until registered
    _looplab_label = ''

    def _looplab_name(self):
        name = _source_name()
        kind = type(self).__name__
        label = f'{kind} {name}' if name else kind
        n = _labels_used.get(label, 0) + 1
        _labels_used[label] = n
        if n > 1:
            label = f'{label} #{n}'
        self._looplab_label = label

    def _looplab_register(self, kind):
        # 0 (and nothing recorded) while no loop runs.
        if _get_running_loop() is None:
            return 0
        if not self._looplab_label:
            self._looplab_label = type(self).__name__
        sid = self._looplab_sid = _sync_new(kind, self._looplab_label)
        return sid

    def _looplab_waiter(self, fut):
        # Waiter futures carry the primitive's label: "task X waits on Lock a".
        _set_future_label(fut, self._looplab_label)
