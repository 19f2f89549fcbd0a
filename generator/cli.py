"""Command line: ``safeguide check|build|serve|postprocess|...`` (also ``python -m generator``)."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import click
from pydantic_core import PydanticCustomError

from generator.checks.pipeline import DEFAULT_EDITION, check_edition
from generator.content.project import Layout, ProjectNotFound, find_project_root
from generator.editions.resolve import ResolvedEdition
from generator.errors import (
    Diagnostic,
    errors_in,
    sorted_diagnostics,
    warnings_in,
)
from generator.models import DecisionTree, OutcomeNode, QuestionNode, StepNode
from generator.models.text_rules import check_id
from generator.render.flowcharts import GraphvizMissing
from generator.site.build_all import EditionBuild, build_one
from generator.site.engine.choice import ENGINES, UnknownEngine, chosen_engine
from generator.site.engine.runtime import EngineConflict, EngineMissing
from generator.site.shards import BadShard, Shard, parse_shard, shard_editions

# Commands import what only they need inside the command: a build's start-up time counts
# (benchmarks/RESULTS.md), and `build` of one edition needs neither rich nor the schema code.

EXIT_CONTENT_ERROR = 1


def _layout(ctx: click.Context) -> Layout:
    """The project the command acts on; a usage error when there is none."""
    layout = ctx.obj
    if not isinstance(layout, Layout):
        raise click.UsageError(str(layout))
    return layout


def _report(diagnostics: list[Diagnostic], *, strict: bool) -> bool:
    """Print diagnostics one per line on stderr; return True when they fail the run."""
    _print(diagnostics)
    return _summary(diagnostics, strict=strict)


def _editions(layout: Layout, edition: str | None, all_editions: bool) -> list[str]:
    if edition and all_editions:
        raise click.UsageError("give --edition or --all, not both")
    if all_editions:
        return layout.edition_ids()
    return [edition or DEFAULT_EDITION]


def _shard_option(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
    """``--shard I/N`` parsed; a usage error (exit 2) when malformed or out of range."""
    if value is None:
        return None
    try:
        return parse_shard(value)
    except BadShard as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


SHARD_RULE = (
    "Shards: the edition ids, sorted, cut into N consecutive blocks whose sizes differ by "
    "at most one (the first blocks take the extra ones); adding an edition moves at most "
    "one other across each block boundary. `safeguide editions --shard I/N` lists a shard."
)


class SafeguideGroup(click.Group):
    """Turns a missing Graphviz or engine into one clear line and exit code 1, not a
    traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (GraphvizMissing, EngineMissing, EngineConflict) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_CONTENT_ERROR)


def _engine(layout: Layout, option: str | None) -> str:
    """``--engine``, else the project's setting in mkdocs.yml; a usage error if that is bad."""
    try:
        return chosen_engine(layout.mkdocs_config, option)
    except UnknownEngine as exc:
        raise click.UsageError(str(exc)) from None


ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    help=("Engine to run (default: extra.safeguide.engine in mkdocs.yml, else properdocs)."),
)


@click.group(cls=SafeguideGroup)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    help="Project root (default: nearest folder above holding mkdocs.yml).",
)
@click.version_option(package_name="safeguide")
@click.pass_context
def main(ctx: click.Context, project: Path | None) -> None:
    """safeguide: safeguarding guidance from YAML to a searchable static site."""
    # Every command but postprocess acts on a project: it asks for it through _layout.
    try:
        root = project.resolve() if project else find_project_root()
    except ProjectNotFound as exc:
        ctx.obj = str(exc)
        return
    if not (root / "mkdocs.yml").is_file():
        ctx.obj = f"{root} holds no mkdocs.yml"
        return
    ctx.obj = Layout(root)


def _edition_of_folder(layout: Layout, folder: Path) -> str | None:
    """The edition whose folder (site_config/editions/<id>/, at any depth) holds ``folder``."""
    try:
        inside = folder.resolve().relative_to(layout.editions_dir.resolve())
    except ValueError:
        return None
    if not inside.parts or not layout.edition_file(inside.parts[0]).is_file():
        return None
    return inside.parts[0]


