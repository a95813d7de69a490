"""Texts of the demo round: a copy of the 2019 round with its windows placed around today."""

from . import t

SLUG = "kannustin-demo"

NAME = t(
    "Kuntien digitalisaation kannustinjärjestelmä – demokierros {year}",
    "Incitamentsystemet för digitalisering i kommunerna – demoomgång {year}",
    "Incentive programme for digitalisation in municipalities – demo round {year}",
)
SHORT_NAME = t("Kannustin – demo {year}", "Incitament – demo {year}", "Kannustin – demo {year}")

# Put before the text of both track-2 calls: in the demo, stage 2 is open while stage 1 still is.
STAGES_OVERLAP = t(
    "**Demokierros:** vaiheen 2 haku on avoinna samaan aikaan kuin vaihe 1, jotta molempia vaiheita voi "
    "kokeilla heti. Oikeassa haussa vaihe 2 alkaa vasta ensimmäisen vaiheen ja työpajan jälkeen.",
    "**Demoomgång:** ansökan i steg 2 är öppen samtidigt som steg 1, så att båda stegen kan prövas genast. "
    "I en verklig utlysning börjar steg 2 först efter det första steget och workshopen.",
    "**Demo round:** the stage 2 call is open at the same time as stage 1 so that both stages can be tried "
    "now. In a real round, stage 2 opens only after the first stage and the workshop.",
)
