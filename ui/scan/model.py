"""The pages of one scan session, item by item, before they are saved (no Qt: plain data, GUI thread).

Each document item of the dossier has an ordered list of :class:`PageEntry`. Blank pages stay in the list
(shown greyed) but are left out of the PDF unless brought back. Rotation is recorded in quarter turns and
written as the PDF page's ``/Rotate``, so the page's JPEG stream goes into the PDF byte for byte.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from devices.pages import PdfDocument, ProcessedPage, build_pdf


@dataclass(slots=True)
class PageEntry:
    page: ProcessedPage
    quarter_turns: int = 0  # clockwise
    restored: bool = False  # a blank page brought back

    @property
    def dropped(self) -> bool:
        return self.page.blank and not self.restored

    @property
    def exposure_warning(self) -> bool:
        return self.page.exposure != "ok"


@dataclass(slots=True)
class ScanBatch:
    """Item code -> its pages, in order. ``items`` keeps the checklist's order."""

    items: list[str]
    pages: dict[str, list[PageEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for item in self.items:
            self.pages.setdefault(item, [])

    def of(self, item: str) -> list[PageEntry]:
        return self.pages[item]

    def add(self, item: str, page: ProcessedPage) -> int:
        self.pages[item].append(PageEntry(page))
        return len(self.pages[item]) - 1

    def replace(self, item: str, index: int, page: ProcessedPage) -> None:
        self.pages[item][index] = PageEntry(page)

    def move(self, item: str, index: int, delta: int) -> int:
        """Move a page up (negative) or down; returns its new index."""
        pages = self.pages[item]
        target = max(0, min(len(pages) - 1, index + delta))
        pages.insert(target, pages.pop(index))
        return target

    def rotate(self, item: str, index: int, quarter_turns: int = 1) -> None:
        entry = self.pages[item][index]
        entry.quarter_turns = (entry.quarter_turns + quarter_turns) % 4

    def delete(self, item: str, index: int) -> PageEntry:
        return self.pages[item].pop(index)

    def toggle_restored(self, item: str, index: int) -> bool:
        entry = self.pages[item][index]
        if entry.page.blank:
            entry.restored = not entry.restored
        return entry.restored

    def move_to_item(self, item: str, index: int, other: str) -> int:
        """Move a page to the end of another item; returns its index there."""
        entry = self.pages[item].pop(index)
        self.pages[other].append(entry)
        return len(self.pages[other]) - 1

    def kept(self, item: str) -> list[PageEntry]:
        return [e for e in self.pages[item] if not e.dropped]

    def dropped_count(self, item: str) -> int:
        return sum(1 for e in self.pages[item] if e.dropped)

    def to_save(self) -> dict[str, list[PageEntry]]:
        """The items that have pages to save, in checklist order."""
        return {item: self.kept(item) for item in self.items if self.kept(item)}


def item_pdf(entries: list[PageEntry]) -> PdfDocument:
    """One image PDF of the entries: the JPEG streams as they are; a turned page gets ``/Rotate``."""
    pages = [e.page for e in entries]
    document = build_pdf(pages)
    if not any(e.quarter_turns for e in entries):
        return document
    import pikepdf

    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        for page, entry in zip(pdf.pages, entries, strict=True):
            if entry.quarter_turns:
                page.obj["/Rotate"] = 90 * entry.quarter_turns
        out = io.BytesIO()
        # deterministic: no new document id, so the same pages and turns give the same hash
        pdf.save(out, deterministic_id=True)
    data = out.getvalue()
    return PdfDocument(data=data, sha256=hashlib.sha256(data).hexdigest(), page_count=len(entries),
                       pages=document.pages)
