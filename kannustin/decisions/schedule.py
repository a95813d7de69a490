"""What the scheduler runs for decisions (`manage.py run_scheduler` imports this module of every app)."""

from datetime import timedelta

from kannustin.core import scheduler

from .tasks import deliver_missing

# A sent decision whose delivery a dead worker never finished is delivered within ten minutes or so.
scheduler.register("decisions.deliver_missing", timedelta(minutes=10), deliver_missing)
