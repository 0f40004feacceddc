"""The dashboard in a real headless browser (Playwright driving Debian's chromium): every page loads with
no console error and no failed request, a filter narrows the events, an event leads to its sentence
highlighted in the article, the language switches, the statistics download as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from doingoai.serve import ServeSettings
from tests.serve.browser import ARGS, CHROMIUM, need_chromium
from tests.serve.conftest import build_kb, start

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, sync_playwright


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("browser")
    db = str(folder / "kb.sqlite")
    build_kb(db, folder / "pages")
    server = start(ServeSettings(db=db))
    try:
        yield server.url
    finally:
        server.stop()
        server.app.app.state.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need_chromium()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page that records every console error, failed request and error answer."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.problems.append(f"console: {msg.text}")

    def _failed(self, request: Request) -> None:
        self.problems.append(f"failed: {request.url} {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.status}: {response.url}")
        if not response.url.startswith(self.base) and not response.url.startswith("data:"):
            self.problems.append(f"outside request: {response.url}")

    def go(self, path: str) -> Any:
        return self.page.goto(self.base + path, wait_until="networkidle")


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    w = Watched(context.new_page(), base_url)
    try:
        yield w
        assert w.problems == []
    finally:
        context.close()


def _first_id(w: Watched, api: str, key: str = "id") -> int:
    data = w.page.request.get(w.base + api).json()
    items = data["items"] if isinstance(data, dict) else data
    return int(items[0][key])


def test_every_page_loads(watched: Watched) -> None:
    person = _first_id(watched, "/api/v1/people?name=T%C3%B4%20L%C3%A2m")
    event = watched.page.request.get(watched.base + "/api/v1/events?limit=1").json()["items"][0]
    pages = ["/", "/events", "/network", "/map", "/stats", "/stats?by=quarter&compare=2024-Q1", "/search?q=ASEAN",
             "/search?q=han%20quoc&i=true", "/states/JP", "/states/KR", "/people?name=L%C3%A2m",
             f"/people/{person}", f"/documents/{event['sources'][0]['document']}", "/?lang=en", "/map?lang=en"]
    for path in pages:
        answer = watched.go(path)
        assert answer.status == 200, path
        assert watched.page.locator("h1").first.inner_text().strip(), path
    watched.go("/docs")
    watched.page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "doingoai" in watched.page.locator(".swagger-ui .info .title").inner_text()


def test_the_map_and_network_show_the_levels(watched: Watched) -> None:
    watched.go("/map")
    japan = watched.page.locator("svg.worldmap g.country.lv-comprehensive_strategic_partnership title",
                                 has_text="Nhật Bản")
    assert japan.count() == 1
    watched.page.locator("svg.worldmap a[href='/states/JP'] g.country").click()
    watched.page.wait_for_url("**/states/JP")
    assert watched.page.locator("#current-level").inner_text() == "Đối tác chiến lược toàn diện"
    watched.go("/network")
    assert watched.page.locator("svg.network circle.node").count() >= 5


def test_a_filter_narrows_the_events(watched: Watched) -> None:
    watched.go("/events")
    every = int(watched.page.locator("#count").inner_text().split()[0])
    watched.page.select_option("select[name=type]", "phone_call")
    watched.page.locator("#apply").click()
    watched.page.wait_for_url("**type=phone_call**")
    narrowed = int(watched.page.locator("#count").inner_text().split()[0])
    assert 0 < narrowed < every
    types = watched.page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()
    assert types
    assert set(types) == {"điện đàm"}
    watched.page.fill("input[name=country]", "Hàn Quốc")
    watched.page.locator("#apply").click()
    watched.page.wait_for_url("**country=**")
    states = watched.page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts()
    assert states
    assert all("Hàn Quốc" in s for s in states)


def test_an_event_leads_to_its_sentence(watched: Watched) -> None:
    watched.go("/events?text=Kishida")
    # the text filter also finds acts whose article (not sentence) names him: follow one whose sentence does
    link = watched.page.locator("a.open-evidence", has_text="Kishida").first
    quoted = link.inner_text()
    link.click()
    watched.page.wait_for_url("**/documents/**")
    focus = watched.page.locator("mark.evidence.focus")
    assert focus.count() == 1
    assert focus.is_visible()
    assert "Kishida" in focus.inner_text()
    assert quoted.rstrip("…. ")[:40] in focus.inner_text()
    assert watched.page.evaluate("location.hash") == "#" + (focus.get_attribute("id") or "")


def test_the_language_switches_and_stays(watched: Watched) -> None:
    watched.go("/events?type=talks")
    assert watched.page.locator("html").get_attribute("lang") == "vi"
    assert watched.page.locator("header nav a").nth(1).inner_text() == "Sự kiện"
    watched.page.locator("#lang-switch").click()
    watched.page.wait_for_url("**lang=en**")
    assert watched.page.locator("html").get_attribute("lang") == "en"
    assert watched.page.locator("header nav a").nth(1).inner_text() == "Events"
    assert "type=talks" in watched.page.url  # the filter survives the switch
    watched.page.locator("header nav a").nth(3).click()  # the map, still in English
    assert watched.page.locator("h1").inner_text() == "Relations map"
    watched.page.locator("#lang-switch").click()
    assert watched.page.locator("h1").inner_text() == "Bản đồ quan hệ"


def test_statistics_download_as_csv(watched: Watched, tmp_path: Path) -> None:
    watched.go("/stats?by=quarter")
    rows = watched.page.locator("#stats-table tbody tr").count()
    assert rows >= 2
    with watched.page.expect_download() as info:
        watched.page.locator("#stats-csv").click()
    saved = tmp_path / "stats.csv"
    info.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("period,visits_abroad")
    assert len(lines) == rows + 1
