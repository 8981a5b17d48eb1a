"""A tiny observer: views subscribe to model signals; the model never knows who listens."""
from __future__ import annotations

from typing import Any, Callable


class Signal:
    """A list of callbacks called in order with the emitted arguments."""

    __slots__ = ("_slots", "_blocked")

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []
        self._blocked = 0

    def connect(self, slot: Callable[..., Any]) -> None:
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        try:
            self._slots.remove(slot)
        except ValueError:
            pass

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        for slot in list(self._slots):
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
