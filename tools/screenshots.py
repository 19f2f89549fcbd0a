"""Write README screenshots of a built edition at phone and desktop widths.

Usage: .venv/bin/python tools/screenshots.py [SITE_DIR]   (default: site/worcestershire)
Uses Debian's Chromium through Playwright, like the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "index.html",
    "flowchart": "flowcharts/missing-child.html",
    "contacts": "contacts.html",
}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 860}}


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site" / "worcestershire"
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, is_mobile=size_name == "phone")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto((site / path).as_uri())
                page.wait_for_timeout(200)
                target = out / f"{name}-{size_name}.png"
                page.screenshot(path=str(target))
                print(f"wrote {target.relative_to(ROOT)}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
