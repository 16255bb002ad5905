"""Look for secrets (private keys, tokens, passwords) in the repository's tracked files and in zip archives
(a diagnostics zip, a backup's manifest...). Run by ``make test`` through tests/test_secrets.py, or alone:

    python scripts/scan_secrets.py              # the tracked files (git ls-files)
    python scripts/scan_secrets.py some.zip ... # those archives (and any plain files given)

Exit 1 when anything is found (one line per finding: where, rule, and the value masked), 0 otherwise.

What counts as a secret: a PEM private key block; an AWS access key id, GitHub, Slack, Google, Stripe and
PyPI tokens; a JSON Web Token; a URL with a password in it; and a value assigned to a name like password,
token, secret or api_key that looks random (eight characters or more, Shannon entropy of 3 bits per
character or more). Known public values are allowed (:data:`ALLOWED_VALUES`: the demo accounts' password
``demo`` is documented) and a line may carry ``secrets: allow`` with the reason beside it (a test fixture).
Certificates made at test time (trustme) are never in the repository, so they need no entry.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_ZIP_DEPTH = 3
PRAGMA = "secrets: allow"
#: public values that are not secrets (documented demo passwords, placeholders in docs)
ALLOWED_VALUES = frozenset({"demo", "motcua", "password", "changeme", "secret", "PASSWORD", "xxxxxxxx", "********"})

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("private-key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
    ("aws-access-key-id", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b")),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b")),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
    ("stripe-key", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}\b")),
    ("pypi-token", re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{20,}")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")),
)
URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:([^\s/@'\"]+)@")
ASSIGNED = re.compile(
    r"""(?ix)
    (?P<name>[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[a-z0-9_]*)
    ['"]?\s*(?::|=|:=|=>)\s*
    (?P<q>['"])(?P<value>[^'"\s]{8,200})(?P=q)
    """
)


@dataclass(frozen=True)
class Finding:
    where: str
    line: int
    rule: str
    value: str

    def __str__(self) -> str:
        masked = self.value[:4] + "…" if len(self.value) > 4 else "…"
        return f"{self.where}:{self.line}: {self.rule} ({masked})"


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _looks_random(value: str) -> bool:
    if value in ALLOWED_VALUES or value.lower() in ALLOWED_VALUES:
        return False
    if re.fullmatch(r"[{<$%].*[}>]?|.*\{[a-z_]*\}.*", value):  # a template or placeholder: {password}, $TOKEN
        return False
    if re.fullmatch(r"[a-z_.]+", value) or "://" in value:  # a name (a setting key), or a URL (its own rule)
        return False
    return entropy(value) >= 3.0


KEYWORD = re.compile(r"(?i)passw|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential")


def scan_text(text: str, where: str) -> list[Finding]:
    """The findings in ``text``. The patterns run over the whole text (fast, in C); the assignment rule only
    on the lines that name a secret."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        import bisect

        return bisect.bisect_right(starts, offset)

    def allowed(number: int) -> bool:
        end = starts[number] if number < len(starts) else len(text)
        return PRAGMA in text[starts[number - 1]:end]

    found: list[Finding] = []
    for rule, pattern in RULES:
        for match in pattern.finditer(text):
            found.append(Finding(where, line_of(match.start()), rule, match.group(0)))
    for match in URL_PASSWORD.finditer(text):
        secret = match.group(1)
        if _looks_random(secret) or len(secret) >= 6 and secret not in ALLOWED_VALUES:
            found.append(Finding(where, line_of(match.start()), "url-password", secret))
    seen: set[int] = set()
    for keyword in KEYWORD.finditer(text):
        number = line_of(keyword.start())
        if number in seen:
            continue
        seen.add(number)
        end = starts[number] if number < len(starts) else len(text)
        for match in ASSIGNED.finditer(text[starts[number - 1]:end]):
            if _looks_random(match.group("value")):
                found.append(Finding(where, number, "assigned-secret", match.group("value")))
    return sorted((f for f in found if not allowed(f.line)), key=lambda f: f.line)


def _text(data: bytes) -> str | None:
    if b"\x00" in data[:8192]:
        return None  # binary (images, fonts, .qm): PEM blocks and tokens are text
    return data.decode("utf-8", errors="replace")


def scan_bytes(data: bytes, where: str, *, depth: int = 0) -> list[Finding]:
    if data[:4] == b"PK\x03\x04" and depth < MAX_ZIP_DEPTH:
        import io

        return scan_zip(io.BytesIO(data), where, depth=depth + 1)
    text = _text(data)
    return scan_text(text, where) if text is not None else []


def scan_zip(source, where: str | None = None, *, depth: int = 1) -> list[Finding]:
    """Every member of the zip at ``source`` (a path or a binary file), zips inside zips too."""
    label = where or str(source)
    findings: list[Finding] = []
    try:
        with zipfile.ZipFile(source) as zf:
            for info in zf.infolist():
                if info.is_dir() or info.file_size > MAX_MEMBER_BYTES:
                    continue
                findings += scan_bytes(zf.read(info), f"{label}!{info.filename}", depth=depth)
    except (zipfile.BadZipFile, OSError) as exc:
        findings.append(Finding(label, 0, "unreadable-zip", str(exc)))
    return findings


def tracked_files(root: Path = ROOT) -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    return [root / name for name in out.decode().split("\0") if name]


def scan_paths(paths: Iterable[Path], root: Path = ROOT) -> Iterator[Finding]:
    for path in paths:
        try:
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES and path.suffix != ".zip":
                continue
            data = path.read_bytes()
        except OSError:
            continue
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        yield from scan_bytes(data, where)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or tracked_files()
    findings = list(scan_paths(paths))
    for finding in findings:
        sys.stdout.write(f"{finding}\n")
    sys.stderr.write(f"{len(paths)} file(s) scanned, {len(findings)} finding(s)\n")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
