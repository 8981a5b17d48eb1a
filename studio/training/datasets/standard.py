"""MNIST, Fashion-MNIST and CIFAR-10 from a root folder, read through torchvision's own classes.

Files are looked for where torchvision keeps them (``ROOT/MNIST/raw/…``,
``ROOT/FashionMNIST/raw/…``, ``ROOT/cifar-10-batches-py/…``); ``ROOT`` may also be given as one of
those folders. Gzipped IDX files and the CIFAR-10 tarball are unpacked in place when that is all
there is. CIFAR-10 batches are Python pickles: torchvision unpickles them only after their md5
matches the official release; other files are read with a restricted unpickler that accepts
numpy arrays and plain containers only, never code.
"""
from __future__ import annotations

import gzip
import os
import pickle
import shutil
import socket
import tarfile
from pathlib import Path

import numpy as np
import torch

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.userfile import atomic_writer, open_regular

from .settings import DataError, DataSettings
from .source import TEST, TRAIN, Source, array_source

_IDX = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
_SETS = {
    "mnist": dict(cls="MNIST", title="MNIST", mean=(0.1307,), std=(0.3081,)),
    "fashion-mnist": dict(cls="FashionMNIST", title="Fashion-MNIST", mean=(0.2860,), std=(0.3530,)),
    "cifar10": dict(cls="CIFAR10", title="CIFAR-10", mean=(0.4914, 0.4822, 0.4465), std=(0.2470, 0.2435, 0.2616)),
}
CIFAR_DIR = "cifar-10-batches-py"
CIFAR_FILES = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch", "batches.meta"]
DOWNLOAD_TIMEOUT_S = 30


_UNPACK = QT_TRANSLATE_NOOP("Errors", "{file}: cannot unpack ({reason}); replace it with an intact copy")

def _tv_class(name: str):
    import torchvision.datasets as tvd

    return getattr(tvd, _SETS[name]["cls"])


def _expected_dir(name: str, root: Path) -> Path:
    return root / CIFAR_DIR if name == "cifar10" else root / _SETS[name]["cls"] / "raw"


def _resolve_root(name: str, root: Path) -> Path:
    """Accept ROOT, ROOT/MNIST or ROOT/MNIST/raw (and ROOT/cifar-10-batches-py) for convenience."""
    sub = CIFAR_DIR if name == "cifar10" else _SETS[name]["cls"]
    for cand in (root, root.parent, root.parent.parent):
        if _expected_dir(name, cand).is_dir() and (cand == root or sub in root.parts[-2:]):
            return cand
    return root


def _unpack_idx(folder: Path) -> None:
    for f in _IDX:
        gz = folder / (f + ".gz")
        if not (folder / f).exists() and gz.is_file():
            try:  # a random temp name renamed at the end: a planted link is never written through
                with open_regular(gz, what="data file") as raw, gzip.open(raw, "rb") as src, \
                        atomic_writer(folder / f, what="data file") as dst:
                    shutil.copyfileobj(src, dst)
            except (OSError, EOFError) as e:
                raise DataError(_UNPACK, args={"file": gz, "reason": e}) from None


def _unpack_cifar_tar(root: Path) -> None:
    tgz = root / "cifar-10-python.tar.gz"
    if (root / CIFAR_DIR).is_dir() or not tgz.is_file():
        return
    try:
        with tarfile.open(tgz, "r:gz") as tar:
            tar.extractall(root, filter="data")
    except (OSError, tarfile.TarError, EOFError) as e:
        raise DataError(_UNPACK, args={"file": tgz, "reason": e}) from None


def _missing(name: str, root: Path) -> list[str]:
    folder = _expected_dir(name, root)
    files = CIFAR_FILES if name == "cifar10" else _IDX
    return [f for f in files if not (folder / f).is_file()]


def _download(name: str, root: Path) -> None:
    title, folder = _SETS[name]["title"], _expected_dir(name, root)
    files = CIFAR_FILES if name == "cifar10" else _IDX
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)
    try:
        cls = _tv_class(name)
        if name == "cifar10":
            cls(str(root), train=True, download=True)
        else:
            for train in (True, False):
                cls(str(root), train=train, download=True)
    except Exception as e:  # urllib, socket and torchvision raise many kinds; all mean "not downloaded"
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise DataError(QT_TRANSLATE_NOOP("Errors", "could not download {title} ({reason}): put the files in "
                                          "{folder} ({files}) and run again without download"),
                        args={"title": title, "reason": reason[:160], "folder": f"{folder}{os.sep}",
                              "files": ", ".join(files)}) from None
    finally:
        socket.setdefaulttimeout(old)


