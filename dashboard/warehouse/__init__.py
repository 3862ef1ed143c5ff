"""Schema, demo generator, importers and releases (stage → validate → swap)."""
