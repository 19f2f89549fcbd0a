"""A short, stable fingerprint of a content item, recorded when an edition changes it."""

from __future__ import annotations

import hashlib
import json

from generator.models import ContentModel

SHORT_HASH_LENGTH = 8


def short_hash(item: ContentModel) -> str:
    """First 8 hex digits of the SHA-256 of the item's canonical JSON.

    Fields left at their default are left out, so a new optional field in a later safeguide
    does not make every edition's recorded hashes drift.
    """
    canonical = json.dumps(
        item.model_dump(mode="json", exclude_defaults=True),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:SHORT_HASH_LENGTH]
