"""Event loop and event loop policy (a port of CPython 3.11's asyncio/events.py).

The event loop itself, Handle and TimerHandle are the engine's (module `_asyncio`): the loop is
CPython's _UnixSelectorEventLoop scheduling on a virtual clock. This module keeps the policy
layer: which loop get_event_loop() returns outside a running loop.
"""

__all__ = (
    'AbstractEventLoopPolicy',
    'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop',
    '_get_running_loop',
)

import _asyncio
from _asyncio import (AbstractEventLoop, Handle, TimerHandle,
                      get_running_loop, _get_running_loop)


class AbstractServer:
    """Abstract server returned by create_server()."""

    def close(self):
        """Stop serving.  This leaves existing connections open."""
        raise NotImplementedError

    def get_loop(self):
        """Get the event loop the Server object is attached to."""
        raise NotImplementedError

    def is_serving(self):
        """Return True if the server is accepting connections."""
        raise NotImplementedError

    async def start_serving(self):
        """Start accepting connections."""
        raise NotImplementedError

    async def serve_forever(self):
        """Start accepting connections until the coroutine is cancelled."""
        raise NotImplementedError

    async def wait_closed(self):
        """Coroutine to wait until service is closed."""
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""

    def get_event_loop(self):
        """Get the event loop for the current context."""
        raise NotImplementedError

    def set_event_loop(self, loop):
        """Set the event loop for the current context to loop."""
        raise NotImplementedError

    def new_event_loop(self):
        """Create and return a new event loop object according to this
        policy's rules."""
        raise NotImplementedError

    # Child processes handling (Unix only).

    def get_child_watcher(self):
        "Get the watcher for child processes."
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        """Set the watcher for child processes."""
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """Default policy implementation for accessing the event loop.

    The program has one thread (the main thread), so the per-thread state of CPython's
    policy is plain attributes here.
    """

    _loop_factory = None

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        """Get the event loop for the current context.

        Returns an instance of EventLoop or raises an exception.
        """
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())

        if self._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % 'MainThread')

        return self._loop

    def set_event_loop(self, loop):
        """Set the event loop."""
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loop = loop
        # The engine's Future() and primitives find the default loop here.
        _asyncio.set_event_loop(loop)

    def new_event_loop(self):
        """Create a new event loop.

        You must call set_event_loop() to make this the current event
        loop.
        """
        return self._loop_factory()


class _UnixDefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    """UNIX event loop policy (no child watchers: there are no subprocesses here)."""
    _loop_factory = _asyncio.SelectorEventLoop

    def get_child_watcher(self):
        raise NotImplementedError(
            "child watchers are not available in Looplab's sandbox (no subprocesses)")

    def set_child_watcher(self, watcher):
        raise NotImplementedError(
            "child watchers are not available in Looplab's sandbox (no subprocesses)")


_UnixDefaultEventLoopPolicy.__module__ = 'asyncio.unix_events'
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy


# Event loop policy.  The policy itself is always global.  The default policy is installed by
# the first call to get_event_loop_policy().
_event_loop_policy = None


def _set_running_loop(loop):
    """Set the running event loop (the engine manages it: only None is accepted here)."""
    if loop is not None and loop is not _get_running_loop():
        raise RuntimeError("the running loop is managed by Looplab's engine")


def _init_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:  # pragma: no branch
        _event_loop_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    """Get the current event loop policy."""
    if _event_loop_policy is None:
        _init_event_loop_policy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy.

    If policy is None, the default policy is restored."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    """Return an asyncio event loop.

    When called from a coroutine or a callback (e.g. scheduled with call_soon
    or similar API), this function will always return the running event loop.

    If there is no running event loop set, the function will return
    the result of `get_event_loop_policy().get_event_loop()` call.
    """
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def _get_event_loop(stacklevel=3):
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Equivalent to calling get_event_loop_policy().set_event_loop(loop)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Equivalent to calling get_event_loop_policy().new_event_loop()."""
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    """Equivalent to calling get_event_loop_policy().get_child_watcher()."""
    return get_event_loop_policy().get_child_watcher()


def set_child_watcher(watcher):
    """Equivalent to calling
    get_event_loop_policy().set_child_watcher(watcher)."""
    return get_event_loop_policy().set_child_watcher(watcher)
