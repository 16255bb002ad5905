"""Screenshots of every registered screen (ui/gallery.py) with demo data, for the manual.

    make screenshots            # xvfb-run python -m ui.screenshots --out docs/manual/img
    python -m ui.screenshots --out /tmp/shots --only counter-intake --all-sizes

(In ui/, the only room that imports PySide6.)

Each screen is rendered at its sizes (desktop 1366x768 and 1920x1080, the board 1920x1080, the kiosk 1080x1920)
in Vietnamese (``--language en`` for English) and saved as PNG (8-bit palette when Pillow can do it without
visible loss, to keep the repository small). Dialogs are shot at their own size over nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path


def settle(app, rounds: int = 30) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def save_png(image, path: Path) -> int:
    """Save a QImage as a compact PNG (palette-quantized with Pillow); returns the byte size."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture = picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    picture.save(path, "PNG", optimize=True)
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/manual/img")
    parser.add_argument("--only", action="append", help="screen name (repeatable)")
    parser.add_argument("--language", default="vi")
    parser.add_argument("--manual-only", action="store_true", help="only the screens the manual uses")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ui import gallery
    from ui.catalogs import install_all
    from ui.fonts import install_text_room
    from ui.station import application

    app = application()
    install_all(app, args.language)
    install_text_room(app)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = gallery.make_context(Path(tmp) / "data")
        ctx.settings.set("ui.language", args.language)
        for screen in gallery.SCREENS:
            if args.only and screen.name not in args.only or args.manual_only and not screen.manual:
                continue
            for width, height in screen.sizes[:1] if screen.dialog else screen.sizes:
                widget = screen.build(ctx)
                if not screen.dialog:
                    widget.resize(width, height)
                widget.show()
                settle(app)
                image = widget.grab().toImage()
                suffix = "" if screen.dialog else f"-{width}x{height}"
                path = out / f"{screen.name}{suffix}.png"
                size = save_png(image, path)
                print(f"{path} {image.width()}x{image.height()} {size // 1024} KB")
                widget.close()
                stop = getattr(widget, "shutdown", None)
                if stop is not None:
                    stop()
                widget.deleteLater()
                settle(app, 3)
        for kept in reversed(ctx.keep):
            getattr(kept, "shutdown", lambda: None)()
            getattr(kept, "close", lambda: None)()
        ctx.tasks.shutdown()
        ctx.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
