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
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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


def kernel_manager_class() -> type[QuietShutdownKernelManager]:
    """IPC where it works (short enough socket paths), else nbclient's default (TCP)."""
    if ipc_available() and len(os.path.join(tempfile.gettempdir(), "nbk-xxxxxxxx", "k-99999")) <= _MAX_SOCKET_PATH:
        return IPCKernelManager
    return QuietShutdownKernelManager


#: The kernel's command-line options: no transport notice on the terminal; no history file (nbclient's default).
KERNEL_ARGUMENTS = ("--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:")
#: What a briefing kernel started ahead (:class:`StartedKernel`) imports while the run reads its inputs: the
#: modules of the briefings' first cell, with pandas, matplotlib (its inline backend, as the cells get it), DuckDB
#: and scipy.special (the article's tone findings).
BRIEFING_IMPORTS = ("import newsbrief.params, newsbrief.present.article, newsbrief.present.corpus, duckdb, "
                    "matplotlib.pyplot, scipy.special",)

#: Seconds a kernel whose notebook is done, asked to stop before the render, may still take to exit after it.
EXIT_GRACE = 0.5


class StartedKernel:
    """A notebook kernel started before its notebook is ready, so that its start-up and the imports of the cells
    overlap the run's own work; :func:`execute` runs a notebook on it. Stopped by :meth:`close` (after
    :meth:`stop_soon`, which asks it to stop without waiting: it exits while the run renders)."""

    def __init__(self, *, cwd: str | Path, imports: Sequence[str] = BRIEFING_IMPORTS) -> None:
        from jupyter_core.utils import run_sync

        self.manager: QuietShutdownKernelManager = kernel_manager_class()(kernel_name="python3")
        lines = [f"--IPKernelApp.exec_lines={line}" for line in imports]  # run in the kernel before it answers
        self._stopping = self._closed = False
        run_sync(self.manager.start_kernel)(extra_arguments=[*KERNEL_ARGUMENTS, *lines], cwd=str(cwd))

    def stop_soon(self) -> None:
        """Ask the kernel to shut down (its notebook is done) and return at once."""
        from jupyter_core.utils import run_sync

        if not self._stopping and self.manager.has_kernel:
            self._stopping = True
            self.manager.stop_clients()
            run_sync(self.manager.request_shutdown)()

    def close(self) -> None:
        """Wait for the kernel to exit and remove its files. A kernel asked to stop had the render's time to exit
        (shutting down takes it 0.6-1.2 s on a busy machine) and gets :data:`EXIT_GRACE` more before it is
        terminated, then killed; one not asked to stop (the run failed before its notebook was done) is killed at
        once: it has nothing left to do."""
        from jupyter_core.utils import run_sync

        if self._closed:
            return
        self._closed = True
        if not self._stopping:
            self.manager.stop_clients()
            run_sync(self.manager.shutdown_kernel)(now=True)
            return
        try:
            run_sync(self.manager.finish_shutdown)(waittime=EXIT_GRACE)
        finally:
            run_sync(self.manager.cleanup_resources)()


def execute(
    notebook: str | Path, output: str | Path, *, parameters: Mapping[str, Any], cwd: str | Path,
    progress_bar: bool = False, start_timeout: int = START_TIMEOUT, cell_timeout: int = CELL_TIMEOUT,
    kernel: StartedKernel | None = None,
) -> None:
    """Run ``notebook`` with papermill into ``output``; raise papermill's PapermillExecutionError when a
    cell fails, and :class:`RunError` (exit 1) when the kernel does not start, dies or stays silent.

    On ``kernel`` (started in ``cwd``), which stays up for its owner to stop; else on a kernel started and
    stopped here."""
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    on: dict[str, Any] = {"km": kernel.manager} if kernel is not None else {
        "kernel_manager_class": kernel_manager_class(), "extra_arguments": list(KERNEL_ARGUMENTS)}
    try:
        pm.execute_notebook(
            str(notebook), str(output), parameters=dict(parameters), cwd=str(cwd), kernel_name="python3",
            progress_bar=progress_bar, log_output=False, start_timeout=start_timeout,
            execution_timeout=cell_timeout, **on,
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
