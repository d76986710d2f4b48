"""The Parquet store: dataset versions behind a CURRENT pointer, a manifest, and the per-article cache."""

from .dataset import CACHE_TABLES, CURRENT, TABLES, Cache, is_store, read_dataset, read_manifest, write_dataset

__all__ = ["CACHE_TABLES", "CURRENT", "TABLES", "Cache", "is_store", "read_dataset", "read_manifest", "write_dataset"]
