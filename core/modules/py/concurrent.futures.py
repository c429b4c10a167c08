"""Execute computations asynchronously using threads (a port of the parts of CPython 3.11's
concurrent/futures/_base.py and thread.py that an asyncio program uses).

Threads are simulated: a ThreadPoolExecutor is a set of workers with their own virtual
clocks. Inside a running event loop, submit() hands the call to the loop's executor machinery
(loop.run_in_executor(pool, ...)), which runs it on the worker that is free first and
delivers the result when that worker's clock says it is done. With no loop running, submit()
runs the call at once. Blocking on a pending Future (result(), wait(), as_completed()) is only
possible once the work is done: inside the loop, await it instead (asyncio.wrap_future, or
loop.run_in_executor).
"""

__author__ = 'Brian Quinlan (brian@sweetapp.com)'

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
    'InvalidStateError',
)

import _asyncio

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# Possible future states (for internal use by the futures package).
PENDING = 'PENDING'
RUNNING = 'RUNNING'
# The future was cancelled by the user...
CANCELLED = 'CANCELLED'
# ...and _Waiter.add_cancelled() was called by a worker.
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [
    PENDING,
    RUNNING,
    CANCELLED,
    CANCELLED_AND_NOTIFIED,
    FINISHED
]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished"
}


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


TimeoutError = TimeoutError  # make local alias for the standard exception


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """
    Raised when a executor has become non-functional after a severe failure.
    """


for _cls in (Error, CancelledError, InvalidStateError, BrokenExecutor):
    _cls.__module__ = 'concurrent.futures._base'


def _cannot_block(what):
    raise RuntimeError(
        f"{what} would block until a thread finishes, and Looplab's threads are simulated "
        "beside the event loop: await the work instead (asyncio.wrap_future(f), "
        "loop.run_in_executor or asyncio.to_thread)")


class Future(object):
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                import sys
                print(f'exception calling callback for {self!r}', file=sys.stderr)

    def __repr__(self):
        if self._state == FINISHED:
            if self._exception:
                return '<%s at %#x state=%s raised %s>' % (
                    self.__class__.__name__,
                    id(self),
                    _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._exception.__class__.__name__)
            else:
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__,
                    id(self),
                    _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._result.__class__.__name__)
        return '<%s at %#x state=%s>' % (
                self.__class__.__name__,
                id(self),
               _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel the future if possible.

        Returns True if the future was cancelled, False otherwise. A future
        cannot be cancelled if it is running or has already completed.
        """
        if self._state in [RUNNING, FINISHED]:
            return False

        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            return True

        self._state = CANCELLED

        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        """Return True if the future is currently executing."""
        return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or finished executing."""
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                # Break a reference cycle with the exception in self._exception
                self = None
        else:
            return self._result

    def add_done_callback(self, fn):
        """Attaches a callable that will be called when the future finishes."""
        if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception:
            import sys
            print(f'exception calling callback for {self!r}', file=sys.stderr)

    def result(self, timeout=None):
        """Return the result of the call that the future represents."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        elif self._state == FINISHED:
            return self.__get_result()
        if timeout is not None:
            raise TimeoutError()
        _cannot_block('Future.result()')

    def exception(self, timeout=None):
        """Return the exception raised by the call that the future represents."""
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        elif self._state == FINISHED:
            return self._exception
        if timeout is not None:
            raise TimeoutError()
        _cannot_block('Future.exception()')

    # The following methods should only be used by Executors and in tests.
    def set_running_or_notify_cancel(self):
        """Mark the future as running or process any cancel notifications."""
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        elif self._state == PENDING:
            self._state = RUNNING
            return True
        else:
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Sets the return value of work associated with the future."""
        if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        """Sets the result of the future as being the given exception."""
        if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = FINISHED
        self._invoke_callbacks()

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


Future.__module__ = 'concurrent.futures._base'


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # Break a reference cycle with the exception in self._exception
        del fut


def as_completed(fs, timeout=None):
    """An iterator over the given futures that yields each as it completes
    (here: the finished ones, in the order given; a pending one cannot be waited for)."""
    fs = set(fs)
    finished = [f for f in fs if f.done()]
    pending = fs - set(finished)
    if pending:
        if timeout is not None:
            raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), len(fs)))
        _cannot_block('concurrent.futures.as_completed()')
    yield from finished


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return f'DoneAndNotDoneFutures(done={self[0]!r}, not_done={self[1]!r})'


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in the given sequence to complete (here: they must be done, or
    a timeout given)."""
    fs = set(fs)
    done = {f for f in fs if f.done()}
    not_done = fs - done
    if (return_when == FIRST_COMPLETED) and done:
        return DoneAndNotDoneFutures(done, not_done)
    elif (return_when == FIRST_EXCEPTION) and done:
        if any(f for f in done
               if not f.cancelled() and f.exception() is not None):
            return DoneAndNotDoneFutures(done, not_done)

    if len(done) == len(fs) or timeout is not None:
        return DoneAndNotDoneFutures(done, not_done)
    _cannot_block('concurrent.futures.wait()')


class Executor(object):
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, /, *args, **kwargs):
        """Submits a callable to be executed with the given arguments."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter)."""
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        # Yield must be hidden in closure so that the futures are submitted
        # before the first iterator value is required.
        def result_iterator():
            try:
                # reverse to keep finishing order
                fs.reverse()
                while fs:
                    # Careful not to keep a reference to the popped future
                    yield _result_or_cancel(fs.pop(), timeout)
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Clean-up the resources associated with the Executor."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