def _editions_to_check(layout: Layout, edition: str | None, all_editions: bool) -> list[str]:
    """``--edition``, ``--all``, else the edition of the current folder, else every edition."""
    if edition or all_editions:
        return _editions(layout, edition, all_editions)
    here = _edition_of_folder(layout, Path.cwd())
    if here is not None:
        return [here]
    return layout.edition_ids() or [DEFAULT_EDITION]


@main.command()
@click.option("--edition", help="Edition id (default: every edition, or the one you stand in).")
@click.option("--all", "all_editions", is_flag=True, help="Check every edition.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--draft", is_flag=True, help="Unbound roles are warnings, not errors.")
@click.pass_context
def check(
    ctx: click.Context, edition: str | None, all_editions: bool, strict: bool, draft: bool
) -> None:
    """Validate content and report every problem, one positioned line each.

    With no option, checks every edition, or only the edition whose folder
    (site_config/editions/<id>/) holds the current directory. When several
    editions are checked, each one's problems follow an ``edition ID:`` line;
    a problem in a shared file is shown once, under the first edition it affects.
    """
    layout = _layout(ctx)
    editions = _editions_to_check(layout, edition, all_editions)
    found: list[Diagnostic] = []
    shown: set[tuple[object, ...]] = set()
    for edition_id in editions:
        checked = check_edition(layout, edition_id, draft=draft)
        own = checked.diagnostics
        if checked.edition is not None:
            own = own + checked.edition.gap_notes()
        new = [d for d in sorted_diagnostics(own) if _identity(d) not in shown]
        shown.update(_identity(d) for d in new)
        if len(editions) > 1:
            click.echo(f"edition {edition_id}: {_counts(new)}", err=True)
            _print(new)
        found += new
    if len(editions) == 1:
        _print(found)
    if _summary(found, strict=strict):
        sys.exit(EXIT_CONTENT_ERROR)
    click.echo("ok", err=True)


def _identity(diagnostic: Diagnostic) -> tuple[object, ...]:
    return (diagnostic.sort_key(), diagnostic.key_path, diagnostic.severity)


def _counts(diagnostics: list[Diagnostic]) -> str:
    errors = len(errors_in(diagnostics))
    warnings = len(warnings_in(diagnostics))
    notes = len(diagnostics) - errors - warnings
    summary = f"{errors} error(s), {warnings} warning(s)"
    return f"{summary}, {notes} declared gap(s)" if notes else summary


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in sorted_diagnostics(diagnostics):
        click.echo(diagnostic.format(), err=True)
        for line in diagnostic.detail.splitlines():
            click.echo(f"    {line}", err=True)


def _summary(diagnostics: list[Diagnostic], *, strict: bool) -> bool:
    """Print the summary line; return True when the diagnostics fail the run."""
    if diagnostics:
        click.echo(_counts(diagnostics), err=True)
    return bool(errors_in(diagnostics)) or (strict and bool(warnings_in(diagnostics)))


def _report_build(result: EditionBuild, target: Path, *, strict: bool) -> bool:
    """Print one edition's build result; return True when it failed."""
    if not result.built:
        _report(result.diagnostics, strict=strict)
        click.echo(f"{result.edition_id}: not built; the previous site is unchanged", err=True)
        return True
    _report(result.diagnostics, strict=False)
    click.echo(f"{result.edition_id}: {result.summary}", err=True)
    click.echo(f"{result.edition_id}: built {os.path.relpath(target)}", err=True)
    return False


@main.command(epilog=SHARD_RULE)
@click.option("--edition", help="Edition id (default: national).")
@click.option("--all", "all_editions", is_flag=True, help="Build every edition, in parallel.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: site/<edition>/; with --all, the folder holding them).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--draft", is_flag=True, help="Show unbound roles as 'to be completed'.")
@click.option("--jobs", type=click.IntRange(min=1), help="Parallel builds (default: CPU count).")
@click.option(
    "--shard",
    metavar="I/N",
    callback=_shard_option,
    help=(
        "With --all: build only shard I of N (1-based, e.g. 2/4), for CI runners in "
        "parallel; each shard also writes the index of all editions."
    ),
)
@ENGINE_OPTION
@click.pass_context
def build(
    ctx: click.Context,
    edition: str | None,
    all_editions: bool,
    out: Path | None,
    strict: bool,
    draft: bool,
    jobs: int | None,
    shard: Shard | None,
    engine: str | None,
) -> None:
    """Build editions into static sites (atomically: a failed build changes nothing).

    With --all, every edition goes to site/<id>/ and site/index.html lists them. With
    --all --shard I/N, only shard I is built, into the same places, and site/index.html
    still lists every edition, so the folders of all N shards copied together make the
    whole site.
    """
    layout = _layout(ctx)
    if shard is not None and not all_editions:
        raise click.UsageError("--shard splits the editions of --all: give --all with it")
    editions = _editions(layout, edition, all_editions)
    index_of = None
    if shard is not None:
        index_of = editions
        editions = shard_editions(editions, shard)
    engine = _engine(layout, engine)
    if not all_editions:
        edition_id = editions[0]
        target = out.resolve() if out else layout.site_dir(edition_id)
        result = build_one(layout.root, edition_id, target, strict, draft, engine)
        if _report_build(result, target, strict=strict):
            sys.exit(EXIT_CONTENT_ERROR)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from generator.site.build_all import build_editions

    out_root = out.resolve() if out else layout.root / "site"
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as progress:
        label = f"building shard {shard}" if shard else "building editions"
        task = progress.add_task(label, total=len(editions))

        def advance(result: EditionBuild) -> None:
            state = "built" if result.built else "FAILED"
            progress.update(task, advance=1, description=f"{result.edition_id} {state}")

        results = build_editions(
            layout,
            editions,
            out_root,
            strict=strict,
            draft=draft,
            jobs=jobs,
            on_done=advance,
            engine=engine,
            index_of=index_of,
        )
    failed = False
    for result in results:
        failed |= _report_build(result, out_root / result.edition_id, strict=strict)
    click.echo(f"index: {os.path.relpath(out_root / 'index.html')}", err=True)
    if failed:
        sys.exit(EXIT_CONTENT_ERROR)


@main.command(epilog=SHARD_RULE)
@click.option(
    "--shard",
    metavar="I/N",
    callback=_shard_option,
    help="Only the editions of shard I of N (1-based), as `build --all --shard I/N` builds.",
)
@click.pass_context
def editions(ctx: click.Context, shard: Shard | None) -> None:
    """List the edition ids, one per line, sorted (those of one shard with --shard)."""
    ids = _layout(ctx).edition_ids()
    for edition_id in shard_editions(ids, shard) if shard else ids:
        click.echo(edition_id)


@main.command()
@click.option("--edition", help="Edition id (default: national).")
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@ENGINE_OPTION
@click.pass_context
def serve(ctx: click.Context, edition: str | None, dev_addr: str, engine: str | None) -> None:
    """Serve an edition with live reload (the engine's development server); no PDFs and no
    Content-Security-Policy in served pages.

    With zensical, the edition is exported into a temporary folder that `zensical serve`
    serves; every change to content, flowcharts, site_config or mkdocs.yml writes the
    export again (a content error is printed and the last good pages stay served). Ctrl-C
    stops it and removes the folder.
    """
    from generator.errors import ContentError
    from generator.site.engine.run import serve_edition

    layout = _layout(ctx)
    edition_id = edition or DEFAULT_EDITION
    try:
        serve_edition(
            layout,
            edition_id,
            dev_addr,
            engine=_engine(layout, engine),
            report=lambda found: _report(found, strict=False),
        )
    except ContentError as exc:
        _report(exc.diagnostics, strict=False)
        click.echo(f"{edition_id}: not served", err=True)
        sys.exit(EXIT_CONTENT_ERROR)


