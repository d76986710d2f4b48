"""A run's data/ linked from a store: the same dataset, no byte copied, the source left as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsbrief.errors import StoreError
from newsbrief.store import read_dataset, table_files
from newsbrief.store.link import link_dataset
from storedata import corpus, same_rows, write_in_batches


def test_a_linked_store_reads_as_its_source_and_shares_its_files(tmp_path: Path) -> None:
    tables = corpus()
    write_in_batches(tmp_path / "source", tables)
    link_dataset(tmp_path / "source", tmp_path / "run" / "data")
    linked, original = read_dataset(tmp_path / "run" / "data"), read_dataset(tmp_path / "source")
    for name in tables:
        same_rows(linked[name], original[name])
    for name, files in table_files(tmp_path / "run" / "data").items():
        for path, twin in zip(files, table_files(tmp_path / "source")[name]):
            assert os.stat(path).st_ino == os.stat(twin).st_ino  # hard links on one file system


def test_linking_a_folder_that_is_not_a_store_names_it(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    with pytest.raises(StoreError) as caught:
        link_dataset(tmp_path / "plain", tmp_path / "data")
    assert str(caught.value.path) == str(tmp_path / "plain") and not (tmp_path / "data").exists()
