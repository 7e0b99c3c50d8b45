"""Print the checklist: HTML from the pure renderer into a QTextDocument, onto a paged device.

Printing, print preview and PDF all go through :func:`print_checklist`: it lays the
document out in the device's pages, moves a page break before any step block that would
straddle two pages, and paints each page with a "Page n of N" footer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from privacy_walkthrough.core.files import replace_atomically
from privacy_walkthrough.core.i18n import tr

CM_PER_INCH = 2.54
MARGIN_CM = 1.8
LAYOUT_DPI = 96.0  # the layout's units: like a screen at 100 %, whatever the device
LAZY_FROM_BLOCKS = 50  # below this many steps, placing them first on a lazy layout costs more

# Paper never takes the screen's colours: dark ink on white, whatever the colour scheme.
INK = "#000000"
PAPER = "#ffffff"
LINK_INK = "#0b3d91"  # a dark blue that reads on white and prints as dark grey
PAPER_STYLE_SHEET = f"body {{ color: {INK}; }} a {{ color: {LINK_INK}; }}"


def default_page_size() -> QPageSize.PageSizeId:
    """Letter where the locale uses it (US, Canada, …), A4 everywhere else."""
    letter_countries = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico}
    letter_countries |= {QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia}
    if QLocale.system().territory() in letter_countries:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


class ChecklistDocument(QTextDocument):
    """A text document laid out at LAYOUT_DPI, whatever the screen's resolution."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(LAYOUT_DPI / CM_PER_INCH * 100)
        self.layout_device.setDotsPerMeterX(dots_per_metre)
        self.layout_device.setDotsPerMeterY(dots_per_metre)
        self.documentLayout().setPaintDevice(self.layout_device)


def paper_palette() -> QPalette:
    """The colours a checklist is drawn with: the same on paper, in the preview and in a PDF.

    The application's palette follows the screen (light text in the dark scheme), and Qt
    draws a document's plain text and links in it unless told otherwise: never on paper.
    """
    palette = QPalette(QColor(PAPER))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(INK))
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Link, QColor(LINK_INK))
    palette.setColor(QPalette.ColorRole.LinkVisited, QColor(LINK_INK))
    return palette


def checklist_document(html: str) -> QTextDocument:
    document = ChecklistDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(PAPER_STYLE_SHEET)  # before setHtml: it applies while parsing
    document.setHtml(html)
    return document


def _tables(document: QTextDocument) -> list[QTextTable]:
    """The top-level tables: each step of the checklist is one."""
    return [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]


@dataclass
class PageGeometry:
    """Pages of a device, in the layout's own units (LAYOUT_DPI dots per inch)."""

    width: float
    height: float
    margin: float
    scale_x: float  # device units per layout unit
    scale_y: float


def paginate(document: QTextDocument, device: QPagedPaintDevice) -> PageGeometry:
    """Lay the document out in pages the size of ``device``'s, with margins on every page.

    The layout runs at a fixed LAYOUT_DPI (independent of the screen), and painting scales
    it to the device, so a page looks the same on paper, in the preview and in a PDF.
    """
    scale_x = device.logicalDpiX() / LAYOUT_DPI
    scale_y = device.logicalDpiY() / LAYOUT_DPI
    geometry = PageGeometry(
        width=device.width() / scale_x,
        height=device.height() / scale_y,
        margin=MARGIN_CM / CM_PER_INCH * LAYOUT_DPI,
        scale_x=scale_x,
        scale_y=scale_y,
    )
    root_format = document.rootFrame().frameFormat()
    root_format.setMargin(geometry.margin)
    document.rootFrame().setFrameFormat(root_format)
    document.setPageSize(QSizeF(geometry.width, geometry.height))
    return geometry


def keep_blocks_together(document: QTextDocument, page_height: float) -> int:
    """Move a page break before every step block that would straddle two pages.

    Blocks taller than a page are left to split.  Returns how many breaks were added.

    A break moves everything after it, and Qt then lays the document out again from there,
    to the very end when asked for a block's rectangle: a 1,000-step checklist took five
    seconds.  So a long checklist's blocks are first placed on a layout that Qt makes
    lazily, only as far as asked (their text's lines are asked for, not their rectangles),
    and then, once the whole document has been laid out afresh, each block is checked again
    by its rectangle, which is all a short checklist needs.
    """
    layout = document.documentLayout()
    tables = _tables(document)
    given = sum(_has_break(table) for table in tables)
    too_tall: set[int] = set()
    if len(tables) >= LAZY_FROM_BLOCKS:
        edges = [_text_edges(layout, table) for table in tables]  # lays the whole document out once
        document.setPageSize(document.pageSize())  # from here on, laid out only as far as asked
        for index, table in enumerate(tables):
            extent = partial(_text_extent, layout, table, edges[index])
            if _straddles(*extent(), page_height) and not _break_before(table, extent, page_height):
                too_tall.add(index)
        document.setPageSize(document.pageSize())  # afresh, as printing needs it
    for index, table in enumerate(tables):  # anything the lazy layout got wrong, the slow way
        extent = partial(_rect_extent, layout, table)
        if index not in too_tall and not _has_break(table) and _straddles(*extent(), page_height):
            _break_before(table, extent, page_height)
    return sum(_has_break(table) for table in tables) - given


