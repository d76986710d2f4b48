"""Three made-up news stories, long enough to be read as articles, for the end-to-end tests."""

from __future__ import annotations

STORIES = [
    ("The city council voted on Tuesday to expand the bus network across the northern districts, Mayor Jane Holt "
     "said. \"This is a good day for everyone who waits in the rain,\" Holt said. Councillor Sam Reed criticised the "
     "plan as too expensive and said the vote had been rushed. The network will add twelve routes by next spring, "
     "and the council expects ridership to grow by a fifth. Drivers' unions welcomed the plan but asked for more "
     "staff, saying the current rota was already stretched. The opposition promised to review the costs again."),
    ("Germany and France agreed a new trade deal in Berlin on Monday after months of talks between the two "
     "governments. Chancellor Olaf Scholz praised the agreement as a sign of European unity. \"We have shown that "
     "we can still agree,\" Scholz said at a news conference. Farmers' groups in both countries criticised the "
     "deal, saying it opened their markets too quickly. The agreement still needs the approval of both "
     "parliaments, which are expected to vote before the summer recess. Economists said the effect on prices "
     "would be small in the first year."),
    ("Heavy rain flooded parts of the coastal town overnight, and the fire service rescued dozens of residents "
     "from their homes. Fire chief Maria Lopez said the water rose faster than expected. \"We were at the limit "
     "of what we could do,\" Lopez said. The town council opened two schools as shelters and asked people to "
     "avoid the harbour road. Forecasters warned that more rain was expected on Thursday, and the national "
     "government promised emergency funds for the repairs once the water had gone down."),
]