@main.command()
@click.argument("edition_id", metavar="ID")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
@click.pass_context
def export(ctx: click.Context, edition_id: str, out: Path) -> None:
    """Write edition ID as a plain docs folder and a mkdocs.yml without safeguide's hook,
    for engines without plugins (Zensical): DIR/mkdocs.yml, DIR/docs/, DIR/overrides/.

    Build it with the engine (``zensical build -f DIR/mkdocs.yml``), then run
    ``safeguide postprocess DIR/site``.
    """
    from generator.errors import ContentError
    from generator.site.export import ExportRefused, export_edition

    layout = _layout(ctx)
    _known_edition(layout, edition_id)
    try:
        exported = export_edition(layout, edition_id, out)
    except ContentError as exc:
        _report(exc.diagnostics, strict=False)
        click.echo(f"{edition_id}: not exported; {os.path.relpath(out)} is unchanged", err=True)
        sys.exit(EXIT_CONTENT_ERROR)
    except ExportRefused as exc:
        raise click.UsageError(str(exc)) from None
    where = os.path.relpath(out)
    click.echo(
        f"{edition_id}: exported {exported.pages} pages and {exported.files} files to {where}",
        err=True,
    )
    click.echo(
        f"next: zensical build -f {where}/mkdocs.yml && safeguide postprocess {where}/site",
        err=True,
    )


@main.command()
@click.argument(
    "site", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="SITE"
)
def postprocess(site: Path) -> None:
    """Run the post-build pass over a built site, in place: Content-Security-Policy,
    rel="noopener noreferrer" on outside links, a 404 page that works from file://.

    Any engine's output can go through it; running it again changes nothing.
    """
    from generator.site.postprocess import postprocess_site

    done = postprocess_site(site)
    click.echo(f"{os.path.relpath(site)}: {done.summary()}", err=True)


@main.command()
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Exit 1 if schemas/ is out of date instead of writing it.",
)
@click.pass_context
def schema(ctx: click.Context, check_only: bool) -> None:
    """Write a JSON Schema per content file type into schemas/."""
    from generator.content.schema import stale_schemas, write_schemas

    directory = _layout(ctx).schemas_dir
    if check_only:
        stale = stale_schemas(directory)
        for name in stale:
            click.echo(f"{directory / name}: out of date; run `safeguide schema`", err=True)
        sys.exit(EXIT_CONTENT_ERROR if stale else 0)
    for path in write_schemas(directory):
        click.echo(f"wrote {os.path.relpath(path)}", err=True)


def _known_edition(layout: Layout, edition_id: str, kind: str = "an edition id") -> None:
    """A usage error unless ``edition_id`` has a folder."""
    if edition_id not in layout.edition_ids():
        known = ", ".join(layout.edition_ids()) or "none"
        raise click.UsageError(f"expected {kind} (known: {known}), got '{edition_id}'")


def _clean_edition(layout: Layout, edition_id: str, kind: str = "an edition id") -> ResolvedEdition:
    """A known edition that checks without errors; usage error or exit 1 otherwise."""
    _known_edition(layout, edition_id, kind)
    checked = check_edition(layout, edition_id)
    if checked.edition is None or errors_in(checked.diagnostics):
        _report(checked.diagnostics, strict=False)
        sys.exit(EXIT_CONTENT_ERROR)
    return checked.edition


@main.command("new-edition")
@click.argument("edition_id", metavar="ID")
@click.option("--base", "base_id", required=True, help="Edition to build on, e.g. national.")
@click.pass_context
def new_edition(ctx: click.Context, edition_id: str, base_id: str) -> None:
    """Scaffold site_config/editions/ID with every role to fill listed; never overwrites."""
    from generator.editions.scaffold import ScaffoldError, write_scaffold

    layout = _layout(ctx)
    try:
        check_id(edition_id)
    except PydanticCustomError as exc:
        raise click.UsageError(str(exc)) from None
    base = _clean_edition(layout, base_id, "a base edition id")
    try:
        path = write_scaffold(layout.editions_dir, edition_id, base)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"wrote {os.path.relpath(path)}", err=True)
    click.echo(f"next: safeguide check --edition {edition_id}", err=True)


@main.command()
@click.argument("edition_id", metavar="ID")
@click.option(
    "--since",
    "previous",
    required=True,
    help="An earlier build folder (e.g. the live site/ID) or a git ref (e.g. v1.2, HEAD~3).",
)
@click.pass_context
def changes(ctx: click.Context, edition_id: str, previous: str) -> None:
    """What changed in edition ID since an earlier build or git ref: added, changed, removed."""
    from generator.changes.compare_previous import PreviousNotFound, changes_since
    from generator.changes.snapshot import snapshot_of_edition

    layout = _layout(ctx)
    current = snapshot_of_edition(_clean_edition(layout, edition_id))
    try:
        found = changes_since(layout, edition_id, previous, current)
    except PreviousNotFound as exc:
        raise click.UsageError(str(exc)) from None
    for change in found:
        click.echo(change.describe())
    click.echo(f"{len(found)} change(s) in {edition_id} since {previous}", err=True)


@main.command()
@click.argument("edition_id", metavar="ID")
@click.pass_context
def diff(ctx: click.Context, edition_id: str) -> None:
    """What edition ID adds, replaces, patches and removes versus its base, and any drift."""
    from generator.render.diff import edition_diff

    layout = _layout(ctx)
    _known_edition(layout, edition_id)
    checked = check_edition(layout, edition_id)
    if checked.edition is None:
        _report(checked.diagnostics, strict=False)
        sys.exit(EXIT_CONTENT_ERROR)
    click.echo(edition_diff(checked.edition), nl=False)


def _tree_in_edition(
    layout: Layout, tree_id: str, edition: str | None
) -> tuple[ResolvedEdition, DecisionTree]:
    """The resolved edition and one of its trees; exit 1 with diagnostics if either is broken."""
    checked = check_edition(layout, edition or DEFAULT_EDITION)
    if checked.edition is None or errors_in(checked.diagnostics):
        _report(checked.diagnostics, strict=False)
        sys.exit(EXIT_CONTENT_ERROR)
    trees = checked.edition.content.trees
    if tree_id not in trees:
        known = ", ".join(sorted(trees)) or "none"
        raise click.UsageError(f"expected a tree id (known: {known}), got '{tree_id}'")
    return checked.edition, trees[tree_id].item


def _echo_node_actions(resolved: ResolvedEdition, node: StepNode | OutcomeNode) -> None:
    """A step's or outcome's detail, actions, contacts and onward flowcharts, indented
    under its text."""
    from generator.render.routes import contact_text

    if node.detail:
        for line in textwrap.wrap(" ".join(node.detail.split()), width=96):
            click.echo(f"  > {line}")
    for action in node.actions:
        click.echo(f"  - {action}")
    for ref in node.contacts:
        click.echo(f"  contact: {contact_text(resolved, ref)}")
    for ref in node.trees:
        title = resolved.content.trees[ref].item.title
        click.echo(f"  then follow the flowchart: {title} (safeguide walk {ref})")


