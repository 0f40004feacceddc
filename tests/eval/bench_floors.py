"""bench/floors.py, loaded by path for the gate's tests (bench/ is not put on sys.path: its scripts would
shadow other modules)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_floors() -> ModuleType:
    name = "doingoai_bench_floors"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "floors.py")
        if spec is None or spec.loader is None:
            raise ImportError(ROOT / "bench" / "floors.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]
