"""The `dateline` command: extract, ingest, export and look at the knowledge base."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from dateline import __version__
from dateline.io.decode import one_line
from dateline.io.published import PublishedDates, checked_date
from dateline.io.readers import (
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    InputDocument,
    ReadError,
    expand_paths,
    read_html,
    read_inputs,
    read_text,
    too_long,
)
from dateline.pipeline import ProcessError
from dateline.settings import Settings
from dateline.store import DEFAULT_DB, Store, database_url

app = typer.Typer(
    help="Turn raw news text into who said what, and who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True)
out = Console()


SETTINGS: Settings = Settings()  # set once from the command line, before any command runs


def show_version(value: bool) -> None:
    if value:
        print(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def dateline(
    settings_file: Path | None = typer.Option(
        None, "--settings", exists=True, dir_okay=False, envvar="DATELINE_SETTINGS",
        help="TOML file of settings (spacy_model, max_bytes, max_chars, batch, ...); "
             "DATELINE_* environment variables win over it."),
    version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """dateline: read → clean → parse → actors → time → quotes → events → store → serve."""
    global SETTINGS
    SETTINGS = Settings.load(settings_file)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def report_error(message: str) -> None:
    """One line on stderr; file names and scraped text are never read as markup, and their
    newlines and bidi controls are printed escaped."""
    err.print(f"[red]error[/red] {escape(one_line(message))}", highlight=False, soft_wrap=True)


STDIN = "-"


def read_stdin(settings: Settings) -> InputDocument | ReadError:
    """Standard input as one document: HTML when it starts with a tag, else plain text."""
    limit = settings.max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return ReadError("<stdin>", f"too large (limit {limit:,} bytes, DATELINE_MAX_BYTES)")
    try:
        if data.lstrip()[:1] == b"<":
            return read_html("<stdin>", data)
        doc = read_text("<stdin>", data)
    except ValueError as exc:
        return ReadError("<stdin>", str(exc))
    if len(doc.raw) > settings.max_chars:
        return ReadError("<stdin>", too_long(len(doc.raw), settings.max_chars))
    return doc


def read_paths(paths: list[str], settings: Settings) -> Iterator[InputDocument | ReadError]:
    """Every input in order; ``-`` is standard input."""
    for path in paths:
        yield from [read_stdin(settings)] if path == STDIN else read_inputs([path], settings)


def count_inputs(paths: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know: one per text or HTML
    file, one per line of a plain JSON-lines file; None when a WARC or gzipped JSON-lines
    file is among them (counting those means reading them twice)."""
    total = 0
    for path in expand_paths(p for p in paths if p != STDIN):
        name = path.lower()
        if name.endswith(WARC_SUFFIXES) or name.endswith(tuple(
                s for s in JSONL_SUFFIXES if s.endswith(".gz"))):
            return None
        if name.endswith(JSONL_SUFFIXES):
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1  # reported as a failure when it is read
        else:
            total += 1
    return total + paths.count(STDIN)


class Rate(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "–/s", style="progress.data.speed")


STATUS_EVERY = 10.0  # seconds between status lines when stderr is not a terminal


class Tracker:
    """Progress over the inputs: done, total (when known), rate, ETA and failures so far.

    A Rich bar on a terminal; otherwise one status line on stderr every STATUS_EVERY seconds,
    so that a log of a long batch shows how far it got."""

    def __init__(self, label: str, total: int | None) -> None:
        self.label, self.total = label, total
        self.done = self.failed = 0
        self.started = self.last = time.monotonic()
        self.bar = Progress(
            TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), Rate(),
            TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=err, transient=True, disable=not err.is_terminal)
        self.task = self.bar.add_task(label, total=total, failed=0)

    def __enter__(self) -> Tracker:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.bar.update(self.task, advance=1, failed=self.failed)
        now = time.monotonic()
        if not err.is_terminal and now - self.last >= STATUS_EVERY:
            self.last = now
            err.print(self.status(now), highlight=False, soft_wrap=True)

    def status(self, now: float) -> str:
        rate = self.done / max(now - self.started, 1e-9)
        line = f"{self.label}: {self.done:,}"
        if self.total is not None:
            left = max(self.total - self.done, 0)
            eta = time.strftime("%H:%M:%S", time.gmtime(left / rate)) if rate else "?"
            line += f"/{self.total:,} · {rate:.1f}/s · ETA {eta}"
        else:
            line += f" · {rate:.1f}/s"
        return f"{line} · {self.failed} failed"


class Inputs:
    """Reads inputs, reports bad ones on stderr, and attaches the --published date."""

    def __init__(self, paths: list[str], published: str | None, published_tsv: Path | None):
        self.paths = paths
        try:
            self.dates = PublishedDates.from_options(published, published_tsv)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        self.failed = 0
        self.tracker: Tracker | None = None

    def track(self, label: str) -> Tracker:
        self.tracker = Tracker(label, count_inputs(self.paths))
        return self.tracker

    def __iter__(self) -> Iterator[InputDocument]:
        for item in read_paths(self.paths, SETTINGS):
            if isinstance(item, ReadError):
                self.report(item)
                continue
            yield self.dates.apply(item)

    def report(self, failure: ReadError | ProcessError) -> None:
        self.failed += 1
        report_error(str(failure))
        if self.tracker:
            self.tracker.advance(failed=True)

    def exit_if_failed(self) -> None:
        if self.failed:
            err.print(f"{self.failed} input(s) failed")
            raise typer.Exit(EXIT_SOME_FAILED)


PATHS = typer.Argument(..., help="Files, directories or globs: .txt, .html, .warc(.gz), .jsonl.")
PUBLISHED = typer.Option(
    None, "--published", help="Creation date (YYYY-MM-DD) of every input document."
)
PUBLISHED_TSV = typer.Option(
    None, "--published-tsv", exists=True, dir_okay=False,
    help="Two-column file: file name, date; each document's creation date.",
)


WORKERS = typer.Option(
    1, "--workers", "-w", min=1,
    help="Worker processes (each loads the model; cross-document learning is per worker).",
)
SPARK = typer.Option(
    None, "--spark", metavar="MASTER",
    help="Run in Spark partitions, e.g. local[2] or spark://host:7077 (needs pyspark, Java 17).",
)


OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file (default stdout).")


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: str | None = PUBLISHED,
    published_tsv: Path | None = PUBLISHED_TSV,
    workers: int = WORKERS,
    spark: str | None = SPARK,
    output: Path | None = OUTPUT,
) -> None:
    """Print one document JSON (schema dateline/1) per input document, in input order.

    Nothing but JSON lines goes to stdout (or --output); progress and errors go to stderr.
    `-` reads one document from standard input. Exit status 1 if any input could not be
    read or processed.

    Example: curl -s https://example.org/story | dateline extract - -o story.jsonl
    """
    from dateline.pipeline import Pipeline

    inputs = Inputs(paths, published, published_tsv)
    if spark:
        if STDIN in paths:
            raise typer.BadParameter("standard input (-) cannot be sent to Spark")
        from dateline.engines.spark import process_with_spark

        results = process_with_spark(paths, inputs.dates, master=spark, settings=SETTINGS)
    elif workers > 1:
        from dateline.engines.pool import process_in_pool

        results = process_in_pool(inputs, workers, SETTINGS)
    else:
        results = Pipeline(settings=SETTINGS).process_stream(inputs)
    with writing(output) as stdout, inputs.track("extract") as tracker:
        for doc in results:
            if isinstance(doc, ProcessError | ReadError):
                inputs.report(doc)
                continue
            stdout.write(doc.dumps() + "\n")
            tracker.advance()
    inputs.exit_if_failed()


