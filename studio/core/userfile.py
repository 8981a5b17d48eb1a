"""One way to read a user file and one way to write one.

Reading (:func:`read_bytes`, :func:`read_text`, :func:`read_json`): regular files only. The path is
opened with ``O_NONBLOCK`` and checked with ``fstat`` on the open descriptor, so a named pipe, a
device (``/dev/zero``, also behind a symlink), a socket or a folder is refused without ever blocking;
the size cap is checked on the bytes actually read (``limit + 1`` at most), never trusted from
``stat``. Text is strict UTF-8 and an error names the byte offset.

Writing (:func:`atomic_write_bytes`, :func:`atomic_write_text`, :func:`atomic_writer`,
:func:`atomic_path`): a temporary file with a random name in the target's folder, created with
``O_CREAT | O_EXCL | O_NOFOLLOW`` (it never follows a planted symlink), flushed to disk, then renamed
over the target with ``os.replace``. The target therefore holds the old or the new content, never
half; a symlink at the target is replaced by the file, its own target is never written.

Every failure is a :class:`UserFileError`: one line naming what the file is for, the file (escaped
for a terminal) and the fix. It is also an ``OSError``, so code that already catches ``OSError``
around a save keeps working.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
import time
from glob import escape as glob_escape
from pathlib import Path
from typing import IO, Any, Iterator

from .errors import MAX_MESSAGE, StudioError
from .text import printable

#: the default cap on a user file read into memory (a project, run record, template)
DEFAULT_LIMIT = 64 * 2**20
_CHUNK = 1 << 20
#: the longest target name used inside a temporary name (keeps it under the 255-byte NAME_MAX)
_NAME_IN_TEMP = 120
_UNSAFE_IN_TEMP = re.compile(r"[^A-Za-z0-9._-]")


class UserFileError(StudioError, OSError):
    """A user file that cannot be read or written: one line naming it and the fix."""

    def __str__(self) -> str:  # OSError's own __str__ would add "[Errno ...]" decorations
        text = str(self.args[0]) if self.args else ""
        return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def shown(path: str | os.PathLike | bytes) -> str:
    """A path for a message: text, control characters escaped, undecodable bytes as ``\\xNN``."""
    p = os.fspath(path)
    if isinstance(p, bytes):
        p = p.decode("utf-8", "backslashreplace")
    try:
        p = p.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte: printable shows it
        pass
    return printable(p)


def _a(what: str) -> str:
    return ("an " if what[:1].lower() in "aeiou" else "a ") + what


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size_text(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n:,} bytes"


def _refuse_mode(mode: int, path: Any, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise UserFileError(f"{shown(path)} is a folder, not {_a(what)}: give the path of the file itself")
    if not stat.S_ISREG(mode):
        raise UserFileError(f"{shown(path)} is {_kind(mode)}, not a regular file: give {_a(what)} "
                            "saved on disk")


def _open_error(exc: OSError, path: Any, what: str) -> UserFileError:
    s = shown(path)
    if isinstance(exc, FileNotFoundError):
        return UserFileError(f"{s}: no such file (the {what} to read): check the path")
    if isinstance(exc, IsADirectoryError):
        return UserFileError(f"{s} is a folder, not {_a(what)}: give the path of the file itself")
    if isinstance(exc, PermissionError):
        return UserFileError(f"{s}: permission denied reading the {what}: check the file's permissions")
    if isinstance(exc, NotADirectoryError):
        return UserFileError(f"{s}: a part of the path is a file, not a folder: check the path")
    return UserFileError(f"{s}: cannot read the {what} ({exc.strerror or exc}): check the path")


def check_regular(path: str | os.PathLike, *, what: str, follow_symlinks: bool = True) -> os.stat_result:
    """``stat`` the path and refuse what is not a regular file, without opening it: a quick check
    before an expensive import, repeated on the descriptor when the file is read. With
    ``follow_symlinks=False`` a symbolic link is refused too (files inside a run folder)."""
    try:
        st = os.stat(path, follow_symlinks=follow_symlinks)
    except OSError as exc:
        raise _open_error(exc, path, what) from None
    if stat.S_ISLNK(st.st_mode):
        raise UserFileError(f"{shown(path)} is a symbolic link, not {_a(what)}: it is not followed here; "
                            "put the file itself in its place")
    _refuse_mode(st.st_mode, path, what)
    return st


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)


def _open_fd(path: str | os.PathLike, what: str, follow_symlinks: bool) -> int:
    check_regular(path, what=what, follow_symlinks=follow_symlinks)  # special files: refused unopened
    flags = _READ_FLAGS | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow_symlinks and os.path.islink(path):
            raise UserFileError(f"{shown(path)} is a symbolic link, not {_a(what)}: it is not followed here; "
                                "put the file itself in its place") from None
        raise _open_error(exc, path, what) from None
    try:
        _refuse_mode(os.fstat(fd).st_mode, path, what)  # what was opened, even if the path changed
    except BaseException:
        os.close(fd)
        raise
    return fd


def open_regular(path: str | os.PathLike, *, what: str, follow_symlinks: bool = True) -> IO[bytes]:
    """The regular file ``path`` open for binary reading (for ``torch.load`` and other readers of
    large files), or UserFileError: opened with ``O_NONBLOCK`` and checked with ``fstat``, so a pipe
    or a device is refused without blocking."""
    fd = _open_fd(path, what, follow_symlinks)
    try:
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike, *, what: str, limit: int = DEFAULT_LIMIT,
               follow_symlinks: bool = True) -> bytes:
    """The content of the regular file ``path``, at most ``limit`` bytes, or UserFileError.

    Never blocks on a pipe or a device and never reads more than ``limit + 1`` bytes."""
    fd = _open_fd(path, what, follow_symlinks)
    try:
        st = os.fstat(fd)
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise _open_error(exc, path, what) from None
    finally:
        os.close(fd)
    if got > limit:
        size = max(st.st_size, got)
        over = _size_text(size) if st.st_size > limit else f"more than {_size_text(limit)}"
        raise UserFileError(f"{shown(path)} is {over}; {_a(what)} is at most {_size_text(limit)}: "
                            "is it the right file?")
    return b"".join(chunks)


def decode_text(raw: bytes, path: Any, *, what: str, fmt: str = "UTF-8") -> str:
    """Strict UTF-8, or UserFileError naming the byte offset of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserFileError(f"{shown(path)} is not a text ({fmt}) file (byte {exc.start:,} is "
                            f"0x{raw[exc.start]:02x}): is it {_a(what)}?") from None


