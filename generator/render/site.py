"""Everything the generator hands to MkDocs for one edition."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.changes.history import Entry, history_json
from generator.changes.previous_build import CHANGES_FILE
from generator.editions.resolve import ResolvedEdition
from generator.exports import (
    contacts_export,
    edition_export,
    sections_export,
    sources_export,
    to_json,
    tree_export,
)
from generator.models import Contact
from generator.models.channel_display import channel_view
from generator.render.card import CARD_PDF
from generator.render.contact_exports import CSV_FILE, VCARD_FILE, contacts_csv, contacts_vcf
from generator.render.example_notice import example_notice
from generator.render.facilitator_pack import FACILITATOR_PACK_HTML, FACILITATOR_PACK_PDF
from generator.render.feed import atom_feed
from generator.render.handouts import ALL_HANDOUTS_PDF
from generator.render.pages import Page, render_pages
from generator.render.print_edition import PRINT_PDF, stamp
from generator.text_cache import TextCache

EDITION_CSS = "assets/stylesheets/edition.css"


FEED_FILE = "changes.xml"


@dataclass(frozen=True)
class BannerItem:
    """One number in the emergency banner: what it is for, its text and where it leads."""

    label: str
    text: str
    href: str


@dataclass(frozen=True)
class Theme:
    """What MkDocs shows of an edition on every page: banner, print line, logo, colours."""

    banner: str | None
    print_line: str
    logo: str | None
    extra_css: list[str]
    banner_items: tuple[BannerItem, ...] = ()
    example_notice: str | None = None
    """"Example edition: fictional details" on every page of an example edition."""


def banner_items(edition: ResolvedEdition) -> tuple[BannerItem, ...]:
    """The banner's numbers: each banner role's first number as a tel: link, or its gap."""
    items = []
    for role_id in edition.distinct_roles(edition.edition.item.banner_roles):
        role = edition.content.roles.get(role_id)
        if role is None:
            continue
        resolved = edition.resolve_contact(role_id)
        label = role.item.name
        if isinstance(resolved, Contact):
            views = [channel_view(c) for c in resolved.channels if c.type in ("phone", "relay")]
            if views:
                items.append(BannerItem(label, views[0].text, views[0].href or ""))
                continue
        items.append(BannerItem(label, "see contacts", f"contacts.html#gap-{role_id}"))
    return tuple(items)


@dataclass(frozen=True)
class RenderedSite:
    """Generated pages, other output files and the navigation of one edition."""

    edition_id: str
    site_name: str
    pages: list[Page]
    files: dict[str, bytes]
    nav: list[Any]
    theme: Theme | None = None


def edition_css(edition: ResolvedEdition) -> str:
    """CSS custom properties for the edition's colours (validated ``#rrggbb`` values)."""
    branding = edition.edition.item.branding
    rules = []
    if branding.primary_colour:
        rules.append(f"  --md-primary-fg-color: {branding.primary_colour};")
        rules.append(f"  --md-primary-fg-color--dark: {branding.primary_colour};")
    if branding.accent_colour:
        rules.append(f"  --md-accent-fg-color: {branding.accent_colour};")
    body = "\n".join(rules)
    return (
        f":root,\n[data-md-color-scheme] {{\n{body}\n}}\n" if rules else "/* default colours */\n"
    )


def _grouped(pages: list[Page]) -> list[Any]:
    """Pages in order; those with a group gathered under it where the group first appears.

    With Material's navigation.prune, a page's menu then holds the other groups folded,
    not every page: the menu of a 500-section edition stays small (benchmarks/RESULTS.md).
    """
    nav: list[Any] = []
    groups: dict[str, list[dict[str, str]]] = {}
    for page in pages:
        if not page.group:
            nav.append({page.title: page.src_uri})
        elif page.group in groups:
            groups[page.group].append({page.title: page.src_uri})
        else:
            groups[page.group] = [{page.title: page.src_uri}]
            nav.append({page.group: groups[page.group]})
    return nav


