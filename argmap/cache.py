"""A per-user cache of validated graphs, for repeated commands on one big map.

Reading a map of 100,000 statements (parsing, validating, building the graph)
takes most of a command's time, and it is the same work every time the map is
asked about. :func:`argmap.loader.read_graph` therefore keeps the graph of a big
map (:data:`MIN_CHARS` characters or more) it has read twice, and loads it
instead of reading the map again when it is asked about the same text again.

- **Keyed by content**: the BLAKE2b hash of the map's text, its format, and a
  stamp of the argmap code that built the graph (the size and modification
  time of each of its modules, so another release or an edited checkout never
  gets a graph other code built) and of the Python that wrote it. A changed map
  or a changed argmap simply misses.
- **Only what was validated**: an entry is written only by ``read_graph``,
  after the map passed validation; quotes are still checked against the source
  text on every read (the source may have changed).
- **Per user, never shared**: the folder is ``$ARGMAP_CACHE`` when that names
  a folder, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``; it is
  made readable by its owner only, and the cache is used only when the folder
  and each entry belong to the user running argmap and no one else can write
  them (entries are in :mod:`marshal` format, which must not be read from an
  untrusted source). ``ARGMAP_CACHE=off`` turns it off.
- **Safe to lose**: entries are written atomically (a temporary file, then a
  rename); a damaged or unreadable entry is a miss and is removed; at most
  :data:`KEEP` graphs are kept, the least recently used removed first. The
  first read of a map writes only an empty marker, so a map read once costs
  one hash of its text and nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

VARIABLE = "ARGMAP_CACHE"
OFF = ("off", "0", "no", "false", "")
#: maps shorter than this are read afresh: reading them is quicker than the cache is worth
MIN_CHARS = 2_000_000
#: graphs kept in the folder at most
KEEP = 6
MAGIC = b"argmap graph cache 1\n"


def folder() -> Path | None:
    """The cache folder, or None when the cache is off or cannot be trusted here."""
    setting = os.environ.get(VARIABLE)
    if setting is not None and setting.strip().lower() in OFF:
        return None
    if not hasattr(os, "getuid"):  # no owner to check (Windows): no cache
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "argmap"


def _trusted(where: Path, *, make: bool) -> bool:
    """Whether ``where`` is a folder of the current user's that no one else can write."""
    try:
        if make:
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(where)
    except OSError:
        return False
    import stat

    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _code_stamp() -> bytes:
    """What identifies the argmap code and the Python that build and read a cached graph."""
    package = Path(__file__).parent
    parts = [sys.version, str(marshal.version)]
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        parts.append(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def key(text: str, fmt: str) -> str:
    """The cache key of a map's text read in format ``fmt``."""
    digest = hashlib.blake2b(digest_size=24, person=b"argmap-graph")
    digest.update(_code_stamp())
    digest.update(b"\0" + fmt.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def load(text: str, fmt: str) -> tuple[Any, str | None]:
    """The cached graph of ``text`` (None when there is none) and its key (None: no cache)."""
    where = folder()
    if where is None or len(text) < MIN_CHARS:
        return None, None
    k = key(text, fmt)
    if not _trusted(where, make=False):
        return None, k
    entry = where / f"{k}.graph"
    data = _read_own(entry)
    if data is None:
        return None, k
    try:
        if not data.startswith(MAGIC + k.encode() + b"\n"):
            raise ValueError("not this entry")
        graph, node, succ, pred = marshal.loads(memoryview(data)[len(MAGIC) + len(k) + 1 :])
        del data
        import networkx as nx

        G = nx.DiGraph()
        G.graph.update(graph)
        G._node.update(node)
        G._succ.update(succ)
        G._pred.update(pred)
    except (ValueError, TypeError, EOFError, KeyError):
        entry.unlink(missing_ok=True)
        return None, k
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used
    return G, k


def store(k: str | None, G: Any) -> None:
    """Keep graph ``G`` under key ``k`` if its map was read before (else note that it was read once)."""
    where = folder()
    if k is None or where is None or not _trusted(where, make=True):
        return
    seen = where / f"{k}.seen"
    if not seen.exists():
        _write(seen, b"")
        _evict(where)
        return
    try:
        payload = marshal.dumps((G.graph, G._node, G._succ, G._pred), 4)
    except ValueError:  # a value marshal cannot write: such a graph is not kept
        return
    _write(where / f"{k}.graph", MAGIC + k.encode() + b"\n", payload)  # two parts: no copy of a big payload
    seen.unlink(missing_ok=True)
    _evict(where)


def _read_own(entry: Path) -> bytes | None:
    """The bytes of ``entry`` if it is a regular file of the current user's that no one else can write."""
    import stat

    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _write(path: Path, *parts: bytes) -> None:
    """Write ``parts`` to ``path`` atomically, readable by its owner only; failures are ignored."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            for part in parts:
                f.write(part)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _evict(where: Path) -> None:
    """Keep the :data:`KEEP` most recently used graphs (and as many markers)."""
    for suffix in (".graph", ".seen"):
        try:
            entries = sorted(where.glob(f"*{suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            continue
        for old in entries[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()
