"""Read the programme's content from its data files: YAML for structure, Markdown per language for long texts.

Two kinds of folder (docs/content.md):
- a round folder (`rounds/2019/`): `programme.yaml` (programme, rules, contact people, tracks, workshop),
  `calls.yaml` (calls and cost categories), `criteria.yaml` (criteria and the scoring scale),
  `questions.yaml` (question sets with their sections) and `maturity.yaml` (the maturity model). A new round
  is a copy of such a folder with other dates and texts.
- the site folder (`site/`): `pages.yaml` (accessibility statement, privacy notice), `faq.yaml` and
  `demo.yaml` (the demo round's own texts).

A text is `{fi: …, sv: …, en: …}`, or `{md: NAME}` for the files `NAME.fi.md`, `NAME.sv.md`, `NAME.en.md`
(relative to the YAML file), each taken exactly as it is. Every text must have all three languages, none
empty. Texts may carry `{placeholders}`, which `kannustin.programmes.setup` fills per language.

This module only reads: it returns plain dicts and lists with the defaults filled in and the references
between files resolved. Loading runs in test set-up often, so each file is parsed once per process, and a
folder is assembled once: `load_round`, `load_maturity` and `load_site` return the same objects until one
of the folder's files changes on disk. Treat what they return as read-only, as the Python constants they
replace were.
"""

import os
import threading
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from kannustin.core.clock import HELSINKI

try:  # libyaml's parser, some fifty times faster; both build plain data only, as yaml.safe_load does
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover (PyYAML built without libyaml)
    from yaml import SafeLoader

from . import LANGUAGES

CONTENT = Path(__file__).resolve().parent
ROUNDS = CONTENT / "rounds"
ROUND_2019 = ROUNDS / "2019"
SITE = CONTENT / "site"

REQUIRED = object()  # no default: the value must be given


class ContentError(ValueError):
    """A data file is missing, malformed or incomplete; the message names the file and the place."""


# --- files, parsed once per process --------------------------------------------------------------------------

_parsed: dict[str, tuple[tuple[int, int], object]] = {}


