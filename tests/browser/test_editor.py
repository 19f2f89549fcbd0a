"""A new local authority officer, in Chromium, makes an edition from nothing with
`safeguide edit`: binds every role or declares each gap, adds a contact (after a mistake
shown beside its field), a local section and a local step, builds, and finds the number on
the contacts page and in search. Prints the time and the number of steps it took."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from generator.content.project import Layout
from tests.browser.engine import search
from tests.conftest import interruptible
from tests.edit.project_copy import copy_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NEW = "north-shire"
# An Ofcom drama-range number (01632 960xxx), fictional: accepted only in an edition
# marked as an example, whose every page then says so.
NUMBER = "01632 960123"
NOTICE = "Example edition: fictional details"


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[tuple[str, Layout]]:
    """`safeguide edit` running for real on a copy of the project; yields its address."""
    layout = copy_project(tmp_path / "project")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--project", str(layout.root), "edit"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SAFEGUIDE_TODAY": "2026-12-01"},
        preexec_fn=interruptible,  # stopped below by Ctrl-C
    )
    assert process.stderr is not None
    address = ""
    for line in process.stderr:
        if line.startswith("open: "):
            address = line.removeprefix("open: ").strip()
            break
    assert address.startswith("http://127.0.0.1:") and "?token=" in address
    try:
        yield address, layout
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Officer:
    """Drives the page as a person does, counting every click and every field filled."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.steps = 0

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.steps += 1

    def field(self, label: str) -> Locator:
        """The control labelled ``label`` (a required field's label ends "(required)")."""
        return self.page.get_by_label(re.compile(rf"^{re.escape(label)}( \(required\))?$"))

    def fill(self, label: str, value: str) -> None:
        self.field(label).fill(value)
        self.steps += 1

    def choose(self, label: str, value: str) -> None:
        self.field(label).select_option(value)
        self.steps += 1


def axe_violations(page: Page) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [f"{v['id']}: {v['help']}" for v in result.response["violations"]]


def test_an_officer_makes_an_edition_from_nothing_in_the_browser(
    editor: tuple[str, Layout], browser: Browser
) -> None:
    address, layout = editor
    origin = address.split("/?")[0]
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    officer = Officer(page)
    violations: dict[str, list[str]] = {}
    started = time.monotonic()

    page.goto(address)
    violations["home"] = axe_violations(page)
    officer.click("text=Start a new edition")
    officer.fill("Short name (id)", NEW)
    officer.fill("Name of the edition", "North Shire safeguarding guidance (example)")
    officer.fill("Published by", "North Shire Council (fictional)")
    officer.click("text=This is an example or training edition (fictional details)")
    officer.click("button:has-text('Create the edition')")

    expect(page.get_by_role("heading", name="Roles to fill")).to_be_visible()
    violations["roles"] = axe_violations(page)
    roles = page.locator("fieldset.role").count()
    assert roles >= 10
    for role_id in page.locator("input[value=gap]").evaluate_all(
        "els => els.map(e => e.name.replace('choice__', ''))"
    ):
        if role_id == "designated-safeguarding-lead":
            officer.click(f"#new-{role_id}")
        else:
            officer.click(f"#gap-{role_id}")
    officer.click("button:has-text('Save the roles')")

    expect(page.get_by_role("heading", name=re.compile("Add a contact for"))).to_be_visible()
    officer.fill("Name", "North Shire designated safeguarding lead (fictional)")
    officer.fill("Phone number", "0123")
    officer.fill("When to use", "Any worry about a child, however small.")
    officer.choose("Urgency", "same-day")
    officer.choose("Source", "new")
    officer.fill("Where in the source", "Key contacts")
    officer.fill("New source: title", "North Shire safeguarding policy (fictional)")
    officer.fill("New source: publisher", "North Shire Council (fictional)")
    officer.fill("New source: date or edition", "2026")
    officer.click("button:has-text('Save the contact')")

    error = page.locator("#phone-error")
    expect(error).to_contain_text("This phone number is too short: it has 4 digits")
    expect(page.locator("#phone")).to_be_focused()
    expect(page.locator("#phone")).to_have_attribute("aria-describedby", re.compile("phone-error"))
    violations["contact with an error"] = axe_violations(page)
    officer.fill("Phone number", NUMBER)
    officer.click("button:has-text('Save the contact')")
    expect(page.get_by_text("Saved. The preview is being rebuilt.")).to_be_visible()
    expect(page.locator(".checklist")).to_contain_text(f"{roles} of {roles} have a contact")
    violations["overview"] = axe_violations(page)

    officer.click("nav >> text=Add a section")
    officer.fill("Title", "North Shire local arrangements")
    officer.fill("Summary", "What the North Shire example edition adds.")
    page.locator("#block1_text").fill("Tell the DSL on the same day, before you go home.")
    officer.steps += 1
    officer.choose("Source", "north-shire-safeguarding-policy-fictional")
    officer.fill("Where in the source", "Section 2")
    officer.click("button:has-text('Save the section')")
    expect(page.get_by_text("Saved. The preview is being rebuilt.")).to_be_visible()

    officer.click("nav >> text=Change a flowchart")
    officer.click("a[href$='/trees/concerns-about-a-child']")
    violations["flowchart"] = axe_violations(page)
    page.locator("#target").select_option("talk-to-dsl")
    officer.steps += 1
    page.locator("#text").fill("North Shire: record the concern on the log before you go home.")
    officer.steps += 1
    page.locator("#actions").fill("Use the safeguarding log\nWrite the date and time")
    officer.steps += 1
    page.locator("#h-insert + form #source").select_option(
        "north-shire-safeguarding-policy-fictional"
    )
    officer.steps += 1
    page.locator("#h-insert + form #where").fill("Recording concerns")
    officer.steps += 1
    officer.click("button:has-text('Insert the step')")
    expect(page.get_by_text("Saved. The preview is being rebuilt.")).to_be_visible()

    officer.click("#build-preview")
    status = page.locator("#preview-status")
    expect(status).to_have_attribute("data-state", "built", timeout=120_000)
    took = time.monotonic() - started

    preview = context.new_page()
    preview.goto(f"{origin}/preview/{NEW}/contacts.html")
    expect(preview.locator("main")).to_contain_text(NUMBER)
    expect(preview.get_by_role("note").filter(has_text=NOTICE)).to_be_visible()
    found = search(preview, "North Shire designated")
    assert any("contacts" in href for href in found), found
    preview.close()
    context.close()

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(layout.root),
            "check",
            "--edition",
            NEW,
            "--strict",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SAFEGUIDE_TODAY": "2026-12-01"},
    )
    assert done.returncode == 0, done.stderr
    assert {k: v for k, v in violations.items() if v} == {}
    print(
        f"\neditor: new edition with {roles} roles in {took:.0f} s and {officer.steps} steps "
        "(clicks + fields filled)"
    )
