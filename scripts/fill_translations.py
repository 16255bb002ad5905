"""Fill unfinished entries of a Qt .ts catalog from a JSON map {source: translation} (used when adding a
handful of strings without opening Qt Linguist). Usage: fill_translations.py CATALOG.ts MAP.json"""

from __future__ import annotations

import json
import re
import sys
from html import escape, unescape


def fill(ts_path: str, mapping: dict[str, str]) -> int:
    text = open(ts_path, encoding="utf-8").read()
    count = 0

    def one(match: re.Match) -> str:
        nonlocal count
        block = match.group(0)
        if 'type="unfinished"' not in block:
            return block
        source = unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
        if source not in mapping:
            return block
        count += 1
        value = escape(mapping[source], quote=False)
        if "<numerusform>" in block:
            return re.sub(r'<translation type="unfinished">.*?</translation>',
                          lambda _m: f"<translation>\n            <numerusform>{value}</numerusform>\n        </translation>", block,
                          flags=re.S)
        # a function, not a template: a translation may hold a backslash (E:\motcua-backup)
        return re.sub(r'<translation type="unfinished">.*?</translation>', lambda _m: f"<translation>{value}</translation>",
                      block, flags=re.S)

    text = re.sub(r"<message[^>]*>.*?</message>", one, text, flags=re.S)
    open(ts_path, "w", encoding="utf-8").write(text)
    return count


if __name__ == "__main__":
    sys.stdout.write(f"{fill(sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8')))} filled\n")
