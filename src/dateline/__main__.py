"""The command line as a file: ``python -m dateline`` and ``spark-submit`` (which runs a
``.py`` file as the driver) both start here."""

from dateline.cli import main

if __name__ == "__main__":
    main()
