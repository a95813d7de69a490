"""The 2019 programme and the service's public texts as data, in Finnish, Swedish and English.

Each text is a `t(fi, sv, en)` dict; `kannustin.programmes.setup` writes them into the `*_fi`, `*_sv`,
`*_en` fields. Texts may carry `{placeholders}` (dates, amounts) that the loader fills per language, so
the same words serve the 2019 round and the demo round.
"""

LANGUAGES = ("fi", "sv", "en")


def t(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "sv": sv, "en": en}