def _cached(path: str, kind: str):
    """The parsed content of a file; parsed again only when its modification time or size changed."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise ContentError(f"{path}: file not found") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    files = getattr(_reading, "files", None)
    if files is not None:
        files.append((path, stamp))
    hit = _parsed.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if kind == "yaml":
        try:
            value = yaml.load(text, Loader=SafeLoader)
        except yaml.YAMLError as error:
            raise ContentError(f"{path}: {error}") from None
    else:
        value = text
    _parsed[path] = (stamp, value)
    return value


_reading = threading.local()  # the files read while a folder is assembled, with their stamps
_assembled: dict[tuple[str, str], tuple[list, object]] = {}


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _memo(kind: str, folder: Path | str, build):
    """`build(folder)`, assembled once and again only when a file it read has changed."""
    key = (kind, os.path.abspath(folder))
    hit = _assembled.get(key)
    if hit is None or any(_stamp(path) != stamp for path, stamp in hit[0]):
        outer = getattr(_reading, "files", None)
        _reading.files = []
        try:
            hit = (_reading.files, build(Path(folder)))
        finally:
            _reading.files = outer
        _assembled[key] = hit
    outer = getattr(_reading, "files", None)
    if outer is not None:  # assembled as part of a larger whole (a round's maturity model)
        outer.extend(hit[0])
    return hit[1]


def read_yaml(path: Path | str) -> dict:
    data = _cached(os.fspath(path), "yaml")
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected a mapping at the top")
    return data


def read_markdown(path: Path | str) -> str:
    return _cached(os.fspath(path), "md")


# --- values --------------------------------------------------------------------------------------------------


class _File:
    """One YAML file of a content folder, and the helpers that read its values with clear errors."""

    def __init__(self, folder: Path, name: str):
        self.folder = os.path.abspath(folder)
        self.path = os.path.join(self.folder, name)
        self.data = read_yaml(self.path)

    def error(self, where: str, message: str) -> ContentError:
        return ContentError(f"{self.path}: {where}: {message}")

    def get(self, mapping: dict, key: str, where: str, default=REQUIRED):
        """The value under `key`; `default` when the key is missing or empty, an error when it is required."""
        if not isinstance(mapping, dict):
            raise self.error(where, "expected a mapping")
        value = mapping.get(key)
        if value is None:
            if default is REQUIRED:
                raise self.error(where, f"`{key}` is missing")
            return default
        return value

    def text(self, mapping: dict, key: str, where: str) -> dict:
        """{'fi': …, 'sv': …, 'en': …} from an inline text or from Markdown files."""
        value = self.get(mapping, key, where)
        where = f"{where}.{key}"
        if isinstance(value, dict) and set(value) == {"md"}:
            base = os.path.normpath(os.path.join(self.folder, str(value["md"])))
            if not base.startswith(self.folder + os.sep):
                raise self.error(where, f"{value['md']} is outside the folder")
            texts = {}
            for language in LANGUAGES:
                name = f"{base}.{language}.md"
                try:
                    texts[language] = read_markdown(name)
                except ContentError:
                    raise self.error(where, f"no text in `{language}`: {name} is missing") from None
        elif isinstance(value, dict):
            texts = {language: value.get(language) for language in LANGUAGES}
            extra = set(value) - set(LANGUAGES)
            if extra:
                raise self.error(where, f"unknown keys {sorted(extra)} (a text has fi, sv and en, or md)")
        else:
            raise self.error(where, "expected a text: {fi: …, sv: …, en: …} or {md: NAME}")
        for language, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                raise self.error(where, f"no text in `{language}` (missing or empty)")
        return texts

    def string(self, mapping: dict, key: str, where: str, default=REQUIRED) -> str | None:
        value = self.get(mapping, key, where, default)
        if value is not default and (not isinstance(value, str) or not value):
            raise self.error(
                f"{where}.{key}", "expected a string (quote values such as 'yes', 'no' or '28.90')"
            )
        return value

    def integer(self, mapping: dict, key: str, where: str, default=REQUIRED) -> int | None:
        value = self.get(mapping, key, where, default)
        if value is not default and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.error(f"{where}.{key}", "expected a whole number")
        return value

    def flag(self, mapping: dict, key: str, where: str, default=REQUIRED) -> bool:
        value = self.get(mapping, key, where, default)
        if not isinstance(value, bool):
            raise self.error(f"{where}.{key}", "expected true or false")
        return value

    def decimal(self, mapping: dict, key: str, where: str, default=REQUIRED) -> Decimal:
        value = self.get(mapping, key, where, default)
        if isinstance(value, Decimal):
            return value
        try:
            if isinstance(value, bool):
                raise TypeError
            return Decimal(str(value))
        except (InvalidOperation, TypeError):
            raise self.error(f"{where}.{key}", "expected an amount, such as '30000000.00'") from None

    def day(self, mapping: dict, key: str, where: str, default=REQUIRED) -> date | None:
        value = self.get(mapping, key, where, default)
        if value is default or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"{where}.{key}", "expected a day, YYYY-MM-DD") from None

    def moment(self, mapping: dict, key: str, where: str) -> datetime:
        """A Finnish wall-clock time, "YYYY-MM-DD HH:MM", as an aware datetime."""
        value = self.get(mapping, key, where)
        try:
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"{where}.{key}", 'expected a time, "YYYY-MM-DD HH:MM" (Finnish time)') from None
        if moment.tzinfo is not None:
            raise self.error(f"{where}.{key}", "give the Finnish wall-clock time without an offset")
        return moment.replace(tzinfo=HELSINKI)

    def items(self, mapping: dict, key: str, where: str, default=REQUIRED) -> list:
        value = self.get(mapping, key, where, default)
        if not isinstance(value, list):
            raise self.error(f"{where}.{key}", "expected a list")
        return value


def _unique(file: _File, items: list[dict], key: str, where: str) -> None:
    seen = set()
    for item in items:
        if item[key] in seen:
            raise file.error(where, f"{key} {item[key]!r} appears twice")
        seen.add(item[key])


# --- a round -------------------------------------------------------------------------------------------------


@dataclass
class RoundContent:
    """Everything one round folder says. Calls carry their resolved criteria and question set."""

    folder: Path
    programme: dict
    contacts: list[dict]
    tracks: list[dict]
    workshop: dict | None
    calls: list[dict]
    cost_categories: list[dict]
    criteria: dict[str, list[dict]]
    scale: list[dict]
    question_sets: dict[str, dict]
    maturity: dict

    def call(self, slug: str) -> dict:
        return next(call for call in self.calls if call["slug"] == slug)


def load_round(folder: Path | str = ROUND_2019) -> RoundContent:
    """Read a round folder (see the module's docstring)."""
    return _memo("round", folder, _load_round)


def _load_round(folder: Path) -> RoundContent:
    if not folder.is_dir():
        raise ContentError(f"{folder}: not a folder")
    programme_file = _File(folder, "programme.yaml")
    programme, contacts, tracks, workshop = _programme(programme_file)
    criteria_file = _File(folder, "criteria.yaml")
    criteria, scale = _criteria(criteria_file)
    question_sets = _question_sets(_File(folder, "questions.yaml"), criteria)
    calls, cost_categories = _calls(_File(folder, "calls.yaml"), tracks, criteria, question_sets)
    if workshop is not None and workshop["track"] not in {track["number"] for track in tracks}:
        raise programme_file.error("workshop.track", f"no track {workshop['track']}")
    return RoundContent(
        folder=folder,
        programme=programme,
        contacts=contacts,
        tracks=tracks,
        workshop=workshop,
        calls=calls,
        cost_categories=cost_categories,
        criteria=criteria,
        scale=scale,
        question_sets=question_sets,
        maturity=load_maturity(folder),
    )


def _programme(file: _File):
    data = file.data
    where = "programme"
    demand = file.get(data, "demand_history", where)
    programme = {
        "slug": file.string(data, "slug", where),
        "year": file.integer(data, "year", where),
        "budget_item": file.string(data, "budget_item", where),
        "appropriation": file.decimal(data, "appropriation", where),
        "max_aid_share": file.decimal(data, "max_aid_share", where),
        "project_ends_by": file.day(data, "project_ends_by", where),
        "weeks_to_decision": file.integer(data, "weeks_to_decision", where),
        "name": file.text(data, "name", where),
        "short_name": file.text(data, "short_name", where),
        "legal_basis": file.text(data, "legal_basis", where),
        "summary": file.text(data, "summary", where),
        "body": file.text(data, "body", where),
        "how_to_apply": file.text(data, "how_to_apply", where),
        "demand_history": {
            "smallest": file.decimal(demand, "smallest", "demand_history"),
            "largest": file.decimal(demand, "largest", "demand_history"),
            "text": file.text(demand, "text", "demand_history"),
        },
    }
    contacts = []
    for index, spec in enumerate(file.items(data, "contacts", where, []), start=1):
        at = f"contacts[{index}]"
        contacts.append(
            {
                "name": file.string(spec, "name", at),
                "email": file.string(spec, "email", at),
                "phone": file.string(spec, "phone", at, ""),
                "languages": file.string(spec, "languages", at),
                "title": file.text(spec, "title", at),
                "topic": file.text(spec, "topic", at),
            }
        )
    _unique(file, contacts, "email", "contacts")
    tracks = []
    for index, spec in enumerate(file.items(data, "tracks", where), start=1):
        at = f"tracks[{index}]"
        tracks.append(
            {
                "number": file.integer(spec, "number", at),
                "kind": file.string(spec, "kind", at),
                "name": file.text(spec, "name", at),
                "description": file.text(spec, "description", at),
                "budget": file.decimal(spec, "budget", at) if spec.get("budget") is not None else None,
            }
        )
    _unique(file, tracks, "number", "tracks")
    workshop = None
    if data.get("workshop") is not None:
        spec = data["workshop"]
        workshop = {
            "track": file.integer(spec, "track", "workshop"),
            "starts": file.moment(spec, "starts", "workshop"),
            "ends": file.moment(spec, "ends", "workshop"),
            "title": file.text(spec, "title", "workshop"),
            "place": file.text(spec, "place", "workshop"),
            "body": file.text(spec, "body", "workshop"),
            "programme": file.text(spec, "programme", "workshop"),
            "capacity": file.integer(spec, "capacity", "workshop", None),
            "registration_days_before": file.integer(spec, "registration_days_before", "workshop", 7),
        }
    return programme, contacts, tracks, workshop


def _criteria(file: _File):
    criteria = {}
    for name, specs in file.get(file.data, "criteria", "criteria").items():
        items = []
        if not isinstance(specs, list):
            raise file.error(f"criteria.{name}", "expected a list")
        for index, spec in enumerate(specs, start=1):
            at = f"criteria.{name}[{index}]"
            items.append(
                {
                    "code": file.string(spec, "code", at),
                    "key": file.string(spec, "key", at),
                    "weight": file.decimal(spec, "weight", at, Decimal("1.00")),
                    "emphasised": file.flag(spec, "emphasised", at, False),
                    "title": file.text(spec, "title", at),
                    "description": file.text(spec, "description", at),
                }
            )
        _unique(file, items, "code", f"criteria.{name}")
        criteria[str(name)] = items
    scale = [
        {
            "value": file.integer(spec, "value", f"scale[{index}]"),
            "label": file.text(spec, "label", f"scale[{index}]"),
        }
        for index, spec in enumerate(file.items(file.data, "scale", "scale", []), start=1)
    ]
    _unique(file, scale, "value", "scale")
    return criteria, scale


def _question_sets(file: _File, criteria: dict) -> dict:
    groups = file.get(file.data, "question_groups", "question_groups")
    sets = {}
    for name, spec in file.get(file.data, "question_sets", "question_sets").items():
        where = f"question_sets.{name}"
        sections = []
        for index, section in enumerate(file.items(spec, "sections", where), start=1):
            at = f"{where}.sections[{index}]"
            options = file.get(section, "options", at, {})
            if not isinstance(options, dict):
                raise file.error(f"{at}.options", "expected a mapping")
            sections.append(
                {
                    "key": file.string(section, "key", at),
                    "kind": file.string(section, "kind", at),
                    "title": file.text(section, "title", at),
                    "required": file.flag(section, "required", at, True),
                    "options": dict(options),
                }
            )
        _unique(file, sections, "key", f"{where}.sections")
        questions = []
        for group in file.items(spec, "questions", where):
            if group not in groups:
                raise file.error(f"{where}.questions", f"no question group {group!r} in question_groups")
            questions += _group(file, f"question_groups.{group}", groups[group], criteria)
        _unique(file, questions, "key", f"{where}.questions")
        pages = {section["key"] for section in sections if section["kind"] == "questions"}
        for question in questions:
            if question["section"] not in pages:
                raise file.error(
                    where, f"question {question['key']!r}: no page {question['section']!r} in sections"
                )
        sets[str(name)] = {
            "purpose": file.string(spec, "purpose", where),
            "sections": sections,
            "questions": questions,
        }
    return sets


def _group(file: _File, where: str, spec, criteria: dict) -> list[dict]:
    if isinstance(spec, dict):  # one text question per criterion of a list
        name = file.string(spec, "criteria", where)
        if name not in criteria:
            raise file.error(where, f"no list of criteria {name!r} in criteria.yaml")
        section = file.string(spec, "section", where)
        max_length = file.integer(spec, "max_length", where)
        emphasised_length = file.integer(spec, "max_length_emphasised", where, max_length)
        suffix = file.text(spec, "help_suffix", where)
        return [
            {
                "key": criterion["key"],
                "section": section,
                "type": "text",
                "label": {
                    language: f"{criterion['code']} {text}" for language, text in criterion["title"].items()
                },
                "help": {
                    language: f"{criterion['description'][language]} {suffix[language].format(code=criterion['code'])}"
                    for language in LANGUAGES
                },
                "required": True,
                "max_length": emphasised_length if criterion["emphasised"] else max_length,
                "options": [],
                "criterion": criterion["code"],
            }
            for criterion in criteria[name]
        ]
    if not isinstance(spec, list):
        raise file.error(where, "expected a list of questions, or a mapping with `criteria`")
    questions = []
    for index, question in enumerate(spec, start=1):
        at = f"{where}[{index}]"
        options = []
        for number, option in enumerate(file.items(question, "options", at, []), start=1):
            option_at = f"{at}.options[{number}]"
            options.append(
                {
                    "key": file.string(option, "key", option_at),
                    "label": file.text(option, "label", option_at),
                    # An answer choosing this option stops a submission (an exclusion of the call).
                    "refuses": file.flag(option, "refuses", option_at, False),
                }
            )
        _unique(file, options, "key", f"{at}.options")
        questions.append(
            {
                "key": file.string(question, "key", at),
                "section": file.string(question, "section", at),
                "type": file.string(question, "type", at),
                "label": file.text(question, "label", at),
                "help": file.text(question, "help", at),
                "required": file.flag(question, "required", at, True),
                "max_length": file.integer(question, "max_length", at, None),
                "options": options,
                "criterion": None,
            }
        )
    return questions


def _calls(file: _File, tracks: list, criteria: dict, question_sets: dict):
    numbers = {track["number"] for track in tracks}
    calls = []
    for index, spec in enumerate(file.items(file.data, "calls", "calls"), start=1):
        at = f"calls[{index}]"
        slug = file.string(spec, "slug", at)
        at = f"calls[{slug}]"
        track = file.integer(spec, "track", at)
        if track not in numbers:
            raise file.error(f"{at}.track", f"no track {track} in programme.yaml")
        criteria_name = file.string(spec, "criteria", at)
        if criteria_name not in criteria:
            raise file.error(f"{at}.criteria", f"no list of criteria {criteria_name!r} in criteria.yaml")
        questions = file.string(spec, "questions", at)
        if questions not in question_sets:
            raise file.error(f"{at}.questions", f"no question set {questions!r} in questions.yaml")
        previous = file.string(spec, "previous_stage", at, None)
        if previous is not None and previous not in {call["slug"] for call in calls}:
            raise file.error(f"{at}.previous_stage", f"no earlier call {previous!r}")
        opens, closes = file.moment(spec, "opens", at), file.moment(spec, "closes", at)
        if closes <= opens:
            raise file.error(at, "the call closes before it opens")
        question_set = question_sets[questions]
        codes = {criterion["code"] for criterion in criteria[criteria_name]}
        for question in question_set["questions"]:
            if question["criterion"] is not None and question["criterion"] not in codes:
                raise file.error(at, f"question {question['key']!r} answers criterion {question['criterion']!r}, "
                                     f"which is not in the list {criteria_name!r}")  # fmt: skip
        calls.append(
            {
                "slug": slug,
                "track": track,
                "stage": file.string(spec, "stage", at),
                "previous_stage": previous,
                "opens": opens,
                "closes": closes,
                "decisions_expected_on": file.day(spec, "decisions_expected_on", at, None),
                "criteria": criteria[criteria_name],
                "scored": file.flag(spec, "scored", at),
                "question_set": question_set,
                "cost_categories": file.flag(spec, "cost_categories", at),
                "maturity_model": file.flag(spec, "maturity_model", at),
                "title": file.text(spec, "title", at),
                "body": file.text(spec, "body", at),
                "eligibility": file.text(spec, "eligibility", at),
            }
        )
    _unique(file, calls, "slug", "calls")
    cost_categories = []
    for index, spec in enumerate(file.items(file.data, "cost_categories", "cost_categories", []), start=1):
        at = f"cost_categories[{index}]"
        cost_categories.append(
            {
                "key": file.string(spec, "key", at),
                "name": file.text(spec, "name", at),
                "help": file.text(spec, "help", at),
            }
        )
    _unique(file, cost_categories, "key", "cost_categories")
    return calls, cost_categories


def load_maturity(folder: Path | str = ROUND_2019) -> dict:
    """The maturity model of a round folder: name, intro, levels and dimensions with a descriptor per level."""
    return _memo("maturity", folder, _load_maturity)


def _load_maturity(folder: Path) -> dict:
    file = _File(folder, "maturity.yaml")
    data = file.data
    levels = [
        {
            "value": file.integer(spec, "value", f"levels[{index}]"),
            "name": file.text(spec, "name", f"levels[{index}]"),
        }
        for index, spec in enumerate(file.items(data, "levels", "maturity"), start=1)
    ]
    _unique(file, levels, "value", "levels")
    dimensions = []
    for index, spec in enumerate(file.items(data, "dimensions", "maturity"), start=1):
        at = f"dimensions[{index}]"
        descriptors = file.items(spec, "descriptors", at)
        if len(descriptors) != len(levels):
            raise file.error(
                f"{at}.descriptors", f"expected one per level ({len(levels)}), found {len(descriptors)}"
            )
        dimensions.append(
            {
                "key": file.string(spec, "key", at),
                "name": file.text(spec, "name", at),
                "description": file.text(spec, "description", at),
                "descriptors": [
                    file.text({"text": text}, "text", f"{at}.descriptors[{number}]")
                    for number, text in enumerate(descriptors, start=1)
                ],
            }
        )
    _unique(file, dimensions, "key", "dimensions")
    return {
        "name": file.text(data, "name", "maturity"),
        "intro": file.text(data, "intro", "maturity"),
        "levels": levels,
        "dimensions": dimensions,
    }


# --- site-wide content ---------------------------------------------------------------------------------------


@dataclass
class SiteContent:
    pages: list[dict]  # key, title, body
    faq: list[dict]  # question, answer; in order
    demo: dict  # slug, name, short_name ({year}), stages_overlap


def load_site(folder: Path | str = SITE) -> SiteContent:
    """Read the site folder (see the module's docstring)."""
    return _memo("site", folder, _load_site)


def _load_site(folder: Path) -> SiteContent:
    pages_file = _File(folder, "pages.yaml")
    pages = []
    for index, spec in enumerate(pages_file.items(pages_file.data, "pages", "pages"), start=1):
        at = f"pages[{index}]"
        pages.append(
            {
                "key": pages_file.string(spec, "key", at),
                "title": pages_file.text(spec, "title", at),
                "body": pages_file.text(spec, "body", at),
            }
        )
    _unique(pages_file, pages, "key", "pages")
    faq_file = _File(folder, "faq.yaml")
    faq = [
        {
            "question": faq_file.text(spec, "question", f"faq[{index}]"),
            "answer": faq_file.text(spec, "answer", f"faq[{index}]"),
        }
        for index, spec in enumerate(faq_file.items(faq_file.data, "faq", "faq"), start=1)
    ]
    demo_file = _File(folder, "demo.yaml")
    data = demo_file.data
    demo = {
        "slug": demo_file.string(data, "slug", "demo"),
        "name": demo_file.text(data, "name", "demo"),
        "short_name": demo_file.text(data, "short_name", "demo"),
        "stages_overlap": demo_file.text(data, "stages_overlap", "demo"),
    }
    return SiteContent(pages=pages, faq=faq, demo=demo)
