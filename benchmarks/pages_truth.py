"""Hand-checked metadata for the pages in ``../shared/pages/readability`` (read from the pages).

Readability's ``expected-metadata.json`` leaves many fields null or noisy (a site suffix in the title,
a date in the byline). Each value here was settled by reading the page itself: ``source.html`` for the
HTML form and ``browser-copy.txt`` for what a reader of the copy can see. ``browser_date`` is given where
the copy shows no full date (a relative "1 day ago", or no date at all): there the right answer is none;
``browser_title`` where the copy's visible headline differs from the HTML title.
Dates are calendar dates as the page shows them.
"""

from __future__ import annotations

TRUTH: dict[str, dict[str, str | None]] = {
    "aclu": {"date": "2018-04-05"},
    "bbc-1": {"date": "2015-07-24", "author": None},
    "breitbart": {"title": "'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump Supporters?'",
                  "author": "Lucas Nolan", "date": "2016-12-22"},
    "buzzfeed-1": {"date": "2015-04-21", "author": "Mark Di Stefano"},
    "citylab-1": {"date": "2019-04-30", "browser_date": None,
                  # the copy shows another headline than the HTML <title> (read from the copy)
                  "browser_title": "Why Neon Is the Ultimate Symbol of the 20th Century"},
    "cnet": {"date": "2017-01-18"},
    "cnn": {"date": "2016-02-01"},
    "engadget": {"date": "2017-11-03"},
    "guardian-1": {"title": "'What is the sea telling us?': Māori tribes fearful over whale strandings",
                   "date": "2019-01-03"},
    "herald-sun-1": {"date": "2015-03-13", "source": "Herald Sun"},
    "medicalnewstoday": {"date": "2017-07-27"},
    "msn": {"date": "2016-11-15", "browser_date": None},
    "nytimes-1": {"date": "2017-01-13", "source": "The New York Times"},
    "nytimes-2": {"date": "2016-07-29", "source": "The New York Times"},
    "nytimes-3": {"date": "2019-02-21", "source": "The New York Times"},
    "nytimes-4": {"date": "2018-09-25", "source": "The New York Times"},
    "quanta-1": {"date": "2019-05-20"},
    # Readability names Joanna Rothkopf, the author of sidebar teasers; the byline under the headline
    # is "Richard (R.J.) Eskow" (read from both forms of the page)
    "salon-1": {"date": "2015-02-01", "source": "Salon", "author": "Richard Eskow"},
    "schema-org-context-object": {"date": "2024-12-06"},
    "seattletimes-1": {"date": "2019-04-28", "author": "Benjamin Romano"},
    "telegraph": {"date": "2017-11-16", "author": "Our Foreign Staff"},
    "tmz-1": {"date": "2015-02-26", "source": "TMZ", "author": "TMZ Staff"},
    "wapo-1": {"date": "2015-03-18"},
    "wapo-2": {"date": "2015-03-18"},
    "webmd-1": {"date": "2015-02-23", "source": "WebMD", "author": "Brenda Goodman"},
    "yahoo-3": {"date": "2015-03-11", "author": "Gillian Mohney"},
}
