#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets from the crate's test inputs.

- corpus/parse/: every file of tests/data and tests/fixtures as it is, plus each sample of
  tests/data re-encoded as GBK and as UTF-16LE with a BOM (the `parse` target takes bytes),
  joined into one line, and behind a crawler's header with its lines run together.
- corpus/html/: the HTML fixtures of tests/fixtures/html.
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
        # As web pages deliver it: one line, and behind a crawler's header.
        one_line = " ".join(l.strip() for l in text.splitlines())
        put("parse", one_line.encode("utf-8"))
        header = "标题: 某县人民政府2023年政府信息公开工作年度报告\n发布时间: 2024-01-20 09:30\n"
        put("parse", (header + "==== 正文 ====\n" + "".join(text.splitlines())).encode("utf-8"))
    # The new paths' adversarial shapes (benches/scaling.rs), small enough to mutate fast:
    # heading markers on one line, glued table rows, a digit run between two row labels.
    title = "某县人民政府2023年政府信息公开工作年度报告"
    put("parse", (title + "一、总体情况。二、" * 500).encode("utf-8"))
    put("parse", (title + "三、收到和处理政府信息公开申请情况申请人情况（三）不予公开"
                  + "1.属于国家秘密 00000002.其他法律行政法规禁止公开 0000000" * 50).encode("utf-8"))
    put("parse", (title + "申请人情况一、本年新收政府信息公开申请数量 " + "1" * 5000
                  + "二、上年结转政府信息公开申请数量 0000000").encode("utf-8"))
    for path in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html")):
        put("html", path.read_bytes())
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
