"""Icons and sample articles shipped with Framing Annotator (package data)."""
