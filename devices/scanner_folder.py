"""A watched folder: the "scan to folder" of network multifunction printers.

The printer writes files (JPEG, PNG, TIFF, or a PDF of page images) into a shared folder, often slowly
over SMB. A file counts once its size and modification time have not changed for ``settle`` seconds
and it can be decoded; then it is moved to the ``done`` folder (each file is taken once, also across
restarts) and its pages are yielded. A JPEG (or a PDF of JPEGs) keeps its own bytes in
``ScannedPage.encoded`` so that it is never encoded a second time. A file that cannot be decoded
after ``settle`` more seconds is moved to ``done`` with ``.unreadable`` appended and logged.

Threads: watchdog's observer runs its own thread while a scan is iterated (the library requires
one); it only puts file names into a :class:`queue.Queue`, which the device thread reads. Events
only wake the scan up sooner: the folder is also listed every ``rescan`` seconds, because events
from network shares are not reliable. The observer is stopped when the scan ends.

A scan ends when ``cancel`` is set, after ``max_pages`` pages, or after ``idle`` seconds with no file
arriving or growing (``idle=0``: wait until cancelled). Addresses: ``folder:///srv/scan/inbox``,
``folder://C:/Scans``, ``folder:////server/share/scans`` (UNC). The request's source, resolution and colour are chosen
on the printer's panel; the resolution a file records is reported, else the request's.
"""

from __future__ import annotations

import io
import logging
import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence

from devices.base import DeviceError
from devices.scanner import (
    COLOR_MODES,
    SOURCES,
    ScannedPage,
    ScannerCapabilities,
    ScanRequest,
    Scanner,
    cancelled,
    check_options,
    option,
)

log = logging.getLogger(__name__)

EXTENSIONS = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf", ".bmp")


@dataclass(slots=True)
class _Candidate:
    size: int
    mtime_ns: int
    since: float
    failures: int = 0


def _decode(path: Path, data: bytes, default_dpi: int) -> list[tuple[Image.Image, int, bytes | None]]:
    """Pages of one file as (image, dpi, own JPEG bytes or None). Raises on a file not (yet) whole."""
    if path.suffix.lower() == ".pdf":
        return _pdf_pages(data, default_dpi)
    image = Image.open(io.BytesIO(data))
    dpi = round(image.info.get("dpi", (default_dpi, default_dpi))[0]) or default_dpi
    if image.format == "JPEG":
        image.load()  # a truncated JPEG fails here, not later
        return [(_normal(image), dpi, data)]
    pages = []
    for frame in ImageSequence.Iterator(image):
        frame.load()
        pages.append((_normal(frame.copy()), dpi, None))
    return pages


def _normal(image: Image.Image) -> Image.Image:
    if image.mode in ("L", "RGB"):
        return image
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB")


def _pdf_pages(data: bytes, default_dpi: int) -> list[tuple[Image.Image, int, bytes | None]]:
    import pikepdf
    from pikepdf import PdfImage

    pages = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            images = list((page.get_images() if hasattr(page, "get_images") else page.images).values())
            if not images:
                continue
            obj = max(images, key=lambda o: int(o.get("/Width", 0)) * int(o.get("/Height", 0)))
            width_pt = float(page.mediabox[2]) - float(page.mediabox[0])
            dpi = round(int(obj.Width) / (width_pt / 72)) if width_pt else default_dpi
            filters = obj.get("/Filter")
            if filters == pikepdf.Name.DCTDecode:
                raw = obj.read_raw_bytes()
                image = Image.open(io.BytesIO(raw))
                image.load()
                pages.append((_normal(image), dpi, raw))
            else:
                pages.append((_normal(PdfImage(obj).as_pil_image()), dpi, None))
    return pages


class _Handler:
    """watchdog event handler: hands file names to the device thread (runs on the observer thread)."""

    def __init__(self, events: queue.Queue) -> None:
        self.events = events

    def dispatch(self, event) -> None:
        if not event.is_directory:
            self.events.put(os.fsdecode(getattr(event, "dest_path", "") or event.src_path))