def read_text(path: str | os.PathLike, *, what: str, limit: int = DEFAULT_LIMIT, fmt: str = "UTF-8") -> str:
    """The file as strict UTF-8 text (see :func:`read_bytes`)."""
    return decode_text(read_bytes(path, what=what, limit=limit), path, what=what, fmt=fmt)


def _no_constant(name: str) -> Any:
    raise ValueError(f"the constant {name}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"the key {printable(k[:40])!r} appears twice")
        d[k] = v
    return d


def parse_json(text: str, path: Any, *, what: str, allow_nan: bool = False) -> Any:
    """Decode JSON text, or UserFileError with the line and column. NaN/Infinity are refused
    unless ``allow_nan`` (they are not JSON); a key given twice in one object is refused."""
    s = shown(path)
    if not text.strip():
        raise UserFileError(f"{s} is empty (0 bytes of JSON): it may have been truncated")
    kw: dict[str, Any] = {"object_pairs_hook": _no_duplicates}
    if not allow_nan:
        kw["parse_constant"] = _no_constant
    try:
        return json.loads(text, **kw)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated")
        hint = " (the file looks truncated)" if truncated else ""
        raise UserFileError(f"{s} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}") from None
    except RecursionError:
        raise UserFileError(f"{s} is nested too deeply to be {_a(what)}") from None
    except ValueError as exc:  # NaN, a duplicate key, or Python's 4,300-digit limit for an integer
        reason = str(exc.args[0]) if exc.args else "a value"
        if reason.startswith(("the constant", "the key")):
            raise UserFileError(f"{s} is not valid JSON ({reason}): is it {_a(what)}?") from None
        raise UserFileError(f"{s} holds a number that cannot be read ({reason.split(':')[0]}): "
                            "no setting takes numbers that large") from None


def read_json(path: str | os.PathLike, *, what: str, limit: int = DEFAULT_LIMIT, allow_nan: bool = False) -> Any:
    """The file as JSON (strict UTF-8, no NaN/Infinity, no key twice), or UserFileError."""
    return parse_json(read_text(path, what=what, limit=limit, fmt="UTF-8 JSON"), path, what=what, allow_nan=allow_nan)


# --------------------------------------------------------------------------------------------- writing

#: temporary files older than this process were left by a save that was killed (SIGKILL, power cut)
_STARTED = time.time()


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _temp_prefix(path: Path) -> str:
    """``.NAME.`` with NAME cut short and kept to ASCII letters, digits and ``._-``: a library that
    writes by file name (Qt re-encodes a name that is not UTF-8) must write exactly this file."""
    return "." + _UNSAFE_IN_TEMP.sub("_", path.name[:_NAME_IN_TEMP]) + "."


def clean_stale_temps(path: str | os.PathLike) -> int:
    """Delete the hidden ``.NAME.*.tmp`` files next to ``path`` that a killed save left behind (those
    older than this process, so a save in progress elsewhere is left alone); returns how many.
    Symlinks and anything that is not a regular file are left alone."""
    path = Path(path)
    removed = 0
    try:
        candidates = list(_folder(path).glob(f"{glob_escape(_temp_prefix(path))}*.tmp"))
    except OSError:
        return 0
    for tmp in candidates:
        try:
            st = os.lstat(tmp)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < _STARTED - 1:
                tmp.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _write_error(exc: OSError, path: Path, what: str) -> UserFileError:
    if isinstance(exc, UserFileError):
        return exc
    s = shown(path)
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return UserFileError(f"{s} is a folder: give a file name for the {what}")
    if isinstance(exc, FileNotFoundError) and not _folder(path).is_dir():
        return UserFileError(f"cannot save the {what} {s}: the folder {shown(_folder(path))} does not exist")
    if isinstance(exc, PermissionError):
        return UserFileError(f"cannot save the {what} {s}: permission denied; choose a writable folder")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return UserFileError(f"cannot save the {what} {s}: {exc.strerror or 'the disk is full'}; free some "
                             "disk space (the old file, if any, is left as it was)")
    return UserFileError(f"cannot save the {what} {s} ({exc.strerror or exc}): choose a writable path")


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new, empty, uniquely named file next to ``path``: (descriptor, its path). ``O_EXCL`` with
    ``O_NOFOLLOW`` means an existing name (a planted symlink included) is never opened."""
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    folder = _folder(path)
    for _ in range(100):
        tmp = folder / f"{_temp_prefix(path)}{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp  # the umask applies, as for any new file
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {shown(path)}")


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _commit(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the mode of the file it replaces (a symlink is not followed) and rename it."""
    try:
        st = os.lstat(path)
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
    os.replace(tmp, path)
    _fsync_folder(_folder(path))


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _new_temp(path: Path, what: str) -> tuple[int, Path]:
    """A fresh temporary file beside ``path`` (stale ones of earlier killed saves removed first)."""
    clean_stale_temps(path)
    try:
        return _create_temp(path)
    except OSError as exc:
        raise _write_error(exc, path, what) from None


def _commit_as(tmp: Path, path: Path, what: str) -> None:
    """Move the finished temp file over ``path``; a failure is the writers' one-line error."""
    try:
        _commit(tmp, path)
    except OSError as exc:
        raise _write_error(exc, path, what) from None


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, what: str = "file") -> Iterator[Path]:
    """A fresh temporary path next to ``path`` for a library that writes by file name (torch.onnx,
    ``torch.jit.save``, ``QImage.save``); renamed over ``path`` when the block ends without an
    exception, removed otherwise."""
    path = Path(path)
    fd, tmp = _new_temp(path, what)
    os.close(fd)
    try:
        yield tmp
        try:
            st = os.lstat(tmp)
            if not stat.S_ISREG(st.st_mode):
                raise UserFileError(f"cannot save the {what} {shown(path)}: its temporary file was replaced "
                                    "by something that is not a file")
            fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise _write_error(exc, path, what) from None
        _commit_as(tmp, path, what)
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "wb", *, what: str = "file",
                  encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[Any]]:
    """An open file (``mode`` "wb" or "w") whose content replaces ``path`` when the block ends
    without an exception; on an exception the old file is left as it was."""
    if mode not in ("w", "wb", "wt"):
        raise ValueError(f"atomic_writer writes a new file: mode 'w' or 'wb', not {mode!r}")
    path = Path(path)
    fd, tmp = _new_temp(path, what)
    try:
        if mode == "wb":
            f: IO[Any] = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with f:
            yield f  # an exception of the block itself goes on as it is (after the temp is removed)
            try:
                f.flush()
                os.fsync(f.fileno())
            except OSError as exc:
                raise _write_error(exc, path, what) from None
        _commit_as(tmp, path, what)
    except BaseException:
        _discard(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, what: str = "file") -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never half."""
    with atomic_writer(path, "wb", what=what) as f:
        try:
            f.write(data)
        except OSError as exc:  # a full disk while writing: one line naming the file
            raise _write_error(exc, Path(path), what) from None


def atomic_write_text(path: str | os.PathLike, text: str, *, what: str = "file") -> None:
    """Write ``text`` as UTF-8 so that ``path`` holds either the old or the new content, never half."""
    atomic_write_bytes(path, text.encode("utf-8"), what=what)


def open_append(path: str | os.PathLike, *, what: str = "file") -> IO[str]:
    """Open a file of a run folder to append lines; a symlink or a special file at ``path`` is
    refused (``O_NOFOLLOW``), so a planted link never makes the run write elsewhere."""
    path = Path(path)
    try:
        mode: int | None = os.lstat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISLNK(mode):
        raise UserFileError(f"{shown(path)} is a symbolic link: a run folder's {what} must be a plain "
                            "file; remove the link")
    if mode is not None and not stat.S_ISREG(mode):
        raise UserFileError(f"{shown(path)} is {_kind(mode)}, not a regular file: remove it")
    flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        if os.path.islink(path):
            raise UserFileError(f"{shown(path)} is a symbolic link: a run folder's {what} must be a plain "
                                "file; remove the link") from None
        raise _write_error(exc, path, what) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UserFileError(f"{shown(path)} is {_kind(st.st_mode)}, not a regular file: remove it")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "a", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise
