"""Cold start to 97 %: lenet5 on digits with the default settings, timed from process start.

    .venv/bin/python benchmarks/time_to_accuracy.py [--target 0.97] [--epochs 10] [--seed 0]

Prints the seconds (wall clock, imports included) until the validation accuracy first reaches the
target, and the split: imports, data + model setup, training. Target: under 20 s on 2 CPU cores.
"""
import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", type=float, default=0.97)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    import torch
    from studio import templates
    from studio.training.data import load_data, parse_data_arg
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    t_import = time.perf_counter() - T0
    project = templates.build_project("lenet5")
    data = load_data(parse_data_arg("digits"), project.input_shape)
    settings = TrainSettings(epochs=a.epochs, seed=a.seed)
    hit = t_start = None
    with tempfile.TemporaryDirectory() as d:
        for rec in Trainer(project, data, settings, out_dir=Path(d)).run():
            now = time.perf_counter() - T0
            if rec.kind == "start":
                t_start = now
                print(f"{rec.device_name}, torch {torch.__version__}, {rec.num_train} train / {rec.num_val} val")
            elif rec.kind == "epoch":
                print(f"epoch {rec.epoch:2d}: val acc {rec.val_acc * 100:5.1f}%  at {now:5.1f} s")
                if hit is None and rec.val_acc >= a.target:
                    hit = (rec.epoch, now)
                    break
            elif rec.kind == "result":
                print(f"{rec.status}: {rec.message}")
    print(f"imports {t_import:.1f} s, data + model setup {t_start - t_import:.1f} s")
    if hit is None:
        print(f"did not reach {a.target * 100:.0f}% in {a.epochs} epochs")
        return 1
    print(f"time to {a.target * 100:.0f}% val acc: {hit[1]:.1f} s from a cold start (epoch {hit[0]}; "
          f"training alone {hit[1] - t_start:.1f} s; target < 20 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
