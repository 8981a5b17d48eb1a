"""digits and shapes: contents, resizing, channels, splits, statistics, streaming and sample images."""
import numpy as np
import pytest
import torch

from studio.training.data import (DataError, DataSettings, StreamData, TensorData, load_data, preprocess_image,
                                  sample_images, split_indices)
from studio.training.datasets.builtin import load_digits_arrays
from studio.training.datasets.shapes import generate_shapes, render_shapes


@pytest.fixture(scope="module")
def digits32():
    return load_data("digits", (1, 32, 32))


def test_digits_file_contents():
    images, labels = load_digits_arrays()
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8
    assert images.min() == 0 and images.max() == 16
    counts = np.bincount(labels)
    assert len(counts) == 10 and counts.sum() == 1797 and counts.min() >= 170


def test_digits_bundle(digits32):
    b = digits32
    assert b.in_memory and isinstance(b.train, TensorData)
    assert b.class_names == [str(d) for d in range(10)] and b.num_classes == 10 and b.channels == 1
    assert len(b.train) + len(b.val) + len(b.test) == 1797
    assert b.train.X.shape[1:] == (1, 32, 32) and b.train.X.dtype == torch.float32
    assert b.train.y.dtype == torch.int64
    assert set(b.val.y.tolist()) == set(range(10))  # stratified: every class validated
    # statistics come from the train split: normalised train has mean 0 and std 1
    assert abs(float(b.train.X.mean())) < 1e-4 and abs(float(b.train.X.std()) - 1) < 1e-3
    assert abs(float(b.val.X.mean())) > 1e-4  # val normalised with train statistics, not its own
    assert b.warnings == [] and "1,797" in b.info
    x, y = b.train[0]
    assert x.shape == (1, 32, 32) and int(y) in range(10)


def test_digits_values_at_native_size_follow_the_split():
    b = load_data({"source": "digits", "seed": 5}, (1, 8, 8))
    images, labels = load_digits_arrays()
    tr, va, te = split_indices(torch.as_tensor(labels.astype(np.int64)), 0.1, 0.1, 5)
    want = torch.from_numpy(images[tr.numpy()].astype(np.float32) / 16).unsqueeze(1)
    got = b.train.X * b.std[0] + b.mean[0]
    assert torch.allclose(got, want, atol=1e-5)
    assert torch.equal(b.test.y, torch.as_tensor(labels[te.numpy()].astype(np.int64)))


def test_digits_to_rgb_repeats_the_gray_channel():
    b = load_data("digits", (3, 16, 20))
    assert b.channels == 3 and b.train.X.shape[1:] == (3, 16, 20)
    assert b.mean[0] == b.mean[1] == b.mean[2]
    assert torch.equal(b.train.X[:, 0], b.train.X[:, 2])


def test_splits_are_disjoint_complete_and_seeded():
    labels = torch.arange(500) % 7
    tr, va, te = split_indices(labels, 0.2, 0.1, seed=1)
    allidx = torch.cat([tr, va, te])
    assert allidx.numel() == 500 and torch.unique(allidx).numel() == 500
    assert abs(va.numel() - 100) <= 7 and abs(te.numel() - 50) <= 7
    assert all(torch.equal(a, b) for a, b in zip((tr, va, te), split_indices(labels, 0.2, 0.1, seed=1)))
    assert not torch.equal(va, split_indices(labels, 0.2, 0.1, seed=2)[1])
    assert split_indices(labels, 0.0, 0.0, seed=0)[0].numel() == 500


def test_shapes_are_deterministic_at_two_resolutions():
    for h, w in ((32, 32), (40, 56)):
        a, la = generate_shapes(30, h, w, seed=3)
        b, lb = generate_shapes(30, h, w, seed=3)
        c, _ = generate_shapes(30, h, w, seed=4)
        assert a.shape == (30, h, w, 3) and a.dtype == np.uint8
        assert np.array_equal(a, b) and np.array_equal(la, lb)
        assert not np.array_equal(a, c)
        assert np.bincount(la).tolist() == [6] * 5
    # image i depends only on (seed, i): rendering a subset gives the same pixels
    sub, _ = render_shapes([7, 3], 32, 32, seed=3)
    full, _ = generate_shapes(30, 32, 32, seed=3)
    assert np.array_equal(sub[0], full[7]) and np.array_equal(sub[1], full[3])


