"""Which parts of Qt go into the bundle: what a widgets app on a desktop needs, nothing more.

Used by the PySide6 hooks beside this file (so that plugins left out are not even analysed for
the libraries they would pull in, such as GTK's cairo or QtOpenGL) and by packaging/annotator.spec
as a last filter over everything collected.

The app uses QtCore, QtGui and QtWidgets and installs no translator. Kept plugin types: the
platform plugins of Windows, macOS and Linux desktops (X11 and Wayland) plus offscreen (for
`annotator selfcheck` without a screen) and minimal; native styles; input methods (Japanese
input on Linux goes through ibus or fcitx); the XDG portal theme. Left out: Qt's translations,
image formats (the app's only images are drawn colour swatches; PNG is built into QtGui), icon
engines, touch-screen input, embedded-Linux platforms (eglfs, linuxfb, vnc), the GTK theme (it
would bundle a cairo that clashes with the system's GTK), Wayland client buffer integrations
(OpenGL; widgets draw through shared memory, built into the Wayland platform plugin), the
Windows software OpenGL renderer, and every QtNetwork/QtQml/QtQuick/QtPdf/QtSvg library.
"""

from __future__ import annotations

import os
from pathlib import PurePath

KEEP_PLUGIN_TYPES = {
    "platforms", "platformthemes", "platforminputcontexts", "styles", "xcbglintegrations",
    "wayland-decoration-client", "wayland-shell-integration",
}
# File-name fragments of plugins left out inside the kept types.
DROP_PLUGINS = (
    "vnc", "linuxfb", "eglfs", "minimalegl", "vkkhrdisplay", "direct2d",  # platforms
    "gtk3",  # platformthemes
    "adwaita",  # wayland-decoration-client (needs QtSvg); bradient stays
    "ivi-shell", "fullscreen-shell", "qt-shell", "wl-shell",  # wayland-shell-integration: xdg-shell stays
)
# Qt libraries (Linux .so, macOS framework, Windows .dll) that no kept module or plugin needs.
DROP_LIBS = (
    "Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt6Svg", "Qt6OpenGL", "Qt6VirtualKeyboard",
    "Qt6WaylandCompositor", "Qt6WlShellIntegration", "Qt6EglFS", "Qt6EglFs",
    "Qt6Designer", "Qt6Labs", "Qt6Sql", "Qt6Test", "Qt6Charts", "Qt6Graphs", "Qt6Multimedia",
    "QtNetwork.framework", "QtQml", "QtQuick", "QtPdf", "QtSvg", "QtOpenGL", "QtVirtualKeyboard",
    "opengl32sw", "d3dcompiler", "libEGL.dll", "libGLESv2.dll",
)


def kept(dest_name: str) -> bool:
    """Whether a file collected into the bundle at ``dest_name`` (relative) stays."""
    parts = PurePath(dest_name.replace("\\", "/")).parts  # a Windows dest uses backslashes
    if not parts or parts[0] != "PySide6":
        return True
    if "translations" in parts or "qml" in parts:
        return False
    name = parts[-1]
    if "plugins" in parts:
        at = parts.index("plugins")
        kind = parts[at + 1] if at + 2 < len(parts) else ""
        return kind in KEEP_PLUGIN_TYPES and not any(frag in name.lower() for frag in DROP_PLUGINS)
    return not any(lib in part for part in parts for lib in DROP_LIBS)


def collect(hook_file: str):
    """PyInstaller's own collection for a PySide6 module's hook, less the parts left out."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)

    def keep(entries):
        return [(src, dest) for src, dest in entries if kept(os.path.join(dest, os.path.basename(src)))]

    return hiddenimports, keep(binaries), keep(datas)
