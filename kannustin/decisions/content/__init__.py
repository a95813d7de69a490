"""The first version of the decision templates, one file per kind and language (`<kind>.<language>.html`).
Administrators edit them afterwards in the service (each edit is a new version); see docs/decisions.md."""

from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent
KINDS = ("grant", "rejection", "rectification")
LANGUAGES = ("fi", "sv")


@cache
def default_templates() -> dict[tuple[str, str], str]:
    return {
        (kind, language): (FOLDER / f"{kind}.{language}.html").read_text(encoding="utf-8")
        for kind in KINDS
        for language in LANGUAGES
    }
