"""What can go wrong that is the user's to fix, as opposed to a bug.

The command line shows a DatelineError as one line and exits 2; any other exception is a
bug and keeps its traceback. A document that cannot be read or processed is not an error
of this kind: it is reported and skipped (see io.readers.ReadError, pipeline.ProcessError).
"""

from __future__ import annotations


class DatelineError(Exception):
    """A problem the user can fix: the message says what and where, in one line."""


class ConfigError(DatelineError):
    """A setting, an overrides file or a missing model."""


class StoreError(DatelineError):
    """A database that cannot be opened or written at all."""


class PipelineError(DatelineError, ValueError):
    """A pipeline that cannot be built: an unknown stage, a missing requirement."""
