"""Changing a project file that other people or programs change too.

A :class:`ProjectFile` locks the file, loads it, and keeps the lock until
it is closed; saves go back to the same file. Another program (another
``metaethno`` command, another Python process) that opens the file waits
until this one is closed, then loads the file with this one's changes in
it, so no change is lost. A program that takes no lock (a text editor)
and changes the file meanwhile makes :meth:`ProjectFile.save` refuse with
:class:`~metaethno.ChangedOnDiskError` instead of overwriting its work.
docs/file-format.md says where locks work (local disks, NFS and SMB with
locking) and what remains where they do not.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import os
from typing import Union

from ._c import call, lib
from ._guard import read_call
from .model import Project, _path

__all__ = ["ProjectFile"]

_OPEN_NO_WAIT = 1
_SAVE_NO_FSYNC = 1


class ProjectFile:
    """A project file held open for changes.

    Use it as a context manager::

        with metaethno.ProjectFile.open("review.xml") as f:
            f.project.add_memo("Checked the appraisals again.")
            f.save()

    :attr:`project` is an ordinary :class:`~metaethno.Project`, owned by the
    file: closing the file closes it, and closing it lets go of the lock.
    """

    __slots__ = ("_project", "_path")

    def __init__(self, *args, **kwargs):
        raise TypeError("use ProjectFile.open(path)")

    @classmethod
    def open(cls, path: Union[str, bytes, os.PathLike], *, wait: bool = True) -> "ProjectFile":
        """Lock *path* and load it (taken as :meth:`Project.load` takes it).

        With ``wait=False``, raises :class:`~metaethno.LockedError` at once
        when another program holds the file, instead of waiting for it.
        Raises FormatError (and subclasses) when the file cannot be loaded,
        FileError when it cannot be opened or locked.
        """
        raw = _path(path)
        pointer = call(lib.mte_project_file_open, raw, 0 if wait else _OPEN_NO_WAIT)
        project = Project.__new__(Project)
        project._adopt(lib.mte_project_file_get_project(pointer), pointer)
        self = object.__new__(cls)
        self._project = project
        self._path = path
        return self

    @property
    def project(self) -> Project:
        """The project loaded from the file."""
        return self._project

    @property
    def path(self):
        """The path given to :meth:`open`."""
        return self._path

    @property
    def closed(self) -> bool:
        """Whether the file was closed (the project with it)."""
        return self._project.closed

    @property
    def locked(self) -> bool:
        """Whether the file's lock is held: False only on a file system
        without locks (then saves still refuse changes made since the load)."""
        project = self._project

        def is_locked():
            project._p()  # ClosedError once closed
            return bool(lib.mte_project_file_is_locked(project._file_ptr))
        return read_call(project, is_locked)

    def save(self, *, fsync: bool = True) -> None:
        """Save the project over the file, keeping the lock.

        Raises :class:`~metaethno.ChangedOnDiskError` (nothing saved) when a
        program that takes no lock changed the file since it was loaded,
        :class:`~metaethno.NotDurableError` when the change is saved but
        not confirmed by the disk, FileError when the system refused.
        """
        project = self._project
        flags = 0 if fsync else _SAVE_NO_FSYNC

        def save():
            project._p()  # ClosedError once closed
            call(lib.mte_project_file_save, project._file_ptr, flags)
        read_call(project, save)

    def close(self) -> None:
        """Let go of the lock and free the project, without saving.
        Closing twice does nothing."""
        self._project.close()

    def __enter__(self) -> "ProjectFile":
        self._project._p()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot copy or pickle a ProjectFile")

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("locked" if self.locked else "not locked")
        return f"<metaethno.ProjectFile {os.fsdecode(self._path)!r} ({state})>"
