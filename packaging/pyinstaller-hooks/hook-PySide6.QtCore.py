# PyInstaller's own hook for this PySide6 module, less the Qt parts the app does not use
# (qt_parts.py beside this file says which). Hooks in the spec's hookspath replace built-in ones.
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "annotator_qt_parts", Path(__file__).with_name("qt_parts.py")
)
qt_parts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qt_parts)

hiddenimports, binaries, datas = qt_parts.collect(__file__)
