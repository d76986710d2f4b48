"""A real SMTP server on loopback for the mail tests (aiosmtpd), with optional login, refusals and TLS."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import socket
import ssl
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        msg = message_from_bytes(self.data.replace(b"\r\n", b"\n"), policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class Handler:
    """Stores every message; answers 550 to the addresses in ``refuse``."""

    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    data_commands: int = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_commands += 1
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 Message accepted for delivery"


@dataclass
class Authenticator:
    user: str
    password: str
    attempts: list[str] = field(default_factory=list)

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        self.attempts.append(login)
        ok = login == self.user and auth_data.password.decode() == self.password
        return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    host: str
    port: int
    handler: Handler
    authenticator: Authenticator | None = None
    cafile: Path | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def client_context(self) -> ssl.SSLContext:
        """An SSL context that trusts this server's self-signed certificate (hostname checked)."""
        assert self.cafile is not None
        return ssl.create_default_context(cafile=str(self.cafile))


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """A certificate for 127.0.0.1 and localhost made by the openssl command, or None without it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )
    return cert, key


@contextmanager
def smtp_server(
    *, refuse: set[str] | None = None, auth: tuple[str, str] | None = None, tls: tuple[Path, Path] | None = None,
    implicit_tls: bool = False,
) -> Iterator[Server]:
    """Run an SMTP server on 127.0.0.1 and a free port for the ``with`` block.

    ``auth``: require login with (user, password) (plain connections allowed: loopback only).
    ``tls``: (cert, key); STARTTLS offered (and required for login), or TLS from the start with ``implicit_tls``.
    """
    handler = Handler(refuse=set(refuse or ()))
    authenticator = Authenticator(*auth) if auth else None
    kwargs: dict[str, Any] = {}
    context = None
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(tls[0]), str(tls[1]))
    if authenticator is not None:
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=tls is not None)
    if context is not None and not implicit_tls:
        kwargs.update(tls_context=context, require_starttls=True)
    port = free_port()
    controller = Controller(handler, hostname=HOST, port=port, ssl_context=context if implicit_tls else None,
                            server_hostname="localhost", **kwargs)
    controller.start()
    try:
        yield Server(HOST, port, handler, authenticator, tls[0] if tls else None)
    finally:
        controller.stop()


# ---------------------------------------------------------------------------------------------- a hostile report
ROOT = Path(__file__).resolve().parents[1]
HOSTILE_TITLE = "<script>alert(1)</script> Minister <img src=x onerror=alert(1)> quits"
HOSTILE_TEXT = (
    'Minister Anna Berg said on Monday: "<script>alert(1)</script> I quit, and <img src=x onerror=alert(1)> '
    'is why." The opposition leader Per Holm said the resignation was overdue. '
    '"Read <a href="javascript:alert(2)">this</a> now," Berg told reporters in Oslo. '
    "Berg said NATO and the government in Oslo had been told. Holm said Berg had failed Norway."
)


@functools.cache
def hostile_report() -> Path:
    """A report rendered (once per test process) from one article whose every field attacks the HTML."""
    from newsbrief.params import load_params
    from newsbrief.render.report import run_report

    work = Path(tempfile.mkdtemp(prefix="newsbrief-mail-"))
    atexit.register(shutil.rmtree, work, True)
    article = work / "hostile.jsonl"
    row = {"article_id": "hostile", "title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "url": "javascript:alert(3)",
           "source": "<b onmouseover=alert(4)>Evil Times</b>", "author": "<script>alert(5)</script>",
           "published": "2021-04-06T12:00:00Z"}
    article.write_text(json.dumps(row) + "\n", encoding="utf-8")
    params = load_params(ROOT / "params" / "seed-article.yaml",
                         overrides=[f"input={article}", "name=hostile", "mode=article", f"store={work / 'store'}"])
    return run_report(params, output_dir=work / "reports").folder