def test_shapes_without_noise_have_a_shape_of_another_colour():
    imgs, labels = generate_shapes(10, 48, 48, seed=0, noise=0.0)
    for img in imgs:
        colours = np.unique(img.reshape(-1, 3), axis=0)
        assert len(colours) > 2  # background gradient and shape edge
        assert np.abs(img.astype(int) - img[0, 0].astype(int)).sum(-1).max() > 60  # shape stands out


def test_shapes_bundle_any_resolution_and_classes():
    s = DataSettings.from_dict({"source": "shapes", "seed": 1, "shapes": {"count": 120, "classes": ["circle", "square", "cross", "triangle"]}})
    b = load_data(s, (3, 24, 40))
    assert b.class_names == ["circle", "square", "cross", "triangle"] and b.num_classes == 4
    assert b.train.X.shape[1:] == (3, 24, 40) and len(b.train) + len(b.val) + len(b.test) == 120
    g = load_data(s, (1, 24, 40))
    assert g.train.X.shape[1:] == (1, 24, 40) and len(g.mean) == 1


def test_streamed_split_matches_in_memory():
    mem = load_data({"source": "digits"}, (1, 16, 16))
    st = load_data({"source": "digits", "cache": "stream"}, (1, 16, 16))
    assert not st.in_memory and isinstance(st.train, StreamData)
    assert len(st.train) == len(mem.train) and torch.equal(st.val.y, mem.val.y)
    assert abs(st.mean[0] - mem.mean[0]) < 0.02  # streamed stats come from a train subset
    x, y = st.val[3]
    xm = mem.val.X[3] * mem.std[0] + mem.mean[0]
    assert torch.allclose(x * st.std[0] + st.mean[0], xm, atol=1e-5) and int(y) == int(mem.val.y[3])
    loader = torch.utils.data.DataLoader(st.train, batch_size=8)
    xb, yb = next(iter(loader))
    assert xb.shape == (8, 1, 16, 16) and yb.dtype == torch.int64


def test_sample_images_and_preprocess_image_agree(digits32):
    from PIL import Image

    samples = sample_images(digits32, 6, split="val")
    assert len(samples) == 6
    img, label = samples[0]
    assert img.shape == (32, 32, 1) and img.dtype == np.uint8 and label in range(10)
    x = preprocess_image(Image.fromarray(img[:, :, 0]), (1, 32, 32), digits32.mean, digits32.std)
    assert x.shape == (1, 32, 32)
    # the GUI/predict path reproduces what the model saw in training (up to 8-bit rounding)
    match = [i for i in range(len(digits32.val)) if torch.allclose(digits32.val.X[i], x, atol=0.6 / 255 / digits32.std[0])]
    assert match
    rgb = preprocess_image(Image.fromarray(np.repeat(img, 3, axis=2)), (3, 64, 48), (0.5,) * 3, (0.25,) * 3)
    assert rgb.shape == (3, 64, 48)


def test_preprocess_image_from_path_and_bad_file(tmp_path):
    from PIL import Image

    p = tmp_path / "a.png"
    Image.new("RGBA", (10, 7), (255, 0, 0, 128)).save(p)
    x = preprocess_image(p, (1, 8, 8), (0.0,), (1.0,))
    assert x.shape == (1, 8, 8) and abs(float(x.mean()) - 0.299) < 0.01  # luminance of pure red
    (tmp_path / "bad.png").write_bytes(b"not an image")
    with pytest.raises(DataError, match="cannot be read as an image"):
        preprocess_image(tmp_path / "bad.png", (1, 8, 8), (0.0,), (1.0,))


@pytest.mark.parametrize("shape, words", [((2, 32, 32), ["2 channels", "1 or 3"]), ((10,), ["not an image"])])
def test_bad_model_input_shapes(shape, words):
    with pytest.raises(DataError) as e:
        load_data("digits", shape)
    for w in words:
        assert w in str(e.value)
