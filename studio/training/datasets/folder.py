"""``folder:DIR``: any image folder in torchvision's ImageFolder layout (one subfolder per class).

If DIR holds ``train/`` (and ``val/``/``valid/``/``validation/`` and/or ``test/``) each with class
subfolders, those parts are used as given. Unreadable images are skipped, counted and reported
in the bundle's warnings; they never stop loading.
"""
from __future__ import annotations

import os
import warnings as _warnings
from pathlib import Path
from typing import Sequence

import torch

from studio.core.errors import Message
from studio.core.i18n import QT_TRANSLATE_NOOP
from .bundle import MAX_IN_MEMORY_BYTES
from .settings import DataError, DataSettings
from .source import TEST, TRAIN, VAL, Source, array_source
from .transforms import pil_to_tensor, resize

EXTENSIONS = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp", ".gif")
_PARTS = {"train": TRAIN, "val": VAL, "valid": VAL, "validation": VAL, "test": TEST}


def _class_dirs(folder: Path) -> list[Path]:
    return sorted((d for d in folder.iterdir() if d.is_dir() and not d.name.startswith(".")), key=lambda d: d.name)


MAX_IMAGES = 10_000_000  # a folder data set larger than this is refused, not walked for ever
MAX_FOLDERS = 1_000_000


def _images_in(folder: Path, blocked: set[str]) -> list[Path]:
    """Image files under ``folder``, symlinks followed, but no folder entered twice: ``blocked``
    holds the real paths of the data set's root, its class folders and every folder walked so far,
    so a loop (``a/up -> ..``) or a link to another class ends there. The walk is bounded."""
    out: list[Path] = []
    folders = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        folders += 1
        keep = []
        for d in sorted(dirnames):
            real = os.path.realpath(os.path.join(dirpath, d))
            if not d.startswith(".") and real not in blocked:
                blocked.add(real)
                keep.append(d)
        dirnames[:] = keep
        out.extend(Path(dirpath) / f for f in sorted(filenames)
                   if not f.startswith(".") and f.lower().endswith(EXTENSIONS))
        if len(out) > MAX_IMAGES or folders > MAX_FOLDERS:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{folder} holds more than {images} images or {folders} "
                                              "folders: that is too large for a folder data set here; use a smaller "
                                              "folder"),
                            args={"folder": folder, "images": f"{MAX_IMAGES:,}", "folders": f"{MAX_FOLDERS:,}"})
    return out


def scan(root: Path) -> tuple[list[str], list[Path], list[int], list[int], list[str]]:
    """Class names, image paths, labels, split presets and warnings for an image folder."""
    if not root.exists():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "image folder {folder} does not exist: give a folder with one "
                                          "subfolder per class"), args={"folder": root})
    if not root.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{folder} is a file, not a folder: give a folder with one "
                                          "subfolder per class"), args={"folder": root})
    subdirs = _class_dirs(root)
    parts = {d.name.lower(): d for d in subdirs if d.name.lower() in _PARTS}
    presplit = "train" in parts and len(parts) >= 2 and all(_class_dirs(d) for d in parts.values())
    groups = [(_PARTS[k], d) for k, d in parts.items()] if presplit else [(TRAIN, root)]
    train_dir = parts["train"] if presplit else root
    names = [d.name for d in _class_dirs(train_dir)]
    if not names:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{folder} has no class subfolders: put the images in one "
                                          "subfolder per class, e.g. {cat} and {dog}"),
                        args={"folder": root, "cat": root / "cat" / "001.jpg", "dog": root / "dog" / "001.jpg"})
    warnings, paths, labels, presets, empty = [], [], [], [], []
    blocked = {os.path.realpath(d) for _, folder in groups for d in [folder, *_class_dirs(folder)]}
    blocked.add(os.path.realpath(root))
    for part, folder in sorted(groups, key=lambda g: g[0]):
        for d in _class_dirs(folder):
            if d.name not in names:
                warnings.append(Message(QT_TRANSLATE_NOOP("Errors", "{folder}: class {name} is not in {train}; its "
                                                          "images were left out"),
                                        folder=d, name=repr(d.name), train=train_dir))
                continue
            files = _images_in(d, blocked)
            if not files and part == TRAIN:
                empty.append(d.name)
            label = names.index(d.name)
            paths.extend(files)
            labels.extend([label] * len(files))
            presets.extend([part] * len(files))
    if not paths:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "no images found under {folder} (looked for {extensions} in the "
                                          "class subfolders)"), args={"folder": root, "extensions": ", ".join(EXTENSIONS)})
    if empty:
        warnings.append(Message(QT_TRANSLATE_NOOP("Errors", "class folder(s) without images: {names}"),
                                names=", ".join(empty)))
    return names, paths, labels, presets, warnings


