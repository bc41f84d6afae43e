"""A `kg build` killed (SIGKILL) at any moment leaves the previous outputs whole and readable, and
a normal run leaves no temporary file behind."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.fsutil import STAGE_PREFIX

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

OLD = "date 2025-01-10\nNora Vance stars as Edie Marsh in Lantern Hill, a new drama series from Peacock.\n"
NEW = "date 2025-02-11\nIvo Brask plays Dax Oyen in Harrow Street, a thriller that premieres on Hulu in June.\n"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "facts/old.json")
RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld"}


def stages(out: Path) -> list[Path]:
    return list(out.glob(STAGE_PREFIX + "*"))


#: Moments to kill the build at: a test on the output folder, polled until it holds (before spaCy
#: has loaded; once the facts files are staged; once the graph files are staged).
MOMENTS: dict[str, Callable[[Path], bool]] = {
    "at-once": lambda out: True,
    "facts-staged": lambda out: any((s / "facts").is_dir() for s in stages(out)),
    "graphs-staged": lambda out: any((s / "graph.trig").exists() for s in stages(out)),
}


@pytest.fixture
def previous(tmp_path, nlp) -> dict:
    """An output folder with a finished build of the OLD article, and the bytes of each file."""
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "new.txt").write_text(NEW, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "old"), "--out", str(out), "--quiet"]) == 0
    return {"out": out, "new": tmp_path / "new", "files": {name: (out / name).read_bytes() for name in OUTPUTS}}


def assert_readable(path: Path) -> None:
    if path.suffix in RDF_FORMATS:
        Dataset().parse(path, format=RDF_FORMATS[path.suffix])
    elif path.suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))
    else:
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_killed_build_leaves_the_previous_outputs(previous, moment):
    out = previous["out"]
    command = [sys.executable, "-m", "kg.cli", "build", str(previous["new"]), "--out", str(out), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    reached = MOMENTS[moment]
    try:
        while process.poll() is None and not reached(out):
            time.sleep(0.0005)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGSTOP)  # hold it still while we look
            committing = any((s / "graph.html").exists() for s in stages(out))  # all staged: renames may run
            os.kill(process.pid, signal.SIGKILL)
        else:
            committing = True  # it finished first: the new outputs are in place
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    for name, old_bytes in previous["files"].items():
        path = out / name
        assert path.is_file(), name
        if not committing:
            assert path.read_bytes() == old_bytes, f"{name} changed by a build killed before it finished"
        assert_readable(path)
    new_facts = out / "facts" / "new.json"
    if new_facts.exists():
        assert json.loads(new_facts.read_text(encoding="utf-8"))["id"] == "new"
    # the next build clears what the killed one left and puts the new outputs in place
    assert main(["build", str(previous["new"]), "--out", str(out), "--quiet"]) == 0
    assert not [p for p in out.rglob("*") if p.name.startswith(".")], "temporary files left behind"
    assert json.loads((out / "facts" / "new.json").read_text(encoding="utf-8"))["id"] == "new"


def test_a_normal_build_leaves_no_temporary_files(previous):
    assert sorted(p.relative_to(previous["out"]).as_posix() for p in previous["out"].rglob("*")) == \
        sorted(["facts", *OUTPUTS])
