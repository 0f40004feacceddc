"""The dashboard's screenshots in docs/ (PNG), taken by Playwright driving Debian's chromium from a demo
knowledge base (the example pages and the shared corpora, as ``doingoai serve --demo`` builds it).

    .venv/bin/python -m tests.serve.screenshots [--db /tmp/demo.sqlite]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from doingoai.serve import ServeSettings
from doingoai.serve.demo import build_demo
from tests.serve.browser import ARGS, CHROMIUM
from tests.serve.conftest import start

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SHOTS = [("overview", "/"), ("events", "/events?country=JP"), ("state", "/states/JP"), ("network", "/network"),
         ("map", "/map"), ("stats", "/stats?by=year"), ("overview-en", "/?lang=en")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="/tmp/doingoai-demo.sqlite")
    args = ap.parse_args()
    print(build_demo(args.db).line())
    server = start(ServeSettings(db=args.db))
    DOCS.mkdir(exist_ok=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            for name, path in SHOTS:
                page.goto(server.url + path, wait_until="networkidle")
                page.screenshot(path=str(DOCS / f"{name}.png"))
                print(f"docs/screenshots/{name}.png")
            page.goto(server.url + "/events?country=JP", wait_until="networkidle")
            event = page.locator("a.open-evidence").first
            event.click()
            page.wait_for_url("**/documents/**")
            page.screenshot(path=str(DOCS / "evidence.png"))
            print("docs/screenshots/evidence.png")
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
