"""Schema files shipped with Framing Annotator (package data, read with importlib.resources)."""
