"""Re-run the README's console examples on the embedded map and paste their output.

    python -m tests.readme_update          # rewrite README.md in place
    python -m tests.readme_update --check  # list the stale blocks, exit 1 if any

Only blocks that show a command's whole output are rewritten: a block holding a line "..."
(a cut), a block of several commands, or a command naming a file that does not exist from the repository root (the
README's umbrella examples, written to a temporary folder by their tests) is left for a
person; the tests that check those blocks say what they expect. Commands run as the tests
run them: 80 columns, no colour, from the repository root.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n\$ (argmap [^\n]*)\n(.*?)```", re.S)


def _runnable(command: str) -> bool:
    words = shlex.split(command)[1:]
    files = [w for w in words if re.search(r"\.(ya?ml|json|argdown|ad|txt|aif)$", w)]
    return all((ROOT / f).exists() for f in files)


def _output(command: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    argv = [sys.executable, "-m", "argmap", *shlex.split(command)[1:]]
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    stale: list[str] = []

    def replace(match: re.Match) -> str:
        command, shown = match.group(1), match.group(2)
        cut = "\n...\n" in "\n" + shown or "\n$ " in "\n" + shown  # a cut, or several commands in one block
        if cut or not _runnable(command):
            return match.group(0)
        out = _output(command)
        if out and out != shown:
            stale.append(command)
            return f"```console\n$ {command}\n{out}```"
        return match.group(0)

    new = BLOCK.sub(replace, text)
    for command in stale:
        print(f"stale: $ {command}")
    if "--check" in argv:
        return 1 if stale else 0
    if new != text:
        path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
