"""Transfer learning widgets in the window: locks, undo commands and the Training tab's rows.

The menu and tab wiring is ``studio.gui.transfer_menu.install``."""
