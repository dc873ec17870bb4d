"""The `dateline` command: extract, ingest, export and look at the knowledge base."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.io.readers import InputDocument, ReadError, read_inputs, source_name

app = typer.Typer(
    help="Turn raw news text into who said what, and who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


@app.callback()
def dateline() -> None:
    """dateline: read → clean → parse → actors → quotes → time → events → store → serve."""

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class Inputs:
    """Reads inputs, reports bad ones on stderr, and attaches the --published date."""

    def __init__(self, paths: list[str], published: str | None, published_tsv: Path | None):
        self.paths = paths
        self.published = published
        self.by_name = read_published_tsv(published_tsv) if published_tsv else {}
        self.failed = 0

    def __iter__(self) -> Iterator[InputDocument]:
        for item in read_inputs(self.paths):
            if isinstance(item, ReadError):
                self.failed += 1
                err.print(f"[red]error[/red] {item}", highlight=False, soft_wrap=True)
                continue
            date = self.by_name.get(source_name(item.source)) or self.published
            if date:
                item.meta["published_option"] = date
            yield item


def read_published_tsv(path: Path) -> dict[str, str]:
    """Two columns, file name and date; a header line or blank lines are ignored."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.strip().split("\t")
        if len(cols) >= 2 and cols[1][:1].isdigit():
            table[cols[0]] = cols[1].strip()
            table.setdefault(Path(cols[0]).name, cols[1].strip())
    return table


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


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: str | None = PUBLISHED,
    published_tsv: Path | None = PUBLISHED_TSV,
) -> None:
    """Print one document JSON (schema dateline/1) per input document, in input order.

    Nothing but JSON lines goes to stdout; progress and errors go to stderr.
    Exit status 1 if any input could not be read.

    Example: dateline extract --published 2022-07-09 article.txt > article.jsonl
    """
    from dateline.pipeline import Pipeline

    inputs = Inputs(paths, published, published_tsv)
    pipeline = Pipeline()
    out = sys.stdout
    with progress() as bar:
        task = bar.add_task("extract", total=None)
        for doc in pipeline.process_stream(inputs):
            out.write(doc.dumps() + "\n")
            bar.advance(task)
    out.flush()
    if inputs.failed:
        err.print(f"{inputs.failed} input(s) failed")
        raise typer.Exit(EXIT_SOME_FAILED)


def main() -> None:
    app()
