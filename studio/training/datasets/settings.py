"""Data settings as kept in ``project.dataset``: plain values, validated, with clear errors.

No torch here: the GUI can read and edit these without loading torch.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields
from typing import Any

from studio.core.errors import StudioError
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import short_repr

SOURCES = ("digits", "shapes", "mnist", "fashion-mnist", "cifar10", "folder")
NEEDS_ROOT = ("mnist", "fashion-mnist", "cifar10", "folder")
SHAPE_CLASSES = ("circle", "square", "triangle", "cross", "star")
CACHE_MODES = ("auto", "memory", "stream")
NORMALIZE_MODES = ("std", "mean")  # "mean": AlexNet's preprocessing (mean subtracted, 0–255 pixel scale)
_ALIASES = {
    "fashion_mnist": "fashion-mnist", "fashionmnist": "fashion-mnist", "fmnist": "fashion-mnist",
    "cifar-10": "cifar10", "cifar_10": "cifar10", "imagefolder": "folder", "dir": "folder",
}


class DataError(StudioError):
    """A data set cannot be found, read or configured; the message says how to fix it."""


def _num(where: str, value: Any, lo: float, hi: float, *, integer: bool = False, lo_open: bool = False,
         hi_open: bool = False) -> Any:
    args = {"setting": where, "value": short_repr(value), "lo": f"{lo:g}", "hi": f"{hi:g}"}
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            (isinstance(value, float) and not math.isfinite(value)) or (integer and value != int(value)):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{setting} = {value}: must be a whole number between {lo} and {hi}")
                        if integer else
                        QT_TRANSLATE_NOOP("Errors", "{setting} = {value}: must be a number between {lo} and {hi}"),
                        field=where, args=args)
    bad = value < lo or value > hi or (lo_open and value == lo) or (hi_open and value == hi)
    if bad:
        args["range"] = f"{'(' if lo_open else '['}{lo:g}, {hi:g}{')' if hi_open else ']'}"
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{setting} = {value}: must be in {range}"), field=where, args=args)
    return int(value) if integer else float(value)


def _flag(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{setting} = {value}: must be true or false"), field=where,
                        args={"setting": where, "value": short_repr(value)})
    return value


def _check_keys(where: str, data: Any, cls) -> None:
    if not isinstance(data, dict):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{setting} must be a mapping of settings, not {kind}"),
                        args={"setting": where, "kind": type(data).__name__})
    allowed = [f.name for f in fields(cls)]
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{setting}: unknown setting(s) {names}; known settings are {known}"),
                        args={"setting": where, "names": ", ".join(map(repr, unknown)), "known": ", ".join(allowed)})


@dataclass
class AugmentSettings:
    """Training-only augmentation (applied to train batches, never to val/test)."""

    random_crop_padding: int = 0  # pixels of zero padding before a random crop back to size
    hflip: bool = False  # flip left-right with probability 0.5
    rotation_deg: float = 0.0  # rotate by a random angle in [-deg, +deg]
    color_jitter: float = 0.0  # brightness/contrast/saturation factors in [1-j, 1+j]

    @property
    def enabled(self) -> bool:
        return bool(self.random_crop_padding or self.hflip or self.rotation_deg or self.color_jitter)

    def validate(self) -> "AugmentSettings":
        w = "dataset.augment"
        self.random_crop_padding = _num(f"{w}.random_crop_padding", self.random_crop_padding, 0, 64, integer=True)
        self.hflip = _flag(f"{w}.hflip", self.hflip)
        self.rotation_deg = _num(f"{w}.rotation_deg", self.rotation_deg, 0, 180)
        self.color_jitter = _num(f"{w}.color_jitter", self.color_jitter, 0, 1)
        return self

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict | None) -> "AugmentSettings":
        data = {} if data is None else data
        _check_keys("dataset.augment", data, cls)
        return cls(**data).validate()


@dataclass
class ShapesSettings:
    """Options of the generated ``shapes`` data set."""

    count: int = 2000  # images in all (split into train/val/test by the fractions)
    classes: list[str] = field(default_factory=lambda: list(SHAPE_CLASSES))
    noise: float = 0.08  # standard deviation of the per-pixel background noise (0..1 scale)

    def validate(self) -> "ShapesSettings":
        self.count = _num("dataset.shapes.count", self.count, 10, 1_000_000, integer=True)
        self.noise = _num("dataset.shapes.noise", self.noise, 0, 0.5)
        if isinstance(self.classes, str) or not isinstance(self.classes, (list, tuple)):
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.shapes.classes = {value}: must be a list drawn from "
                                              "{shapes}"),
                            args={"value": short_repr(self.classes), "shapes": ", ".join(SHAPE_CLASSES)})
        bad = [c for c in self.classes if c not in SHAPE_CLASSES]
        if bad:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.shapes.classes: unknown shape(s) {names}; choose from "
                                              "{shapes}"),
                            args={"names": ", ".join(map(repr, bad)), "shapes": ", ".join(SHAPE_CLASSES)})
        if len(set(self.classes)) != len(self.classes) or len(self.classes) < 2:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.shapes.classes: list at least two different shapes, "
                                              "each once"))
        self.classes = list(self.classes)
        return self

    def to_dict(self) -> dict:
        return {"count": self.count, "classes": list(self.classes), "noise": self.noise}

    @classmethod
    def from_dict(cls, data: dict | None) -> "ShapesSettings":
        data = {} if data is None else data
        _check_keys("dataset.shapes", data, cls)
        return cls(**data).validate()


@dataclass
class DataSettings:
    """Which data to train on and how to split, normalise and augment it."""

    source: str = "digits"
    root: str | None = None  # folder for mnist / fashion-mnist / cifar10 / folder
    download: bool = False
    val_fraction: float = 0.1
    test_fraction: float = 0.1  # ignored where the set has an official test part (MNIST, CIFAR-10)
    seed: int = 0
    cache: str = "auto"  # "auto": in memory when it fits; "memory"; "stream" (a Dataset for a DataLoader)
    normalize: str = "std"  # "std": (x − mean) / std per channel; "mean": x − mean on the 0–255 scale (AlexNet)
    augment: AugmentSettings = field(default_factory=AugmentSettings)
    shapes: ShapesSettings = field(default_factory=ShapesSettings)

    def validate(self) -> "DataSettings":
        src = str(self.source).strip().lower() if isinstance(self.source, str) else self.source
        src = _ALIASES.get(src, src) if isinstance(src, str) else src
        if src not in SOURCES:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.source = {value}: unknown data set; choose one of "
                                              "{sources}"),
                            field="dataset.source", args={"value": short_repr(self.source), "sources": ", ".join(SOURCES)})
        self.source = src
        if self.root is not None and not isinstance(self.root, (str, os.PathLike)):
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.root = {value}: must be a folder path"),
                            args={"value": short_repr(self.root)})
        self.root = None if self.root in (None, "") else os.fspath(self.root)
        if src in NEEDS_ROOT and not self.root:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "data set {source} needs a folder"), field="dataset.root",
                            hint="folder", value=src, args={"source": repr(src)})
        self.download = _flag("dataset.download", self.download)
        self.val_fraction = _num("dataset.val_fraction", self.val_fraction, 0, 0.9, hi_open=False)
        self.test_fraction = _num("dataset.test_fraction", self.test_fraction, 0, 0.9)
        if self.val_fraction + self.test_fraction >= 0.95:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.val_fraction + dataset.test_fraction = {value}: leave "
                                              "at least 5% for training"),
                            args={"value": f"{self.val_fraction + self.test_fraction:g}"})
        self.seed = _num("dataset.seed", self.seed, 0, 2**31 - 1, integer=True)  # the window's seed box
        if self.normalize not in NORMALIZE_MODES:
            raise DataError(f"dataset.normalize = {short_repr(self.normalize)}: choose one of "
                            f"{', '.join(NORMALIZE_MODES)}", field="dataset.normalize")
        if self.cache not in CACHE_MODES:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "dataset.cache = {value}: choose one of {modes}"),
                            args={"value": short_repr(self.cache), "modes": ", ".join(CACHE_MODES)})
        if not isinstance(self.augment, AugmentSettings):
            raise DataError("dataset.augment must be an AugmentSettings")
        self.augment.validate()
        self.shapes.validate()
        return self

    def to_dict(self) -> dict:
        return {
            "source": self.source, "root": self.root, "download": self.download,
            "val_fraction": self.val_fraction, "test_fraction": self.test_fraction, "seed": self.seed,
            "cache": self.cache, "augment": self.augment.to_dict(), "shapes": self.shapes.to_dict(),
            **({"normalize": self.normalize} if self.normalize != "std" else {}),  # written only when not the default
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "DataSettings":
        """Read ``project.dataset``; missing keys take defaults, unknown keys or bad values raise DataError."""
        data = dict(data or {})
        _check_keys("dataset", data, cls)
        aug = AugmentSettings.from_dict(data.pop("augment", None))
        shp = ShapesSettings.from_dict(data.pop("shapes", None))
        return cls(augment=aug, shapes=shp, **data).validate()


def parse_data_arg(text: str, base: DataSettings | None = None) -> DataSettings:
    """``digits|shapes|mnist:DIR|fashion-mnist:DIR|cifar10:DIR|folder:DIR`` -> DataSettings.

    A bare existing folder means ``folder:DIR``. Split, augmentation and shapes options come from
    ``base`` (e.g. the project's own settings) when given.
    """
    usage = "write {field} digits, shapes, mnist:DIR, fashion-mnist:DIR, cifar10:DIR or folder:DIR"
    f = {"field": "dataset.source"}
    if not isinstance(text, str) or not text.strip():
        raise DataError(f"{{field}} is empty: {usage}", **f)
    text = text.strip()
    name, sep, rest = text.partition(":")
    key = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in SOURCES:
        if os.path.isdir(os.path.expanduser(text)):
            key, rest, sep = "folder", text, ":"
        else:
            raise DataError(f"{{field}} {text!r}: unknown data set {name!r}; {usage}", **f)
    root = os.path.expanduser(rest.strip()) if sep else None
    if key in NEEDS_ROOT and not root:
        raise DataError(f"{{field}} {text!r}: {key} needs a folder, e.g. {{field}} {key}:./data", **f)
    if key not in NEEDS_ROOT and root:
        raise DataError(f"{{field}} {text!r}: {key} is built in and takes no folder; write {{field}} {key}", **f)
    if base is not None:
        d = base.to_dict()
    else:
        d = DataSettings().to_dict()
    d.update(source=key, root=root)
    return DataSettings.from_dict(d)