class writing:  # noqa: N801 - used as a context manager, like open()
    """Standard output, or ``path`` opened for writing (a usage error when it cannot be)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stream: IO[str] = sys.stdout

    def __enter__(self) -> IO[str]:
        if self.path is not None:
            try:
                self.stream = open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as exc:
                report_error(f"{self.path}: {exc.strerror or exc}")
                raise typer.Exit(EXIT_USAGE) from None
        return self.stream

    def __exit__(self, *exc: object) -> None:
        self.stream.flush()
        if self.stream is not sys.stdout:
            self.stream.close()


DB = typer.Option(DEFAULT_DB, "--db", help="SQLite file or postgresql:// URL.")
OVERRIDES = typer.Option(
    None, "--overrides", exists=True, dir_okay=False,
    help="YAML file that merges, splits or corrects actors (or DATELINE_ACTOR_OVERRIDES).",
)


def existing(db: str) -> Store:
    """The store ``db`` for a reading command: a SQLite file must exist (never created
    empty) and a PostgreSQL database must answer; otherwise one line and exit 2."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    url = make_url(database_url(db))
    shown = make_url(db).render_as_string(hide_password=True) if "://" in db else db
    if url.get_backend_name() == "sqlite":
        if not url.database or not os.path.isfile(url.database):
            report_error(f"{shown}: no such store (create it with dateline ingest)")
            raise typer.Exit(EXIT_USAGE)
        return Store(db)
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        report_error(f"{shown}: cannot connect: {first}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        engine.dispose()
    return Store(db)


@app.command()
def ingest(
    paths: list[str] = PATHS,
    db: str = DB,
    published: str | None = PUBLISHED,
    published_tsv: Path | None = PUBLISHED_TSV,
    replace: bool = typer.Option(
        False, "--replace", help="Re-process documents already stored (default: skip them)."
    ),
    overrides: Path | None = OVERRIDES,
    spark: str | None = SPARK,
    parquet: Path | None = typer.Option(
        None, "--parquet", file_okay=False,
        help="With --spark: also write the documents as Parquet, partitioned by month."),
) -> None:
    """Process documents and store them with their annotations (one transaction each).

    Re-ingesting the same input changes nothing; an interrupted ingest resumes
    where it stopped. Ends with a summary table. With --spark the same store comes out
    (one knowledge base, built in input order on the driver); see the README.

    Example: dateline ingest --db dateline.db examples/
    """
    from dateline.ingest import Ingest

    inputs = Inputs(paths, published, published_tsv)
    if spark or parquet:
        spark_ingest(inputs, db, spark, replace, overrides, parquet)
        return
    with Store(db) as store, inputs.track("ingest") as tracker:
        job = Ingest(store, replace=replace, overrides=overrides, settings=SETTINGS)
        job.on_skip = tracker.advance  # inputs stored already count as done
        for result in job.run(inputs):
            if isinstance(result, ProcessError):
                inputs.report(result)
            else:
                tracker.advance()
        out.print(job.summary_table(failed=inputs.failed))
    inputs.exit_if_failed()


def spark_ingest(inputs: Inputs, db: str, master: str | None, replace: bool,
                 overrides: Path | None, parquet: Path | None) -> None:
    """``dateline ingest --spark``: the same store, built on Spark."""
    if not master:
        raise typer.BadParameter("--parquet needs --spark", param_hint="--parquet")
    if replace:
        raise typer.BadParameter("--replace runs in-process only", param_hint="--spark")
    if STDIN in inputs.paths:
        raise typer.BadParameter("standard input (-) cannot be sent to Spark")
    from dateline.engines.spark_ingest import ingest_with_spark

    def show(result: object) -> None:
        if isinstance(result, ProcessError | ReadError):
            inputs.report(result)

    with Store(db) as store:
        job = ingest_with_spark(inputs.paths, store, inputs.dates, master=master,
                                settings=SETTINGS, overrides=overrides, parquet=parquet,
                                on_result=show)
        out.print(job.summary_table(failed=inputs.failed))
    inputs.exit_if_failed()


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


class ExportTable(StrEnum):
    """The tables `dateline export` writes (export.TABLES says how each is built)."""

    documents = "documents"
    quotes = "quotes"
    events = "events"
    timexes = "timexes"
    actors = "actors"


@app.command()
def export(
    db: str = DB,
    fmt: ExportFormat = typer.Option(
        ExportFormat.jsonl, "--format", help="jsonl, parquet or csv."
    ),
    table: ExportTable = typer.Option(
        ExportTable.documents, "--table",
        help="documents (the JSON contract), or one row per quote, event (GDELT-style), "
        "date expression or actor of the knowledge base.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Output file (required for parquet; default stdout)."
    ),
) -> None:
    """Write stored documents back out as the JSON contract, or one of the flat tables.

    Parquet keeps nested fields (quotes, events, contexts...) as list and struct columns.

    Example: dateline export --table events --format parquet -o events.parquet
    """
    from dateline.export import export_rows

    if fmt is ExportFormat.parquet and output is None:
        err.print("--format parquet needs --output FILE")
        raise typer.Exit(EXIT_USAGE)
    with existing(db) as store:
        n = export_rows(store, fmt.value, table.value, output)
    err.print(f"exported {n} {table.value} rows")


@app.command()
def reresolve(db: str = DB, overrides: Path | None = OVERRIDES) -> None:
    """Re-run every stored document and rebuild the actor knowledge base.

    Apply this after editing the overrides YAML (merge, split, correct actors).

    Example: dateline reresolve --overrides actors.yaml
    """
    from dateline.ingest import reresolve as rerun

    with existing(db) as store:
        with Tracker("reresolve", store.count()) as tracker:

            def show(result: object) -> None:
                failed = isinstance(result, ProcessError)
                if failed:
                    report_error(f"{result} (kept as it was)")
                tracker.advance(failed=failed)

            job = rerun(store, overrides, on_result=show, settings=SETTINGS)
        out.print(job.summary_table(failed=tracker.failed))
    if tracker.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


LIMIT = typer.Option(50, "--limit", "-n", min=1, help="At most this many rows.")


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


FORMAT = typer.Option(
    None, "--format", "-f",
    help="table (the default on a terminal), tsv (the default when piped), csv, or json "
    "(one API item per line).")


def checked(choices: Callable[[], Any], what: str) -> Callable[[str | None], str | None]:
    """A typer callback: the value (case-insensitive) must be one of ``choices()``."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        known = sorted(choices())
        found = next((c for c in known if c.lower() == value.lower()), None)
        if found is None:
            raise typer.BadParameter(f"not a {what}; one of {', '.join(known)}")
        return found

    return check


def plover_types() -> Any:
    from dateline.events.ontology import ontology

    return ontology().categories


def quote_kinds() -> Any:
    from dateline.contract import QUOTE_KINDS

    return QUOTE_KINDS


def a_date(value: str | None) -> str | None:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD, each taken as its whole interval."""
    try:
        return checked_date(value, "date") if value else None
    except ValueError:
        raise typer.BadParameter("not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


DATE_FROM = typer.Option(None, "--from", callback=a_date,
                         help="Earliest date (YYYY[-MM[-DD]]); overlapping intervals match.")
DATE_TO = typer.Option(None, "--to", callback=a_date,
                       help="Latest date (YYYY[-MM[-DD]]); --to 2023-03 takes all of March.")


def show(db: str, listing: str, fmt: ListFormat | None, limit: int, **filters: Any) -> None:
    """Print a listing: a table on a terminal, tab-separated text when piped."""
    from dateline.listing import LISTINGS, write_listing

    screen = Console()  # made per call: the terminal's width is read when the listing is printed
    chosen = fmt or (ListFormat.table if screen.is_terminal else ListFormat.tsv)
    with existing(db) as store:
        rows = LISTINGS[listing](store, limit, **filters)
        write_listing(rows, chosen.value, screen, sys.stdout)


@app.command()
def quotes(
    db: str = DB,
    speaker: str | None = typer.Option(
        None, "--speaker", help="Actor id, actor name or speaker words (e.g. Blinken)."),
    search: str | None = typer.Option(None, "--search", help="Words inside the quote."),
    kind: str | None = typer.Option(None, "--kind", callback=checked(quote_kinds, "quote kind"),
                                    help="direct, indirect, mixed, transcript."),
    date_from: str | None = DATE_FROM,
    date_to: str | None = DATE_TO,
    limit: int = LIMIT,
    fmt: ListFormat | None = FORMAT,
) -> None:
    """List stored quotes, newest first: who said what, in which document.

    Example: dateline quotes --speaker Blinken --search China --format csv > quotes.csv
    """
    show(db, "quotes", fmt, limit, speaker=speaker, q=search, kind=kind, date_from=date_from,
         date_to=date_to)


@app.command()
def events(
    db: str = DB,
    source: str | None = typer.Option(None, "--source", help="Actor id or country (USA)."),
    target: str | None = typer.Option(None, "--target", help="Actor id or country (CHN)."),
    type_: str | None = typer.Option(None, "--type", callback=checked(plover_types, "PLOVER type"),
                                     help="PLOVER type, e.g. CONSULT."),
    date_from: str | None = DATE_FROM,
    date_to: str | None = DATE_TO,
    limit: int = LIMIT,
    fmt: ListFormat | None = FORMAT,
) -> None:
    """List stored PLOVER events, newest first: who did what to whom, when and where.

    Example: dateline events --source USA --target CHN --type ACCUSE --format json
    """
    show(db, "events", fmt, limit, source=source, target=target, type=type_,
         date_from=date_from, date_to=date_to)


@app.command()
def actors(
    name: str | None = typer.Argument(None, help="Part of a name or alias."),
    db: str = DB,
    country: str | None = typer.Option(None, "--country", help="ISO3 code, e.g. CHN."),
    limit: int = LIMIT,
    fmt: ListFormat | None = FORMAT,
) -> None:
    """List actors in the knowledge base with country, sector, roles and dates seen.

    Example: dateline actors Blinken --format tsv | cut -f1,2
    """
    show(db, "actors", fmt, limit, q=name, country=country)


@app.command()
def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
) -> None:
    """Serve the web UI and the JSON API (/api/v1, OpenAPI at /docs) over the store.

    Read-only unless DATELINE_API_TOKEN is set; then POST /api/v1/documents
    ingests an article given `Authorization: Bearer <token>`.

    Example: dateline serve --db dateline.db --port 8000
    """
    import uvicorn

    from dateline.web.app import create_app

    existing(db).close()
    err.print(escape(f"serving {db} on http://{host}:{port}/ (API docs at /docs)"))
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:
    """The console entry point: what the user can fix (a setting, a missing model, a broken
    database) is one line and exit 2; anything else is a bug and keeps its traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from dateline.errors import DatelineError
    from dateline.store.store import first_line

    try:
        app()
    except SQLAlchemyError as exc:
        report_error(f"database: {first_line(exc)}")
        sys.exit(EXIT_USAGE)
    except DatelineError as exc:
        report_error(str(exc))
        sys.exit(EXIT_USAGE)
