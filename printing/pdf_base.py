"""Building blocks shared by the PDF forms: page geometry, styles, the official header, the
dossier-code block, signature blocks and the deterministic document builder.

Output is byte-for-byte reproducible (reportlab ``invariant=1``, fixed metadata), so a reprint is
identical to the archived copy and can be found by its hash.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printing.codes import Code128Flowable, QrFlowable
from printing.fonts import FONT_BOLD, FONT_REGULAR, register_pdf_fonts
from printing.model import Template
from printing.text import DOTS, hard_break, nfc

log = logging.getLogger(__name__)

#: Serialises PDF renders: registered TrueType fonts (and their subset state) are shared objects.
RENDER_LOCK = threading.RLock()

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Geometry:
    """Page size, margins and type sizes of one paper format."""

    pagesize: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    base: float  # body font size (pt)

    @property
    def width(self) -> float:
        """Usable width between the margins."""
        return self.pagesize[0] - self.left - self.right


GEOMETRIES = {
    "A5": Geometry(A5, 13 * mm, 10 * mm, 8 * mm, 13 * mm, 8.0),
    "A4": Geometry(A4, 25 * mm, 15 * mm, 15 * mm, 16 * mm, 11.0),
    "A4L": Geometry(landscape(A4), 15 * mm, 12 * mm, 12 * mm, 14 * mm, 8.2),  # tracking register
    "A4P": Geometry(A4, 20 * mm, 15 * mm, 14 * mm, 16 * mm, 9.0),  # hand-over list
}


@functools.lru_cache(maxsize=8)
def styles(base: float) -> dict[str, ParagraphStyle]:
    """Paragraph styles for a body size of ``base`` points (cached: styles are immutable here)."""
    register_pdf_fonts()
    lead = base * 1.32

    def mk(name: str, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", FONT_REGULAR)
        kw.setdefault("fontSize", base)
        kw.setdefault("leading", lead)
        return ParagraphStyle(name, **kw)

    small = base - 1.2
    return {
        "body": mk("body", spaceAfter=base * 0.12),
        "body_j": mk("body_j", spaceAfter=base * 0.12),  # left: justified A5 lines gape
        "tight": mk("tight"),
        "center": mk("center", alignment=TA_CENTER),
        "center_b": mk("center_b", alignment=TA_CENTER, fontName=FONT_BOLD),
        "right": mk("right", alignment=TA_RIGHT),
        "small": mk("small", fontSize=small, leading=small * 1.3),
        "small_c": mk("small_c", fontSize=small, leading=small * 1.3, alignment=TA_CENTER),
        "small_b": mk("small_b", fontSize=small, leading=small * 1.3, fontName=FONT_BOLD),
        "small_bc": mk(
            "small_bc", fontSize=small, leading=small * 1.3, fontName=FONT_BOLD, alignment=TA_CENTER
        ),
        "title": mk(
            "title", fontName=FONT_BOLD, fontSize=base + 2.4, leading=(base + 2.4) * 1.3,
            alignment=TA_CENTER, spaceBefore=base * 0.6, spaceAfter=base * 0.2,
        ),
        "subtitle": mk("subtitle", alignment=TA_CENTER, fontName=FONT_BOLD, spaceAfter=base * 0.3),
        "copy": mk("copy", fontName=FONT_BOLD, fontSize=small, leading=small * 1.2, alignment=TA_RIGHT),
        "cell": mk("cell", fontSize=small, leading=small * 1.25),
        "cell_c": mk("cell_c", fontSize=small, leading=small * 1.25, alignment=TA_CENTER),
        "cell_h": mk(
            "cell_h", fontSize=small, leading=small * 1.25, fontName=FONT_BOLD, alignment=TA_CENTER
        ),
        "left": mk("left", alignment=TA_LEFT),
    }


def esc(text: object) -> str:
    """NFC text escaped for Paragraph markup, long unbroken runs given break opportunities."""
    return escape(hard_break(nfc(text)))


#: A table cell shows at most this many characters of a value: a row cannot continue on the next page,
#: and the full value is on the dossier's own forms.
CELL_MAX = 400


def cell(text: object, limit: int = CELL_MAX) -> str:
    """Escaped text for a table cell, clipped at a word to ``limit`` characters ("…" marks the cut)."""
    s = nfc(text).strip()
    if len(s) > limit:
        cut = s.rfind(" ", limit // 2, limit)
        s = s[: cut if cut > 0 else limit].rstrip() + " …"
    return escape(hard_break(s))


def val(text: object, dots: str = DOTS) -> str:
    """Escaped value or a dotted blank."""
    s = nfc(text).strip()
    return escape(hard_break(s)) if s else dots


class Para(Paragraph):
    """A Paragraph that breaks its lines once per width.

    ``KeepTogether`` and tables wrap their content to measure it, then the frame wraps it again to place it:
    a form's paragraphs were laid out twice or three times over. The lines depend only on the width (and the
    style), so a second wrap at the same width returns the first result.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # (split() may drop blPara: then lay out again)
        if availWidth == self._wrapped_at and getattr(self, "blPara", None) is not None:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth if getattr(self, "blPara", None) is not None else None
        return size


