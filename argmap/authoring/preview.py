"""Preview while editing: re-export on every save, and a local server whose
report reloads itself when the map (or its source text) changes.

Both watch files by polling their modification time and size: no extra
package, and it works the same on every system and for editors that save by
replacing the file. The server is the standard library's, bound to the
loopback address only, so nothing outside this computer can reach it.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "m.yaml").write_text("title: T\\n", encoding="utf-8") and None
>>> before = stamps([folder / "m.yaml", folder / "missing.txt"])
>>> (folder / "m.yaml").write_text("title: Two\\n", encoding="utf-8") and None
>>> stamps([folder / "m.yaml", folder / "missing.txt"]) != before
True
"""

from __future__ import annotations

import html
import http.server
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: the only address the preview server listens on
HOST = "127.0.0.1"
#: seconds between two looks at the watched files
INTERVAL = 0.4
VERSION_PATH = "/__argmap/version"


def stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int] | None, ...]:
    """What tells a file changed: its path, modification time and size (None when missing)."""
    out: list[tuple[str, int, int] | None] = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            out.append(None)
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def watch(
    action: Callable[[], list[Path]],
    paths: list[Path],
    *,
    interval: float = INTERVAL,
    sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None,
) -> None:
    """Run ``action`` now and again each time one of the watched files changes:
    ``paths`` at first, then the files ``action`` returns (a map can start
    naming another source text). Runs until interrupted (Ctrl-C), or for
    ``rounds`` looks when given (for tests).

    The files are looked at before ``action`` reads them, so a save made while
    it runs is seen at the next look.
    """
    looked = 0
    last = None
    while True:
        before = stamps(paths)
        if before != last:
            found = action()
            seen = dict(
                zip(paths, before, strict=True)
            )  # a file watched already keeps the look taken before the action
            last = tuple(seen[p] if p in seen else stamps([p])[0] for p in found)
            paths = found
        if rounds is not None and looked >= rounds:
            return
        sleep(interval)
        looked += 1


def watched_files(loaded: Any) -> list[Path]:
    """The files a loaded map depends on: the map itself and its source text."""
    out = [loaded.path] if loaded.path is not None else []
    if isinstance(loaded.source_path, Path):
        out.append(loaded.source_path)
    return out


# ---------------------------------------------------------------- the page ---

RELOAD = """
<script>
(function () {
  "use strict";
  var version = %s, key = "argmap-preview-scroll";
  try {
    var at = JSON.parse(sessionStorage.getItem(key) || "null");
    if (at) { window.scrollTo(at[0], at[1]); sessionStorage.removeItem(key); }
  } catch (e) {}
  function poll() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (now) {
      if (now !== version) {
        try { sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) {}
        window.location.reload();
      } else { setTimeout(poll, 700); }
    }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 700);
}());
</script>
"""
BANNER = (
    '<div style="font:14px/1.45 system-ui,sans-serif;background:#fff4e0;border-bottom:2px solid #e0a030;'
    'padding:8px 20px;color:#5a3b00"><strong>argmap preview</strong> of {name}: {count}'
    '<ul style="margin:4px 0 0 0">{items}</ul></div>'
)
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>argmap preview: {name} has problems</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 20px;color:#1a1a1a">
<h1 style="font-size:1.4em">{name} cannot be shown yet</h1>
<p>Fix these and save; this page reloads by itself.</p>
<ul style="color:#8a1020">{items}</ul>
</body></html>
"""


class Report:
    """The HTML report of a map, rebuilt when the map or its source text changes.

    ``build()`` returns the report's HTML, the messages to show above it
    (warnings) and the files it was made from; an :class:`~argmap.errors.ArgmapError`
    it raises becomes a page listing the problems. Safe to use from several
    threads (the server's).
    """

    def __init__(self, name: str, build: Callable[[], tuple[str, list[str], list[Path]]], always: list[Path]) -> None:
        self.name = name
        self.build = build
        self.version = 0
        self.page = ""
        self.always = always  # watched even when the map cannot be read (the map file itself)
        self.paths: list[Path] = list(always)
        self.last: Any = None
        self.lock = threading.Lock()

    def current(self) -> tuple[int, str]:
        """The version number and page, rebuilt first if a watched file changed."""
        from ..errors import ArgmapError

        with self.lock:
            if self.version == 0 or stamps(self.paths) != self.last:
                self.last = stamps(self.paths)  # before reading: a save during the build is seen next time
                try:
                    text, notes, paths = self.build()
                    self.page = _with_banner(text, self.name, notes)
                    paths = list(dict.fromkeys(self.always + paths))
                    if paths != self.paths:  # a new source text: watch it from now on
                        self.paths, self.last = paths, stamps(paths)
                except ArgmapError as err:
                    self.page = ERROR_PAGE.format(
                        name=html.escape(self.name), items="".join(f"<li>{html.escape(x)}</li>" for x in err.lines())
                    )
                self.version += 1
            return self.version, self.page


def html_report(path: Path | None, fmt: str | None) -> tuple[str, list[str], list[Path]]:
    """The HTML report of the map at ``path`` (None: the embedded map), its
    warnings and the files it was made from: a :class:`Report`'s ``build``."""
    from ..export import export_loaded
    from ..loader import read_graph

    loaded = read_graph(path, fmt=fmt, strict=False)  # a draft with a wrong quote is drawn, with a warning
    page = export_loaded(loaded, "html")
    return str(page), list(loaded.warnings), watched_files(loaded)


def _with_banner(page: str, name: str, notes: list[str]) -> str:
    if not notes:
        return page
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    count = f"{len(notes)} warning{'s' if len(notes) != 1 else ''}"
    banner = BANNER.format(name=html.escape(name), count=count, items=items)
    at = page.find("<body>")
    return page[: at + 6] + banner + page[at + 6 :] if at >= 0 else banner + page


def with_reload(page: str, version: int) -> str:
    """``page`` with the script that reloads it when the report's version moves on."""
    import json

    script = RELOAD % (json.dumps(str(version)), VERSION_PATH)
    at = page.rfind("</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


def server(report: Report, port: int) -> http.server.ThreadingHTTPServer:
    """A server for ``report`` on 127.0.0.1:``port`` (0: any free port), not yet serving."""

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "argmap-preview"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == VERSION_PATH:
                version, _ = report.current()
                self.reply(200, "text/plain; charset=utf-8", str(version).encode())
            elif path in ("/", "/index.html"):
                version, page = report.current()
                self.reply(200, "text/html; charset=utf-8", with_reload(page, version).encode("utf-8"))
            else:
                self.reply(404, "text/plain; charset=utf-8", b"Not found: the report is at /\n")

        def reply(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per poll would drown the terminal

    httpd = http.server.ThreadingHTTPServer((HOST, port), Handler)
    httpd.daemon_threads = True
    return httpd
