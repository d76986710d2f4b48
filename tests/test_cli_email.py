"""`newsbrief email`: arguments, exit codes and an end-to-end send to a loopback SMTP server."""

from __future__ import annotations

import argparse
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from mailserver import free_port, hostile_report, smtp_server
from newsbrief.cli import email as email_cli
from newsbrief.errors import NewsbriefError

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """What `newsbrief email ARGV` does, whether or not cli/main.py lists the command yet."""
    parser = argparse.ArgumentParser(prog="newsbrief")
    email_cli.add_parser(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args(["email", *argv])
        code = int(args.func(args))
    except NewsbriefError as e:
        print(f"newsbrief: error: {e}", file=__import__("sys").stderr)
        code = e.exit_code
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEWSBRIEF_SMTP_USER", "NEWSBRIEF_SMTP_PASSWORD", "NEWSBRIEF_SMTP_FROM"):
        monkeypatch.delenv(name, raising=False)


def test_help_documents_eml_and_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "--eml FILE" in out and "NEWSBRIEF_SMTP_PASSWORD" in out and "all-or-nothing" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["reports/x", "--to", "a@example.org"], "nothing to do"),
        (["reports/x", "--to", "a@example.org", "--eml", "m.eml", "--ssl"], "need --smtp-host"),
        (["reports/x", "--to", "not-an-address", "--eml", "m.eml"], "not an email address"),
    ],
)
def test_bad_arguments_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports" / "x").mkdir(parents=True)  # not a briefing folder, but arguments are checked first
    (tmp_path / "reports" / "x" / "briefing.ipynb").write_text("{}")
    (tmp_path / "reports" / "x" / "data").mkdir()
    code, _, err = run(argv, capsys)
    assert code == 2 and message in err


def test_missing_report_folder_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run([str(tmp_path / "nope"), "--to", "a@example.org", "--eml", str(tmp_path / "m.eml")], capsys)
    assert code == 2 and "report folder not found" in err and not (tmp_path / "m.eml").exists()


def test_half_set_credentials_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSBRIEF_SMTP_USER", "ann")
    code, _, err = run([str(tmp_path), "--to", "a@example.org", "--smtp-host", "127.0.0.1"], capsys)
    assert code == 2 and "NEWSBRIEF_SMTP_PASSWORD is not set" in err


def test_main_lists_email_when_registered() -> None:
    from newsbrief.cli.main import COMMANDS

    if "email" not in COMMANDS:
        pytest.skip("cli/main.py does not list 'email' in COMMANDS yet")
    from newsbrief.cli.main import build_parser

    assert build_parser().parse_args(["email", "r", "--to", "a@example.org"]).func is email_cli.cmd_email


@pytest.mark.slow
def test_send_and_write_eml(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                            tmp_path: Path) -> None:
    report = hostile_report()
    monkeypatch.setenv("NEWSBRIEF_SMTP_USER", "ann@example.org")
    monkeypatch.setenv("NEWSBRIEF_SMTP_PASSWORD", "pw")
    eml = tmp_path / "out" / "briefing.eml"
    with smtp_server(auth=("ann@example.org", "pw")) as server:
        code, out, err = run([str(report), "--to", "bob@example.org", "c@example.org", "--subject", "Today",
                              "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--eml", str(eml)], capsys)
    assert code == 0, err
    assert f"wrote {eml}" in out and f"via 127.0.0.1:{server.port}" in out
    (got,) = server.received
    assert got.mail_from == "ann@example.org" and got.rcpt_tos == ["bob@example.org", "c@example.org"]
    written = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert written["Subject"] == got.message["Subject"] == "Today"
    assert written["Message-ID"] == got.message["Message-ID"]


@pytest.mark.slow
def test_delivery_failure_exit_1_keeps_eml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    port = free_port()
    eml = tmp_path / "m.eml"
    code, _, err = run([str(hostile_report()), "--to", "a@example.org", "--smtp-host", "127.0.0.1",
                        "--smtp-port", str(port), "--eml", str(eml)], capsys)
    assert code == 1 and f"connection refused by 127.0.0.1:{port}" in err
    assert eml.exists()  # written first: a copy of what could not be sent