def p(markup: str, style: ParagraphStyle) -> Paragraph | LongText:
    """A Paragraph from markup that is already escaped (a :class:`LongText` when it is very long)."""
    if len(markup) > CHUNK:
        return LongText(markup, style)
    return Para(markup, style)


#: Markup longer than this is laid out as several paragraphs (see :class:`LongText`).
CHUNK = 3000
_TOKEN = re.compile(r"<[^>]*>|[^<]+")


def split_markup(markup: str, size: int = CHUNK) -> list[str]:
    """Cut paragraph markup into pieces of about ``size`` characters, at spaces (so never inside an
    entity), closing the tags open at a cut and opening them again in the next piece."""
    pieces: list[str] = []
    cur: list[str] = []
    length = 0
    open_tags: list[tuple[str, str]] = []  # (name, opening tag)
    for tok in _TOKEN.findall(markup):
        if tok.startswith("<"):
            cur.append(tok)
            name = tok.strip("</>").split()[0].lower() if tok.strip("</>") else ""
            if tok.startswith("</"):
                for i in range(len(open_tags) - 1, -1, -1):
                    if open_tags[i][0] == name:
                        del open_tags[i]
                        break
            elif not tok.endswith("/>"):
                open_tags.append((name, tok))
            continue
        start = 0
        while len(tok) - start + length > size:
            cut = tok.find(" ", start + max(size - length, 0))
            if cut < 0:
                break
            cur.append(tok[start:cut])
            cur.extend(f"</{name}>" for name, _ in reversed(open_tags))
            pieces.append("".join(cur))
            cur = [t for _, t in open_tags]
            length = 0
            start = cut + 1
        cur.append(tok[start:])
        length += len(tok) - start
    if cur:
        pieces.append("".join(cur))
    return pieces


