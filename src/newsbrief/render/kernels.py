"""The kernel manager papermill runs briefings with: no SIGINT when a finished kernel is shut down.

jupyter_client interrupts a kernel (SIGINT) before every shutdown request. When the signal lands
while the kernel is still handling a message, ipykernel prints "KeyboardInterrupt caught in kernel"
on the terminal of a run that succeeded. A kernel that has finished its notebook needs no interrupt
to accept the shutdown request (and is terminated, then killed, if it does not); interrupts asked
for explicitly (a cell timeout) are still sent.
"""

from __future__ import annotations

from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import List


class QuietShutdownKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose shutdown skips the interrupt (see the module doc), and which stops the
    channels of the clients it made (:meth:`stop_clients`; nbclient does it only for a manager it made itself)."""

    _shutting_down_quietly = False
    _made_clients: List[Any] = List()

    def client(self, **kwargs: Any) -> Any:
        made = super().client(**kwargs)
        self._made_clients.append(made)
        return made

    def stop_clients(self) -> None:
        """Stop the channels of every client made by :meth:`client` (their notebook is done)."""
        while self._made_clients:
            self._made_clients.pop().stop_channels()

    async def _async_interrupt_kernel(self) -> None:
        if self._shutting_down_quietly:
            return
        await super()._async_interrupt_kernel()

    async def _async_shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        self._shutting_down_quietly = True
        try:
            await super()._async_shutdown_kernel(now=now, restart=restart)
        finally:
            self._shutting_down_quietly = False

    shutdown_kernel: Any = _async_shutdown_kernel
    interrupt_kernel: Any = _async_interrupt_kernel
