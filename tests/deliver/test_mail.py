"""newsbrief.mail: the message (structure, safety, size) and delivery to a real SMTP server on loopback."""

from __future__ import annotations

import re
import struct
import zlib
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from mailserver import HOSTILE_TITLE, free_port, hostile_report, self_signed, smtp_server
from newsbrief.deliver.content import (
    BODY_WIDTH,
    HTML_BUDGET,
    REDUCTIONS,
    InlineImage,
    ReportContent,
    ReportFolderError,
    Section,
    fit_html,
    render_html,
    render_text,
)
from newsbrief.deliver.mail import AddressError, SmtpSettings, build_message, parse_addresses, send_message, write_eml
from newsbrief.errors import DeliveryError, InputError

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

EVIL = "<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">x</a>"


# ---------------------------------------------------------------------------------------------- helpers
class Markup(HTMLParser):
    """Collects tags and attributes, to check markup the way a mail client would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def parse(markup: str) -> list[tuple[str, dict[str, str]]]:
    parser = Markup()
    parser.feed(markup)
    return parser.tags


def assert_mail_safe_html(markup: str) -> None:
    tags = parse(markup)
    names = {t for t, _ in tags}
    assert not names & {"script", "iframe", "object", "embed", "form", "base", "link"}, names
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for key in ("href", "src", "background", "action"):
            value = attrs.get(key, "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:")), (tag, attrs)
    assert not re.search(r"""url\(\s*['"]?\s*data:|=\s*['"]?\s*data:""", markup, re.I)  # no data: URI, CSS included
    assert "<style" not in markup.lower()  # CSS inlined
    assert len(markup.encode("utf-8")) < HTML_BUDGET
    widths = [int(v) for _, a in tags for v in [a.get("width", "")] if v.isdigit()]
    widths += [int(w) for w in re.findall(r"(?<![-\w])(?:max-)?width:\s*(\d+)px", markup)]
    assert widths and max(widths) <= 700, max(widths)


def tiny_png(width: int = 800, height: int = 300) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def content(*, quotes: int = 3, findings: int = 3, chart: bool = True) -> ReportContent:
    """A report's content with article strings that attack the HTML, without running a report."""
    png = tiny_png()
    charts = [InlineImage(png=png, heading="Who and what", alt=f"InlineImage {EVIL}", cid="c1@newsbrief.invalid",
                          width=800, height=300)] if chart else []
    return ReportContent(
        folder=Path("/reports/evil"), title=f"Title {EVIL}", label="Article briefing",
        meta=[("Source", f"Source {EVIL}"), ("Words", "12")], url=None,
        findings=[f"Finding {i} {EVIL}" for i in range(findings)],
        entities=pd.DataFrame({"name": [f"Entity {EVIL}"], "type": ["person"], "mentions": [3], "share": [0.5],
                               "aliases": [[f"Alias {EVIL}"]]}),
        speakers=pd.DataFrame({"speaker": [f"Speaker {EVIL}"], "quotes": [2], "words": [20], "word_share": [1.0],
                               "example": [f"Example {EVIL}"]}),
        quotes=pd.DataFrame({"quote": [f"Quote {i} {EVIL} " + "word " * 60 for i in range(quotes)],
                             "speaker": [f"Speaker {EVIL}"] * quotes, "kind": ["direct"] * quotes}),
        quotes_total=quotes,
        sections=[Section("Who and what", intro=f"Intro {EVIL}", charts=charts, kind="entities"),
                  Section("Who speaks", kind="speakers")],
    )


def simple_message(*, to: tuple[str, ...] = ("ann@example.org",)) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = "test", "newsbrief@example.org", ", ".join(to)
    msg.set_content("hello\n")
    return msg


# ---------------------------------------------------------------------------------------------- content (fast)
def test_html_escapes_every_article_string() -> None:
    markup = render_html(content())
    assert_mail_safe_html(markup)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert markup.count("Finding ") == 3 and "Alias " in markup and "Quote 0" in markup
    img = [a for t, a in parse(markup) if t == "img"]
    assert [a["src"] for a in img] == ["cid:c1@newsbrief.invalid"]
    assert int(img[0]["width"]) <= 700  # an 800 px chart is shown scaled down


def test_html_over_budget_drops_quotes_then_tables_and_says_so() -> None:
    c = content(quotes=12)
    full = len(render_html(c).encode())
    markup, notes = fit_html(c, budget=full - 1)
    assert "Quote 0" not in markup and "Entity " in markup
    assert notes and "quote list" in notes[0] and notes[0] in markup.replace("&#39;", "'")
    sizes = [len(render_html(c, shown=shown).encode()) for shown, _ in REDUCTIONS]
    assert sizes == sorted(sizes, reverse=True) and sizes[-2] > sizes[-1] + 500
    smallest, notes = fit_html(c, budget=sizes[-1] + 500)  # room for the note, not for the tables
    assert "Entity " not in smallest and "Speaker " not in smallest and "tables" in notes[0]
    with pytest.raises(DeliveryError, match="budget"):
        fit_html(c, budget=1000)


def test_text_part_has_findings_and_small_tables() -> None:
    text = render_text(content(), notes=["left out the quote list"])
    assert text.startswith("Title <script>")  # plain text: shown as written, never interpreted
    assert "KEY FINDINGS" in text and "- Finding 0" in text
    assert re.search(r"name\s+type\s+mentions\s+share", text) and "50%" in text
    assert re.search(r"speaker\s+quotes\s+words", text)
    assert "Note: left out the quote list" in text
    assert max(len(line) for line in text.splitlines()) <= 78


@pytest.mark.parametrize("value", ["ann", "ann@", "@example.org", "ann@.", "a b@example.org", "x\r\nBcc: y@z.org"])
def test_bad_addresses_are_input_errors(value: str) -> None:
    with pytest.raises(AddressError) as e:
        parse_addresses([value])
    assert isinstance(e.value, InputError) and isinstance(e.value, DeliveryError) and e.value.exit_code == 2


def test_addresses_split_and_keep_names() -> None:
    assert parse_addresses(["Ann <ann@example.org>, bob@example.org", "c@example.org"]) == [
        "Ann <ann@example.org>", "bob@example.org", "c@example.org"]


@pytest.mark.parametrize("missing", ["folder", "notebook", "data"])
def test_missing_report_parts(tmp_path: Path, missing: str) -> None:
    folder = tmp_path / "report"
    if missing != "folder":
        folder.mkdir()
        (folder / ("data" if missing == "notebook" else "briefing.ipynb")).mkdir()
    with pytest.raises(ReportFolderError) as e:
        build_message(folder, to=["a@example.org"], sender="b@example.org")
    assert e.value.exit_code == 2 and str(folder) in str(e.value)


def test_credentials_come_in_pairs() -> None:
    with pytest.raises(AddressError, match="NEWSBRIEF_SMTP_PASSWORD is not set"):
        SmtpSettings.from_env("127.0.0.1", environ={"NEWSBRIEF_SMTP_USER": "ann"})
    s = SmtpSettings.from_env("h", security="starttls",
                              environ={"NEWSBRIEF_SMTP_USER": "a", "NEWSBRIEF_SMTP_PASSWORD": "pw"})
    assert s.effective_port == 587 and "pw" not in repr(s)


# ---------------------------------------------------------------------------------------------- SMTP (fast)
def test_plain_delivery() -> None:
    with smtp_server() as server:
        d = send_message(simple_message(to=("Ann <ann@example.org>", "bob@example.org")),
                         SmtpSettings(server.host, port=server.port))
    assert d.recipients == ("ann@example.org", "bob@example.org")
    (got,) = server.received
    assert got.mail_from == "newsbrief@example.org" and got.rcpt_tos == ["ann@example.org", "bob@example.org"]
    assert got.message.get_content() == "hello\n"


def test_login() -> None:
    with smtp_server(auth=("ann", "s3cret")) as server:
        send_message(simple_message(), SmtpSettings(server.host, port=server.port, username="ann", password="s3cret"))
    assert server.authenticator is not None and server.authenticator.attempts == ["ann"]
    assert len(server.received) == 1


def test_failed_login_names_user_and_server() -> None:
    with smtp_server(auth=("ann", "s3cret")) as server:
        settings = SmtpSettings(server.host, port=server.port, username="ann", password="wrong")
        with pytest.raises(DeliveryError, match=rf"login as 'ann' failed at 127\.0\.0\.1:{server.port}: 535"):
            send_message(simple_message(), settings)
    assert server.received == []


def test_server_requiring_login_without_credentials() -> None:
    with smtp_server(auth=("ann", "s3cret")) as server, pytest.raises(DeliveryError, match="530"):
        send_message(simple_message(), SmtpSettings(server.host, port=server.port))
    assert server.received == []


def test_refused_connection_names_host_and_port() -> None:
    port = free_port()
    with pytest.raises(DeliveryError, match=rf"connection refused by 127\.0\.0\.1:{port}") as e:
        send_message(simple_message(), SmtpSettings("127.0.0.1", port=port, timeout=5))
    assert e.value.exit_code == 1


def test_rejected_recipient_aborts_before_data() -> None:
    msg = simple_message(to=("ann@example.org", "nobody@example.org", "bob@example.org"))
    with smtp_server(refuse={"nobody@example.org"}) as server:
        with pytest.raises(DeliveryError) as e:
            send_message(msg, SmtpSettings(server.host, port=server.port))
        send_message(simple_message(), SmtpSettings(server.host, port=server.port))  # the server is still usable
    text = str(e.value)
    assert "refused 1 of 3 recipients: nobody@example.org (550" in text and "nothing was sent" in text
    assert "ann@example.org" not in text and e.value.field == "to"
    assert server.handler.data_commands == 1 and server.received[0].rcpt_tos == ["ann@example.org"]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = self_signed(tmp_path_factory.mktemp("tls"))
    if made is None:
        pytest.skip("the openssl command is not installed")
    return made


def test_starttls_login(certificate: tuple[Path, Path]) -> None:
    with smtp_server(auth=("ann", "s3cret"), tls=certificate) as server:
        settings = SmtpSettings("127.0.0.1", port=server.port, security="starttls", username="ann", password="s3cret",
                                ssl_context=server.client_context())
        send_message(simple_message(), settings)
    assert len(server.received) == 1


def test_ssl_certificate_is_checked(certificate: tuple[Path, Path]) -> None:
    with smtp_server(tls=certificate, implicit_tls=True) as server:
        send_message(simple_message(), SmtpSettings("127.0.0.1", port=server.port, security="ssl",
                                                    ssl_context=server.client_context()))
        with pytest.raises(DeliveryError, match="TLS with 127.0.0.1.*CERTIFICATE_VERIFY_FAILED"):
            send_message(simple_message(), SmtpSettings("127.0.0.1", port=server.port, security="ssl", timeout=5))
    assert len(server.received) == 1


def test_starttls_not_offered() -> None:
    with smtp_server() as server, pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        send_message(simple_message(), SmtpSettings(server.host, port=server.port, security="starttls"))


# ---------------------------------------------------------------------------------------------- a real report (slow)
@pytest.fixture(scope="module")
def hostile_message() -> EmailMessage:
    return build_message(hostile_report(), to=["Ann <ann@example.org>"], sender="Briefings <newsbrief@example.org>")


def check_briefing_message(msg: EmailMessage) -> None:
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.get_payload()
    assert plain.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html_part, *images = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    markup = html_part.get_content()
    assert_mail_safe_html(markup)
    cids = {p["Content-ID"].strip("<>"): p for p in images}
    refs = re.findall(r'src="cid:([^"]+)"', markup)
    assert refs and set(refs) == set(cids)  # every chart referenced, every reference resolves
    for part in cids.values():
        assert part.get_content_type() == "image/png" and part.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
        assert part.get_content_disposition() == "inline"
    text = plain.get_content()
    assert "KEY FINDINGS" in text


@pytest.mark.slow
def test_hostile_report_message(hostile_message: EmailMessage) -> None:
    check_briefing_message(hostile_message)
    markup = hostile_message.get_body(("html",)).get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Minister &lt;img src=x onerror=alert(1)&gt; quits" in markup
    assert "javascript:alert(3)" not in markup  # the article's URL is not http(s): not shown, never a link
    assert "Evil Times" in markup and "<b " not in markup
    assert hostile_message["Subject"] == f"Briefing: {HOSTILE_TITLE}"
    assert BODY_WIDTH <= 700


@pytest.mark.slow
def test_hostile_report_delivered_and_parsed_back(hostile_message: EmailMessage, tmp_path: Path) -> None:
    with smtp_server(auth=("ann", "pw")) as server:
        send_message(hostile_message, SmtpSettings(server.host, port=server.port, username="ann", password="pw"))
    (got,) = server.received
    received = got.message
    check_briefing_message(received)
    assert received["Subject"] == f"Briefing: {HOSTILE_TITLE}"
    eml = write_eml(hostile_message, tmp_path / "m.eml")
    check_briefing_message(message_from_bytes(eml.read_bytes(), policy=policy.default))  # type: ignore[arg-type]


def test_email_keeps_the_marked_charts_links_the_full_briefing_and_says_what_it_left_out() -> None:
    from newsbrief.deliver.content import Section, _choose_charts

    png = tiny_png()
    sections = [Section("What changed", charts=[InlineImage(png=png, heading="What changed", alt="a", cid="a@x",
                                                            width=700, height=300, email=True)]),
                Section("Who appears with whom", charts=[InlineImage(png=png, heading="Who appears with whom", alt="b",
                                                                     cid="b@x", width=700, height=300)])]
    assert _choose_charts(sections) == ["Who appears with whom"]
    assert [len(s.charts) for s in sections] == [1, 0]
    c = content()
    c.full_url = "https://example.org/b/evil/briefing.html"
    c.left_out, c.appendix = ["Who appears with whom"], "appendix.html"
    markup = render_html(c)
    assert 'href="https://example.org/b/evil/briefing.html"' in markup
    assert "Left out of this email" in markup and "Who appears with whom" in markup and "appendix" in markup
    text = " ".join(render_text(c).split())
    assert "Full briefing: https://example.org/b/evil/briefing.html" in text and "Who appears with whom" in text
