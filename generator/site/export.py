"""``safeguide export ID DIR``: an edition as a plain docs folder and a plugin-free
mkdocs.yml, for an engine that runs no plugins or hooks (Zensical), or any other.

```
DIR/mkdocs.yml   the project's settings without its hook, with the edition's own values
DIR/docs/        hand-written pages and vendored assets, every generated page (Markdown)
                 and file (exports, charts, PDFs, printable documents, the edition's CSS)
DIR/overrides/   the theme overrides (site_config/theme)
```

The folder is written beside DIR and swapped in whole, as a build is. What the engine
builds from it (``DIR/site``) then goes through ``safeguide postprocess``.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.changes.previous_build import read_previous_build
from generator.content.project import CONFIG_FILE, Layout
from generator.errors import ContentError
from generator.render.edition_config import edition_config
from generator.render.site import RenderedSite
from generator.site.build import (
    clear_stale,
    one_build_at_a_time,
    readable_by_web_server,
    swap_in,
    temporary_prefix,
)
from generator.site.generate import generate

DOCS = "docs"
OVERRIDES = "overrides"
SITE = "site"
HEADER = """\
# Edition '{edition}' exported by `safeguide export`: plain pages, no hook and no plugin
# of safeguide's. Build it with any engine in this folder, then run the post-build pass
# on the result:
#   zensical build -f mkdocs.yml        (or: properdocs build -f mkdocs.yml)
#   safeguide postprocess {site}
"""


class ExportRefused(ValueError):
    """The project's mkdocs.yml cannot be carried into a plain one."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    pages: int
    files: int


def plain_config(project_config: dict[str, Any], site: RenderedSite) -> dict[str, Any]:
    """The project's settings for the exported folder: no hooks, the folder's own paths,
    and the values safeguide's plugin would have set. Pure."""
    config = {key: value for key, value in project_config.items() if key != "hooks"}
    values = edition_config(site)
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = OVERRIDES
    # Zensical's own look fails WCAG contrast on the active menu link; its classic variant
    # is Material's (Material ignores the key).
    theme.setdefault("variant", "classic")
    if values.logo:
        theme["logo"] = values.logo
    extra = dict(config.get("extra") or {})
    extra.pop("safeguide", None)  # safeguide's own settings; no engine reads them
    extra.update(values.extra)
    config.update(
        site_name=values.site_name,
        docs_dir=DOCS,
        site_dir=SITE,
        theme=theme,
        extra=extra,
        extra_css=[*(config.get("extra_css") or []), *values.extra_css],
        nav=values.nav,
    )
    return config


def _project_config(layout: Layout) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(layout.mkdocs_config.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ExportRefused(
            f"{CONFIG_FILE}: expected plain YAML that a plain configuration can carry, "
            f"got {exc.__class__.__name__} ({str(exc).splitlines()[0]})"
        ) from None
    if not isinstance(loaded, dict):
        raise ExportRefused(f"{CONFIG_FILE}: expected a mapping of settings")
    return loaded


def _write(folder: Path, layout: Layout, site: RenderedSite, config: dict[str, Any]) -> int:
    """Fill ``folder``; return how many generated files it holds."""
    docs = folder / DOCS
    shutil.copytree(layout.pages_dir, docs)
    shutil.copytree(layout.root / "site_config" / "theme", folder / OVERRIDES)
    written = 0
    for page in site.pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for path, data in sorted(site.files.items()):
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
    header = HEADER.format(edition=site.edition_id, site=SITE)
    (folder / CONFIG_FILE).write_text(header + text, encoding="utf-8")
    return written


def write_plain_folder(folder: Path, layout: Layout, site: RenderedSite) -> int:
    """Write ``site`` into the empty ``folder`` as an export (docs/, overrides/, a plain
    mkdocs.yml building into ``folder/site``); return how many generated files it holds.
    ``safeguide build --engine zensical`` builds such a folder (engine/zensical.py)."""
    return _write(folder, layout, site, plain_config(_project_config(layout), site))


def export_edition(layout: Layout, edition_id: str, out: Path) -> Exported:
    """Check, render and write ``edition_id`` into ``out`` as a plain docs folder.

    Raises :class:`ContentError` on content errors and :class:`ExportRefused` when the
    project's mkdocs.yml cannot be written out plainly; either way ``out`` is untouched.
    """
    out = out.resolve()
    project_config = _project_config(layout)
    with one_build_at_a_time(out):
        generated = generate(layout, edition_id, previous=read_previous_build(out / SITE))
        if generated.site is None:
            raise ContentError(generated.diagnostics)
        config = plain_config(project_config, generated.site)
        clear_stale(out)
        temporary = Path(tempfile.mkdtemp(prefix=temporary_prefix(out), dir=out.parent))
        readable_by_web_server(temporary)
        try:
            files = _write(temporary, layout, generated.site, config)
            swap_in(temporary, out)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    return Exported(pages=len(generated.site.pages), files=files)
