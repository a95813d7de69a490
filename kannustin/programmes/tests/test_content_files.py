"""The content as data files (docs/content.md): every text in fi, sv and en; a new round is a copy of a folder;
each file parsed once per process."""

import shutil
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
import yaml
from django.core.management import CommandError, call_command

from kannustin.programmes import setup
from kannustin.programmes.content import loader
from kannustin.programmes.models import Call, Programme, Question

LANGUAGES = ("fi", "sv", "en")
CONTENT = loader.CONTENT


# --- every text in every language, checked generically over the files -------------------------------------


def missing_languages(root: Path) -> tuple[list[str], int]:
    """(problems, number of texts checked) for every data file under `root`, whatever its structure.

    In YAML, a text is any mapping with a key `fi`, `sv` or `en` (it must have all three, none empty) or with
    the key `md` (the files NAME.fi.md, NAME.sv.md and NAME.en.md must exist, none empty). Every Markdown
    file must be named NAME.<language>.md, have its two siblings and be used by some YAML file."""
    problems, checked, used = [], 0, set()

    def walk(value, path: Path, where: str):
        nonlocal checked
        if isinstance(value, dict) and ("md" in value or set(value) & set(LANGUAGES)):
            checked += 1
            if "md" in value:
                names = {language: path.parent / f"{value['md']}.{language}.md" for language in LANGUAGES}
                used.update(name.resolve() for name in names.values())
                texts = {
                    language: name.read_text(encoding="utf-8") if name.is_file() else None
                    for language, name in names.items()
                }
            else:
                texts = {language: value.get(language) for language in LANGUAGES}
            for language, text in texts.items():
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"{path.relative_to(root)}: {where}: no text in {language}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path, f"{where}.{key}" if where else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                walk(item, path, f"{where}[{index}]")

    for path in sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")]):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path, "")
    for path in sorted(root.rglob("*.md")):
        name, _, language = path.name.removesuffix(".md").rpartition(".")
        if language not in LANGUAGES:
            problems.append(f"{path.relative_to(root)}: not named NAME.fi.md, NAME.sv.md or NAME.en.md")
            continue
        for other in LANGUAGES:
            if not path.with_name(f"{name}.{other}.md").is_file():
                problems.append(f"{path.relative_to(root)}: no {name}.{other}.md next to it")
        if path.resolve() not in used:
            problems.append(f"{path.relative_to(root)}: not used by any YAML file")
    return sorted(set(problems)), checked


def test_every_text_of_the_content_has_fi_sv_and_en():
    problems, checked = missing_languages(CONTENT)
    assert not problems, "\n".join(problems)
    assert checked > 200  # the walk found the texts: it proves nothing otherwise


def test_the_check_catches_a_missing_or_empty_language(tmp_path):
    shutil.copytree(CONTENT / "rounds", tmp_path / "rounds")
    round_ = tmp_path / "rounds" / "2019"
    calls = round_ / "calls.yaml"
    text = calls.read_text(encoding="utf-8")
    # An inline text without Swedish, and one with empty English.
    text = text.replace(
        "      sv: 'Punkt 1: Projekt för ledning genom information och utnyttjande av data'\n", "", 1
    )
    text = text.replace("en: 'Track 2, stage 2: Grant applications for joint projects'", "en: ''", 1)
    calls.write_text(text, encoding="utf-8")
    (round_ / "texts" / "how-to-apply.sv.md").unlink()  # a Markdown text without Swedish
    (round_ / "texts" / "maturity-intro.en.md").write_text("  \n", encoding="utf-8")  # blank English
    (round_ / "texts" / "stray.fi.md").write_text("Ei käytössä.", encoding="utf-8")  # used by nothing

    problems, _checked = missing_languages(tmp_path)

    assert problems == [
        "rounds/2019/calls.yaml: calls[1].title: no text in sv",
        "rounds/2019/calls.yaml: calls[3].title: no text in en",
        "rounds/2019/maturity.yaml: intro: no text in en",
        "rounds/2019/programme.yaml: how_to_apply: no text in sv",
        "rounds/2019/texts/how-to-apply.en.md: no how-to-apply.sv.md next to it",
        "rounds/2019/texts/how-to-apply.fi.md: no how-to-apply.sv.md next to it",
        "rounds/2019/texts/stray.fi.md: no stray.en.md next to it",
        "rounds/2019/texts/stray.fi.md: no stray.sv.md next to it",
        "rounds/2019/texts/stray.fi.md: not used by any YAML file",
    ]
    # The loader refuses such a folder too, naming the file and the place.
    with pytest.raises(
        loader.ContentError, match=r"programme\.yaml: programme\.how_to_apply: no text in `sv`"
    ):
        loader.load_round(round_)
    (round_ / "texts" / "how-to-apply.sv.md").write_text("Så här ansöker du.", encoding="utf-8")
    with pytest.raises(loader.ContentError, match=r"calls\.yaml: calls\[kohde-1\]\.title: no text in `sv`"):
        loader.load_round(round_)


