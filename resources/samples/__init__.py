"""Sample articles written for the demo project."""
