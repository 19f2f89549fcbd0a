"""Which engine builds and serves the site: the ``--engine`` option, else the project's
setting in mkdocs.yml, else ProperDocs. Reads the setting without loading any engine.

```yaml
extra:
  safeguide:
    engine: properdocs   # or mkdocs, or zensical (build only)
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PROPERDOCS = "properdocs"
MKDOCS = "mkdocs"
ZENSICAL = "zensical"
PLUGIN_ENGINES = (PROPERDOCS, MKDOCS)
"""The engines that run in this process and take safeguide's pages as a plugin (the MkDocs
1.x API): ``safeguide build`` and ``safeguide serve``, the default first."""
ENGINES = (*PLUGIN_ENGINES, ZENSICAL)
"""Every engine ``safeguide build`` and ``safeguide serve`` can run; Zensical runs as a
command on an export (``engine/zensical.py``)."""
DEFAULT_ENGINE = PROPERDOCS
SETTING = "extra.safeguide.engine"


class UnknownEngine(ValueError):
    """The project's engine setting names no engine safeguide can run."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data: MkDocs' own tags (``!ENV``, ``!relative``,
    ``!!python/name:``) load as None instead of failing; the engine reads them later."""


def _unread(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _unread)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unread)


def configured_engine(config_file: Path) -> str:
    """The engine named at ``extra.safeguide.engine`` in ``config_file``, or the default."""
    data: Any = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    value: Any = data
    for key in SETTING.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        return DEFAULT_ENGINE
    if value not in ENGINES:
        raise UnknownEngine(
            f"{config_file.name}: {SETTING}: expected one of {', '.join(ENGINES)}, got {value!r}"
        )
    return str(value)


def chosen_engine(config_file: Path, option: str | None) -> str:
    """``option`` when given (``--engine``), else the project's setting."""
    return option if option is not None else configured_engine(config_file)
