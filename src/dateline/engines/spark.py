"""The Spark engine: the same Pipeline inside Spark partitions (local mode or a cluster).

Paths are expanded on the driver and spread over partitions; each partition
reads its own files, builds one Pipeline and returns contract JSON, so only
text crosses the wire. Results stream back to the driver in input order.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.io.published import PublishedDates
from dateline.io.readers import ReadError, expand_paths, read_inputs
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.settings import Settings

OK, READ_FAILED, PROCESS_FAILED = "doc", "read", "process"


def process_partition(
    indexed_paths: Iterable[tuple[str, int]], dates: PublishedDates, settings: Settings
) -> Iterator[tuple[tuple[int, int], str, str]]:
    """Runs on an executor: ((path index, n), kind, payload) for every document of its paths."""
    pipeline: Pipeline | None = None
    for path, index in indexed_paths:
        pending = []
        for n, item in enumerate(read_inputs([path], settings)):
            if isinstance(item, ReadError):
                yield (index, n), READ_FAILED, str(item)
            else:
                pending.append((n, dates.apply(item)))
        if not pending:
            continue
        pipeline = pipeline or Pipeline(settings=settings)
        results = pipeline.process_stream([item for _, item in pending])
        for (n, _), result in zip(pending, results, strict=True):
            if isinstance(result, ProcessError):
                yield (index, n), PROCESS_FAILED, str(result)
            else:
                yield (index, n), OK, result.dumps()


def spark_session(master: str) -> Any:
    """A session on ``master``; in local mode bound to loopback, with this Python on both
    sides (on a cluster, spark-submit's settings decide)."""
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.master(master).appName("dateline")
               .config("spark.ui.showConsoleProgress", "false"))
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1"))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def process_with_spark(
    paths: Iterable[str], dates: PublishedDates, master: str = "local[*]",
    settings: Settings | None = None,
) -> Iterator[Document | ReadError | ProcessError]:
    """Every input document processed in Spark, yielded on the driver in input order."""
    settings = settings or Settings.load()
    files = list(expand_paths(paths))
    if not files:
        return
    spark = spark_session(master)
    try:
        sc = spark.sparkContext
        slices = min(len(files), sc.defaultParallelism * 4)
        indexed = [(path, index) for index, path in enumerate(files)]
        # Partitions come back in order and keep their order: no sort, one pass.
        results = sc.parallelize(indexed, slices).mapPartitions(
            lambda part: process_partition(part, dates, settings))
        for (index, _n), kind, payload in results.toLocalIterator():
            if kind == OK:
                yield Document.from_json(json.loads(payload))
            elif kind == READ_FAILED:
                yield ReadError(files[index], payload.split(": ", 1)[-1])
            else:
                yield ProcessError(files[index], payload.split(": ", 1)[-1])
    finally:
        spark.stop()
