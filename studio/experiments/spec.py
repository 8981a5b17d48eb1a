"""What an experiment is: a claim with its source, variants, data, seed, budget and the metric
that decides it. Plain declarative records (no torch, no Qt)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class Variant:
    name: str  # folder name under the experiment's output folder
    label: str  # what the curves and the report call it
    builder: str = "conv_net"  # studio.experiments.nets.BUILDERS key, or "project" (the user's own)
    params: dict = field(default_factory=dict)
    init: str | None = None  # "kaiming" | "xavier" | None (PyTorch's default)
    training: dict = field(default_factory=dict)  # overrides of the experiment's training settings
    project: dict | None = None  # a whole project (to_dict) for user-defined variants
    may_diverge: bool = False  # a NaN/Inf loss is a result (exploding gradients), not a failure
    # transfer learning (the `transfer` experiment): train on a part of the data, start from the
    # weights an earlier variant trained (its head re-initialised: the classes differ)
    data: dict = field(default_factory=dict)  # {"classes": [0, 1, ...], "per_class": N} (train split)
    weights_from: str | None = None  # the name of an earlier variant whose best.pt to start from


@dataclass(frozen=True, kw_only=True)
class Experiment:
    name: str
    title: str
    claim: str
    source: str
    metric: str  # what decides it, in words
    variants: tuple[Variant, ...]
    verdict: str  # key into studio.experiments.verdicts.VERDICTS
    data: dict = field(default_factory=lambda: {"source": "digits"})
    input_shape: tuple[int, int, int] = (1, 16, 16)
    training: dict = field(default_factory=dict)  # TrainSettings values (epochs, lr, optimizer, …)
    seed: int = 0
    budget_s: int = 180  # on a 2-core CPU
    stats_every: int = 10  # layer-statistics sampling interval (steps)
    options: dict = field(default_factory=dict)  # the verdict's thresholds
    notes: str = ""  # how the spec was tuned (shown in the report)
    decided_at: str = ""  # when the measurement that decides it is taken, if not at the end of training

    @property
    def epochs(self) -> int:
        return int(self.training.get("epochs", 10))

    def variant(self, name: str) -> Variant:
        for v in self.variants:
            if v.name == name:
                return v
        raise KeyError(name)

    def settings_for(self, variant: Variant, epochs: int | None = None) -> dict:
        # one CPU thread: small nets run fastest so, and the figures do not depend on the machine's load
        d = {"seed": self.seed, "scheduler": "none", "threads": 1, **self.training, **variant.training}
        if epochs is not None:
            d["epochs"] = int(epochs)
        return d

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "claim": self.claim, "source": self.source,
                "metric": self.metric, "data": dict(self.data), "input_shape": list(self.input_shape),
                "training": dict(self.training), "seed": self.seed, "budget_s": self.budget_s,
                "decided_at": self.decided_at,
                "variants": [{"name": v.name, "label": v.label, "builder": v.builder, "params": dict(v.params),
                              "init": v.init, "training": dict(v.training),
                              **({"data": dict(v.data)} if v.data else {}),
                              **({"weights_from": v.weights_from} if v.weights_from else {})}
                             for v in self.variants]}
