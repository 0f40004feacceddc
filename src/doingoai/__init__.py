"""doingoai: Vietnamese foreign-affairs news -> a queryable record of Vietnam's diplomacy.

The names below are loaded on first use (PEP 562): ``import doingoai`` (which every command does, for
``doingoai --help`` too) must not load the whole pipeline.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from doingoai.config import PipelineConfig
    from doingoai.errors import DoingoaiError, InputError, UsageError
    from doingoai.model import Article, Failure, Page, Related
    from doingoai.pipeline import extract_page, extract_paths, process

_HOME = {
    "PipelineConfig": "doingoai.config",
    "DoingoaiError": "doingoai.errors",
    "InputError": "doingoai.errors",
    "UsageError": "doingoai.errors",
    "Article": "doingoai.model",
    "Failure": "doingoai.model",
    "Page": "doingoai.model",
    "Related": "doingoai.model",
    "extract_page": "doingoai.pipeline",
    "extract_paths": "doingoai.pipeline",
    "process": "doingoai.pipeline",
}

__all__ = [
    "Article",
    "DoingoaiError",
    "Failure",
    "InputError",
    "Page",
    "PipelineConfig",
    "Related",
    "UsageError",
    "__version__",
    "extract_page",
    "extract_paths",
    "process",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'doingoai' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