class LongText(Flowable):
    """A very long paragraph (a pathological field) as consecutive Paragraphs of about :data:`CHUNK`
    characters: splitting one paragraph over a page lays out all of its remaining text again, so a 1 MB
    field in one Paragraph costs time in the square of its length; in pieces, in proportion to it."""

    def __init__(self, markup: str, style: ParagraphStyle):
        super().__init__()
        first = ParagraphStyle(f"{style.name}_first", parent=style, spaceAfter=0)
        middle = ParagraphStyle(f"{style.name}_next", parent=style, spaceBefore=0, spaceAfter=0)
        last = ParagraphStyle(f"{style.name}_last", parent=style, spaceBefore=0)
        pieces = split_markup(markup)
        styles_ = [first] + [middle] * (len(pieces) - 2) + [last] if len(pieces) > 1 else [style]
        self.parts = [Para(piece, st) for piece, st in zip(pieces, styles_, strict=True)]

    def wrap(self, avail_width, avail_height):
        """The height of all pieces; it stops measuring once past ``avail_height`` (the frame then splits),
        so that each page measures about one page of text, not all that is left."""
        self._sizes = []
        self.width, self.height = avail_width, 0.0
        for part in self.parts:
            size = part.wrap(avail_width, avail_height)
            self._sizes.append(size)
            self.height += size[1]
            if self.height > avail_height:
                break
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802 - reportlab's name
        return self.parts[0].getSpaceBefore()

    def getSpaceAfter(self):  # noqa: N802 - reportlab's name
        return self.parts[-1].getSpaceAfter()

    def split(self, avail_width, avail_height):
        """What fits in ``avail_height`` first (whole pieces, then a split of the next), then the rest."""
        used = 0.0
        for i, part in enumerate(self.parts):
            _, h = part.wrap(avail_width, avail_height)
            if used + h > avail_height:
                head = part.split(avail_width, avail_height - used)
                if not head:
                    return [*self.parts[:i], _Rest(self.parts[i:])] if i else []
                return [*self.parts[:i], head[0], _Rest([*head[1:], *self.parts[i + 1:]])]
            used += h + (part.getSpaceAfter() if i < len(self.parts) - 1 else 0)
        return list(self.parts)

    def draw(self) -> None:
        if len(self._sizes) < len(self.parts):  # measured only in part (a cell drawn whatever its size)
            self.wrap(self.width, float("inf"))
        y = self.height
        for part, (_, h) in zip(self.parts, self._sizes, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


class _Rest(LongText):
    """The pieces of a :class:`LongText` left for the next frame."""

    def __init__(self, parts: list[Flowable]):  # noqa: D107 - no super(): the pieces exist already
        Flowable.__init__(self)
        self.parts = parts


class Rule(Flowable):
    """A centred horizontal line ``length`` points long inside a ``span`` wide box."""

    def __init__(self, length: float, *, thickness: float = 0.6, space: float = 2.2):
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        return avail_width, self.space * 2 + self.thickness

    def draw(self) -> None:
        x0 = (self._avail - self.length) / 2
        y = self.space
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.length, y)


