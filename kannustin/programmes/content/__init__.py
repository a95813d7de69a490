"""The 2019 programme and the service's public texts as data files, in Finnish, Swedish and English.

`rounds/<round>/` holds one round of the programme (YAML for structure, Markdown per language for long
texts), `site/` the site pages, the FAQ and the demo round's texts; `loader` reads them and
`kannustin.programmes.setup` writes them into the `*_fi`, `*_sv`, `*_en` fields. Texts may carry
`{placeholders}` (dates, amounts) that the loader fills per language, so the same words serve the 2019
round and the demo round. How to prepare a new round: docs/content.md.
"""

LANGUAGES = ("fi", "sv", "en")