def standard_source(settings: DataSettings) -> Source:
    name = settings.source
    title = _SETS[name]["title"]
    root = _resolve_root(name, Path(settings.root).expanduser())
    if root.exists() and not root.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{title} folder {folder} is a file: give the folder that holds "
                                          "{expected}"),
                        args={"title": title, "folder": root, "expected": _expected_dir(name, Path("…"))})
    if name == "cifar10":
        _unpack_cifar_tar(root)
    elif _expected_dir(name, root).is_dir():
        _unpack_idx(_expected_dir(name, root))
    if _missing(name, root) and settings.download:
        root.mkdir(parents=True, exist_ok=True)
        _download(name, root)
    missing = _missing(name, root)
    if missing:
        folder = _expected_dir(name, root)
        args = {"title": title, "files": ", ".join(missing), "folder": f"{folder}{os.sep}"}
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{title} not found: expected {files} in {folder} (the .gz files "
                                          "also do); copy them there, or let the studio download them where the "
                                          "network allows") if name != "cifar10" else
                        QT_TRANSLATE_NOOP("Errors", "{title} not found: expected {files} in {folder} (or "
                                          "cifar-10-python.tar.gz in the root); copy them there, or let the studio "
                                          "download them where the network allows"),
                        field="dataset.download", hint="enable", args=args)
    if name == "cifar10":
        (xtr, ytr), (xte, yte), classes, warnings = _load_cifar(root)
    else:
        (xtr, ytr), (xte, yte), classes = _load_idx(name, root)
        warnings = []
    images = torch.cat([xtr, xte])
    labels = torch.cat([ytr, yte])
    preset = torch.cat([torch.full((len(ytr),), TRAIN, dtype=torch.int8), torch.full((len(yte),), TEST, dtype=torch.int8)])
    if labels.numel() and (labels.min() < 0 or labels.max() >= len(classes)):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{title} in {folder}: labels outside 0..{last}; the files are "
                                          "damaged"), args={"title": title, "folder": root, "last": len(classes) - 1})
    stats = (_SETS[name]["mean"], _SETS[name]["std"])
    src = array_source(name, images, labels, classes, preset=preset, known_stats=stats, warnings=warnings)
    c, h, w = images.shape[1:]
    src.info = (f"{title} from {root}: {len(ytr):,} training + {len(yte):,} official test images, "
                f"{h}×{w} {'RGB' if c == 3 else 'grayscale'} (test_fraction not used: the official test part is the test split)")
    return src


def _load_idx(name: str, root: Path):
    cls, title = _tv_class(name), _SETS[name]["title"]
    parts = []
    for train in (True, False):
        try:
            ds = cls(str(root), train=train, download=False)
        except Exception as e:  # torchvision raises RuntimeError/ValueError/AssertionError on bad files
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{title} files in {folder} are not valid IDX files ({reason}): "
                                              "replace them with the original files"),
                            args={"title": title, "folder": _expected_dir(name, root), "reason": e}) from None
        data, targets = ds.data, ds.targets
        if data.ndim != 3 or data.shape[0] != targets.shape[0]:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{title} in {folder}: {images} images but {labels} labels; the "
                                              "files do not belong together"),
                            args={"title": title, "folder": _expected_dir(name, root), "images": data.shape[0],
                                  "labels": targets.shape[0]})
        parts.append((data.unsqueeze(1).contiguous(), targets.to(torch.int64)))
    return parts[0], parts[1], list(cls.classes)


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickles numpy arrays, lists, dicts, numbers and strings only."""

    _ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"),
        ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"),
        ("numpy", "ndarray"), ("numpy", "dtype"), ("_codecs", "encode"),
    }

    def find_class(self, module, name):
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"it asks to run {module}.{name}, which a data file never needs")


def safe_unpickle(path: Path):
    try:
        with open_regular(path, what="CIFAR-10 batch file") as f:  # a pipe there never blocks
            return _ArrayUnpickler(f, encoding="latin1").load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, OSError) as e:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: not a CIFAR-10 batch file ({reason}); replace it with the "
                                          "original file"), args={"file": path, "reason": e}) from None


def _official(root: Path) -> bool:
    from torchvision.datasets import CIFAR10
    from torchvision.datasets.utils import check_integrity

    folder = root / CIFAR_DIR
    entries = CIFAR10.train_list + CIFAR10.test_list + [[CIFAR10.meta["filename"], CIFAR10.meta["md5"]]]
    return all(check_integrity(str(folder / f), md5) for f, md5 in entries)


def _load_cifar(root: Path):
    if _official(root):
        from torchvision.datasets import CIFAR10

        try:
            parts = [CIFAR10(str(root), train=t, download=False) for t in (True, False)]
        except Exception as e:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "CIFAR-10 in {folder} cannot be read ({reason}); replace the "
                                              "files"), args={"folder": root / CIFAR_DIR, "reason": e}) from None
        out = [(torch.from_numpy(p.data).permute(0, 3, 1, 2).contiguous(), torch.as_tensor(p.targets)) for p in parts]
        return out[0], out[1], list(parts[0].classes), []
    folder = root / CIFAR_DIR
    warn = (f"the CIFAR-10 files in {folder} differ from the official release (md5 check): "
            "read them with the safe array-only reader")
    out = []
    for files in (CIFAR_FILES[:5], CIFAR_FILES[5:6]):
        xs, ys = [], []
        for f in files:
            entry = safe_unpickle(folder / f)
            data = entry.get("data") if isinstance(entry, dict) else None
            labels = entry.get("labels") if isinstance(entry, dict) else None
            if not isinstance(data, np.ndarray) or data.dtype != np.uint8 or data.ndim != 2 \
                    or data.shape[1] != 3072 or labels is None or len(labels) != data.shape[0]:
                raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: not a CIFAR-10 batch (expected 'data' uint8 N×3072 "
                                                  "and N 'labels'); replace it with the original file"),
                                args={"file": folder / f})
            xs.append(data.reshape(-1, 3, 32, 32))
            ys.extend(int(v) for v in labels)
        out.append((torch.from_numpy(np.concatenate(xs)), torch.as_tensor(ys, dtype=torch.int64)))
    meta = safe_unpickle(folder / "batches.meta")
    names = meta.get("label_names") if isinstance(meta, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: no 'label_names' list; replace it with the original file"),
                        args={"file": folder / "batches.meta"})
    return out[0], out[1], names, [warn]
