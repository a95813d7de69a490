"""A published summary as a page's context and as a PDF (made once per version and language, then kept: a
version never changes, and WeasyPrint takes about a minute for 8 500 applicants)."""

from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _

from kannustin.core.pdf import render_pdf
from kannustin.maturity.charts import profile_chart
from kannustin.registry import maps

from . import charts
from .models import PublishedSummary
from .summaries import LANGUAGES, present


class _Named(SimpleNamespace):
    """A stored name, shaped for maturity.charts (which asks `tr("name")`)."""

    def tr(self, field: str, language: str | None = None) -> str:
        return self.label


def _maturity_chart(maturity: dict | None) -> dict | None:
    """The mean levels now and as the target, drawn like one organisation's profile (the means only where
    enough organisations rated the dimension)."""
    if not maturity or not maturity["enough"]:
        return None
    rows = [
        {
            "dimension": _Named(label=row["name"]),
            "current": float(row["mean_current"]) if row["enough"] else None,
            "target": float(row["mean_target"]) if row["enough"] else None,
        }
        for row in maturity["dimensions"]
    ]
    levels = [_Named(value=level["value"], label=level["label"]) for level in maturity["levels"]]
    return profile_chart(rows, levels)


def page_context(data: dict, language: str) -> dict:
    summary = present(data, language)
    most = max((row["count"] for row in summary["regions"]), default=0)
    classes = {
        row["code"]: (0 if not row["count"] else 1 + min(3, (row["count"] * 4 - 1) // max(most, 1)))
        for row in summary["regions"] if row["code"]
    }  # fmt: skip
    return {
        "summary": summary,
        "map": maps.choropleth(
            classes,
            {row["code"]: row["name"] for row in summary["regions"] if row["code"]},
            regions=True,
            labels={1: _("Fewest applications"), 4: _("Most applications")},
        ),
        "bands_chart": None  # proposals ask for no money: no amounts section
        if summary["proposals"]
        else charts.bar_chart(
            "bands-chart",
            _("Applications by amount requested"),
            _(
                "Number of applications in each band of amounts. The table beside the chart gives the numbers."
            ),
            [(row["label"], row["count"], str(row["count"])) for row in summary["bands"]],
        ),
        "maturity_chart": _maturity_chart(summary["maturity"]),
    }


def pdf_content(published: PublishedSummary, language: str) -> bytes:
    """The PDF of a published version in `language`, made once and kept (a version never changes; WeasyPrint
    takes about a minute for 8 500 applicants)."""
    language = language if language in LANGUAGES else "fi"
    name = f"summaries/{published.call_id}/v{published.version}-{language}.pdf"
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except (FileNotFoundError, OSError):
        pass
    with translation.override(language):  # the labels of the figures too, also in a worker
        context = {**page_context(published.data, language), "call": published.call, "published": published}
    content = render_pdf("reports/pdf/summary.html", context, language)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return content
