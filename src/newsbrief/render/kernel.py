"""Executing a notebook headless: papermill on a kernel reached over IPC, with start and cell timeouts.

Kernels started over TCP pick five ports at launch, which can race with other kernels starting at
the same moment (a notebook then waits for replies that never come). Where the platform has Unix
domain sockets, the kernel here listens on sockets in a private folder instead; every run has a
start timeout and a per-cell timeout, and a kernel that dies or stays silent is a :class:`RunError`.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import CaselessStrEnum

from ..errors import RunError
from .kernels import QuietShutdownKernelManager

log = logging.getLogger(__name__)

#: Seconds a kernel may take to start (a busy machine, a cold disk).
START_TIMEOUT = 120
#: Seconds one cell may run; the briefing's cells take seconds, the longest (charts of a large corpus) a minute.
CELL_TIMEOUT = 900
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS; "-<port>" is added


def ipc_available() -> bool:
    """True where kernels can talk over Unix domain sockets (POSIX; not Windows)."""
    return os.name == "posix" and os.environ.get("NEWSBRIEF_KERNEL_TRANSPORT", "ipc") != "tcp"


class IPCKernelManager(QuietShutdownKernelManager):
    """A kernel whose channels are Unix domain sockets in a private temporary folder (no TCP ports)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)
    _socket_dir: str | None = None

    def _ip_default(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        self._socket_dir = tempfile.mkdtemp(prefix="nbk-")
        return os.path.join(self._socket_dir, "k")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    # what nbclient calls after a kernel died; async under the sync name, as jupyter_client's AsyncKernelManager does
    cleanup_resources = _async_cleanup_resources  # type: ignore[assignment]


def kernel_manager_class() -> type[AsyncKernelManager]:
    """IPC where it works (short enough socket paths), else nbclient's default (TCP)."""
    if ipc_available() and len(os.path.join(tempfile.gettempdir(), "nbk-xxxxxxxx", "k-99999")) <= _MAX_SOCKET_PATH:
        return IPCKernelManager
    return QuietShutdownKernelManager


def execute(
    notebook: str | Path, output: str | Path, *, parameters: Mapping[str, Any], cwd: str | Path,
    progress_bar: bool = False, start_timeout: int = START_TIMEOUT, cell_timeout: int = CELL_TIMEOUT,
) -> None:
    """Run ``notebook`` with papermill into ``output``; raise papermill's PapermillExecutionError when a
    cell fails, and :class:`RunError` (exit 1) when the kernel does not start, dies or stays silent."""
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        pm.execute_notebook(
            str(notebook), str(output), parameters=dict(parameters), cwd=str(cwd), kernel_name="python3",
            progress_bar=progress_bar, log_output=False,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport notice on the terminal
            start_timeout=start_timeout, execution_timeout=cell_timeout,
            kernel_manager_class=kernel_manager_class(),
        )
    except DeadKernelError as e:
        raise RunError(f"the notebook's kernel died while running it (out of memory, or killed): {e}",
                       path=output) from e
    except CellTimeoutError as e:
        raise RunError(f"a notebook cell gave no result within {cell_timeout} s; the kernel was stopped",
                       path=output) from e
    except (RuntimeError, TimeoutError) as e:
        if "kernel" not in str(e).lower():
            raise
        raise RunError(f"the notebook's kernel did not start or answer within {start_timeout} s: {e}",
                       path=output) from e
