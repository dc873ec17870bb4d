"""Error lines of the `dateline` command: one line each, whatever the file name or the reason."""

from __future__ import annotations

import os
import subprocess

from dateline.io.decode import one_line
from test_cli import BIN


def test_one_line_escapes_line_breaks_bidi_controls_and_undecodable_bytes():
    assert one_line("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert one_line("evil\u202etxt.exe \u2066x\u2069") == "evil\\u202etxt.exe \\u2066x\\u2069"
    assert one_line("nul\x00 del\x7f c1\x85 line\u2028sep") == \
        "nul\\x00 del\\x7f c1\\x85 line\\u2028sep"
    assert one_line("x\udcffy") == "x\\udcffy"  # a file-name byte that is not UTF-8
    assert one_line("Café « Zürich » — 東京") == "Café « Zürich » — 東京"


def test_every_error_line_is_one_line_and_names_its_input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Ministers meet in Oslo on Friday.\n", encoding="utf-8")
    (folder / "b-two\nlines.txt").write_bytes(b"")
    (folder / "c-evil\u202etxt.exe").write_bytes(bytes(range(32)) * 20)
    (folder / "d-fake.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage\xff\xfe")
    (folder / "e-marks.txt").write_text("?!?! ... 1/2/3", encoding="utf-8")
    os.mkfifo(folder / "f-pipe.txt")
    result = subprocess.run([str(BIN), "extract", str(folder)], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "COLUMNS": "60"})
    assert result.returncode == 1
    assert result.stdout.count('"schema": "dateline/1"') == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"error {folder}/b-two\\nlines.txt: empty file",
        f"error {folder}/c-evil\\u202etxt.exe: binary content, not text",
        f"error {folder}/d-fake.txt.gz: corrupt gzip data",
        f"error {folder}/e-marks.txt: no letters: not an article",
        f"error {folder}/f-pipe.txt: not a regular file: a named pipe (FIFO)",
        "5 input(s) failed",
    ]
