import pytest
import torch


@pytest.fixture(autouse=True)
def _one_thread():
    """2 shared cores: keep torch to one thread in the test process (restored afterwards)."""
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)
