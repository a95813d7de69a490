from django.core.management.base import BaseCommand

from kannustin.registry.reference_data import ATTRIBUTION, load_reference_data


class Command(BaseCommand):
    help = "Load regions and all Finnish municipalities (2019 and 2026 classifications, mergers). Idempotent."

    def handle(self, *args, **options):
        summary = load_reference_data()
        self.stdout.write(
            "Regions {regions}, municipalities 2019: {municipalities_2019}, 2026: {municipalities_2026}, "
            "created {created}, updated {updated}, mergers {mergers}.".format(**summary)
        )
        self.stdout.write(ATTRIBUTION)
