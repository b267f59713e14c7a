#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets from the crate's test inputs.

- corpus/parse/: every file of tests/data and tests/fixtures as it is, plus each sample of
  tests/data re-encoded as GBK and as UTF-16LE with a BOM (the `parse` target takes bytes).
- corpus/parsers/: every distinct line of those files, up to 256 bytes (the nom parsers work
  on short pieces; small seeds mutate faster).
- corpus/roundtrip/: 16 deterministic pseudo-random byte strings (SHA-256 chains) of 256 to
  4096 bytes: the target reads its input as choices for the report generator, so any bytes
  are a valid seed; libFuzzer finds the interesting ones from there.

Files are named by the SHA-1 of their content, as libFuzzer names what it adds, so running
the script again adds nothing twice. Run: `python3 fuzz/make_corpus.py`.
"""
import hashlib
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent


def put(target: str, data: bytes) -> None:
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    samples = sorted((ROOT / "tests" / "data").glob("*.txt"))
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    lines = set()
    for path in samples + fixtures:
        data = path.read_bytes()
        put("parse", data)
        lines.update(l for l in data.splitlines(keepends=True) if 0 < len(l) <= 256)
    for path in samples:
        text = path.read_text(encoding="utf-8")
        put("parse", text.encode("gbk"))
        put("parse", b"\xff\xfe" + text.encode("utf-16-le"))
    for line in lines:
        put("parsers", line)
    for i in range(16):
        block, data = hashlib.sha256(str(i).encode()).digest(), b""
        while len(data) < 256 << (i % 5):
            data += block
            block = hashlib.sha256(block).digest()
        put("roundtrip", data)
    print(f"{len(samples)} samples, {len(fixtures)} fixtures, {len(lines)} lines")


if __name__ == "__main__":
    main()
