"""Help → Keyboard shortcuts: every key of a window, read from the window's own actions.

The list is generated from the menus (each action's text and its shortcuts), so a key added or
changed where the action is made shows here without a second list to keep in step. Keys that a
view handles itself rather than through an action (a frame's digit, Esc, the mouse) are passed
in by the window as extra groups.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.texts import tr

Group = tuple[str, list[tuple[str, str]]]  # (heading, [(what, keys)])


def plain(text: str) -> str:
    """A menu text as read: no mnemonic '&', no '\\t'-shortcut tail."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def keys_of(action: QAction) -> str:
    """The action's shortcuts as the platform writes them ("Ctrl+Z, Ctrl+Y"), '' if none."""
    seen: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in seen:
            seen.append(text)
    return ", ".join(seen)


def _menu_rows(menu: QMenu, prefix: str = "") -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), prefix + plain(action.text()) + " → ")
        elif not action.isSeparator() and (keys := keys_of(action)):
            rows.append((prefix + plain(action.text()), keys))
    return rows


def menu_groups(window: QMainWindow) -> list[Group]:
    """One group per menu of the window's menu bar: its actions that have keys, in menu order;
    then the window's actions with keys that are in no menu."""
    groups: list[Group] = []
    listed: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows = _menu_rows(menu)
        listed.update(id(a) for a in _all_actions(menu))
        if rows:
            groups.append((plain(top.text()), rows))
    others = [(plain(a.text()), keys_of(a)) for a in window.actions()
              if keys_of(a) and id(a) not in listed and plain(a.text())]
    if others:
        groups.append((tr("Other"), others))
    return groups


def _all_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _all_actions(action.menu())
    return found


class ShortcutsDialog(QDialog):
    """objectName ``shortcutsDialog``; a two-column tree: what, keys, grouped by menu."""

    def __init__(self, groups: list[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        for heading, rows in groups:
            top = QTreeWidgetItem(self.tree, [heading])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            for what, keys in rows:
                QTreeWidgetItem(top, [what, keys])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(720, 660)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, what, keys) as shown (tests read the dialog through this)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                out.append((top.text(0), child.text(0), child.text(1)))
        return out
