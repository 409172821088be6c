"""Framing Annotator: annotate media framing in Japanese news and measure agreement."""

__version__ = "0.1.0"
