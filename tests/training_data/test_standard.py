"""MNIST, Fashion-MNIST and CIFAR-10 from tiny files in their real formats, via torchvision's classes."""
import gzip
import hashlib
import os
import pickle

import numpy as np
import pytest
import torch
import torchvision.datasets as tvd

from studio.training.data import DataError, load_data, parse_data_arg

from .formats import CIFAR_NAMES, make_cifar, make_mnist


def _real(b, split):
    return split.X * torch.tensor(b.std).view(1, -1, 1, 1) + torch.tensor(b.mean).view(1, -1, 1, 1)


def test_mnist_from_idx_files(tmp_path):
    written = make_mnist(tmp_path, n_train=50, n_test=12)
    b = load_data(parse_data_arg(f"mnist:{tmp_path}"), (1, 28, 28))
    assert b.class_names == tvd.MNIST.classes and b.mean == (0.1307,) and b.std == (0.3081,)
    assert len(b.train) + len(b.val) == 50 and len(b.test) == 12  # official test part = test split
    images, labels = written["t10k"]
    assert torch.equal(b.test.y, torch.as_tensor(labels, dtype=torch.int64))
    assert torch.allclose(_real(b, b.test)[:, 0], torch.from_numpy(images).float() / 255, atol=1e-5)
    assert b.warnings == []


def test_mnist_root_may_name_the_raw_folder_and_gz_files_are_unpacked(tmp_path):
    make_mnist(tmp_path)
    raw = tmp_path / "MNIST" / "raw"
    for f in list(raw.iterdir()):
        with open(f, "rb") as src, gzip.open(str(f) + ".gz", "wb") as dst:
            dst.write(src.read())
        f.unlink()
    b = load_data({"source": "mnist", "root": str(raw)}, (3, 32, 32))
    assert len(b.test) == 10 and b.train.X.shape[1:] == (3, 32, 32)
    assert b.mean == (0.1307,) * 3  # known statistics, repeated for RGB
    assert (raw / "train-images-idx3-ubyte").is_file()


def test_fashion_mnist(tmp_path):
    make_mnist(tmp_path, folder="FashionMNIST", n_train=30, n_test=10)
    b = load_data({"source": "fashion-mnist", "root": str(tmp_path)}, (1, 28, 28))
    assert b.class_names[0] == "T-shirt/top" and b.num_classes == 10 and len(b.test) == 10


def test_missing_files_are_named_with_their_folder(tmp_path):
    with pytest.raises(DataError) as e:
        load_data({"source": "mnist", "root": str(tmp_path)}, (1, 28, 28))
    msg = str(e.value)
    assert "train-images-idx3-ubyte" in msg and "t10k-labels-idx1-ubyte" in msg
    assert str(tmp_path / "MNIST" / "raw") in msg
    make_mnist(tmp_path)
    os.remove(tmp_path / "MNIST" / "raw" / "t10k-labels-idx1-ubyte")
    with pytest.raises(DataError, match="expected t10k-labels-idx1-ubyte in"):
        load_data({"source": "mnist", "root": str(tmp_path)}, (1, 28, 28))
    with pytest.raises(DataError, match="data_batch_1.*batches.meta"):
        load_data({"source": "cifar10", "root": str(tmp_path)}, (3, 32, 32))


def test_damaged_idx_file_is_a_clear_error(tmp_path):
    make_mnist(tmp_path)
    (tmp_path / "MNIST" / "raw" / "train-images-idx3-ubyte").write_bytes(b"\x00\x00\x08\x03junk")
    with pytest.raises(DataError, match="not valid IDX files"):
        load_data({"source": "mnist", "root": str(tmp_path)}, (1, 28, 28))


def test_download_without_network_says_where_to_put_the_files(tmp_path, monkeypatch):
    monkeypatch.setattr(tvd.MNIST, "mirrors", ["http://127.0.0.1:9/"])  # nothing listens there
    with pytest.raises(DataError) as e:
        load_data({"source": "mnist", "root": str(tmp_path), "download": True}, (1, 28, 28))
    msg = str(e.value)
    assert msg.startswith("could not download MNIST") and str(tmp_path / "MNIST" / "raw") in msg
    monkeypatch.setattr(tvd.CIFAR10, "url", "http://127.0.0.1:9/cifar-10-python.tar.gz")
    with pytest.raises(DataError, match="could not download CIFAR-10.*cifar-10-batches-py"):
        load_data({"source": "cifar10", "root": str(tmp_path), "download": True}, (3, 32, 32))


def test_cifar10_unofficial_files_read_safely(tmp_path):
    batches = make_cifar(tmp_path, per_batch=8, n_test=6)
    b = load_data({"source": "cifar10", "root": str(tmp_path)}, (3, 32, 32))
    assert b.class_names == CIFAR_NAMES and len(b.train) + len(b.val) == 40 and len(b.test) == 6
    assert any("md5" in w for w in b.warnings)
    data, labels = batches["test_batch"]
    assert b.test.y.tolist() == labels
    want = torch.from_numpy(data.reshape(-1, 3, 32, 32)).float() / 255
    assert torch.allclose(_real(b, b.test), want, atol=1e-5)
    assert b.mean == (0.4914, 0.4822, 0.4465)


def test_cifar10_official_files_go_through_torchvision(tmp_path, monkeypatch):
    make_cifar(tmp_path, per_batch=4, n_test=4)
    folder = tmp_path / "cifar-10-batches-py"
    md5 = {f.name: hashlib.md5(f.read_bytes()).hexdigest() for f in folder.iterdir()}
    # pretend these tiny files are the official release: torchvision's own md5 check then passes
    monkeypatch.setattr(tvd.CIFAR10, "train_list", [[f"data_batch_{i}", md5[f"data_batch_{i}"]] for i in range(1, 6)])
    monkeypatch.setattr(tvd.CIFAR10, "test_list", [["test_batch", md5["test_batch"]]])
    monkeypatch.setattr(tvd.CIFAR10, "meta", {"filename": "batches.meta", "key": "label_names", "md5": md5["batches.meta"]})
    b = load_data({"source": "cifar10", "root": str(folder)}, (1, 16, 16))
    assert b.warnings == [] and b.class_names == CIFAR_NAMES and len(b.test) == 4
    assert b.train.X.shape[1:] == (1, 16, 16) and b.mean != (0.4914,)  # RGB->gray: statistics computed


class _Payload:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_cifar10_pickle_with_code_is_refused(tmp_path, monkeypatch):
    make_cifar(tmp_path, per_batch=2, n_test=2)
    monkeypatch.chdir(tmp_path)
    with open(tmp_path / "cifar-10-batches-py" / "data_batch_3", "wb") as f:
        pickle.dump({"data": np.zeros((2, 3072), np.uint8), "labels": [0, 1], "x": _Payload()}, f, protocol=2)
    with pytest.raises(DataError, match="data_batch_3.*posix.system|data_batch_3.*os.system|data_batch_3.*nt.system"):
        load_data({"source": "cifar10", "root": str(tmp_path)}, (3, 32, 32))
    assert not (tmp_path / "pwned").exists()
