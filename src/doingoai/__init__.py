"""doingoai: Vietnamese foreign-affairs news -> a queryable record of Vietnam's diplomacy."""

from __future__ import annotations

__version__ = "0.1.0"

from doingoai.config import PipelineConfig
from doingoai.errors import DoingoaiError, InputError, UsageError
from doingoai.model import Article, Failure, Page, Related
from doingoai.pipeline import extract_page, extract_paths, process

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
