"""Email tables never break a word: a speaker's name stays whole however long the quote beside it, measured in a
real headless Chromium (the engine of the common web and desktop mail clients) at a phone's width."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from newsbrief.deliver.content import ReportContent, Section, render_html

LONG = " ".join(["a long quoted sentence that fills its column and pushes on the others"] * 4)
NAMES = ["(unattributed)", "Administration officials", "Internationalisation spokeswoman"]
#: Reports each word of a data-table cell that the browser laid out on more than one line.
PROBE = """<script>
const broken = [];
for (const td of document.querySelectorAll("td")) {
  if (td.querySelector("table")) continue;
  const node = td.firstChild;
  if (!node || node.nodeType !== 3) continue;
  const text = node.textContent;
  for (const m of text.matchAll(/\\S+/g)) {
    const r = document.createRange();
    r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
    const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
    if (tops.size > 1 && !m[0].includes("-")) broken.push(m[0]);
  }
}
document.body.insertAdjacentText("beforeend", "PROBE-RESULT broken=[" + broken.join("|") + "]");
</script>"""


def _content(folder: Path) -> ReportContent:
    speakers = pd.DataFrame({"speaker": NAMES, "named": [False, False, True], "quotes": [12, 3, 2],
                             "words": [240, 61, 33], "quote_share": [0.7, 0.18, 0.12], "word_share": [0.7, 0.18, 0.12],
                             "example": [LONG] * 3})
    entities = pd.DataFrame({"name": ["Internationalisation Commission"], "type": ["organisation"], "mentions": [4],
                             "share": [0.5], "aliases": [["Internationalisation Commission"]]})
    quotes = pd.DataFrame(columns=["quote", "speaker", "kind"])
    return ReportContent(folder=folder, title="T", label="Article briefing", meta=[], url=None, findings=["One."],
                         entities=entities, speakers=speakers, quotes=quotes, quotes_total=0,
                         sections=[Section("Who is in it", kind="entities"), Section("Who speaks", kind="speakers")])


def test_email_table_cells_keep_words_whole(tmp_path: Path) -> None:
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                    None)
    if chromium is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium package)")
    page = tmp_path / "email.html"
    page.write_text(render_html(_content(tmp_path)).replace("</body>", PROBE + "</body>"), encoding="utf-8")
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}",
             "--window-size=380,1200", "--virtual-time-budget=3000"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], check=True, capture_output=True, text=True,
                         timeout=120).stdout
    found = re.search(r"PROBE-RESULT broken=\[([^\]\"]*)\]", dom)
    assert found, "the probe did not run"
    assert found.group(1) == "", f"words broken across lines: {found.group(1)}"