class FolderScanner(Scanner):
    """Pages from files a network printer writes into ``inbox``; see the module docstring."""

    def __init__(
        self,
        inbox: str | os.PathLike,
        *,
        done: str | os.PathLike | None = None,
        settle: float = 2.0,
        idle: float = 0.0,
        rescan: float = 2.0,
        poll: float = 0.1,
        name: str | None = None,
    ) -> None:
        self.inbox = Path(inbox)
        super().__init__(name or self.inbox.name or str(self.inbox))
        self.done = Path(done) if done else self.inbox / "done"
        self.settle = settle
        self.idle = idle
        self.rescan = rescan
        self.poll = poll

    @property
    def identity(self) -> str:
        return f"folder://{self.inbox.as_posix()}?done={self.done.as_posix()}"

    def capabilities(self) -> ScannerCapabilities:
        self._check_folders()
        return ScannerCapabilities(sources=SOURCES, color_modes=COLOR_MODES, dpi_choices=(), details={"inbox": str(self.inbox)})

    def _check_folders(self) -> None:
        if not self.inbox.is_dir():
            raise DeviceError(self.name, "offline", f"folder {self.inbox} is not there")
        try:
            self.done.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeviceError(self.name, "config", f"cannot create {self.done}: {exc}") from exc

    def scan(self, request: ScanRequest, *, cancel: threading.Event | None = None) -> Iterator[ScannedPage]:
        self._check_folders()
        return self._run(request, cancel)

    def _listing(self) -> list[Path]:
        try:
            return [p for p in self.inbox.iterdir() if self._wanted(p)]
        except OSError as exc:
            raise DeviceError(self.name, "offline", f"cannot list {self.inbox}: {exc}") from exc

    def _wanted(self, path: Path) -> bool:
        return (
            path.parent == self.inbox
            and path.suffix.lower() in EXTENSIONS
            and not path.name.startswith((".", "~"))
        )

    def _run(self, request: ScanRequest, cancel: threading.Event | None) -> Iterator[ScannedPage]:
        from watchdog.observers import Observer

        events: queue.Queue[str] = queue.Queue()
        observer = Observer()
        try:
            observer.schedule(_Handler(events), str(self.inbox), recursive=False)
            observer.daemon = True
            observer.start()
        except OSError as exc:  # e.g. the inotify watch limit: the rescan still finds every file
            log.warning("no file events for %s (%s); listing the folder every %.1f s", self.name, exc, self.rescan)
            observer = None
        candidates: dict[Path, _Candidate] = {}
        index = 0
        last_arrival = time.monotonic()
        next_listing = 0.0
        try:
            while not cancelled(cancel) and (request.max_pages is None or index < request.max_pages):
                now = time.monotonic()
                seen: list[Path] = []
                if now >= next_listing:
                    seen.extend(self._listing())
                    next_listing = now + self.rescan
                try:
                    seen.append(Path(events.get(timeout=self.poll)))
                    while True:
                        seen.append(Path(events.get_nowait()))
                except queue.Empty:
                    pass
                now = time.monotonic()
                for path in seen:
                    if path not in candidates and self._wanted(path):
                        candidates[path] = _Candidate(-1, -1, now)
                for path in self._ready(candidates, now):
                    pages = self._take(path, candidates, request.dpi, now)
                    for image, dpi, encoded in pages:
                        yield ScannedPage(
                            index=index,
                            image=image,
                            dpi=dpi,
                            source=request.source,
                            encoded=encoded,
                            encoded_format="jpeg" if encoded is not None else None,
                            origin=path.name,
                        )
                        index += 1
                    if pages:
                        last_arrival = time.monotonic()
                    if cancelled(cancel) or (request.max_pages is not None and index >= request.max_pages):
                        return
                if candidates:  # a file still being written is activity too
                    last_arrival = max(last_arrival, max(c.since for c in candidates.values()))
                if self.idle and time.monotonic() - last_arrival >= self.idle:
                    return
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)

    def _ready(self, candidates: dict[Path, _Candidate], now: float) -> list[Path]:
        """Files whose size and time have not moved for ``settle`` seconds, oldest first."""
        ready = []
        for path, c in list(candidates.items()):
            try:
                st = path.stat()
            except FileNotFoundError:
                del candidates[path]  # taken by someone else, or renamed by the printer
                continue
            if (st.st_size, st.st_mtime_ns) != (c.size, c.mtime_ns):
                c.size, c.mtime_ns, c.since = st.st_size, st.st_mtime_ns, now
            elif st.st_size > 0 and now - c.since >= self.settle:
                ready.append((st.st_mtime_ns, path.name, path))
        return [p for _, _, p in sorted(ready)]

    def _take(self, path: Path, candidates: dict[Path, _Candidate], dpi: int, now: float):
        """Decode a settled file and move it to ``done``; [] when it is not whole yet or unreadable."""
        c = candidates[path]
        try:
            data = path.read_bytes()  # on Windows a file the printer still holds open fails here
            pages = _decode(path, data, dpi)
        except Exception as exc:  # noqa: BLE001 - not whole yet: OSError, Pillow's and pikepdf's own errors
            c.failures += 1
            c.since = now  # wait another settle period
            if c.failures < 3:
                return []
            log.warning("scanned file %s cannot be read (%s); moved aside", path.name, type(exc).__name__)
            self._move(path, suffix=".unreadable")
            del candidates[path]
            return []
        del candidates[path]
        if not self._move(path):
            return []  # someone else took it between our read and the move
        return pages

    def _move(self, path: Path, suffix: str = "") -> bool:
        target = self.done / (path.name + suffix)
        n = 1
        while target.exists():
            target = self.done / f"{path.stem}-{n}{path.suffix}{suffix}"
            n += 1
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise DeviceError(self.name, "io", f"cannot move {path.name} to {self.done}: {exc}") from exc
        return True


def folder_from_options(device: str, rest: str, options: dict[str, str]) -> FolderScanner:
    check_options(device, options, {"name", "done", "settle", "idle", "rescan"})
    if not rest:
        raise DeviceError(device, "config", "no folder in the address")
    return FolderScanner(
        rest,
        done=options.get("done"),
        settle=option(device, options, "settle", float, 2.0),
        idle=option(device, options, "idle", float, 0.0),
        rescan=option(device, options, "rescan", float, 2.0),
        name=options.get("name") or Path(rest).name,
    )
