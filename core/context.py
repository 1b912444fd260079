"""Handing a page's domain object to its template."""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def parts(obj: Any) -> dict[str, Any]:
    """A dataclass's fields by name, as a template reads them. Not dataclasses.asdict(),
    which deep-copies every model row and list it holds."""
    return {part.name: getattr(obj, part.name) for part in fields(obj)}
