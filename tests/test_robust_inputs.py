"""Hostile inputs: every stage survives any decoded text and keeps the contract."""

from __future__ import annotations

import random

import pytest
from conftest import make_input
from test_cli import assert_contract

from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError

pytestmark = pytest.mark.slow


def process(text: str) -> Document:
    """The whole pipeline, with a fresh actor KB, over one text; fails on a ProcessError."""
    (result,) = Pipeline().process_stream([make_input(text)])
    assert not isinstance(result, ProcessError), result
    assert_contract(result.to_json(), text)
    return result


def test_a_title_that_swallows_an_earlier_full_name():
    # "Sts" takes "E.U. Ms. Mr." as its title, which covers the full name "E.U. Ms.";
    # the short "Ms." must not look that swallowed name up.
    process("E.U. Ms.Mr.Sts Ms.  n Minister E.U. Ms. ad")
