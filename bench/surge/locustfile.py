"""The closing-day surge (locust, headless; run by bench/surge/run.py, which explains the phases).

Phase "autosave": two editors per draft (the signatory and an applicant of the municipality), each saving
one answer of their own every SURGE_EVERY seconds through the API, with the version they last saw (saves of
different answers merge); a 409 (a save that would overwrite a newer change of the same answer: only in the
10× run, where ten editors share each answer) is answered as a client does: take the version, save again. Every acknowledged
save is written to a log so that run.py can check afterwards that none was lost.

Phase "submit": each draft's signatory submits it twice (a double click, a retry), at random moments of
the last SURGE_WINDOW seconds. Case numbers are checked for duplicates afterwards.
"""

import json
import os
import random
import threading
import time
from pathlib import Path

import gevent
from locust import FastHttpUser, events, task

SETUP = json.loads(Path(os.environ["SURGE_SETUP"]).read_text())
PHASE = os.environ.get("SURGE_PHASE", "autosave")
EVERY = float(os.environ.get("SURGE_EVERY", "5"))
WINDOW = float(os.environ.get("SURGE_WINDOW", "60"))
ACKS = Path(os.environ.get("SURGE_ACKS", "/tmp/surge-acks.jsonl"))
SCALE = int(os.environ.get("SURGE_SCALE", "1"))  # editors per (draft, role): 10 for the 10× run

_lock = threading.Lock()
_next = [0]
_log = None


@events.test_start.add_listener
def _open_log(environment, **kwargs):
    global _log
    _log = ACKS.open("a")


@events.test_stop.add_listener
def _close_log(environment, **kwargs):
    if _log:
        _log.close()


def _claim():
    """The next editor slot: (draft, token, field) — each draft has a signatory's and an applicant's slot."""
    with _lock:
        index = _next[0]
        _next[0] += 1
    drafts = SETUP["drafts"]
    draft = drafts[(index // 2) % len(drafts)]
    role = ("signatory", "applicant")[index % 2]
    copy = index // (2 * len(drafts))
    field = ("summary", "project_name")[index % 2]
    return draft, draft[f"{role}_token"], field, f"{role}-{copy}"


class Editor(FastHttpUser):
    # FastHttpUser (geventhttpclient): a fifth of the client CPU of HttpUser, which matters with the load
    # generator on the same two cores as the server.
    def wait_time(self):
        """A save every EVERY seconds on average, each interval drawn from ±20 % of it. Exact pacing (locust's
        constant_pacing) keeps editors in step for ever once a slow moment has bunched them together, which is
        not how people's autosaves arrive; with jitter the bunches dissolve."""
        elapsed = time.monotonic() - getattr(self, "_task_started", time.monotonic())
        return max(0.0, EVERY * random.uniform(0.8, 1.2) - elapsed)

    def on_start(self):
        self.draft, token, self.field, self.who = _claim()
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.version = None
        self.count = 0
        if PHASE == "submit":
            # Each draft is submitted at a random moment of the last minute, and once more soon after.
            self.submits = 2
            self.wait_time = lambda: random.uniform(0, WINDOW / 2)
            gevent.sleep(random.uniform(0, WINDOW / 2))
        else:
            # Editors are already at work when the hour starts: each starts at a random moment of the first
            # interval (and run.py spawns them over that interval), not all in the same second.
            gevent.sleep(random.uniform(0, EVERY))

    def _read_version(self):
        with self.client.get(f"/api/v1/applications/{self.draft['id']}/", headers=self.headers, name="read",
                             catch_response=True) as response:  # fmt: skip
            if response.status_code == 200:
                self.version = response.json()["version"]
                response.success()
            else:
                response.failure(f"read {response.status_code}")

    @task
    def act(self):
        self._task_started = time.monotonic()
        if PHASE == "submit":
            return self.submit()
        return self.autosave()

    def autosave(self):
        if self.version is None:
            self._read_version()
        self.count += 1
        text = f"{self.who} {self.count}"
        body = {"version": self.version, "answers": {self.field: text}}
        for _attempt in range(3):
            with self.client.patch(f"/api/v1/applications/{self.draft['id']}/", data=json.dumps(body),
                                   headers=self.headers, name="autosave", catch_response=True) as response:  # fmt: skip
                if response.status_code == 200:
                    self.version = response.json()["version"]
                    _log.write(json.dumps({"id": self.draft["id"], "version": self.version, "field": self.field,
                                           "value": text}) + "\n")  # fmt: skip
                    response.success()
                    return
                if response.status_code == 409 and response.json().get("code") == "version_conflict":
                    # A conflict is an answer, not an error: reported apart, then saved again on the new version.
                    response.request_meta["name"] = "autosave: 409 conflict"
                    response.success()
                    self.version = response.json().get("current_version") or self.version
                    body["version"] = self.version
                    continue
                response.failure(f"autosave {response.status_code}: {response.text[:200]}")
                return

    def submit(self):
        if self.field != "summary" or self.submits <= 0:  # the signatory's slot submits; the other idles
            self.stop()
            return
        self.submits -= 1
        with self.client.post(f"/api/v1/applications/{self.draft['id']}/submit/", headers=self.headers,
                              name="submit", catch_response=True) as response:  # fmt: skip
            if response.status_code == 200:
                response.success()
            else:
                response.failure(f"submit {response.status_code}: {response.text[:200]}")
