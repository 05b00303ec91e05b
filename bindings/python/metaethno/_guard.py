"""Serialising the use of a project (internal).

The C library is not thread-safe, and ctypes lets other Python code run
between two C calls: another thread when the interpreter switches, or a
signal handler (in the main thread, between two bytecodes of the code it
interrupts). Either may remove entities, close the project, discard the
session or free a result while a wrapper holds a pointer it resolved a few
bytecodes earlier. So every wrapper that resolves pointers, calls C and
copies the answer out does so inside a *section* of the project:

* each project has one reentrant lock; a section holds it from the first
  pointer it resolves to the last value it copies, so other threads wait
  for the whole section, never for half of it;
* a section is a *read* or a *write* (a write is anything that changes the
  model, or frees C memory: removal, close, undo, freeing a result...);
* the same thread entering a section of a project it is already inside is
  re-entry. Reads inside reads are allowed (the wrappers nest them, and a
  signal handler may read while the code it interrupted reads too). A
  write while any section is open, or a read while a write is open, can
  only come from a signal handler (or a ``__del__`` method or weakref
  callback the garbage collector runs there; the wrappers never nest
  them), and raises :class:`~metaethno.ReentrancyError`: the interrupted
  code may hold pointers the write would free, or be halfway through a
  change.

A write tells re-entry by the lock: if this thread owns it before taking
it, a section of the project is open below. ``writing`` is set only by the
thread holding the lock, after it took it, and cleared before it lets go.
A handler that runs after a section took the lock but before its body
began, or after the body ended, is refused or let through with no pointer
in use: either is safe.

Finalizers (``weakref.finalize``) may run in any thread at any bytecode.
The cyclic collector calls them only for objects nothing can reach, whose
C memory nobody can be using, so they free it without the lock; at exit
they run for objects still alive, and then take the lock as a write
would, waiting a bounded time for daemon threads and leaking the memory
rather than freeing it under a thread that does not let go.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import functools
import threading
import time

from .errors import ReentrancyError

__all__ = ["Guard", "reads", "reads1", "writes", "read_call", "read_call_both",
           "at_exit"]

#: How long a finalizer run at exit waits for other threads to leave a project.
EXIT_WAIT = 5.0


class Guard:
    """The lock of one project, and whether a write section holds it."""

    __slots__ = ("lock", "writing")

    def __init__(self):
        self.lock = threading.RLock()
        self.writing = False


def _refuse_read() -> ReentrancyError:
    return ReentrancyError(
        "the project is being changed by the code this call interrupted "
        "(a signal handler cannot read it now)")


def _refuse_write() -> ReentrancyError:
    return ReentrancyError(
        "the project is in use by the code this call interrupted "
        "(a signal handler cannot change it or free anything of it now)")


# ``with lock:`` rather than acquire() and try/finally: a signal handler
# may run (and raise) just after a call such as acquire() returns, before
# the try statement; the with statement on the C lock leaves no such gap.

def reads(function):
    """Run a method of an object with a ``_project`` as a read section."""
    @functools.wraps(function)
    def read_section(self, *args, **kwargs):
        guard = self._project._guard
        with guard.lock:
            if guard.writing:
                raise _refuse_read()
            return function(self, *args, **kwargs)
    return read_section


def reads1(function):
    """:func:`reads` for methods of no argument (property getters): faster."""
    @functools.wraps(function)
    def read_section(self):
        guard = self._project._guard
        with guard.lock:
            if guard.writing:
                raise _refuse_read()
            return function(self)
    return read_section


def writes(function):
    """Run a method of an object with a ``_project`` as a write section."""
    @functools.wraps(function)
    def write_section(self, *args, **kwargs):
        guard = self._project._guard
        lock = guard.lock
        if lock._is_owned():
            raise _refuse_write()
        with lock:
            guard.writing = True
            try:
                return function(self, *args, **kwargs)
            finally:
                guard.writing = False
    return write_section


def read_call(project, function, *args):
    """``function(*args)`` as a read section of *project*."""
    guard = project._guard
    with guard.lock:
        if guard.writing:
            raise _refuse_read()
        return function(*args)


def _try_lock(lock) -> bool:
    """Take *lock* if free (or ours), without waiting; never leak it.

    The caller does not own *lock*. An exception a signal handler raises
    just after acquire() returned is raised here, with the lock taken:
    then it is let go before the exception goes on.
    """
    try:
        return lock.acquire(blocking=False)
    except BaseException:
        if lock._is_owned():
            lock.release()
        raise


def read_call_both(first, second, function, *args):
    """``function(*args)`` as read sections of two projects at once.

    Two threads that each hold one project's lock and wait for the other's
    would wait for ever; so the second lock is only tried, and on failure
    the first is let go before the two are tried the other way round.
    """
    a, b = first._guard, second._guard
    while True:
        with a.lock:
            if a.writing:
                raise _refuse_read()
            if b.lock._is_owned():
                with b.lock:  # taken again: does not wait
                    if b.writing:
                        raise _refuse_read()
                    return function(*args)
            if _try_lock(b.lock):
                try:
                    if b.writing:
                        raise _refuse_read()
                    return function(*args)
                finally:
                    b.lock.release()
        time.sleep(0)
        a, b = b, a


def at_exit(guard: Guard, free, *args) -> None:
    """Free a live object's C memory at exit, as a write section would.

    Waits at most :data:`EXIT_WAIT` seconds for threads using the project;
    when they do not let go, or when this thread is itself inside a section
    of the project, the memory is left for the operating system to reclaim.
    """
    lock = guard.lock
    if lock._is_owned():
        return
    try:
        got = lock.acquire(timeout=EXIT_WAIT)
    except BaseException:
        if lock._is_owned():
            lock.release()
        raise
    if not got:
        return
    try:
        guard.writing = True
        try:
            free(*args)
        finally:
            guard.writing = False
    finally:
        lock.release()
