# Run-time hook for PySide6 in the bundle, in place of PyInstaller's pyi_rth_pyside6 (rthooks.dat
# beside this folder names it). PyInstaller's imports PySide6.QtCore at every start to register a
# qt.conf; that loads Qt (about 60 ms) even for a command without a window (`annotator --version`,
# import, export). PySide6's wheels register their own qt.conf (libpyside, prefix = the package's
# Qt folder) when QtCore is first imported, so only the environment is set here.
def _pyi_rthook():
    import os
    import sys

    if sys.platform.startswith("win"):
        qt_dir = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
    else:
        qt_dir = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_pyi_rthook()
del _pyi_rthook
