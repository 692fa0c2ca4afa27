"""Content pipeline: read files, validate them, and build the typed library."""
