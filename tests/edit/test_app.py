"""The editor's forms end to end on a project copy (no browser, no build): a new edition
from nothing to a strict check with no errors or warnings."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.errors import Severity
from tests.edit.conftest import TOKEN

NEW = "north-shire"
GAP = "Not published in the source; confirm with the local authority."


def _field_error(html: str, name: str) -> str:
    found = re.search(rf'<div class="field-error" id="{name}-error">(.*?)</div>', html, re.S)
    assert found, f"no error beside {name}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


def _words(page: str) -> str:
    """The page's text: tags removed, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))


def _create(client: TestClient) -> None:
    response = client.post(
        "/new",
        data={
            "token": TOKEN,
            "id": NEW,
            "name": "North Shire guidance (example)",
            "authority": "North Shire (fictional)",
            "base": "national",
            "example": "on",
        },
    )
    assert response.status_code == 200 and response.url.path == f"/e/{NEW}/roles"


def test_a_new_edition_is_filled_in_through_the_forms_and_passes_a_strict_check(
    client: TestClient, project: Layout
) -> None:
    _create(client)
    folder = project.editions_dir / NEW
    edition_text = (folder / "edition.yaml").read_text(encoding="utf-8")
    assert "example: true" in edition_text and "# New edition 'north-shire'" in edition_text

    roles_page = client.get(f"/e/{NEW}/roles").text
    roles = re.findall(r'name="choice__([a-z-]+)" value="gap"', roles_page)
    assert "lado" in roles and "designated-safeguarding-lead" in roles
    assert "Local authority designated officer" in roles_page or "LADO" in roles_page
    choices = {"token": TOKEN}
    for role in roles:
        choices[f"choice__{role}"] = "gap"
        choices[f"reason__{role}"] = GAP
    choices["choice__designated-safeguarding-lead"] = "new"
    response = client.post(f"/e/{NEW}/roles", data=choices)
    assert response.url.path == f"/e/{NEW}/contacts/new"
    assert 'value="designated-safeguarding-lead" checked' in response.text

    contact = {
        "token": TOKEN,
        "name": "North Shire DSL line (fictional)",
        "when_to_use": "Any worry about a child.",
        "urgency": "same-day",
        "audiences": "staff",
        "area": "North Shire",
        "fulfils": "designated-safeguarding-lead",
        "phone": "0123",
        "source": "new",
        "where": "Key contacts",
        "new_title": "North Shire safeguarding policy (fictional)",
        "new_publisher": "North Shire (fictional)",
        "new_edition": "2026",
        "verified": "2026-11-30",
    }
    action = f"/e/{NEW}/contacts/new?role=designated-safeguarding-lead"
    scaffold = {
        p: (folder / "content" / p).read_text(encoding="utf-8")
        for p in ("contacts.yaml", "sources.yaml")
    }  # new-edition's commented examples
    refused = client.post(action, data=contact)
    assert refused.status_code == 400
    assert "This phone number is too short: it has 4 digits" in _field_error(refused.text, "phone")
    assert 'aria-describedby="phone-hint phone-error" aria-invalid="true" autofocus' in refused.text
    assert 'value="0123"' in refused.text  # the officer's values are kept
    for name, text in scaffold.items():  # nothing was written
        assert (folder / "content" / name).read_text(encoding="utf-8") == text

    saved = client.post(action, data={**contact, "phone": "020 7946 0123"})
    assert saved.url.path == f"/e/{NEW}", saved.text
    assert "designated-safeguarding-lead: north-shire-dsl-line-fictional" in (
        folder / "edition.yaml"
    ).read_text(encoding="utf-8")
    for name, text in scaffold.items():  # the examples stay, the new entry below them
        assert (folder / "content" / name).read_text(encoding="utf-8").startswith(text)

    section = client.post(
        f"/e/{NEW}/sections/new",
        data={
            "token": TOKEN,
            "title": "North Shire local arrangements",
            "summary": "What North Shire adds.",
            "audience": ["all-staff", "dsl"],
            "order": "15",
            "block1_text": "Tell the DSL the same day.",
            "block1_basis": "local",
            "source": "north-shire-safeguarding-policy-fictional",
            "where": "Section 2",
            "review_by": "2027-11-30",
            "owner": "Designated safeguarding lead",
        },
    )
    assert section.url.path == f"/e/{NEW}", section.text
    assert (folder / "content" / "sections" / "north-shire-local-arrangements.yaml").is_file()

    tree_page = client.get(f"/e/{NEW}/trees/concerns-about-a-child").text
    assert "<code>talk-to-dsl</code>" in tree_page
    step = {
        "token": TOKEN,
        "position": "after",
        "target": "talk-to-dsl",
        "text": "North Shire: record it on the log today.",
        "actions": "Use the log\nDate it",
        "contacts": "designated-safeguarding-lead",
        "basis": "local",
        "source": "north-shire-safeguarding-policy-fictional",
        "where": "Recording",
    }
    inserted = client.post(f"/e/{NEW}/trees/concerns-about-a-child/insert", data=step)
    assert inserted.url.path == f"/e/{NEW}", inserted.text
    rebound = client.post(
        f"/e/{NEW}/trees/concerns-about-a-child/rebind",
        data={
            "token": TOKEN,
            "rb_node": "talk-to-dsl",
            "rb_contacts": ["designated-safeguarding-lead"],
        },
    )
    assert rebound.url.path == f"/e/{NEW}"
    retexted = client.post(
        f"/e/{NEW}/trees/concerns-about-a-child/text",
        data={"token": TOKEN, "tx_node": "talk-to-dsl", "tx_text": "Tell the DSL now."},
    )
    assert retexted.url.path == f"/e/{NEW}"
    tree_text = (folder / "flowcharts" / "concerns-about-a-child.yaml").read_text("utf-8")
    assert tree_text.count("\n  - ") == 3 and "base_hash: " in tree_text

    checked = check_edition(project, NEW)
    assert checked.edition is not None
    problems = [d.format() for d in checked.diagnostics if d.severity is not Severity.NOTE]
    assert problems == []
    assert len(checked.edition.gap_notes()) == len(roles) - 1