@main.command()
@click.argument("tree_id", metavar="TREE")
@click.option("--edition", help="Edition id (default: national).")
@click.option(
    "--answers",
    help="Comma-separated answer labels or 1-based answer numbers, instead of asking.",
)
@click.option(
    "--answer",
    "answer_list",
    multiple=True,
    help="One answer label or number; repeat for each question (for labels with commas).",
)
@click.pass_context
def walk(
    ctx: click.Context,
    tree_id: str,
    edition: str | None,
    answers: str | None,
    answer_list: tuple[str, ...],
) -> None:
    """Step through a decision tree in the terminal, or follow --answers / --answer.

    Prints every step passed on the way (text, detail, actions, contacts, basis), then the
    outcome.
    """
    from generator.checks.stepper import StepError, Stepper
    from generator.render.basis import with_basis

    if answers is not None and answer_list:
        raise click.UsageError("expected --answers or --answer, got both")
    resolved, tree = _tree_in_edition(_layout(ctx), tree_id, edition)
    stepper = Stepper(tree)
    scripted: list[str] | None = None
    if answers is not None:
        scripted = [a.strip() for a in answers.split(",")]
    elif answer_list:
        scripted = [a.strip() for a in answer_list]
    while True:
        for step in stepper.advance_through_steps():
            click.echo(f"step {step.id}: {with_basis(step.text, step.basis)}")
            _echo_node_actions(resolved, step)
        node = stepper.current
        if not isinstance(node, QuestionNode):
            break
        if scripted is not None:
            if not scripted:
                click.echo(f"{node.text}\n  (no more answers given)")
                sys.exit(EXIT_CONTENT_ERROR)
            given = scripted.pop(0)
        else:
            click.echo(node.text)
            for number, answer in enumerate(node.answers, start=1):
                click.echo(f"  {number}. {answer.label}")
            given = click.prompt("Answer", type=str)
        try:
            chosen = stepper.choose(given)
        except StepError as exc:
            click.echo(f"error: {exc}", err=True)
            if scripted is not None:
                sys.exit(EXIT_CONTENT_ERROR)
            continue
        if scripted is not None:
            click.echo(f"{node.text}\n  -> {chosen.label}")
    outcome = stepper.current
    assert isinstance(outcome, OutcomeNode)
    click.echo(f"outcome {outcome.id}: {with_basis(outcome.text, outcome.basis)}")
    _echo_node_actions(resolved, outcome)
    if scripted:
        click.echo(f"error: answers left over after the outcome: {', '.join(scripted)}", err=True)
        sys.exit(EXIT_CONTENT_ERROR)


@main.command()
@click.argument("tree_id", metavar="TREE")
@click.option("--edition", help="Edition id (default: national).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md", "csv"]),
    default="md",
    show_default=True,
    help="Markdown table or CSV.",
)
@click.pass_context
def paths(ctx: click.Context, tree_id: str, edition: str | None, output_format: str) -> None:
    """Print every route from the start of a tree to an outcome, for sign-off."""
    from generator.render.routes import routes_csv, routes_markdown, table_cell

    resolved, tree = _tree_in_edition(_layout(ctx), tree_id, edition)
    if output_format == "csv":
        click.echo(routes_csv(resolved, tree), nl=False)
    else:
        click.echo(routes_markdown(resolved, tree, cell=table_cell), nl=False)


@main.command()
@click.option("--edition", help="Open this edition's page first (default: the list).")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Only 127.0.0.1 is allowed.")
@click.option("--open", "open_browser", is_flag=True, help="Open the editor in the browser.")
@click.pass_context
def edit(ctx: click.Context, edition: str | None, port: int, host: str, open_browser: bool) -> None:
    """Edit editions in the browser: roles, contacts, local sections, flowchart steps, with
    the check's problems beside each field and a live preview (docs/EDITOR.md).

    Listens on 127.0.0.1 only; prints the address with this session's token.
    """
    from generator.edit.server import serve_editor

    layout = _layout(ctx)
    if host != "127.0.0.1":
        raise click.UsageError(f"expected --host 127.0.0.1 (the editor is local only), got {host}")
    if edition is not None:
        _known_edition(layout, edition)
    try:
        serve_editor(
            layout, port, edition, open_browser, say=lambda line: click.echo(line, err=True)
        )
    except OSError as exc:
        raise click.UsageError(f"expected a free --port, got {port} ({exc.strerror})") from None
