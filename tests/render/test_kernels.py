"""Briefing kernels shut down without a SIGINT (no stray "KeyboardInterrupt caught in kernel")."""

from __future__ import annotations

import asyncio
import signal

import pytest

from newsbrief.render.kernels import QuietShutdownKernelManager


@pytest.mark.slow
def test_shutdown_sends_no_interrupt_but_interrupts_still_work() -> None:
    async def scenario() -> list[int]:
        km = QuietShutdownKernelManager(kernel_name="python3")
        sent: list[int] = []
        original = km._async_signal_kernel

        async def record(signum: int) -> None:
            sent.append(signum)
            await original(signum)

        km._async_signal_kernel = record  # type: ignore[method-assign]
        await km.start_kernel(extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        try:
            await km.interrupt_kernel()  # asked for explicitly: sent
            assert sent == [signal.SIGINT]
        finally:
            await km.shutdown_kernel()
        assert not await km.is_alive()
        return sent

    sent = asyncio.run(scenario())
    assert sent.count(signal.SIGINT) == 1  # the explicit one only: none from the shutdown
