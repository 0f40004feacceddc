"""An HTML page without a URL or host name whose site name names its outlet is not segmented whole for the
header and furniture lines: ``outlet_of`` would not read them. The pages come out as they did when it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import doingoai.segment.html as html_module
from doingoai.model import Page
from doingoai.segment import segment
from doingoai.segment.outlet import _tags, outlet_of, site_outlet

ROOT = Path(__file__).resolve().parents[2]
_PAGES = sorted((ROOT / "tests" / "segment" / "pages").glob("*.html")) + sorted((ROOT / "examples").glob("*.html"))
_SITE_NAMES = ["Báo Tin tức", " vietnamplus.vn ", "www.Nhandan.vn", "Tin tức", "", "Báo X", *sorted(_tags()[0])[:20]]
_LINES = st.lists(st.sampled_from(["baoquocte.vn", "Theo TTXVN", "© 2024 nhandan.vn", "(PLO) - Sáng nay", "x.com"]))


@given(st.sampled_from(_SITE_NAMES), _LINES, _LINES, st.sampled_from([None, "(TTXVN) - Hôm nay", "PLO - Sáng"]))
def test_a_site_name_that_names_the_outlet_decides_alone(sitename: str, header: list[str], below: list[str],
                                                          lead: str | None) -> None:
    site = site_outlet(sitename)
    if site is not None:
        assert outlet_of(None, header, lead, sitename, below) == site == outlet_of(None, [], None, sitename, [])


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_pages_come_out_as_when_segmented_whole(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = Page(source=str(path), content=path.read_text(encoding="utf-8"), markup="html")
    now = segment(page)
    monkeypatch.setattr(html_module, "site_outlet", lambda sitename: None)  # always segmented whole
    assert segment(page) == now


def test_the_short_cut_is_taken() -> None:
    """At least one shipped page has no URL and a site name that names its outlet (else the test above
    compares nothing)."""
    parts = [html_module.html_parts(p.read_text(encoding="utf-8"), None) for p in _PAGES]
    assert any(not p.hostname and site_outlet(p.sitename) is not None for p in parts)
