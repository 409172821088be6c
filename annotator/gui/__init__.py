"""The PySide6 desktop app: windows and views that call annotator.core."""
