import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds():
    return [(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS]
