"""A real JupyterLab server on 127.0.0.1 with a token, for the lab tests (started and stopped by the test)."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

JUPYTER = Path(sys.executable).with_name("jupyter")
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Lab:
    base: str
    token: str
    log: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def get(url: str, *, token: str | None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if token is not None:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@contextmanager
def jupyterlab(root_dir: Path, work: Path, *, wait: float = 90) -> Iterator[Lab]:
    """``jupyter lab`` serving ``root_dir``, its runtime, config and log under ``work``; stopped on exit."""
    assert JUPYTER.is_file(), f"jupyter is not installed beside {sys.executable}"
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(work / "runtime"), JUPYTER_CONFIG_DIR=str(work / "config"))
    log_path = work / "lab.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [str(JUPYTER), "lab", "--no-browser", f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=work,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + wait
        status = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"jupyter lab exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                status, body = get(f"{base}/api/status", token=token)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
                continue
            if status == 200 and "started" in json.loads(body):
                break
            time.sleep(0.5)
        assert status == 200, f"no /api/status in {wait:.0f} s:\n{log_path.read_text()[-3000:]}"
        yield Lab(base=base, token=token, log=log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
