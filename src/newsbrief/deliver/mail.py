"""Emailed briefings: an :class:`~email.message.EmailMessage` built from a report folder, and SMTP delivery.

The message is ``multipart/alternative``: a plain-text summary, then ``multipart/related`` holding
the HTML part (CSS inlined, table layout, no scripts, no ``data:`` URIs, under 100 KB) and the
notebook's charts as inline ``cid:`` images. Content is built in :mod:`newsbrief.mail_content`.

Delivery is all-or-nothing: every recipient is offered to the server before the message is; if
the server refuses any of them the transaction is reset before DATA and a :class:`DeliveryError`
names the refused addresses, so nobody receives a message the others did not. Credentials come
only from the environment (``NEWSBRIEF_SMTP_USER``, ``NEWSBRIEF_SMTP_PASSWORD``) and are never
sent unencrypted to a host other than loopback.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid
from pathlib import Path
from typing import Literal, cast

from ..errors import AddressError, DeliveryError, MailInputError, ReportFolderError
from .content import HTML_BUDGET, fit_html, load_report, render_text

log = logging.getLogger(__name__)

Security = Literal["none", "starttls", "ssl"]
USER_ENV = "NEWSBRIEF_SMTP_USER"
PASSWORD_ENV = "NEWSBRIEF_SMTP_PASSWORD"
DEFAULT_PORTS: Mapping[str, int] = {"none": 25, "starttls": 587, "ssl": 465}

__all__ = [
    "DEFAULT_PORTS", "PASSWORD_ENV", "USER_ENV", "AddressError", "Delivery", "MailInputError", "ReportFolderError",
    "Security", "SmtpSettings", "build_message", "parse_addresses", "send_message", "write_eml",
]


# ---------------------------------------------------------------------------------------------- addresses
def parse_addresses(values: Sequence[str], *, field: str = "to") -> list[str]:
    """Split and check addresses (``a@x.org``, ``Ann <a@x.org>``, comma-separated lists); return them as given."""
    out: list[str] = []
    for value in values:
        if "\r" in value or "\n" in value:
            raise AddressError(f"line break in address {value!r}", field=field)
        for name, addr in getaddresses([value]):
            local, at, domain = addr.rpartition("@")
            if not at or not local or not domain.strip(".") or any(c.isspace() for c in addr):
                raise AddressError(f"not an email address: {value.strip()!r}", field=field)
            out.append(str(Address(display_name=name, addr_spec=addr)) if name else addr)
    if not out:
        raise AddressError("no address given", field=field)
    return out


def _addr_spec(address: str) -> str:
    return getaddresses([address])[0][1]


# ---------------------------------------------------------------------------------------------- message
def build_message(
    report_dir: str | Path, *, to: Sequence[str], sender: str, subject: str | None = None, budget: int = HTML_BUDGET,
    base_url: str | None = None,
) -> EmailMessage:
    """The briefing in ``report_dir`` as an email from ``sender`` to ``to`` (subject: "Briefing: <title>")."""
    recipients = parse_addresses(to, field="to")
    senders = parse_addresses([sender], field="from")
    if len(senders) != 1:
        raise AddressError(f"give one sender address, not {len(senders)}", field="from")
    from_ = senders[0]
    content = load_report(report_dir, base_url=base_url)
    markup, notes = fit_html(content, budget=budget)
    text = render_text(content, notes=notes)
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = " ".join((subject if subject is not None else f"Briefing: {content.title}").split())
    msg["From"] = from_
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(idstring="briefing", domain=_addr_spec(from_).rpartition("@")[2] or None)
    msg["X-Mailer"] = "newsbrief"
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(markup, subtype="html", cte="quoted-printable")
    html_part = cast(list[EmailMessage], msg.get_payload())[1]  # the alternative just added
    for i, chart in enumerate(content.charts, start=1):
        html_part.add_related(chart.png, maintype="image", subtype="png", cid=f"<{chart.cid}>",
                              filename=f"chart-{i}.png", disposition="inline")
    log.info("built %s: HTML %d bytes, %d charts", report_dir, len(markup.encode("utf-8")), len(content.charts))
    return msg


def write_eml(msg: EmailMessage, path: str | Path) -> Path:
    """Write the message as an .eml file (CRLF line ends, exactly the bytes SMTP would carry)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(msg.as_bytes(policy=policy.SMTP))
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise DeliveryError(f"cannot write the message file: {e.strerror or e}", path=path) from e
    return path


