"""Session-wide fixtures: the repo root, the shared evaluation data and the loaded spaCy pipeline.

The spaCy pipeline is loaded once per session (kg.nlp.load_pipeline is lru_cached, so every
`extract_articles` call afterwards reuses this same object).
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]  # the folder with pyproject.toml
SHARED_DIR = (REPO_ROOT / ".." / "shared").resolve()
ETOILE_ID = "etoile-prime-video-2025-04-28"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    assert (REPO_ROOT / "pyproject.toml").is_file()
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared test data (../shared from the repo root); skip if this checkout has none."""
    if not (SHARED_DIR / "corpus").is_dir() or not (SHARED_DIR / "gold").is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DIR} (expected ../shared next to the repo)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def etoile_paths(shared_dir: Path) -> dict[str, Path]:
    """The Étoile article, its gold file and the shared scorer."""
    paths = {"text": shared_dir / "corpus" / f"{ETOILE_ID}.txt",
             "gold": shared_dir / "gold" / f"{ETOILE_ID}.json",
             "scorer": shared_dir / "eval" / "score.py"}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        pytest.skip(f"shared Étoile data incomplete, missing: {', '.join(missing)}")
    return paths


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline with kg's components, loaded once for the whole session."""
    from kg.nlp import DEFAULT_MODEL, load_pipeline
    return load_pipeline(DEFAULT_MODEL)
