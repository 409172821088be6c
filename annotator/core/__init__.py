"""The headless core: text, schema, project store, import, export. Never imports Qt."""
