"""``python -m doingoai`` is the installed ``doingoai`` command (where the scripts are not on the path)."""

from __future__ import annotations

import subprocess
import sys

from doingoai import __version__


def test_python_m_doingoai_runs_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "doingoai", "--version"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"doingoai {__version__}"
