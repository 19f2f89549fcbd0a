"""The page at site/index.html that lists every built edition. Pure: data in, HTML out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2

_TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Safeguarding guidance: editions</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
li { margin-bottom: 1rem; }
.chain { color: #4a4a4a; font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #000;
          vertical-align: middle; margin-right: 0.4em; }
</style>
</head>
<body>
<h1>Safeguarding guidance: editions</h1>
<p>If a child is in immediate danger, call 999.</p>
<ul>
{% for e in editions %}
  <li>
    {% if e.colour %}<span class="swatch" style="background: {{ e.colour }}"></span>{% endif %}
    <a href="{{ e.id }}/index.html"><strong>{{ e.name }}</strong></a><br>
    {{ e.authority }}<br>
    <span class="chain">Built on: {{ e.chain | join(" <- ") }}. Generated {{ e.generated }}.</span>
  </li>
{% endfor %}
</ul>
</body>
</html>
"""
)


def site_index_html(editions: Sequence[dict[str, Any]]) -> str:
    """HTML listing ``editions`` (their edition.json data), national first, then by name."""
    ordered = sorted(editions, key=lambda e: (len(e["base_chain"]), e["name"]))
    rows = [
        {
            "id": e["id"],
            "name": e["name"],
            "authority": e["authority"],
            "chain": list(reversed(e["base_chain"])),
            "generated": e["generated"],
            "colour": (e.get("branding") or {}).get("primary_colour"),
        }
        for e in ordered
    ]
    return _TEMPLATE.render(editions=rows)
