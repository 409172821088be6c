"""Which window holds a project file's instance lock (annotator.core.store.instance).

The window that opened the file holds it until it is closed or destroyed; a window rebuilt in
another language (annotator.gui.language_switch) takes it over from the one it replaces, whose
destruction then leaves it alone. Its own module so that the app's start-up and the language
switch share it without importing each other.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMainWindow


class InstanceLock(Protocol):
    """What this module needs of annotator.core.store.instance.InstanceLock (windows do not
    import the store)."""

    def release(self) -> None: ...

# lock -> the window holding it now, compared by identity (a destroyed window's wrapper can no
# longer be asked anything)
_holders: dict[int, QMainWindow] = {}


def hold_lock(window: QMainWindow, lock: InstanceLock) -> None:
    """``window`` holds ``lock`` (as ``window.instance_lock``) until it is destroyed or hands
    it on; its closeEvent releases it too."""
    _holders[id(lock)] = window
    window.destroyed.connect(lambda *_: _let_go(lock, window))
    window.instance_lock = lock


def hand_over_lock(old: QMainWindow, new: QMainWindow) -> None:
    """``new`` takes over ``old``'s lock, if it has one."""
    lock = getattr(old, "instance_lock", None)
    if lock is not None:
        old.instance_lock = None
        hold_lock(new, lock)


def _let_go(lock: InstanceLock, window: QMainWindow) -> None:
    if _holders.get(id(lock)) is window:
        del _holders[id(lock)]
        lock.release()
