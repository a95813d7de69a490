from django.core.management.base import BaseCommand, CommandError

from kannustin.programmes.content.loader import ContentError
from kannustin.programmes.setup import LoadStats, create_faq, create_programme, create_site_pages


class Command(BaseCommand):
    help = (
        "Load the 2019 incentive programme (tracks, calls, workshop, criteria, questions, maturity models), "
        "its FAQ and the accessibility statement and privacy notice. Idempotent. With --folder, load another "
        "round from its folder instead (a copy of kannustin/programmes/content/rounds/2019; docs/content.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            help="A round folder to load instead of kannustin/programmes/content/rounds/2019.",
        )

    def handle(self, *args, folder=None, **options):
        stats = LoadStats()
        try:
            programme = create_programme(folder, stats)
            faq = create_faq(programme, stats)
            pages = create_site_pages(stats)
        except ContentError as error:
            raise CommandError(f"The content is not complete: {error}") from None
        calls = programme.calls.order_by("opens_at", "track__number")
        self.stdout.write(f"{programme.name_en} ({programme.slug})")
        for call in calls:
            question_set = call.current_question_set()
            self.stdout.write(
                f"  {call.slug}: {call.criteria.count()} criteria, "
                f"{question_set.questions.count() if question_set else 0} questions, "
                f"{call.cost_categories.count()} cost categories, "
                f"maturity model: {'yes' if call.maturity_model_id else 'no'}"
            )
        self.stdout.write(f"  FAQ entries: {len(faq)}; site pages: {', '.join(page.key for page in pages)}")
        self.stdout.write(stats.describe() if stats.changed or stats.kept else "Nothing to change.")
