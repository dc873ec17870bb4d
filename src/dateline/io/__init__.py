"""Readers (txt, html, warc, jsonl) and writers (jsonl, parquet)."""

from dateline.io.readers import InputDocument, ReadError, expand_paths, read_inputs

__all__ = ["InputDocument", "ReadError", "expand_paths", "read_inputs"]
