"""The package works outside its checkout: build the wheel, install it into a fresh venv, brief the seed.

The fresh venv is made with the interpreter's own venv, without pip (the test environment's pip installs into it
with ``--python``); the wheel goes in without its dependencies, which come from the test environment through a
``.pth`` file (a full install from the registry would only re-download them). What is checked is the wheel
itself: notebooks, templates and data files shipped as package data, entry points, and no path that points back
into the checkout.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"


@pytest.mark.slow
def test_wheel_renders_the_seed_briefing_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, text=True)
    wheel = next(dist.glob("newsbrief-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # pip: the test env's
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, text=True, env=env)
    # the dependencies after the wheel: through them pip would find the checkout's editable install and skip it
    deps = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (Path(purelib) / "test-deps.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n", encoding="utf-8")

    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(SEED, work / "page.txt")
    (work / "brief.yaml").write_text("input: page.txt\nname: seed\nworkers: 1\n", encoding="utf-8")
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")  # nbconvert's base templates, with its deps
    where = subprocess.run([str(python), "-c", "import newsbrief, sys; print(newsbrief.__file__)"], cwd=work, env=env,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(purelib), where  # the wheel's copy, not the checkout
    run = subprocess.run([str(venv / "bin" / "newsbrief"), "run", "brief.yaml", "--output-dir", "out", "-q"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    folder = work / "out" / "seed"
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    assert "Key findings" in html and "<script" not in html
    assert (folder / "briefing.pdf").read_bytes().startswith(b"%PDF")
