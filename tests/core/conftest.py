"""Fixtures for the core tests (the hand-built graphs themselves are in tests/graphs.py)."""
from __future__ import annotations

import sys

import pytest

from studio.core.graph import Graph

from ..graphs import lenet

PYTHON = sys.executable


@pytest.fixture
def lenet_graph() -> Graph:
    return lenet()
