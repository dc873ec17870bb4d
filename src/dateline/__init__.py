"""dateline: raw news text to who said what, and who did what to whom, when and where."""

__version__ = "0.1.0"
