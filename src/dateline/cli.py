"""The `dateline` command: extract, ingest, export and look at the knowledge base."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.io.decode import one_line
from dateline.io.published import PublishedDates
from dateline.io.readers import InputDocument, ReadError, read_inputs
from dateline.pipeline import ProcessError
from dateline.settings import Settings
from dateline.store import DEFAULT_DB, Store

app = typer.Typer(
    help="Turn raw news text into who said what, and who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True)
out = Console()


SETTINGS: Settings = Settings()  # set once from the command line, before any command runs


@app.callback()
def dateline(
    settings_file: Path | None = typer.Option(
        None, "--settings", exists=True, dir_okay=False, envvar="DATELINE_SETTINGS",
        help="TOML file of settings (spacy_model, max_bytes, max_chars, batch, ...); "
             "DATELINE_* environment variables win over it."),
) -> None:
    """dateline: read → clean → parse → actors → time → quotes → events → store → serve."""
    global SETTINGS
    SETTINGS = Settings.load(settings_file)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def report_error(message: str) -> None:
    """One line on stderr; file names and scraped text are never read as markup, and their
    newlines and bidi controls are printed escaped."""
    err.print(f"[red]error[/red] {escape(one_line(message))}", highlight=False, soft_wrap=True)


class Inputs:
    """Reads inputs, reports bad ones on stderr, and attaches the --published date."""

    def __init__(self, paths: list[str], published: str | None, published_tsv: Path | None):
        self.paths = paths
        try:
            self.dates = PublishedDates.from_options(published, published_tsv)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        self.failed = 0

    def __iter__(self) -> Iterator[InputDocument]:
        for item in read_inputs(self.paths, SETTINGS):
            if isinstance(item, ReadError):
                self.report(item)
                continue
            yield self.dates.apply(item)

    def report(self, failure: ReadError | ProcessError) -> None:
        self.failed += 1
        report_error(str(failure))

    def exit_if_failed(self) -> None:
        if self.failed:
            err.print(f"{self.failed} input(s) failed")
            raise typer.Exit(EXIT_SOME_FAILED)


def progress(total_hint: str = "documents") -> Progress:
    return Progress(
        TextColumn(f"[bold]{total_hint}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


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


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: str | None = PUBLISHED,
    published_tsv: Path | None = PUBLISHED_TSV,
    workers: int = WORKERS,
    spark: str | None = SPARK,
) -> None:
    """Print one document JSON (schema dateline/1) per input document, in input order.

    Nothing but JSON lines goes to stdout; progress and errors go to stderr.
    Exit status 1 if any input could not be read or processed.

    Example: dateline extract --published 2022-07-09 article.txt > article.jsonl
    """
    from dateline.pipeline import Pipeline

    inputs = Inputs(paths, published, published_tsv)
    if spark:
        from dateline.engines.spark import process_with_spark

        results = process_with_spark(paths, inputs.dates, master=spark, settings=SETTINGS)
    elif workers > 1:
        from dateline.engines.pool import process_in_pool

        results = process_in_pool(inputs, workers, SETTINGS)
    else:
        results = Pipeline(settings=SETTINGS).process_stream(inputs)
    stdout = sys.stdout
    with progress("extract") as bar:
        task = bar.add_task("extract", total=None)
        for doc in results:
            if isinstance(doc, ProcessError | ReadError):
                inputs.report(doc)
                continue
            stdout.write(doc.dumps() + "\n")
            bar.advance(task)
    stdout.flush()
    inputs.exit_if_failed()


DB = typer.Option(DEFAULT_DB, "--db", help="SQLite file or postgresql:// URL.")
OVERRIDES = typer.Option(
    None, "--overrides", exists=True, dir_okay=False,
    help="YAML file that merges, splits or corrects actors (or DATELINE_ACTOR_OVERRIDES).",
)


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
) -> None:
    """Process documents and store them with their annotations (one transaction each).

    Re-ingesting the same input changes nothing; an interrupted ingest resumes
    where it stopped. Ends with a summary table.

    Example: dateline ingest --db dateline.db examples/
    """
    from dateline.ingest import Ingest

    inputs = Inputs(paths, published, published_tsv)
    with Store(db) as store, progress("ingest") as bar:
        task = bar.add_task("ingest", total=None)
        job = Ingest(store, replace=replace, overrides=overrides, settings=SETTINGS)
        for result in job.run(inputs):
            if isinstance(result, ProcessError):
                inputs.report(result)
            bar.advance(task)
        out.print(job.summary_table(failed=inputs.failed))
    inputs.exit_if_failed()


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


class ExportTable(StrEnum):
    documents = "documents"
    events = "events"
    actors = "actors"


@app.command()
def export(
    db: str = DB,
    fmt: ExportFormat = typer.Option(
        ExportFormat.jsonl, "--format", help="jsonl, parquet or csv."
    ),
    table: ExportTable = typer.Option(
        ExportTable.documents, "--table",
        help="documents (the JSON contract), events (one row per event, GDELT-style) or "
        "actors (one row per actor of the knowledge base).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Output file (required for parquet; default stdout)."
    ),
) -> None:
    """Write stored documents back out as the JSON contract, or the events table.

    Example: dateline export --format parquet -o docs.parquet
    """
    from dateline.export import export_rows

    if fmt is ExportFormat.parquet and output is None:
        err.print("--format parquet needs --output FILE")
        raise typer.Exit(EXIT_USAGE)
    with Store(db) as store:
        n = export_rows(store, fmt.value, table.value, output)
    err.print(f"exported {n} {table.value} rows")


@app.command()
def reresolve(db: str = DB, overrides: Path | None = OVERRIDES) -> None:
    """Re-run every stored document and rebuild the actor knowledge base.

    Apply this after editing the overrides YAML (merge, split, correct actors).

    Example: dateline reresolve --overrides actors.yaml
    """
    from dateline.ingest import reresolve as rerun

    failed = 0
    with Store(db) as store, progress("reresolve") as bar:
        task = bar.add_task("reresolve", total=store.count())

        def show(result: object) -> None:
            nonlocal failed
            if isinstance(result, ProcessError):
                failed += 1
                report_error(f"{result} (kept as it was)")
            bar.advance(task)

        job = rerun(store, overrides, on_result=show, settings=SETTINGS)
        out.print(job.summary_table(failed=failed))
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


LIMIT = typer.Option(50, "--limit", "-n", min=1, help="At most this many rows.")


@app.command()
def quotes(
    db: str = DB,
    speaker: str | None = typer.Option(
        None, "--speaker", help="Actor id, actor name or speaker words (e.g. Blinken)."),
    search: str | None = typer.Option(None, "--search", help="Words inside the quote."),
    kind: str | None = typer.Option(None, "--kind", help="direct, indirect, mixed, transcript."),
    limit: int = LIMIT,
) -> None:
    """List stored quotes, newest first: who said what, in which document.

    Example: dateline quotes --speaker Blinken --search China
    """
    from dateline.listing import quotes_table

    with Store(db) as store:
        out.print(quotes_table(store, limit, speaker=speaker, q=search, kind=kind))


@app.command()
def events(
    db: str = DB,
    source: str | None = typer.Option(None, "--source", help="Actor id or country (USA)."),
    target: str | None = typer.Option(None, "--target", help="Actor id or country (CHN)."),
    type_: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    date_from: str | None = typer.Option(None, "--from", help="Earliest date (YYYY-MM-DD)."),
    date_to: str | None = typer.Option(None, "--to", help="Latest date (YYYY-MM-DD)."),
    limit: int = LIMIT,
) -> None:
    """List stored PLOVER events, newest first: who did what to whom, when and where.

    Example: dateline events --source USA --target CHN --type ACCUSE
    """
    from dateline.listing import events_table

    with Store(db) as store:
        out.print(events_table(store, limit, source=source, target=target, type=type_,
                               date_from=date_from, date_to=date_to))


@app.command()
def actors(
    name: str | None = typer.Argument(None, help="Part of a name or alias."),
    db: str = DB,
    country: str | None = typer.Option(None, "--country", help="ISO3 code, e.g. CHN."),
    limit: int = LIMIT,
) -> None:
    """List actors in the knowledge base with country, sector, roles and dates seen.

    Example: dateline actors Blinken
    """
    from dateline.listing import actors_table

    with Store(db) as store:
        out.print(actors_table(store, limit, q=name, country=country))


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
