"""--published-tsv: two bare columns, or a TSV/CSV with a header naming the columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_input, shared_path
from dateline.io.published import PublishedDates, read_published_tsv


def test_two_bare_columns(tmp_path: Path) -> None:
    tsv = tmp_path / "dates.tsv"
    tsv.write_text("file\tdate\na.txt\t2021-03-04\n\nsub/b.txt\t2020\n", encoding="utf-8")
    table = read_published_tsv(tsv)
    assert table["a.txt"] == "2021-03-04"
    assert table["b.txt"] == table["sub/b.txt"] == "2020"


def test_a_csv_header_names_the_columns(tmp_path: Path) -> None:
    csv = tmp_path / "meta.csv"
    csv.write_text('title,publication_date,filename\n"Talks, again",2016-10-09,a-story\n'
                   "Undated,,b-story\n", encoding="utf-8")
    dates = PublishedDates.from_options(None, csv)
    assert dates.apply(make_input("x", source="dir/a-story.txt")).published == "2016-10-09"
    assert dates.apply(make_input("y", source="b-story.txt")).published is None


def test_a_bad_date_names_the_file_and_line(tmp_path: Path) -> None:
    tsv = tmp_path / "dates.tsv"
    tsv.write_text("filename\tdate\na.txt\t2021-13-01\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dates\.tsv:2: '2021-13-01' is not a date"):
        read_published_tsv(tsv)


def test_polnear_metadata_works_as_it_is() -> None:
    path = shared_path("polnear", "metadata.tsv")
    dates = PublishedDates.from_options(None, path)
    name = "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    assert dates.by_name[name] == "2016-09-12"
    item = dates.apply(make_input("text", source=f"polnear/dev/text/{name}.txt"))
    assert item.published == "2016-09-12"
    assert len({v for v in dates.by_name.values()}) > 10
