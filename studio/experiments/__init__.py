"""Experiments: the classic papers' claims as declarative specs (variants, data, seed, budget,
metric) and verdicts computed from the recorded metrics. No torch, no Qt here; the running is
in studio.training.experiment, the window in studio.gui.experiments."""
from .catalog import EXPERIMENTS, get_experiment, names  # noqa: F401
from .spec import Experiment, Variant  # noqa: F401
