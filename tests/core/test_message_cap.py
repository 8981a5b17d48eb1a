"""A message stays one readable line: the fuzzer (seed 21) found a refusal listing thousands of
names (5,132 characters); every StudioError, UserFileError included, is cut at MAX_MESSAGE."""
from studio.core.errors import MAX_MESSAGE, StudioError
from studio.core.userfile import UserFileError


def test_a_long_message_is_cut_with_an_ellipsis():
    names = ", ".join(f"layer{i}" for i in range(2000))
    for exc in (StudioError(f"choose one of {names}"), UserFileError(f"cannot read {names}")):
        text = str(exc)
        assert len(text) == MAX_MESSAGE and text.endswith("…")


def test_a_short_message_is_unchanged():
    assert str(StudioError("{field} must be above 0", field="training.lr")) == "training.lr must be above 0"
