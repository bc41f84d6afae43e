"""The README's promises: its library example runs as written, and its commands are the ones CI runs."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_library_example_runs_as_written(tmp_path):
    section = README.split("## The library", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    printed = re.search(r"it prints:\n\n```\n(.*?)```", section, re.S).group(1)
    assert run.stdout.splitlines()[0] == printed.splitlines()[0]  # the cast line the README shows
    assert re.fullmatch(r"\d+ nodes; \d+ triples", run.stdout.splitlines()[1])
    html = (tmp_path / "outputs" / "lantern.html").read_text(encoding="utf-8")
    assert "Lantern Hill" in html and "Edie Marsh" in html
    assert (tmp_path / "outputs" / "graph.trig").stat().st_size > 0


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```bash\n(.*?)\n```", README, re.S)[:2]
    assert "kg build" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
