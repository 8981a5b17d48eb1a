"""Dialogs of the main window: template gallery, import, export, recovery, help."""
