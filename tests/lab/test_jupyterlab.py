"""`make lab`: a real JupyterLab server on 127.0.0.1 with a token serves the notebooks folder."""

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
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JUPYTER = Path(sys.executable).with_name("jupyter")
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _get(url: str, *, token: str | None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if token is not None:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_make_lab_opens_the_notebooks_folder() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "jupyter lab" in recipe and "--notebook-dir=notebooks" in recipe
    assert (ROOT / "notebooks" / "explore.ipynb").is_file()


@pytest.mark.slow
def test_jupyterlab_serves_status_and_the_notebooks(tmp_path: Path) -> None:
    assert JUPYTER.is_file(), f"jupyter is not installed beside {sys.executable}"
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"))
    log = (tmp_path / "lab.log").open("wb")
    proc = subprocess.Popen(
        [str(JUPYTER), "lab", "--no-browser", f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={ROOT / 'notebooks'}",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
            try:
                status, body = _get(f"{base}/api/status", token=token)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
                continue
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200, f"no /api/status in 90 s:\n{(tmp_path / 'lab.log').read_text()[-3000:]}"
        assert "started" in json.loads(body)

        assert _get(f"{base}/api/status", token=None)[0] == 403  # the token is required
        assert _get(f"{base}/api/status", token="wrong")[0] == 403

        code, body = _get(f"{base}/api/contents", token=token)
        assert code == 200
        names = {item["name"] for item in json.loads(body)["content"]}
        assert {"briefing.ipynb", "explore.ipynb"} <= names

        code, body = _get(f"{base}/api/contents/explore.ipynb", token=token)
        assert code == 200 and json.loads(body)["type"] == "notebook"
        code, body = _get(f"{base}/lab", token=token)
        assert code == 200 and b"JupyterLab" in body
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
