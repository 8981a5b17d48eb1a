"""Data set loaders behind studio.training.data (settings.py imports no torch)."""