def _break_before(table: QTextTable, extent: Callable[[], tuple[float, float]], page_height: float) -> bool:
    """Start ``table`` on a new page, unless it would straddle two pages even so (False then)."""
    table_format = table.format()
    policy = table_format.pageBreakPolicy()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(table_format)
    if _straddles(*extent(), page_height):
        table_format.setPageBreakPolicy(policy)  # taller than a page: a break cannot help
        table.setFormat(table_format)
        return False
    return True


def _has_break(table: QTextTable) -> bool:
    return bool(table.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _rect_extent(layout: QAbstractTextDocumentLayout, table: QTextTable) -> tuple[float, float]:
    """Top and bottom of ``table`` (asking for it lays the whole document out)."""
    rect = layout.frameBoundingRect(table)
    return rect.top(), rect.bottom()


def _text_blocks(table: QTextTable) -> tuple[QTextBlock, QTextBlock]:
    """The table's first block, and the (empty) block that follows it, inside its bottom border."""
    after = table.document().findBlock(table.lastPosition() + 1)
    return table.firstCursorPosition().block(), after


def _text_edges(layout: QAbstractTextDocumentLayout, table: QTextTable) -> tuple[float, float]:
    """How far the table's top and bottom lie from those of its two blocks (border, padding)."""
    first, after = _text_blocks(table)
    top, bottom = _rect_extent(layout, table)
    return top - layout.blockBoundingRect(first).top(), bottom - layout.blockBoundingRect(after).bottom()


def _text_extent(
    layout: QAbstractTextDocumentLayout, table: QTextTable, edges: tuple[float, float]
) -> tuple[float, float]:
    """Top and bottom of ``table`` from its blocks: lays the document out only as far as the table."""
    first, after = _text_blocks(table)
    top = layout.blockBoundingRect(first).top() + edges[0]
    return top, layout.blockBoundingRect(after).bottom() + edges[1]


def _straddles(top: float, bottom: float, page_height: float) -> bool:
    return int(top // page_height) != int((bottom - 1) // page_height)


def _draw_footer(painter: QPainter, geometry: PageGeometry, text: str, font: QFont) -> None:
    painter.setFont(font)
    line = QFontMetricsF(font).height()
    area = QRectF(
        geometry.margin,
        geometry.height - geometry.margin + line * 0.5,
        geometry.width - 2 * geometry.margin,
        line * 1.5,
    )
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), text)


def print_checklist(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Paint the document onto ``device`` page by page, with "Page n of N"; returns N."""
    geometry = paginate(document, device)
    keep_blocks_together(document, geometry.height)
    pages = document.pageCount()
    footer_font = QFont(document.defaultFont())
    footer_font.setPixelSize(round(document.defaultFont().pointSizeF() * 0.85 * LAYOUT_DPI / 72))
    palette = paper_palette()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for drawing")
    try:
        painter.scale(geometry.scale_x, geometry.scale_y)
        painter.setPen(QColor(INK))
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * geometry.height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = palette
            context.clip = QRectF(0, page * geometry.height, geometry.width, geometry.height)
            document.documentLayout().draw(painter, context)
            painter.restore()
            footer = tr("Page {page} of {pages}", page=page + 1, pages=pages)
            _draw_footer(painter, geometry, footer, footer_font)
    finally:
        painter.end()
    return pages


def write_pdf(
    html: str, target: Path, page_size: QPageSize.PageSizeId | None = None, title: str = ""
) -> None:
    """Render the checklist to a PDF at ``target``; a failure never leaves a half file there."""

    def paint(file: Path) -> None:
        writer = QPdfWriter(str(file))
        writer.setTitle(title)
        writer.setCreator("Privacy Walkthrough")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(page_size or default_page_size()),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        print_checklist(checklist_document(html), writer)
        del writer  # closes and flushes the PDF file
        if file.stat().st_size == 0:
            raise OSError(f"the PDF writer produced nothing for {target}")

    replace_atomically(target, paint)
