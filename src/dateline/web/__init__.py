"""The web UI and JSON API over the store (``dateline serve``)."""
