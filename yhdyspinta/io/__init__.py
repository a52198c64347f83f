"""Files in and out: exports, import templates, imports and backups."""