# --- a new round is a copy of a folder ----------------------------------------------------------------------


def copy_of_2019(tmp_path) -> Path:
    folder = tmp_path / "2021"
    shutil.copytree(loader.ROUND_2019, folder)
    programme = folder / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    assert "slug: kannustin-2019\nyear: 2019\n" in text
    programme.write_text(
        text.replace("slug: kannustin-2019\nyear: 2019\n", "slug: kannustin-2021\nyear: 2021\n")
    )
    return folder


@pytest.mark.django_db
def test_a_new_round_is_a_copy_of_the_folder_with_a_text_edited(tmp_path):
    first = setup.create_programme_2019()
    folder = copy_of_2019(tmp_path)
    body = folder / "texts" / "kohde-1-body.sv.md"
    body.write_text(body.read_text(encoding="utf-8").replace("## Ansökningstid", "## Ansökningstiden 2021"))

    stats = setup.LoadStats()
    second = setup.create_programme(folder, stats)

    assert second.pk != first.pk and second.slug == "kannustin-2021" and second.year == 2021
    assert Programme.objects.count() == 2
    sets = loader.load_round(folder).question_sets.values()
    assert stats.created["call"] == 3 and stats.created["question"] == sum(len(s["questions"]) for s in sets)
    assert "## Ansökningstiden 2021" in second.calls.get(slug="kohde-1").body_sv
    first_call = first.calls.get(slug="kohde-1")
    first_call.refresh_from_db()
    assert "## Ansökningstid\n" in first_call.body_sv and "Ansökningstiden 2021" not in first_call.body_sv
    # The copy is a round like 2019: same forms, its own maturity models; loading it again changes nothing.
    assert Question.objects.filter(question_set__call__programme=second).count() == (
        Question.objects.filter(question_set__call__programme=first).count()
    )
    models = [
        set(p.calls.exclude(maturity_model=None).values_list("maturity_model", flat=True))
        for p in (first, second)
    ]
    assert len(models[1]) == 2 and not models[0] & models[1]
    again = setup.LoadStats()
    setup.create_programme(folder, again)
    assert not again.changed, again.describe()


@pytest.mark.django_db
def test_the_command_loads_a_round_folder(tmp_path):
    folder = copy_of_2019(tmp_path)
    out = StringIO()
    call_command("load_programme_2019", folder=str(folder), stdout=out)
    assert "(kannustin-2021)" in out.getvalue() and "kohde-1: 10 criteria" in out.getvalue()
    assert Call.objects.filter(programme__slug="kannustin-2021").count() == 3

    calls = folder / "calls.yaml"
    calls.write_text(
        calls.read_text(encoding="utf-8").replace("    stage: proposal\n", "    stage: proposals\n")
    )
    with pytest.raises(
        CommandError, match="'proposals' is not one of application, proposal, joint_application"
    ):
        call_command("load_programme_2019", folder=str(folder), stdout=out)


# --- parsed once per process --------------------------------------------------------------------------------


def test_each_file_is_parsed_once_and_again_only_when_it_changes(tmp_path):
    folder = tmp_path / "2019"
    shutil.copytree(loader.ROUND_2019, folder)
    first = loader.load_round(folder)
    with mock.patch.object(loader.yaml, "load", wraps=yaml.load) as parse:
        assert loader.load_round(folder) is first  # assembled once, shared (read-only)
        assert loader.load_maturity(folder) is first.maturity
        assert parse.call_count == 0

        criteria = folder / "criteria.yaml"
        criteria.write_text(criteria.read_text(encoding="utf-8").replace("Muutoksen seuranta", "Seuranta"))
        changed = loader.load_round(folder)
        assert parse.call_count == 1  # criteria.yaml only
        assert changed is not first and changed.criteria["application"][7]["title"]["fi"] == "Seuranta"

        intro = folder / "texts" / "maturity-intro.sv.md"  # a Markdown file of a part read through another
        intro.write_text("Bedöm digitaliseringen.", encoding="utf-8")
        assert loader.load_round(folder).maturity["intro"]["sv"] == "Bedöm digitaliseringen."
        assert parse.call_count == 1