def _nav(pages: list[Page]) -> list[Any]:
    def under(prefix: str) -> list[dict[str, str]]:
        return [
            {p.title: p.src_uri}
            for p in pages
            if p.src_uri.startswith(prefix) and not p.src_uri.endswith(("index.md", "-routes.md"))
        ]

    routes = [{p.title: p.src_uri} for p in pages if p.src_uri.endswith("-routes.md")]

    nav: list[Any] = [{"Home": "index.md"}]
    if guidance := _grouped([p for p in pages if p.src_uri.startswith("guidance/")]):
        nav.append({"Guidance": guidance})
    if flowcharts := under("flowcharts/"):
        nav.append({"Flowcharts": [*flowcharts, {"Every route, for sign-off": routes}]})
    nav.append({"Contacts": "contacts.md"})
    nav.append({"What's new": "whats-new.md"})
    if scenarios := under("scenarios/"):
        nav.append({"Training": [{"Scenarios": "scenarios/index.md"}, *scenarios]})
    return nav


def render_site(
    edition: ResolvedEdition,
    version: str,
    charts: Mapping[str, str],
    assets: Mapping[str, bytes] | None = None,
    entries: Sequence[Entry] = (),
    generated: str | None = None,
    guidance_pages: Sequence[Page] | None = None,
    cache: TextCache | None = None,
) -> RenderedSite:
    """Pages, exports and navigation of ``edition``.

    ``version`` is the hash of the build's inputs; ``charts`` maps tree ids to their SVG;
    ``assets`` are files rendered or printed before (the standalone card, handouts and
    printed edition, their PDFs, a logo), copied into the site as they are; ``entries`` is
    the change history as of ``generated`` (an ISO date-time); ``guidance_pages`` are the
    section pages when the caller has rendered them already (for the printed edition);
    ``cache`` keeps content Markdown's sanitised HTML between builds.
    """
    today = datetime.date.fromisoformat(generated[:10]) if generated else None
    has_pdf = CARD_PDF in (assets or {})
    pages = render_pages(
        edition,
        charts,
        entries,
        today,
        card_pdf=has_pdf,
        handouts_pdf=ALL_HANDOUTS_PDF in (assets or {}),
        facilitator_pack=FACILITATOR_PACK_HTML in (assets or {}),
        facilitator_pack_pdf=FACILITATOR_PACK_PDF in (assets or {}),
        print_pdf=PRINT_PDF in (assets or {}),
        guidance_pages=guidance_pages,
        cache=cache,
    )
    files: dict[str, bytes] = {}
    for tree in sorted(edition.content.trees.values(), key=lambda t: t.item.id):
        files[f"flowcharts/{tree.item.id}.json"] = to_json(tree_export(edition, tree.item))
        files[f"flowcharts/{tree.item.id}.svg"] = charts[tree.item.id].encode("utf-8")
    files["contacts.json"] = to_json(contacts_export(edition))
    files[CSV_FILE] = contacts_csv(edition).encode("utf-8")
    files[VCARD_FILE] = contacts_vcf(edition).encode("utf-8")
    files["edition.json"] = to_json(edition_export(edition, version))
    files[EDITION_CSS] = edition_css(edition).encode("utf-8")
    files["sections.json"] = to_json(sections_export(edition))
    files["sources.json"] = to_json(sources_export(edition))
    files[CHANGES_FILE] = to_json(history_json(edition.id, list(entries)))
    files[FEED_FILE] = atom_feed(
        edition.id, edition.edition.item.name, entries, generated or ""
    ).encode("utf-8")
    files.update(assets or {})
    settings = edition.edition.item
    logo = next((path for path in (assets or {}) if path.startswith("assets/edition/")), None)
    banner = settings.banner
    if edition.draft:
        banner = (
            "DRAFT, not for publishing: contacts marked 'to be completed' are missing. "
            f"{banner or ''}"
        ).strip()
    theme = Theme(
        banner=banner,
        print_line=f"{settings.name}. Published by {settings.authority}. "
        + stamp(edition, version, generated or ""),
        logo=logo,
        extra_css=[EDITION_CSS],
        banner_items=banner_items(edition),
        example_notice=example_notice(edition),
    )
    return RenderedSite(edition.id, settings.name, pages, files, _nav(pages), theme)