Executor.__module__ = 'concurrent.futures._base'


class BrokenThreadPool(BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


_counter = 0


class ThreadPoolExecutor(Executor):
    """A pool of simulated worker threads (see the module's docstring)."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        Args:
            max_workers: The maximum number of threads that can be used to
                execute the given calls.
            thread_name_prefix: An optional name prefix to give our threads.
            initializer: A callable used to initialize worker threads.
            initargs: A tuple of arguments to pass to the initializer.
        """
        global _counter
        if max_workers is None:
            # ThreadPoolExecutor is often used to:
            # * CPU bound task which releases GIL
            # * I/O bound task (which releases GIL, of course)
            #
            # We use cpu_count + 4 for both types of tasks (the sandbox reports 2 CPUs).
            max_workers = min(32, 2 + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._shutdown = False
        self._broken = False
        _counter += 1
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % (_counter - 1)))
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        # When each simulated worker is free again (loop time); the engine's
        # loop.run_in_executor(self, ...) picks the first free one and updates it.
        self._looplab_free_at = [0.0] * max_workers

    def _initialize(self):
        if self._initializer is not None and not self._initialized:
            self._initialized = True
            self._initializer(*self._initargs)

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenThreadPool(self._broken)

        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')

        f = Future()
        loop = _asyncio._get_running_loop()
        if loop is not None:
            from asyncio import futures as _aio_futures
            if kwargs:
                import functools
                call = functools.partial(fn, *args, **kwargs)
                args = ()
            else:
                call = fn
            self._initialize()
            _aio_futures._chain_future(loop.run_in_executor(self, call, *args), f)
            return f
        if not f.set_running_or_notify_cancel():
            return f
        try:
            self._initialize()
            result = fn(*args, **kwargs)
        except BaseException as exc:
            f.set_exception(exc)
        else:
            f.set_result(result)
        return f
    submit.__doc__ = Executor.submit.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        if not self._shutdown and wait:
            # The calling thread waits for the workers: inside the loop, the loop is
            # blocked until the last simulated worker is free.
            loop = _asyncio._get_running_loop()
            if loop is not None:
                busy_until = max(self._looplab_free_at)
                now = loop.time()
                if busy_until > now:
                    import time
                    time.sleep(busy_until - now)
        self._shutdown = True
    shutdown.__doc__ = Executor.shutdown.__doc__


ThreadPoolExecutor.__module__ = 'concurrent.futures.thread'
BrokenThreadPool.__module__ = 'concurrent.futures.thread'


class ProcessPoolExecutor(Executor):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "ProcessPoolExecutor is not available in Looplab's sandbox (no processes); "
            "use ThreadPoolExecutor")


ProcessPoolExecutor.__module__ = 'concurrent.futures.process'
