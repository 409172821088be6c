"""Which parts of Qt go into the bundle: what a widgets app on a desktop needs, nothing more.

Used by the PySide6 hooks beside this file (so that plugins left out are not even analysed for
the libraries they would pull in, such as GTK's cairo or QtOpenGL) and by packaging/annotator.spec
as a last filter over everything collected.

The app uses QtCore, QtGui and QtWidgets, and Qt's own Japanese texts (qtbase_ja.qm: OK, Cancel,
the file dialog) for its Japanese interface. Kept plugin types: the platform plugins of Windows,
macOS and Linux desktops (X11 and Wayland) plus offscreen (for `annotator selfcheck` without a
screen) and minimal; native styles; input methods (Japanese input on Linux goes through ibus or
fcitx); the XDG portal theme. Left out: Qt's other translations, image formats (the app's only images are drawn colour swatches; PNG is built into QtGui), icon
engines, touch-screen input, embedded-Linux platforms (eglfs, linuxfb, vnc), the GTK theme (it
would bundle a cairo that clashes with the system's GTK), Wayland client buffer integrations
(OpenGL; widgets draw through shared memory, built into the Wayland platform plugin), and the
Windows software OpenGL renderer. With those plugins gone, no QtNetwork, QtQml, QtQuick, QtPdf,
QtSvg or QtOpenGL library is pulled in (the spec also excludes their Python modules).
"""

from __future__ import annotations

import os
from pathlib import PurePath

KEEP_PLUGIN_TYPES = {
    "platforms", "platformthemes", "platforminputcontexts", "styles", "xcbglintegrations",
    "wayland-decoration-client", "wayland-shell-integration",
}
#: Qt's translations that stay: those of the languages the app's interface has.
KEEP_TRANSLATIONS = {"qtbase_ja.qm"}
# File-name fragments of plugins left out inside the kept types.
DROP_PLUGINS = (
    "vnc", "linuxfb", "eglfs", "minimalegl", "vkkhrdisplay", "direct2d",  # platforms
    "gtk3",  # platformthemes
    "adwaita",  # wayland-decoration-client (needs QtSvg); bradient stays
    # wayland-shell-integration: xdg-shell stays
    "ivi-shell", "fullscreen-shell", "qt-shell", "wl-shell",
)
# Files that PyInstaller's top-level PySide6 hook adds on Windows without anything linking them:
# the software OpenGL renderer (20 MB) and ANGLE. Qt's libraries themselves are never filtered:
# the analysis brings only those that a kept module or plugin links, and all of those are needed.
DROP_EXTRAS = ("opengl32sw", "d3dcompiler", "libEGL.dll", "libGLESv2.dll")


def kept(dest_name: str) -> bool:
    """Whether a file collected into the bundle at ``dest_name`` (relative) stays."""
    parts = PurePath(dest_name.replace("\\", "/")).parts  # a Windows dest uses backslashes
    if not parts or parts[0] != "PySide6":
        return True
    if "translations" in parts:
        return parts[-1] in KEEP_TRANSLATIONS
    if "qml" in parts:
        return False
    name = parts[-1]
    if "plugins" in parts:
        at = parts.index("plugins")
        kind = parts[at + 1] if at + 2 < len(parts) else ""
        return kind in KEEP_PLUGIN_TYPES and not any(frag in name.lower() for frag in DROP_PLUGINS)
    return not any(extra in name for extra in DROP_EXTRAS)


def collect(hook_file: str):
    """PyInstaller's own collection for a PySide6 module's hook, less the parts left out."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)

    def keep(entries):
        return [(src, dest) for src, dest in entries
                if kept(os.path.join(dest, os.path.basename(src)))]

    return hiddenimports, keep(binaries), keep(datas)
