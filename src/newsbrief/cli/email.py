"""`newsbrief email`: send a rendered briefing as an HTML email (and/or write it as an .eml file)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

DESCRIPTION = """\
Email the briefing in REPORT_DIR (a folder written by `newsbrief run`) as one message: a plain-text
summary and an HTML version with the charts as inline images.

What happens:
  --smtp-host H            send through H (port 25, or 587 with --starttls, 465 with --ssl)
  --eml FILE               write the message to FILE (RFC 5322, opens in any mail client)
  both                     write FILE first, then send: FILE is a copy of exactly what was sent
  neither                  an error: there is nothing to do
Delivery is all-or-nothing: if the server refuses any recipient, nothing is sent to anyone and
the refused addresses are named.

Credentials come only from the environment, never from params files or options:
  NEWSBRIEF_SMTP_USER, NEWSBRIEF_SMTP_PASSWORD   (both or neither; without them no login)
A password is only sent over --starttls or --ssl, or to a server on this machine (loopback).

Exit codes: 0 sent/written, 2 bad arguments or report folder, 1 delivery failed.
"""


def add_parser(sub: Any) -> None:
    email = sub.add_parser("email", help="send a briefing as an HTML email, or write it as an .eml file",
                           description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    email.add_argument("report_dir", type=Path, metavar="REPORT_DIR", help="a run folder, e.g. reports/seed-article")
    add_delivery_arguments(email, to_required=True)
    email.set_defaults(func=cmd_email, security="none")


def add_delivery_arguments(parser: Any, *, to_required: bool) -> None:
    """The options saying where a briefing goes (recipients, SMTP server, .eml file): `email` and `run
    --email-if-new` share them."""
    parser.add_argument("--to", action="extend", nargs="+", required=to_required, metavar="ADDR",
                        help="recipient(s): 'a@x.org', 'Ann <a@x.org>'; repeat or list several")
    parser.add_argument("--from", dest="sender", metavar="ADDR",
                        help="sender address (default: NEWSBRIEF_SMTP_FROM, else NEWSBRIEF_SMTP_USER if it is an "
                             "address, else newsbrief@localhost)")
    parser.add_argument("--subject", help='subject line (default: "Briefing: <title>")')
    parser.add_argument("--smtp-host", metavar="H", help="SMTP server to send through (without it nothing is sent)")
    parser.add_argument("--smtp-port", type=int, metavar="P", help="SMTP port (default: 25, 587 with --starttls, 465 "
                                                                    "with --ssl)")
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--starttls", dest="security", action="store_const", const="starttls",
                     help="upgrade the connection with STARTTLS (usually port 587)")
    tls.add_argument("--ssl", dest="security", action="store_const", const="ssl",
                     help="connect over TLS from the start (usually port 465)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="network timeout in seconds (default 30)")
    parser.add_argument("--base-url", metavar="URL",
                        help="where run folders are published (https://...): the email links "
                             "URL/<run>/briefing.html (default: the run's base_url parameter)")
    parser.add_argument("--eml", type=Path, metavar="FILE", help="also (or only) write the message to FILE")
    parser.set_defaults(security="none")


def default_sender(environ: Any = None) -> str:
    env = os.environ if environ is None else environ
    user = env.get("NEWSBRIEF_SMTP_USER", "")
    return env.get("NEWSBRIEF_SMTP_FROM") or (user if "@" in user else "newsbrief@localhost")


def cmd_email(args: argparse.Namespace) -> int:
    from ..deliver.mail import AddressError, SmtpSettings, build_message, send_message, write_eml

    if args.smtp_host is None and args.eml is None:
        raise AddressError("nothing to do: give --smtp-host to send the briefing, --eml FILE to write it, or both",
                           field="smtp-host")
    if args.smtp_host is None and (args.smtp_port is not None or args.security != "none"):
        raise AddressError("--smtp-port, --starttls and --ssl need --smtp-host", field="smtp-host")
    settings = None
    if args.smtp_host is not None:  # check the environment before building anything
        settings = SmtpSettings.from_env(args.smtp_host, port=args.smtp_port, security=args.security,
                                         timeout=args.timeout)
    msg = build_message(args.report_dir, to=args.to, sender=args.sender or default_sender(), subject=args.subject,
                        base_url=args.base_url)
    if args.eml is not None:
        path = write_eml(msg, args.eml)
        print(f"wrote {path}")
    if settings is not None:
        delivery = send_message(msg, settings)
        print(f"sent {msg['Subject']!s} to {', '.join(delivery.recipients)} via {delivery.server}", file=sys.stdout)
    return 0
