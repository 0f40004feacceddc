"""Debian's chromium driven by Playwright for Python (the driver comes from PyPI; no browser download)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def need_chromium() -> None:
    """Skip without chromium, loudly; under CI, where .ci/run installs it, fail instead."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing under CI: .ci/run installs Debian's chromium")
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium to run the browser tests")