def test_a_step_after_a_question_is_refused_beside_the_node_field(
    client: TestClient, project: Layout
) -> None:
    _create(client)
    before = sorted(p.name for p in (project.editions_dir / NEW / "flowcharts").iterdir())
    refused = client.post(
        f"/e/{NEW}/trees/concerns-about-a-child/insert",
        data={
            "token": TOKEN,
            "position": "after",
            "target": "immediate-danger",
            "text": "A step.",
            "source": "kcsie-2026",
            "where": "Part one",
        },
    )
    assert refused.status_code == 400
    assert "expected a step to insert after" in _field_error(refused.text, "target")
    after = sorted(p.name for p in (project.editions_dir / NEW / "flowcharts").iterdir())
    assert after == before


def test_a_bad_or_taken_edition_id_is_explained_beside_the_field(client: TestClient) -> None:
    bad = client.post(
        "/new",
        data={
            "token": TOKEN,
            "id": "North Shire",
            "name": "x",
            "authority": "y",
            "base": "national",
        },
    )
    assert "lowercase words joined by hyphens" in _field_error(bad.text, "id")
    taken = client.post(
        "/new",
        data={"token": TOKEN, "id": "essex", "name": "x", "authority": "y", "base": "national"},
    )
    assert "already an edition" in _field_error(taken.text, "id")


def test_a_role_marked_existing_without_a_contact_is_explained_beside_it(
    client: TestClient, project: Layout
) -> None:
    _create(client)
    before = (project.editions_dir / NEW / "edition.yaml").read_text(encoding="utf-8")
    refused = client.post(f"/e/{NEW}/roles", data={"token": TOKEN, "choice__lado": "existing"})
    assert refused.status_code == 400
    assert 'id="err-lado"' in refused.text
    assert "Choose the contact for this role" in refused.text
    assert (project.editions_dir / NEW / "edition.yaml").read_text(encoding="utf-8") == before


