"""A Content-Security-Policy meta tag per page: scripts only from the site itself and the
hashes of the page's own inline scripts (no 'unsafe-inline', no 'unsafe-eval'). Pure.

The vendored iframe-worker shim runs Material's search worker from file:// inside an
iframe whose inline script embeds the page-relative worker URL; that script inherits the
page's policy, so its hash is computed here from the shim's own source and the page's
worker URL, or search would silently stop working from file://.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_SHIM_FUNCTIONS = re.compile(
    r"function c\(s,n\)\{.*?\}(?=function d)|function d\(\.\.\.s\)\{.*?Promise\.resolve\(\)\)\}"
)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)


def sha256_source(script: str) -> str:
    """The CSP source expression of one inline script's text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def shim_inline_script(shim_source: str, worker_url: str) -> str:
    """The inline script the iframe-worker shim writes into its iframe for ``worker_url``."""
    functions = _SHIM_FUNCTIONS.findall(shim_source)
    if len(functions) != 2:
        raise ValueError("expected the iframe-worker shim's functions c and d, got something else")
    post_message, import_scripts = functions
    return (
        f"postMessage={post_message};importScripts={import_scripts};"
        'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",'
        f'{{filename:"{worker_url}",error}}))}})'
    )


def page_policy(html: str, shim_source: str | None) -> str:
    """The policy for one built page: its inline scripts' hashes and the shim's."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if "application/json" in attributes:
            continue  # a data block, never run
        hashes.append(sha256_source(body))
    config = _CONFIG.search(html)
    if shim_source and config:
        worker = json.loads(config.group(1)).get("search")
        if worker:
            hashes.append(sha256_source(shim_inline_script(shim_source, worker)))
    unique = sorted(set(hashes))
    return POLICY.format(hashes=" ".join(unique) if unique else "")


_POLICY_META = re.compile(r'\n<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def with_policy(html: str, shim_source: str | None) -> str:
    """``html`` with the CSP meta tag as the first element of its head; a page that has
    one from an earlier pass gets it worked out again (the same one, if nothing changed)."""
    html = _POLICY_META.sub("", html, count=1)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html, shim_source)}">'
    if '<meta charset="utf-8">' in html:
        return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{meta}', 1)
    return html.replace("<head>", f"<head>\n{meta}", 1)
