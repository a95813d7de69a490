"""Background jobs of the reports: the call's workbook for officials (`exports`), made into the applications'
ListExport row (kind "call"), whose status page and download serve it like the list's export; and the PDFs of
a newly published summary, made once per language so that no reader waits for one."""

import logging

from django.core.files.base import ContentFile
from django.utils import translation
from django_tasks import task

from kannustin.applications.models import ListExport
from kannustin.core import clock
from kannustin.programmes.models import Call

logger = logging.getLogger(__name__)


def enqueue_call_export(export_id: int) -> None:
    try:
        export_call.enqueue(export_id)
    except Exception:
        logger.exception("Could not queue the export %s", export_id)
        ListExport.objects.filter(pk=export_id).update(state=ListExport.State.FAILED, finished_at=clock.now())


@task()
def export_call(export_id: int) -> int:
    """Write every submitted application of the export's call to an Excel file under exports/, telling the
    status page how far it is. Safe to run again: a finished export is left as it is."""
    from . import exports

    export = ListExport.objects.filter(pk=export_id, kind=ListExport.Kind.CALL).first()
    if export is None or export.state == ListExport.State.DONE:
        return 0
    ListExport.objects.filter(pk=export_id).update(state=ListExport.State.RUNNING, rows_done=0)

    def progress(done: int, total: int) -> None:
        ListExport.objects.filter(pk=export_id).update(rows_done=done, row_count=total)

    try:
        call = Call.objects.select_related("track").get(pk=export.params["call"])
        with translation.override(export.params.get("language") or "fi"):
            content, count = exports.write_call_workbook(call, progress)
            name = exports.export_filename(call, export.created_at)
        export.file.save(name, ContentFile(content), save=False)
    except Exception:
        logger.exception("Could not make the export %s", export_id)
        ListExport.objects.filter(pk=export_id).update(state=ListExport.State.FAILED, finished_at=clock.now())
        return 0
    params = {**export.params, "filename": name}
    ListExport.objects.filter(pk=export_id).update(
        state=ListExport.State.DONE,
        file=export.file.name,
        params=params,
        row_count=count,
        rows_done=count,
        finished_at=clock.now(),
    )
    return count


def enqueue_summary_pdfs(published_id: int) -> None:
    try:
        store_summary_pdfs.enqueue(published_id)
    except Exception:  # the first reader of each language makes it instead
        logger.exception("Could not queue the PDFs of the summary %s", published_id)


@task()
def store_summary_pdfs(published_id: int) -> int:
    """Make a newly published version's PDF in every language (kept in storage by `summary_documents.pdf_content`)."""
    from .models import PublishedSummary
    from .summaries import LANGUAGES
    from .summary_documents import pdf_content

    published = PublishedSummary.objects.select_related("call").filter(pk=published_id).first()
    if published is None:
        return 0
    for language in LANGUAGES:
        pdf_content(published, language)
    return len(LANGUAGES)