def test_a_fictional_number_outside_an_example_edition_is_refused_beside_the_phone(
    client: TestClient, project: Layout
) -> None:
    created = client.post(
        "/new",
        data={
            "token": TOKEN,
            "id": NEW,
            "name": "North Shire guidance",
            "authority": "North Shire",
            "base": "national",
        },
    )  # not marked as an example edition
    assert created.url.path == f"/e/{NEW}/roles"
    contacts = project.editions_dir / NEW / "content" / "contacts.yaml"
    before = contacts.read_text(encoding="utf-8")
    refused = client.post(
        f"/e/{NEW}/contacts/new",
        data={
            "token": TOKEN,
            "name": "North Shire front door",
            "when_to_use": "Any worry about a child.",
            "urgency": "same-day",
            "audiences": "staff",
            "area": "North Shire",
            "phone": "01632 960123",
            "source": "kcsie-2026",
            "where": "Part one",
            "verified": "2026-11-30",
        },
    )
    assert refused.status_code == 400
    words = html.unescape(_field_error(refused.text, "phone"))
    assert words.startswith("Problem: 01632 960123 is a fictional number from Ofcom's drama range")
    assert contacts.read_text(encoding="utf-8") == before


def test_pages_show_names_what_is_left_and_the_contacts_that_fit_a_role_first(
    client: TestClient,
) -> None:
    new_form = client.get("/new").text
    assert re.search(
        r'<option value="national"[^>]*>Safeguarding guidance for schools in England', new_form
    )
    assert new_form.index('value="national"') < new_form.index('value="essex"')
    _create(client)

    overview = html.unescape(client.get(f"/e/{NEW}").text)
    assert "What is left to do" in overview
    assert "0 of 15 have a contact or are declared as gaps." in overview
    assert "Still open: Children's social care (front door)," in overview
    assert "The role 'lado'" not in overview  # open roles are summed up by name, not listed
    assert "safeguide build --edition north-shire" in overview and '"Publish"' in overview
    assert f'src="/e/{NEW}/preview-waiting"' in overview  # nothing built yet
    waiting = client.get(f"/e/{NEW}/preview-waiting")
    assert waiting.status_code == 200 and "appears here once it is built" in waiting.text

    saved = client.post(
        f"/e/{NEW}/contacts/new",
        data={
            "token": TOKEN,
            "name": "North Shire LADO (fictional)",
            "when_to_use": "An allegation about an adult who works with children.",
            "urgency": "same-day",
            "audiences": "staff",
            "area": "North Shire",
            "fulfils": "lado",
            "phone": "01632 960124",
            "source": "kcsie-2026",
            "where": "Part four",
            "verified": "2026-11-30",
        },
    )
    assert saved.url.path == f"/e/{NEW}", saved.text
    assert "Contacts: 1 of your own: North Shire LADO (fictional)." in _words(saved.text)

    roles = client.get(f"/e/{NEW}/roles").text
    lado = roles[
        roles.index('id="contact-lado"') : roles.index(
            "</select>", roles.index('id="contact-lado"')
        )
    ]
    fits = lado.index('<optgroup label="Contacts that fill this role">')
    assert fits < lado.index("North Shire LADO (fictional)") < lado.index('label="Other contacts"')
    assert "Local Authority Designated Officer (LADO)" in roles
    assert "0 of 15 roles have a contact or are declared as gaps." in roles
    assert 'id="fit-early-help"' in roles  # no contact fits it: the page says so

    form = client.get(f"/e/{NEW}/contacts/new?role=lado").text
    assert '<p class="intro">Local Authority Designated Officer (LADO): Where allegations' in form


def test_a_patch_to_the_tree_of_the_scaffolds_commented_example_keeps_the_example(
    client: TestClient, project: Layout
) -> None:
    _create(client)
    flowcharts = project.editions_dir / NEW / "flowcharts"
    (example,) = flowcharts.iterdir()  # new-edition's commented tree patch
    before = example.read_text(encoding="utf-8")
    step = re.findall(r"^#   - node: (\S+)$", before, re.M)[-1]
    saved = client.post(
        f"/e/{NEW}/trees/{example.stem}/text",
        data={"token": TOKEN, "tx_node": step, "tx_text": "North Shire's own wording."},
    )
    assert saved.url.path == f"/e/{NEW}", saved.text
    after = example.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert f"patch:\n  - node: {step}\n    set:\n      text: North Shire's own wording.\n" in after
