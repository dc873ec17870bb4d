"""A local process pool: each worker builds its own Pipeline from stage names.

Batches keep their input order. Cross-document state (the actor knowledge base,
cross-document furniture templates) is per worker, so a pool trades a little of
that for speed on a many-core machine.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dateline.io.readers import InputDocument
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.settings import Settings

_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings=settings)


def _process(batch: list[InputDocument]) -> list[Document | ProcessError]:
    assert _worker_pipeline is not None
    results = list(_worker_pipeline.process_stream(batch, batch_size=len(batch)))
    for doc in results:
        if isinstance(doc, Document):
            doc.spacy = None  # a parse does not cross the process boundary
    return results


def process_in_pool(
    inputs: Iterable[InputDocument], workers: int, settings: Settings | None = None,
) -> Iterator[Document | ProcessError]:
    """Like Pipeline.process_stream, over ``workers`` processes, in input order.

    At most two batches per worker are in flight, so memory stays flat on any
    corpus size; a worker that cannot start raises BrokenProcessPool, never hangs.
    """
    settings = settings or Settings.load()
    it = iter(inputs)
    batches = iter(lambda: list(islice(it, settings.batch)), [])
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings,)) as pool:
        in_flight: deque[Future] = deque()
        for batch in batches:
            in_flight.append(pool.submit(_process, batch))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
