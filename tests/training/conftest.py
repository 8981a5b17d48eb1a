import pytest
import torch

from .engine_helpers import digits_bundle


@pytest.fixture(autouse=True)
def _one_thread():
    """2 shared cores: keep torch to one thread in the test process (restored afterwards)."""
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@pytest.fixture(scope="session")
def digits():
    return digits_bundle()


@pytest.fixture(scope="session")
def lenet():
    from studio import templates
    return templates.build_project("lenet5")


@pytest.fixture(scope="session")
def trained_run(tmp_path_factory, lenet, digits):
    """One real 2-epoch lenet5 run on digits, shared by checkpoint/evaluate/predict tests."""
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    out = tmp_path_factory.mktemp("run")
    records = list(Trainer(lenet, digits, TrainSettings(epochs=3, seed=0), out_dir=out).run())
    assert records[-1].status == "finished", records[-1].message
    return out, records
