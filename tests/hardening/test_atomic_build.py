"""A `kg build` killed (SIGKILL) at any moment leaves every previous output whole: each file is
its old bytes or a complete new file, never a cut one; and no temporary file stays behind."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.terms import SCHEMA

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")

OLD = "date 2025-01-10\nNora Vance stars as Edie Marsh in Lantern Hill, a new drama series from Peacock.\n"
NEW = "date 2025-02-11\nIvo Brask plays Dax Oyen in Harrow Street, a thriller that premieres on Hulu in June.\n"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "facts/old.json")
RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld"}


def listing(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*")}


def changed(out: Path, name: str, old: bytes) -> bool:
    try:
        return (out / name).read_bytes() != old
    except OSError:
        return True


@pytest.fixture
def previous(tmp_path, nlp) -> dict:
    """An output folder with a finished build of the OLD article, and the bytes of each file."""
    for name, text in (("old", OLD), ("new", NEW)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "old"), "--out", str(out), "--quiet"]) == 0
    return {"out": out, "new": tmp_path / "new", "listing": listing(out),
            "files": {name: (out / name).read_bytes() for name in OUTPUTS}}


#: When to kill a build, seen from outside: at once (spaCy not loaded yet), as soon as anything
#: appears or changes in the output folder, and once graph.ttl differs from the previous one.
MOMENTS: dict[str, Callable[[Path, dict], bool]] = {
    "at-once": lambda out, before: True,
    "first-write": lambda out, before: listing(out) != before["listing"]
    or any(changed(out, n, b) for n, b in before["files"].items()),
    "graph-replaced": lambda out, before: changed(out, "graph.ttl", before["files"]["graph.ttl"]),
}


def assert_whole(path: Path) -> None:
    """The file is complete: RDF with both articles' or the old one's identifier, JSON, a closed page."""
    if path.suffix in RDF_FORMATS:
        data = Dataset()
        data.parse(path, format=RDF_FORMATS[path.suffix])
        # the store keeps earlier articles: a finished new build has both, an interrupted one the old
        assert {str(o) for _, _, o, _ in data.quads((None, SCHEMA.identifier, None, None))} in (
            {"old"}, {"old", "new"})
    elif path.suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["id"] == path.stem
    else:
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")


def kill_when(process: subprocess.Popen, out: Path, before: dict, reached) -> str | None:
    """Kill `process` once `reached` holds; None while waiting, else "killed" or "finished"."""
    if process.poll() is not None:
        return "finished"
    if not reached(out, before):
        return None
    os.kill(process.pid, signal.SIGSTOP)  # stopped at the moment seen; the kill changes nothing more
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return "killed"


def test_a_build_killed_at_any_moment_leaves_whole_outputs(previous, tmp_path):
    """One build per moment, started together, each on its own copy of the previous outputs."""
    runs = {}
    for moment in MOMENTS:
        out = shutil.copytree(previous["out"], tmp_path / f"out-{moment}")
        command = [sys.executable, "-m", "kg.cli", "build", str(previous["new"]), "--out", str(out), "--quiet"]
        runs[moment] = (subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out)
    ends: dict[str, str] = {}
    try:
        while len(ends) < len(runs):
            for moment, (process, out) in runs.items():
                if moment not in ends and (end := kill_when(process, out, previous, MOMENTS[moment])):
                    ends[moment] = end
            time.sleep(0.0005)
    finally:
        for process, _ in runs.values():
            if process.poll() is None:
                process.kill()
            process.wait()
    assert ends["at-once"] == "killed"
    for moment, (_, out) in runs.items():
        for name, old_bytes in previous["files"].items():
            assert (out / name).is_file(), (moment, name)
            if moment in ("at-once", "first-write") and ends[moment] == "killed":
                assert (out / name).read_bytes() == old_bytes, f"{name} changed by a build killed {moment}"
            assert_whole(out / name)
        if (out / "facts" / "new.json").exists():
            assert_whole(out / "facts" / "new.json")
    # the next build clears what a killed one left and puts the new outputs in place
    out = runs["first-write"][1]
    assert main(["build", str(previous["new"]), "--out", str(out), "--quiet"]) == 0
    assert not [p for p in out.rglob("*") if p.name.startswith(".")], "temporary files left behind"
    assert_whole(out / "facts" / "new.json")


def test_a_normal_build_leaves_no_temporary_files(previous):
    exports = {name for name in previous["listing"] if name.split("/")[0] != "store"}  # the store's own files
    assert exports == {"facts", *OUTPUTS}
