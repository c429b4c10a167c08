"""The asyncio package, tracking PEP 3156 (a port of CPython 3.11's asyncio/__init__.py).

The event loop, Future, Task and sleep are the engine's (module `_asyncio`: CPython's
scheduling on a virtual clock); the rest is CPython's Python code, one embedded module per
submodule (asyncio.tasks, asyncio.locks, ...). Sockets, streams, subprocesses and signals are
not available in the sandbox: their entry points raise NotImplementedError.
"""

# flake8: noqa

import sys

# This relies on each of the submodules having an __all__ variable.
from asyncio.coroutines import *
from asyncio.events import *
from asyncio.exceptions import *
from asyncio.futures import *
from asyncio.locks import *
from asyncio.runners import *
from asyncio.queues import *
from asyncio.tasks import *
from asyncio.taskgroups import *
from asyncio.timeouts import *
from asyncio.threads import *

from _asyncio import BaseEventLoop, SelectorEventLoop
from asyncio.events import DefaultEventLoopPolicy

__all__ = (('BaseEventLoop',) +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           runners.__all__ +
           queues.__all__ +
           tasks.__all__ +
           tuple(taskgroups.__all__) +
           threads.__all__ +
           timeouts.__all__ +
           ('SelectorEventLoop', 'DefaultEventLoopPolicy'))


def _not_in_sandbox(name, what):
    def unavailable(*args, **kwargs):
        raise NotImplementedError(
            f"asyncio.{name}() is not available in Looplab's sandbox ({what}); "
            "use asyncio.sleep, queues and the simulated network instead")
    unavailable.__name__ = unavailable.__qualname__ = name
    return unavailable


# streams and subprocess: no sockets or processes here.
open_connection = _not_in_sandbox('open_connection', 'no sockets')
start_server = _not_in_sandbox('start_server', 'no sockets')
open_unix_connection = _not_in_sandbox('open_unix_connection', 'no sockets')
start_unix_server = _not_in_sandbox('start_unix_server', 'no sockets')
create_subprocess_exec = _not_in_sandbox('create_subprocess_exec', 'no subprocesses')
create_subprocess_shell = _not_in_sandbox('create_subprocess_shell', 'no subprocesses')
