"""The Parquet store: dataset versions behind a CURRENT pointer, a manifest with checksums, locks, and the cache."""

from .dataset import (
    CACHE_TABLES,
    CURRENT,
    GRACE_SECONDS,
    TABLES,
    Cache,
    is_store,
    lost_current,
    read_dataset,
    read_manifest,
    table_files,
    write_dataset,
)
from .layout import MONTH, PARTITIONED, PARTITIONING, UNDATED, Partitioning, months_of
from .lock import locked
from .writer import DatasetWriter

__all__ = ["CACHE_TABLES", "CURRENT", "GRACE_SECONDS", "MONTH", "PARTITIONED", "PARTITIONING", "TABLES", "UNDATED",
           "Cache", "DatasetWriter", "Partitioning", "is_store", "locked", "lost_current", "months_of", "read_dataset",
           "read_manifest", "table_files", "write_dataset"]