# ---------------------------------------------------------------------------------------------- SMTP
@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to deliver. ``port`` defaults by ``security``: 25, 587 (STARTTLS) or 465 (SSL)."""

    host: str
    port: int | None = None
    security: Security = "none"
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = None  # default: system CAs, hostname checked

    @property
    def where(self) -> str:
        return f"{self.host}:{self.effective_port}"

    @property
    def effective_port(self) -> int:
        return self.port if self.port is not None else DEFAULT_PORTS[self.security]

    @classmethod
    def from_env(
        cls, host: str, *, port: int | None = None, security: Security = "none", timeout: float = 30.0,
        environ: Mapping[str, str] | None = None,
    ) -> SmtpSettings:
        """Settings with credentials from NEWSBRIEF_SMTP_USER / NEWSBRIEF_SMTP_PASSWORD (both or neither)."""
        env = os.environ if environ is None else environ
        user, password = env.get(USER_ENV) or None, env.get(PASSWORD_ENV) or None
        if bool(user) != bool(password):
            missing = PASSWORD_ENV if user else USER_ENV
            raise AddressError(f"{missing} is not set: set both {USER_ENV} and {PASSWORD_ENV}, or neither",
                               field=missing)
        return cls(host=host, port=port, security=security, username=user, password=password, timeout=timeout)

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return (f"SmtpSettings(host={self.host!r}, port={self.effective_port}, security={self.security!r}, "
                f"username={self.username!r}, password={'***' if self.password else None})")


@dataclass(frozen=True)
class Delivery:
    """What the server accepted."""

    server: str
    recipients: tuple[str, ...]
    message_id: str


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reply(code: int, resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {' '.join(text.split())}".strip()


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    host, port, where = settings.host, settings.effective_port, settings.where
    context = settings.ssl_context or ssl.create_default_context()
    try:
        if settings.security == "ssl":
            return smtplib.SMTP_SSL(host, port, timeout=settings.timeout, context=context)
        smtp = smtplib.SMTP(host, port, timeout=settings.timeout)
        if settings.security == "starttls":
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise DeliveryError(f"SMTP server {where} does not offer STARTTLS; try --ssl or no encryption option")
            smtp.starttls(context=context)
            smtp.ehlo()
        return smtp
    except ConnectionRefusedError as e:
        raise DeliveryError(f"connection refused by {where}: no SMTP server is listening there") from e
    except socket.gaierror as e:
        raise DeliveryError(f"cannot resolve SMTP host {host!r}: {e.strerror or e}") from e
    except TimeoutError as e:
        raise DeliveryError(f"timed out after {settings.timeout:g} s connecting to {where}") from e
    except ssl.SSLError as e:
        raise DeliveryError(f"TLS with {where} failed: {e.reason or e}") from e
    except smtplib.SMTPException as e:
        raise DeliveryError(f"SMTP server {where} failed during greeting or STARTTLS: {e}") from e
    except OSError as e:
        raise DeliveryError(f"cannot connect to {where}: {e.strerror or e}") from e


def _login(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    where, user = settings.where, settings.username
    if not user or settings.password is None:
        return
    if settings.security == "none" and not _is_loopback(settings.host):
        raise DeliveryError(f"refusing to send the password for {user!r} unencrypted to {where}; "
                            "use --starttls or --ssl")
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise DeliveryError(f"SMTP server {where} does not offer login (AUTH), but {USER_ENV} is set")
    try:
        smtp.login(user, settings.password)
    except smtplib.SMTPAuthenticationError as e:
        raise DeliveryError(f"login as {user!r} failed at {where}: {_reply(e.smtp_code, e.smtp_error)}",
                            field=USER_ENV) from e
    except smtplib.SMTPException as e:
        raise DeliveryError(f"login as {user!r} failed at {where}: {e}", field=USER_ENV) from e


def _envelope(msg: EmailMessage) -> tuple[str, list[str]]:
    sender = _addr_spec(str(msg["From"] or ""))
    fields = [str(v) for key in ("To", "Cc") for v in (msg.get_all(key) or [])]
    recipients = list(dict.fromkeys(addr for _, addr in getaddresses(fields) if addr))
    if not sender or not recipients:
        raise AddressError("the message needs a From address and at least one recipient", field="to")
    return sender, recipients


def send_message(msg: EmailMessage, settings: SmtpSettings) -> Delivery:
    """Deliver ``msg`` to all its recipients or to none; raise :class:`DeliveryError` saying why not."""
    sender, recipients = _envelope(msg)
    where = settings.where
    payload = msg.as_bytes(policy=policy.SMTP)
    smtp = _connect(settings)
    stage = "login"
    try:
        _login(smtp, settings)
        stage = "MAIL FROM"
        smtp.ehlo_or_helo_if_needed()
        options: list[str] = []
        if not all(a.isascii() for a in [sender, *recipients]):
            if not smtp.has_extn("smtputf8"):
                raise DeliveryError(f"SMTP server {where} cannot take non-ASCII addresses (no SMTPUTF8)", field="to")
            options.append("SMTPUTF8")
        code, resp = smtp.mail(sender, options)
        if code != 250:
            smtp.rset()
            raise DeliveryError(f"SMTP server {where} refused the sender {sender}: {_reply(code, resp)}; "
                                "nothing was sent", field="from")
        stage = "RCPT TO"
        refused: dict[str, str] = {}
        for rcpt in recipients:
            code, resp = smtp.rcpt(rcpt)
            if code not in (250, 251):
                refused[rcpt] = _reply(code, resp)
        if refused:
            smtp.rset()
            names = "; ".join(f"{a} ({r})" for a, r in refused.items())
            raise DeliveryError(f"SMTP server {where} refused {len(refused)} of {len(recipients)} recipients: {names}; "
                                "nothing was sent to anyone", field="to")
        stage = "DATA"
        code, resp = smtp.data(payload)
        if code != 250:
            raise DeliveryError(f"SMTP server {where} rejected the message: {_reply(code, resp)}; nothing was sent")
    except smtplib.SMTPServerDisconnected as e:
        raise DeliveryError(f"SMTP server {where} closed the connection during {stage}: {e}; "
                            "the message may not have been sent") from e
    except smtplib.SMTPResponseException as e:
        raise DeliveryError(f"SMTP server {where} answered {_reply(e.smtp_code, e.smtp_error)} during {stage}; "
                            "nothing was sent") from e
    except (smtplib.SMTPException, OSError) as e:
        raise DeliveryError(f"SMTP with {where} failed during {stage}: {e}; the message may not have been sent") from e
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    log.info("sent %s to %d recipients via %s", msg["Message-ID"], len(recipients), where)
    return Delivery(server=where, recipients=tuple(recipients), message_id=str(msg["Message-ID"]))
