"""Rebuild ``digits.npz`` from scikit-learn's bundled copy of the UCI digits (run once, by hand).

    .venv/bin/python studio/resources/make_digits.py

scikit-learn is only needed for this script (it ships the data as ``digits.csv.gz``); the studio
itself reads ``digits.npz`` with numpy and never imports scikit-learn. The file holds:

- ``images``: uint8 array (1797, 8, 8), values 0..16 (count of ink pixels in a 4×4 block of the
  original 32×32 bitmap; high values are ink)
- ``labels``: uint8 array (1797,), the digit 0..9

Source and licence: see ``DIGITS_LICENSE.txt`` next to this file.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np


def main() -> None:
    from sklearn.datasets import load_digits  # dev-only dependency, used here alone

    d = load_digits()
    images = d.images.astype(np.uint8)
    labels = d.target.astype(np.uint8)
    assert images.shape == (1797, 8, 8) and images.max() == 16 and images.min() == 0
    assert np.array_equal(images.astype(d.images.dtype), d.images)
    out = Path(__file__).with_name("digits.npz")
    np.savez_compressed(out, images=images, labels=labels)
    print(f"wrote {out} ({out.stat().st_size} bytes): {images.shape[0]} images, classes {sorted(set(labels.tolist()))}")


if __name__ == "__main__":
    main()