class CopyMark(Flowable):
    """Invisible marker: the pages that follow belong to copy ``label`` (used by the page footer)."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self) -> None:
        self.canv._motcua_copy = (self.label, self.canv.getPageNumber())


def fit_size(text: str, font: str, size: float, width: float, minimum: float = 5.0) -> float:
    """Largest size <= ``size`` at which ``text`` fits on one line of ``width`` points."""
    w = stringWidth(text, font, size)
    if w <= width:
        return size
    return max(minimum, size * width / w * 0.99)


def header(
    template: Template,
    geo: Geometry,
    *,
    place_date: str | None,
    number: str | None = None,
    lower_line: str | None = None,
    motto: bool = True,
) -> Table:
    """The official heading: issuing body (left), national motto (right), number and place-date.

    ``number`` (e.g. "Số: 12/XL-VHXH") prints under the issuing body when given;
    ``lower_line`` replaces the template's unit (form 04 is issued by the department).
    """
    st = styles(geo.base)
    width = geo.width
    left_w, right_w = width * 0.44, width * 0.56
    if width > 150 * mm:  # A4: the two blocks keep their size, the gap grows
        left_w, right_w = 80 * mm, 95 * mm
    size = geo.base - 0.3
    logo = _logo(template, geo)
    text_w = left_w - 4 - (logo.drawWidth + 3 if logo is not None else 0)
    upper = nfc(template.parent_body).upper().strip()
    lower = nfc(lower_line if lower_line else template.unit_name).upper().strip() or DOTS

    body_style = ParagraphStyle("hb", parent=st["center"], fontSize=size, leading=size * 1.25)
    body_b = ParagraphStyle("hbb", parent=body_style, fontName=FONT_BOLD)
    # The issuing body stays on one line when a slightly smaller size allows it; else it wraps.
    lower_size = fit_size(lower, FONT_BOLD, size, text_w, minimum=size - 1.6)
    lower_style = ParagraphStyle("hbl", parent=body_b, fontSize=lower_size, leading=lower_size * 1.25)
    upper_size = fit_size(upper, FONT_REGULAR, size, text_w, minimum=size - 1.6)
    upper_style = ParagraphStyle("hbu", parent=body_style, fontSize=upper_size, leading=upper_size * 1.25)
    left: list[Flowable] = []
    if upper:
        left.append(p(escape(upper), upper_style))
    left.append(p(escape(lower), lower_style))
    # The short rule under the issuing body: about a third of the line, as on official papers.
    lower_w = min(stringWidth(lower, FONT_BOLD, lower_size), text_w)
    left.append(Rule(max(lower_w * 0.4, 20)))
    if number is not None:
        left.append(p(escape(number), st["center"]))

    motto_size = fit_size(MOTTO_1, FONT_BOLD, size, right_w - 6)
    motto_style = ParagraphStyle("m1", parent=body_b, fontSize=motto_size, leading=motto_size * 1.3)
    motto2_size = min(size + 0.6, fit_size(MOTTO_2, FONT_BOLD, size + 0.6, right_w - 6))
    motto2_style = ParagraphStyle("m2", parent=body_b, fontSize=motto2_size, leading=motto2_size * 1.25)
    right: list[Flowable] = []
    if motto:
        right += [
            p(MOTTO_1, motto_style),
            p(MOTTO_2, motto2_style),
            Rule(stringWidth(MOTTO_2, FONT_BOLD, motto2_size)),
        ]
    if place_date is not None:
        right.append(Spacer(1, 2))
        right.append(p(escape(place_date), st["center"]))

    if logo is not None:
        left = [Table([[logo, left]], colWidths=[logo.drawWidth + 3, None], style=PLAIN)]

    gap = width - left_w - right_w
    return Table([[left, "", right]], colWidths=[left_w, gap, right_w], style=PLAIN)


def _logo(template: Template, geo: Geometry) -> Image | None:
    path = template.logo_path
    if not path:
        return None
    try:
        img = Image(str(path))
        scale = geo.base * 3.2 / max(img.imageWidth, img.imageHeight)
    except Exception:  # noqa: BLE001 - any unreadable logo: print the form without it
        log.warning("logo %s cannot be read; printing without it", path)
        return None
    img.drawWidth = img.imageWidth * scale
    img.drawHeight = img.imageHeight * scale
    return img


PLAIN = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def code_block(code: str, qr_text: str, geo: Geometry) -> Table:
    """The dossier code in words, as a Code 128 barcode and as a QR code, on one row."""
    st = styles(geo.base)
    qr_size = 19 * mm if geo.pagesize[0] < A4[0] else 26 * mm
    text_w = geo.width - qr_size
    module = 0.75 if geo.pagesize[0] < A4[0] else 0.9
    bars = Code128Flowable(code, module=module, height=9 * mm if module < 0.8 else 11 * mm)
    if bars.width > text_w:
        bars = Code128Flowable(code, module=text_w / bars.width * module, height=bars.bar_height)
    left = [
        Spacer(1, 2),
        p(f"Mã hồ sơ: <b>{esc(code)}</b>", st["center"]),
        Spacer(1, 2),
        _Centered(bars),
    ]
    right = [QrFlowable(qr_text, size=qr_size, border=2)]
    return Table(
        [[left, right]],
        colWidths=[text_w, qr_size],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


class _Centered(Flowable):
    """Centre a fixed-size flowable in the available width."""

    def __init__(self, inner: Flowable):
        super().__init__()
        self.inner = inner

    def wrap(self, avail_width, avail_height):
        w, h = self.inner.wrap(avail_width, avail_height)
        self._avail = avail_width
        self._w = w
        return avail_width, h

    def draw(self) -> None:
        self.inner.drawOn(self.canv, (self._avail - self._w) / 2, 0)


@dataclass(frozen=True)
class Signer:
    """One signature block: heading, hint in brackets, printed name (may be blank)."""

    title: str
    hint: str = "(Ký và ghi rõ họ tên)"
    name: str = ""


def signature_cell(signer: Signer, geo: Geometry, *, space: float = 14 * mm) -> list[Flowable]:
    """The flowables of one signature block (heading, hint, room to sign, printed name)."""
    st = styles(geo.base)
    name = nfc(signer.name).strip()
    return [
        p(esc(signer.title).upper(), st["center_b"]),
        p(esc(signer.hint), st["small_c"]),
        Spacer(1, space),
        p(f"<b>{escape(name)}</b>" if name else "", st["center"]),
    ]


def signatures(signers: Sequence[Signer], geo: Geometry, *, space: float = 14 * mm) -> Table:
    """Signature blocks side by side; a single signer sits on the right half, as on official papers."""
    cells: list = [signature_cell(s, geo, space=space) for s in signers]
    if len(cells) == 1:
        cells.insert(0, "")
    n = len(cells)
    return Table([cells], colWidths=[geo.width / n] * n, style=PLAIN)


CELL_PADDING = 2.5


def grid_style(header_rows: int = 1, extra: Sequence[tuple] = (), *, font_size: float | None = None) -> TableStyle:
    """Ruled table. ``font_size`` styles plain-string cells (cheaper than Paragraphs for numbers)."""
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if font_size is not None:
        cmds += [
            ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), font_size),
            ("LEADING", (0, 0), (-1, -1), font_size * 1.25),
        ]
    cmds.extend(extra)
    return TableStyle(cmds)


def build_pdf(
    story: list[Flowable],
    geo: Geometry,
    *,
    title: str,
    footer_lines: Sequence[str] = (),
    footer_left: str = "",
) -> bytes:
    """Lay out ``story`` on ``geo`` pages and return deterministic PDF bytes.

    Every page ends with the template's footer lines and "code · copy · page" (the copy label
    comes from the last :class:`CopyMark` drawn, the page number counts within that copy).
    """
    register_pdf_fonts()
    # Binary (Flate only) streams: ASCII85 makes the file 25% larger and costs ~8 ms a form in
    # pure Python. A process-wide reportlab setting; this room is its only user.
    rl_config.useA85 = 0
    buf = io.BytesIO()
    small = max(geo.base - 2.2, 6)
    lines = [nfc(s) for s in footer_lines if nfc(s).strip()]

    def on_page_end(canv, doc) -> None:
        canv.saveState()
        canv.setFont(FONT_REGULAR, small)
        page = canv.getPageNumber()
        copy_label, first = getattr(canv, "_motcua_copy", ("", 1))
        parts = [s for s in (nfc(footer_left), copy_label, f"Trang {page - first + 1}") if s]
        y = 5 * mm
        canv.drawRightString(geo.pagesize[0] - geo.right, y, " · ".join(parts))
        # The center's own lines (hotline, look-up site) sit above, at most two of them.
        for i, line in enumerate(reversed(lines[:2])):
            canv.drawString(geo.left, y + (i + 1) * small * 1.3, line)
        canv.restoreState()

    doc = BaseDocTemplate(
        buf,
        pagesize=geo.pagesize,
        leftMargin=geo.left,
        rightMargin=geo.right,
        topMargin=geo.top,
        bottomMargin=geo.bottom,
        title=nfc(title),
        author="motcua",
        creator="motcua",
        producer="motcua",
        subject="",
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(
        geo.left, geo.bottom, geo.width, geo.pagesize[1] - geo.top - geo.bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=on_page_end)])
    doc.build(story)
    return buf.getvalue()
