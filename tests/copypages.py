"""An invented browser copy for the outlet tests: a story between a site's chrome naming its outlet and owner."""

from __future__ import annotations

STORY = [
    "The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
    "a decision that residents of both banks have argued about for most of the past decade.",
    "Supporters said the work could not wait any longer, and that a temporary footbridge would keep the markets "
    "on either side within a short walk of each other for the whole of the closure.",
    "Opponents said the council had not shown how buses would cross the river, and asked for the vote to be put "
    "off until a study of the detours was published and the traders had been heard.",
    "The Riverside Traders Association said it would ask the court to review the decision before the end of the "
    "month, when the first lane is due to close.",
]


def page(outlet: str, owner: str) -> str:
    head = [outlet, "Home", "News", "Sport", "Weather", "Sign In", f"About {outlet}", "Bridge to close for two years",
            "By Jane Doe", "Published November 19, 2019"]
    foot = ["Most read", "Council budget approved", f"{outlet} Newsletters", f"Contact {outlet}", "Privacy policy",
            f"© 2019 {owner}. All rights reserved."]
    return "\n".join(head + STORY + foot)