def _decode(path: Path, channels: int, height: int, width: int) -> torch.Tensor | None:
    """Float (C, H, W) in [0, 1], or None when the file is empty, truncated or not an image."""
    from PIL import Image

    try:
        if not path.is_file() or path.stat().st_size == 0:  # a pipe or a device would block
            return None
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")  # PIL's DecompressionBombWarning, EXIF noise
            with Image.open(path) as im:
                im.load()
                return resize(pil_to_tensor(im, channels), height, width).clamp_(0, 1)[0]
    except Exception:  # PIL raises OSError, ValueError, SyntaxError, struct.error... for bad files
        return None


def _readable(path: Path) -> bool:
    from PIL import Image

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with Image.open(path) as im:
            im.verify()
        return True
    except Exception:
        return False


def folder_source(settings: DataSettings, input_shape: Sequence[int]) -> Source:
    c, h, w = (int(v) for v in input_shape)
    root = Path(settings.root).expanduser()
    names, paths, labels, presets, warnings = scan(root)
    in_memory = settings.cache == "memory" or (
        settings.cache == "auto" and len(paths) * c * h * w * 4 <= MAX_IN_MEMORY_BYTES)
    keep, bad, tensors = [], [], []
    for i, p in enumerate(paths):
        x = _decode(p, c, h, w) if in_memory else (True if _readable(p) else None)
        if x is None:
            bad.append(p)
        else:
            keep.append(i)
            if in_memory:
                tensors.append(x)
    if bad:
        shown = ", ".join(str(p.relative_to(root)) for p in bad[:5]) + (" …" if len(bad) > 5 else "")
        warnings.append(Message(QT_TRANSLATE_NOOP("Errors", "skipped {n} unreadable image(s) of {total} in {folder}: "
                                                  "{files}"), n=len(bad), total=len(paths), folder=root, files=shown))
    if not keep:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "none of the {n} image file(s) under {folder} could be read: "
                                          "check that they are real JPEG/PNG/... images"),
                        args={"n": len(paths), "folder": root})
    lab = torch.as_tensor([labels[i] for i in keep], dtype=torch.int64)
    pre = torch.as_tensor([presets[i] for i in keep], dtype=torch.int8)
    kept_paths = [paths[i] for i in keep]
    present = sorted(set(lab.tolist()))
    if len(present) < 2:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{folder}: only one class ({name}) has readable images; a "
                                          "classifier needs at least two class subfolders with images"),
                        args={"folder": root, "name": repr(names[present[0]])})
    info = (f"image folder {root}: {len(kept_paths):,} images in {len(names)} classes"
            + (" (train/val/test subfolders used as given)" if bool((pre != TRAIN).any()) else ""))
    if in_memory:
        src = array_source("folder", torch.stack(tensors), lab, names, scale=1.0, preset=pre, warnings=warnings)
        src.native_size = None
        src.info = info
        return src
    failures = {"count": 0}

    def fetch(indices: Sequence[int], shape: tuple) -> torch.Tensor:
        cc, hh, ww = (int(v) for v in shape)
        out = torch.zeros((len(indices), cc, hh, ww))
        for j, i in enumerate(indices):
            x = _decode(kept_paths[int(i)], cc, hh, ww)
            if x is None:  # passed the check but failed to decode: a blank image, counted
                failures["count"] += 1
            else:
                out[j] = x
        return out

    src = Source("folder", names, lab, fetch, native_channels=c, preset=pre, info=info, warnings=warnings)
    src.decode_failures = failures  # type: ignore[attr-defined]
    return src
