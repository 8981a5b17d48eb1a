"""Dockable panels of the main window: palette, inspector, summary, problems, code, history."""
