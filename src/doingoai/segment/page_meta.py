"""The metadata of an HTML page that the segmenter uses (title, date, URL, host and site name), read the way
``trafilatura.extract_metadata`` reads them, without the fields it would also work out and we never read.

``trafilatura.bare_extraction(with_metadata=True)`` also looks for the author (on a deep copy of the whole
page, pruned), the categories, the tags and the licence: about a third of the time of reading an HTML page,
for fields the story does not keep. The steps kept here are trafilatura's own functions, called in its
order on the same tree, so that every field we read is exactly what ``extract_metadata`` gives: none of the
skipped steps writes a field we read or changes the tree (the author is looked for on a copy).
tests/segment/test_page_meta.py holds this against ``extract_metadata`` on the repository's pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import unescape
from typing import Any

from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.utils import line_processing

__all__ = ["PageMeta", "page_meta"]

_LOG = logging.getLogger("trafilatura.metadata")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    date: str | None
    url: str | None
    hostname: str | None
    sitename: str | None


def _trimmed(value: str | None) -> str | None:
    """``Document.clean_and_trim`` on one field."""
    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))


def page_meta(tree: HtmlElement, default_url: str | None, date_config: dict[str, Any]) -> PageMeta:
    """``extract_metadata(tree, default_url, date_config)``'s title, date, url, hostname and sitename.
    Raises what it raises (``bare_extraction`` turns TypeError and ValueError into no document)."""
    date_config = {**date_config}
    metadata = tm.examine_meta(tree)
    try:
        metadata = tm.extract_meta_json(tree, metadata)
    except Exception as err:  # as trafilatura: bugs in its json_metadata.py
        _LOG.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = tm.extract_title(tree)
    if not metadata.url:
        metadata.url = tm.extract_url(tree, default_url)
    if metadata.url:
        # (trafilatura's own imports of courlan and htmldate, not exported in its stubs' sense)
        metadata.hostname = tm.extract_domain(metadata.url, fast=True)  # type: ignore[attr-defined]
    date_config["url"] = metadata.url
    metadata.date = tm.find_date(tree, **date_config)  # type: ignore[attr-defined]
    if not metadata.sitename:
        metadata.sitename = tm.extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        found = tm.META_URL.match(metadata.url)
        if found:
            metadata.sitename = found[1]
    return PageMeta(title=_trimmed(metadata.title), date=_trimmed(metadata.date), url=_trimmed(metadata.url),
                    hostname=_trimmed(metadata.hostname), sitename=_trimmed(metadata.sitename))
