"""Generate the shipped voice clips in resources/sounds/.

One ``<key>.wav`` per key of ``app.numbers_vi.CLIP_TEXT``, spoken by espeak-ng's Vietnamese
voice, converted with sox to 16-bit mono 22050 Hz, trimmed of leading and trailing silence and
peak-normalised; plus ``chime.wav``, a two-tone "ding-dong" synthesised here.

Needs ``espeak-ng`` and ``sox`` on PATH (Debian/Ubuntu: ``apt-get install espeak-ng sox``).

    python scripts/make_voice_clips.py                   # all clips into resources/sounds
    python scripts/make_voice_clips.py --out DIR invite  # only some keys, elsewhere
    python scripts/make_voice_clips.py --chime-only
"""

from __future__ import annotations

import argparse
import logging
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a plain script from anywhere
    sys.path.insert(0, str(ROOT))

from app.numbers_vi import CLIP_TEXT  # noqa: E402

log = logging.getLogger("make_voice_clips")

SAMPLE_RATE = 22050
DEFAULT_OUT = ROOT / "resources" / "sounds"

# sox "silence" effect: cut from the start until 5 ms above 0.1 % of full scale (a stricter
# setting eats the final stop consonant of words like "ép", "hát"); the
# reverse/trim/reverse idiom does the same at the end.
_TRIM = ["silence", "1", "0.005", "0.1%"]


def synth_chime(rate: int = SAMPLE_RATE) -> bytes:
    """A 'ding-dong' (E5 then C5, bell-like decay) as 16-bit mono PCM frames."""

    def bell(freq: float, start: float, length: float, level: float) -> tuple[int, list[float]]:
        count = int(length * rate)
        attack = int(0.005 * rate)  # a few ms of attack avoids a click
        out = []
        for i in range(count):
            t = i / rate
            env = math.exp(-t * 4.5) * min(1.0, i / attack)
            tone = (
                math.sin(2 * math.pi * freq * t)
                + 0.35 * math.sin(2 * math.pi * 2 * freq * t) * math.exp(-t * 6)
                + 0.12 * math.sin(2 * math.pi * 3 * freq * t) * math.exp(-t * 9)
            )
            out.append(level * env * tone)
        # fade the tail so it ends in silence
        fade = min(count, int(0.05 * rate))
        for k in range(fade):
            out[count - fade + k] *= 1 - k / fade
        return int(start * rate), out

    notes = [bell(659.26, 0.0, 0.55, 1.0), bell(523.25, 0.42, 0.85, 1.0)]
    total = max(offset + len(samples) for offset, samples in notes)
    mix = [0.0] * total
    for offset, samples in notes:
        for i, value in enumerate(samples):
            mix[offset + i] += value
    peak = max(abs(v) for v in mix) or 1.0
    scale = 0.7 * 32767 / peak  # about -3 dBFS
    pcm = array("h", (round(v * scale) for v in mix))
    if sys.byteorder == "big":
        pcm.byteswap()
    return pcm.tobytes()


def write_wav(path: Path, frames: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(frames)


def speak(key: str, text: str, out_dir: Path, *, voice: str, speed: int, work: Path) -> Path:
    raw = work / f"{key}.raw.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    target = out_dir / f"{key}.wav"
    subprocess.run(
        [
            "sox", "-D", str(raw),  # -D: no dither, so regenerating gives the same bytes
            "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", "-e", "signed-integer", str(target),
            *_TRIM, "reverse", *_TRIM, "reverse",
            "gain", "-n", "-3",
        ],
        check=True,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="*", help="clip keys to generate (default: all of CLIP_TEXT)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--voice", default="vi", help="espeak-ng voice (vi, vi-vn-x-south, ...)")
    parser.add_argument("--speed", type=int, default=150, help="words per minute")
    parser.add_argument("--chime-only", action="store_true", help="only write chime.wav")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    args.out.mkdir(parents=True, exist_ok=True)
    write_wav(args.out / "chime.wav", synth_chime())
    log.info("wrote chime.wav")
    if args.chime_only:
        return 0

    unknown = [k for k in args.keys if k not in CLIP_TEXT]
    if unknown:
        log.error("not keys of CLIP_TEXT: %s", ", ".join(unknown))
        return 2
    missing_tools = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing_tools:
        log.error("needs %s on PATH (apt-get install espeak-ng sox)", " and ".join(missing_tools))
        return 1

    keys = args.keys or sorted(CLIP_TEXT)
    with tempfile.TemporaryDirectory() as tmp:
        for key in keys:
            try:
                speak(key, CLIP_TEXT[key], args.out, voice=args.voice, speed=args.speed, work=Path(tmp))
            except subprocess.CalledProcessError as exc:
                log.error("%s: %s failed with exit code %d", key, exc.cmd[0], exc.returncode)
                return 1
    size = sum(p.stat().st_size for p in args.out.glob("*.wav"))
    log.info("wrote %d clips to %s (%.1f kB of WAV files in total)", len(keys), args.out, size / 1024)
    return 0


if __name__ == "__main__":
    sys.exit(main())
