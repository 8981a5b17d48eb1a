"""Image folders (ImageFolder layout): bad files skipped and counted, channels matched, clear errors."""
import numpy as np
import pytest
import torch
from PIL import Image

from studio.training.data import DataError, StreamData, load_data


def _img(path, size=(12, 9), mode="RGB", value=0):
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(value)
    shape = (size[1], size[0], 3) if mode == "RGB" else (size[1], size[0])
    Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), mode).save(path)


def _pets(root):
    for c, cls in enumerate(["cat", "dog", "owl"]):
        for i in range(5):
            mode = "L" if (i + c) % 2 else "RGB"
            _img(root / cls / f"{i}.png", size=(10 + i, 8 + c), mode=mode, value=10 * c + i)
    (root / "cat" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 definitely not a jpeg")
    (root / "dog" / "empty.png").write_bytes(b"")
    good = (root / "owl" / "0.png").read_bytes()
    (root / "owl" / "truncated.png").write_bytes(good[: len(good) // 2])
    (root / "owl" / "notes.txt").write_text("not an image extension: ignored")
    return root


@pytest.mark.parametrize("cache", ["memory", "stream"])
def test_bad_images_are_skipped_and_counted(tmp_path, cache):
    root = _pets(tmp_path / "pets")
    b = load_data({"source": "folder", "root": str(root), "cache": cache, "val_fraction": 0.2,
                   "test_fraction": 0.2}, (3, 16, 16))
    assert b.class_names == ["cat", "dog", "owl"] and b.num_classes == 3 and b.channels == 3
    assert len(b.train) + len(b.val) + len(b.test) == 15
    assert b.in_memory == (cache == "memory")
    assert len(b.warnings) == 1 and "skipped 3 unreadable image(s) of 18" in b.warnings[0]
    for name in ("broken.jpg", "empty.png", "truncated.png"):
        assert name in b.warnings[0]
    x, y = b.train[0]
    assert x.shape == (3, 16, 16) and int(y) in (0, 1, 2)
    if cache == "stream":
        assert isinstance(b.train, StreamData)


def test_folder_matches_grayscale_model(tmp_path):
    root = _pets(tmp_path / "pets")
    b = load_data({"source": "folder", "root": str(root)}, (1, 8, 8))
    assert b.channels == 1 and b.train.X.shape[1:] == (1, 8, 8) and len(b.mean) == 1
    rgb = load_data({"source": "folder", "root": str(root)}, (3, 8, 8))
    real = rgb.train.X * torch.tensor(rgb.std).view(1, 3, 1, 1) + torch.tensor(rgb.mean).view(1, 3, 1, 1)
    gray_img = real[rgb.train.y == 1]  # dog/0.png etc. are grayscale: their channels came out equal
    assert any(torch.allclose(t[0], t[1], atol=1e-5) and torch.allclose(t[1], t[2], atol=1e-5) for t in gray_img)


def test_presplit_train_val_test_folders(tmp_path):
    for part, n in (("train", 4), ("val", 2), ("test", 3)):
        for cls in ("a", "b"):
            for i in range(n):
                _img(tmp_path / part / cls / f"{i}.png", value=i)
    b = load_data({"source": "folder", "root": str(tmp_path)}, (3, 8, 8))
    assert b.class_names == ["a", "b"] and (len(b.train), len(b.val), len(b.test)) == (8, 4, 6)
    assert "as given" in b.info


def test_missing_or_empty_folders_give_clear_errors(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        load_data({"source": "folder", "root": str(tmp_path / "nope")}, (3, 8, 8))
    with pytest.raises(DataError, match="no class subfolders.*one subfolder per class"):
        load_data({"source": "folder", "root": str(tmp_path)}, (3, 8, 8))
    (tmp_path / "f.png").write_bytes(b"")
    with pytest.raises(DataError, match="is a file"):
        load_data({"source": "folder", "root": str(tmp_path / "f.png")}, (3, 8, 8))
    (tmp_path / "cat").mkdir()
    (tmp_path / "dog").mkdir()
    with pytest.raises(DataError, match="no images found"):
        load_data({"source": "folder", "root": str(tmp_path)}, (3, 8, 8))
    (tmp_path / "cat" / "x.png").write_bytes(b"garbage")
    with pytest.raises(DataError, match="could be read"):
        load_data({"source": "folder", "root": str(tmp_path)}, (3, 8, 8))
    _img(tmp_path / "cat" / "ok.png")
    with pytest.raises(DataError, match="only one class"):
        load_data({"source": "folder", "root": str(tmp_path)}, (3, 8, 8))
