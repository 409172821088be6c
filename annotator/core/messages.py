"""What the project file tells a coder in the window: why it is read-only, and why an edit
could not be saved, in one catalog (see :mod:`annotator.core.catalog`).

These are the errors a coder can meet while working (another program writing, a copy on
read-only media, a full disk, a damaged file); the window shows them in the interface's
language, the command line and the log in English. A ``{why}`` or ``{advice}`` is itself one
of these texts, or the system's own words (an I/O error), which stay as the system gave them.
The templates' context for Qt Linguist is ``StoreMessage``.
"""

from __future__ import annotations

from annotator.core.catalog import QT_TRANSLATE_NOOP, Catalog

# Why a project is read-only (the window's status line says it, and the error of an edit).
READ_ONLY_MEDIA = QT_TRANSLATE_NOOP("StoreMessage", "it is on read-only media")
FILE_READ_ONLY = QT_TRANSLATE_NOOP("StoreMessage", "the file is read-only")
FOLDER_READ_ONLY = QT_TRANSLATE_NOOP("StoreMessage", "its folder is read-only")
DISK_FULL = QT_TRANSLATE_NOOP("StoreMessage", "the disk is full")
OPENED_FOR_READING = QT_TRANSLATE_NOOP("StoreMessage", "it was opened for reading only")
OPEN_ELSEWHERE = QT_TRANSLATE_NOOP(
    "StoreMessage", "it is open in another Framing Annotator window")

# An edit that could not be saved.
BUSY = QT_TRANSLATE_NOOP(
    "StoreMessage",
    "{path} is being changed by another program; try again when it has finished")
CANNOT_CHANGE = QT_TRANSLATE_NOOP("StoreMessage", "{path}: cannot be changed: {why}. {advice}")
FREE_SPACE = QT_TRANSLATE_NOOP("StoreMessage", "Free some space on it and try again")
COPY_TO_CHANGE = QT_TRANSLATE_NOOP("StoreMessage", "Copy it to a writable folder to change it")
CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "StoreMessage", "{path}: cannot write ({why}); nothing of this change was saved")
DAMAGED = QT_TRANSLATE_NOOP(
    "StoreMessage", "{path}: the file is damaged ({detail}); run `annotator check {path}`")

CATALOG = Catalog((
    READ_ONLY_MEDIA, FILE_READ_ONLY, FOLDER_READ_ONLY, DISK_FULL, OPENED_FOR_READING,
    OPEN_ELSEWHERE, BUSY, CANNOT_CHANGE, FREE_SPACE, COPY_TO_CHANGE, CANNOT_WRITE, DAMAGED,
))
