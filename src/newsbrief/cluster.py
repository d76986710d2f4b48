"""A Dask client: to the scheduler at an address, else on a LocalCluster of this machine (closed with it).

The one place that starts Dask clusters for the corpus aggregations (:mod:`newsbrief.analysis.db_dask`); the
annotation engine (:mod:`newsbrief.annotate.parallel`) starts its own the same way.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class DaskCluster:
    """A client and, when this process started it, the LocalCluster behind it (``close`` ends both)."""

    client: Any
    cluster: Any = None

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()

    @property
    def n_workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))


def open_cluster(scheduler: str | None = None, *, workers: int | None = None, processes: bool = True) -> DaskCluster:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``), else of a new LocalCluster with
    ``workers`` single-threaded workers (default: the machine's cores; ``processes=False`` runs them as threads)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        log.info("connecting to the Dask scheduler at %s", scheduler)
        return DaskCluster(Client(scheduler))
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=processes,
                           dashboard_address=None)
    try:
        return DaskCluster(Client(cluster), cluster)
    except BaseException:
        cluster.close()
        raise
