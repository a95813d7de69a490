from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kannustin.core import audit, clock
from kannustin.demo.applications import seed_applications_2019, seed_demo_drafts
from kannustin.demo.evaluation import seed_evaluation_2019
from kannustin.demo.track2 import seed_track2_2019
from kannustin.demo.users import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, create_demo_users
from kannustin.programmes import setup


class Command(BaseCommand):
    help = (
        "Create the demo: reference data, the 2019 programme, a current demo round with windows around today, "
        "public pages and a demo account for every role. Idempotent. Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with published passwords; use --force to run it with DEBUG off."
            )
        call_command("load_reference_data", stdout=self.stdout)
        with transaction.atomic():
            programme_2019 = setup.create_programme_2019()
            setup.create_site_pages()
            setup.create_faq(programme_2019)
            demo = setup.create_demo_programme(clock.helsinki(clock.now()).date())
            setup.create_faq(demo)
            create_demo_users()
            applications = seed_applications_2019(programme_2019)
            track2 = seed_track2_2019(programme_2019)
            evaluation = seed_evaluation_2019(programme_2019)
            drafts = seed_demo_drafts(demo)
            audit.record(None, "demo.seeded", demo)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {demo} and {programme_2019}."))
        self.stdout.write(f"New 2019 applications: {applications}; new demo drafts: {drafts}.")
        if track2:
            self.stdout.write(
                "New 2019 track 2: {proposals} proposals, {interests} expressions of interest ({accepted} accepted) "
                "and {topic_interests} in topics, {registrations} workshop registrations, {tables} tables, "
                "{presentations} presentations, {joint_applications} joint applications.".format(**track2)
            )
        for track in ("track_1", "track_2"):
            if track in evaluation:
                self.stdout.write(
                    "2019 {track}: {reviews} reviews, {decisions} decisions sent, {granted} granted.".format(
                        track=track.replace("_", " "), **evaluation[track]
                    )
                )
        if evaluation.get("rectifications"):
            self.stdout.write(f"2019: {evaluation['rectifications']} request for rectification decided.")
        self.stdout.write(
            f"Demo accounts (password {DEMO_PASSWORD}; TOTP secret for ministry roles {DEMO_TOTP_SECRET}):"
        )
        for email, role, org_code, _name, _language in DEMO_USERS:
            self.stdout.write(f"  {role:15} {email}{f'  ({org_code})' if org_code else ''}")
