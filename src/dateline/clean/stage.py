"""The clean stage: furniture removal, then title, outlet, place and published date."""

from __future__ import annotations

from dateline.clean.furniture import classify
from dateline.clean.lines import Line, split_lines
from dateline.clean.metadata import copyright_of, published, split_title
from dateline.clean.model import LineModel
from dateline.clean.place import agency_outlet, find_dateline, place_of
from dateline.clean.segments import assemble
from dateline.clean.templates import batch_templates
from dateline.clean.vocabulary import vocabulary
from dateline.model import Document
from dateline.settings import Settings


class CleanStage:
    """Writes text, segments, removed, title, outlet, place, published and published_from."""

    name = "clean"
    batched = True  # runs over a whole batch at once
    uses_batch_context = True  # a site's templates are the lines its pages in a batch share

    def __init__(self, settings: Settings | None = None, model: LineModel | None = None
                 ) -> None:
        self.vocab = vocabulary()
        self.model = model  # None: the packaged line model (another one for cross-checks)

    def __call__(self, docs: list[Document], context: list[Document] | None = None) -> None:
        """Clean ``docs``; site templates come from ``context`` (the batch as read, which
        may hold documents not cleaned now), or from ``docs`` themselves."""
        context = context if context is not None else docs
        lines = [split_lines(doc.raw) for doc in context]
        templates = batch_templates(context, lines)
        by_id = {doc.id: (doc_lines, doc_templates)
                 for doc, doc_lines, doc_templates in zip(context, lines, templates, strict=True)}
        for doc in docs:
            doc_lines, doc_templates = by_id.get(doc.id) or (split_lines(doc.raw), set())
            self.clean(doc, doc_lines, doc_templates)

    def clean(self, doc: Document, lines: list[Line], templates: set[str]) -> None:
        kinds, title = classify(lines, self.vocab, templates, bool(doc.meta.get("title")),
                               self.model)
        doc.text, doc.segments, doc.removed = assemble(doc.raw, lines, kinds)
        outlet = doc.meta.get("outlet")
        headline, site = lines[title].text if title is not None else "", None
        if kinds and title is not None:  # only a page's headline carries a site suffix
            removed = "\n".join(entry["text"] for entry in doc.removed)
            headline, site = split_title(headline, outlet, removed)
        if doc.meta.get("title"):  # the container's title, as a page's, may end with the site
            headline, meta_site = split_title(str(doc.meta["title"]), outlet)
            site = site or meta_site
        doc.title = headline or None
        dateline = find_dateline(lines, kinds, title)
        notice = copyright_of(lines)
        doc.outlet = outlet or site or (notice[1] if notice else None) or agency_outlet(dateline)
        doc.place = place_of(dateline) if dateline else None
        stamp = dateline.groupdict().get("date") if dateline else None
        if doc.published_from != "option":
            doc.published, doc.published_from = published(doc.meta, doc.source, lines, kinds,
                                                          stamp)
