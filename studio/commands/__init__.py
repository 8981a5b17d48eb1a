"""Subcommands of `cnn-studio`, one module each (``<name>_cmd.py``)."""
