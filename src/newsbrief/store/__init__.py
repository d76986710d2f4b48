"""The Parquet store: dataset versions behind a CURRENT pointer, a manifest with checksums, locks, and the cache."""

from .dataset import (
    CACHE_TABLES,
    CURRENT,
    GRACE_SECONDS,
    TABLES,
    Cache,
    is_store,
    read_dataset,
    read_manifest,
    verified_paths,
    write_dataset,
)
from .lock import locked

__all__ = ["CACHE_TABLES", "CURRENT", "GRACE_SECONDS", "TABLES", "Cache", "is_store", "locked", "read_dataset",
           "read_manifest", "verified_paths", "write_dataset"]
