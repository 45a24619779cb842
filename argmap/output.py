"""Writing files, atomically: the one place argmap writes a file.

The data goes to a temporary file in the target's folder, which then replaces
the target in one rename. A failed or interrupted write leaves an existing
file as it was and no temporary file behind; readers never see half a file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "out.txt", "hello\\n")
6
>>> (folder / "out.txt").read_text()
'hello\\n'
>>> sorted(p.name for p in folder.iterdir())
['out.txt']
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .errors import ArgmapError, UsageError


class OutputError(ArgmapError):
    """A file could not be written (missing folder, permissions, full disk...)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(path: str | Path, *, input_path: str | Path | None = None, force: bool = False) -> Path:
    """``path`` as the file to write, or a clear error: it names a folder, its
    folder is missing, or it is the map being read (unless ``force``)."""
    target = Path(path)
    name = str(path)
    if target.is_dir():
        raise UsageError(f"{name}: is a folder.", hint="Give a file name, e.g. -o " + str(target / "map.svg") + ".")
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(
            f"{name}: cannot write there: the folder '{folder}' {what}.",
            hint=f"Create it first (mkdir -p {folder}) or choose another path.",
        )
    if input_path is not None and not force and target.exists():
        try:
            same = os.path.samefile(target, input_path)
        except OSError:
            same = False
        if same:
            raise UsageError(
                f"{name}: is the map being read; writing there would replace it.",
                hint="Choose another file name, or add --force to overwrite it.",
            )
    return target


#: characters of text encoded and written at a time
_PIECE = 1 << 22


def write_atomic(path: str | Path, data: str | bytes) -> int:
    """Write ``data`` (text is written as UTF-8) to ``path``, all or nothing;
    the number of bytes written.

    Text is encoded a piece at a time, so a big export never has a second,
    encoded copy of itself in memory (560 MB for the DOT of a million statements).

    A new file gets the usual permissions (0666 less the umask); an existing
    one keeps its own. A symbolic link is followed: the file it points to is
    replaced, the link stays.
    """
    target = check_target(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise _explain(err, path) from None
    try:
        written = 0
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, str):
                for start in range(0, len(data), _PIECE):
                    written += handle.write(data[start : start + _PIECE].encode("utf-8"))
            else:
                written = handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = (target.stat().st_mode & 0o7777) if target.exists() else (0o666 & ~_umask())
        os.chmod(temp, mode)
        os.replace(temp, target)
        return written
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(err, OSError):
            raise _explain(err, path) from None
        raise


def _explain(err: OSError, path: str | Path) -> ArgmapError:
    name = str(path)
    if err.errno in (errno.EACCES, errno.EPERM):
        return OutputError(
            f"{name}: permission denied.", hint="Choose a folder you can write to, or check its permissions."
        )
    if err.errno == errno.EROFS:
        return OutputError(f"{name}: the file system is read-only.", hint="Choose another folder.")
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"{name}: no space left on the device.", hint="Free some space and try again.")
    if err.errno == errno.EISDIR:
        return UsageError(f"{name}: is a folder.", hint="Give a file name.")
    if err.errno == errno.ENOENT:
        return OutputError(f"{name}: the folder does not exist.", hint="Create it first or choose another path.")
    return OutputError(f"{name}: cannot be written ({err.strerror or err}).")
