"""The glossary (docs/glossary.md) is kept: none of its forbidden variants appears in the catalogues'
translations, in the programme's content files or in the templates.

The rules are read from the glossary's table of forbidden variants, so the document and the test cannot
drift apart. Content is the data files under `kannustin/programmes/content/` (docs/content.md), found by
file type, not by a list of files, so that a new round folder is checked without changing this test:
- `.yaml` / `.yml`: values under keys `fi`, `sv`, `en` (or ending in `_fi`, `_sv`, `_en`);
- other text files (`.md`, …): the language of a name part (`faq.sv.md`, `sv/faq.md`), otherwise none.
The content's Python code (the loader) holds no texts and is not read. Text of no known language (and the
templates, which are English source and markup) is checked against the rows marked *anywhere* only.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GLOSSARY = ROOT / "docs" / "glossary.md"
CONTENT = ROOT / "kannustin" / "programmes" / "content"
TEMPLATES = ROOT / "templates"
LANGUAGES = ("fi", "sv", "en")
TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".md", ".txt", ".html", ".json"}
CONTENT_SUFFIXES = TEXT_SUFFIXES - {".py"}  # the data files; the loader's code holds no texts


@dataclass(frozen=True)
class Rule:
    language: str
    write: str
    avoid: str
    pattern: re.Pattern
    anywhere: bool

    def __str__(self):
        return f"{self.language}: write “{self.write}”, not “{self.avoid}”"


def rules() -> list[Rule]:
    text = GLOSSARY.read_text()
    section = text[text.index("## Forbidden variants") :]
    found = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != 5 or cells[0] not in LANGUAGES:
            continue
        language, write, avoid, pattern, anywhere = cells
        pattern = pattern.strip("`").replace("\\|", "|")
        found.append(Rule(language, write, avoid, re.compile(pattern), anywhere == "yes"))
    return found


def catalogue_texts(language: str) -> list[tuple[str, str]]:
    """(where, translation) for every msgstr of the language's catalogue."""
    from django.utils.translation import trans_real  # noqa: F401  (gettext is installed with Django)

    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    entries, current, key = [], [], None
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if line.startswith("msgstr"):
            key, current = number, [line.split(" ", 1)[1]]
        elif line.startswith('"') and key is not None:
            current.append(line)
        else:
            if key is not None:
                entries.append((f"{path.relative_to(ROOT)}:{key}", _unquote(current)))
            key = None
    if key is not None:
        entries.append((f"{path.relative_to(ROOT)}:{key}", _unquote(current)))
    return entries


def _unquote(parts: list[str]) -> str:
    return "".join(ast.literal_eval(part) for part in parts)


def yaml_texts(path: Path) -> list[tuple[str | None, str]]:
    try:
        import yaml
    except ImportError:  # no parser: the whole file, language unknown
        return [(None, path.read_text())]
    texts = []

    def walk(value, language=None):
        if isinstance(value, dict):
            for key, item in value.items():
                key = str(key)
                code = (
                    key
                    if key in LANGUAGES
                    else key[-2:]
                    if key[-3:-2] == "_" and key[-2:] in LANGUAGES
                    else None
                )
                walk(item, code or language)
        elif isinstance(value, list):
            for item in value:
                walk(item, language)
        elif isinstance(value, str):
            texts.append((language, value))

    walk(yaml.safe_load(path.read_text()))
    return texts


def file_language(path: Path) -> str | None:
    parts = [*path.parts, *path.name.split(".")]
    found = [part for part in parts if part in LANGUAGES]
    return found[-1] if found else None


def content_texts(path: Path) -> list[tuple[str | None, str]]:
    if path.suffix in {".yaml", ".yml"}:
        return yaml_texts(path)
    return [(file_language(path.relative_to(CONTENT)), path.read_text())]


def files(root: Path, suffixes: set[str]) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file() and path.suffix in suffixes)


# Placeholders are code, not words: %(dimension)s, {appropriation}, {{ name }}, {% … %}.
PLACEHOLDERS = re.compile(r"%\(\w+\)[sd]|\{\{.*?\}\}|\{%.*?%\}|\{\w+\}")


def violations(rule: Rule, texts) -> list[str]:
    found = []
    for where, language, text in texts:
        if language == rule.language or (language is None and rule.anywhere):
            text = PLACEHOLDERS.sub(" ", text)
            for match in rule.pattern.finditer(text):
                context = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
                found.append(f"{where}: “{match.group(0)}” in …{context}…")
    return found


def all_texts():
    texts = []
    for language in ("fi", "sv", "en"):
        texts += [(where, language, text) for where, text in catalogue_texts(language)]
    for path in files(CONTENT, CONTENT_SUFFIXES):
        texts += [(str(path.relative_to(ROOT)), language, text) for language, text in content_texts(path)]
    for path in files(TEMPLATES, TEXT_SUFFIXES):
        texts.append((str(path.relative_to(ROOT)), None, path.read_text()))
    return texts


TEXTS = None


def texts():
    global TEXTS
    if TEXTS is None:
        TEXTS = all_texts()
    return TEXTS


def test_the_glossary_has_rules_for_finnish_and_swedish():
    found = rules()
    assert len(found) >= 25
    assert {rule.language for rule in found} >= {"fi", "sv"}


@pytest.mark.parametrize("rule", rules(), ids=str)
def test_no_forbidden_variant(rule):
    found = violations(rule, texts())
    assert not found, f"{rule}:\n" + "\n".join(found[:20])


def test_the_content_is_found_in_each_language():
    """The scan reads the content as it is structured today; if it finds no text in a language, it reads
    nothing and proves nothing."""
    languages = {language for _where, language, _text in texts() if language}
    assert languages == {"fi", "sv", "en"}
    content = [(where, language, text) for where, language, text in texts() if where.startswith("kannustin/")]
    for language in LANGUAGES:  # from the YAML files and from the Markdown files
        assert any(language == lang and where.endswith(".yaml") for where, lang, _text in content), language
        assert any(language == lang and where.endswith(f".{language}.md") for where, lang, _text in content)
    swedish = [text for _where, language, text in content if language == "sv"]
    assert any("Incitamentsystemet för digitalisering i kommunerna" in text for text in swedish)
    assert any("Tillgänglighetsutlåtande" in text for text in swedish)


def test_the_rules_catch_what_they_forbid():
    samples = {
        "sv": "Förbinder ni er att förnya kommunernas arbetssätt? Ansökan återtas i skede 2 av projektförvaltaren.",
        "fi": "Mitä olette jättämässä? Jätä hakemus ajoissa; hakemus on jätettävä kello 16.15.",
    }
    for language, sample in samples.items():
        hits = [rule for rule in rules() if rule.language == language and rule.pattern.search(sample)]
        assert len(hits) >= 4, (language, hits)
