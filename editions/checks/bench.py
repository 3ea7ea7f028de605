"""``python -m editions.checks.bench [--messages 20000] [--pages 100] [--jobs N]``

Times the translation checks on a synthetic catalog set written to a temporary
folder: templates and catalogs of *pages* pages, *messages* messages in all,
with markup, numbers and termbase terms in every message and a defect in one
message of fifty.  Prints the figures; the check must stay under 10 seconds
for 20,000 messages (and under 2 for the real project: ``time make check``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import polib

from .runner import Options, run

TERMS = [(f"Place {n}", f"地点{n}号") for n in range(1, 101)] + [("Grand Canal", "大运河"), ("Riverside", "河畔")]

# (English, Chinese) patterns; {n} varies per message.
PATTERNS = [
    ("In {year}, the revenue of Place {n} reached 1.216 billion yuan and **Grand Canal** tax exceeded "
     "300 million yuan (see {{ref}}`economy-revenue`).",
     "{year}年，地点{n}号收入达12.16亿元，**大运河**税收超过3亿元（见{{ref}}`economy-revenue`）。"),
    ("Riverside has a population of 39,000 and more than 3,000 enterprises; read the "
     "[history of Place {n}](https://example.org/place/{n}).",
     "河畔常住人口3.9万，企业3000余家；阅读[地点{n}号的历史](https://example.org/place/{n})。"),
    ("The 13th festival of Place {n} was held for 20 consecutive years, with `make html` notes.",
     "地点{n}号第十三届节庆连续举办20年，附`make html`说明。"),
    ("Place {n} covers 3.59 square kilometers and 7 communities.",
     "地点{n}号面积3.59平方公里，下辖七个社区。"),
]
DEFECTS = [
    ("The revenue of Place {n} reached 1.216 billion yuan.", "地点{n}号收入达1.216亿元。"),
    ("The city's **\"green heart\"** is Place {n}.", "城市的**“绿色心脏”**是地点{n}号。"),
    ("Place {n} is on the Grand Canal.", "地点{n}号位于运河边,风景优美。"),
]


def write_synthetic(root: Path, messages: int, pages: int, language: str = "zh_CN") -> None:
    folder = root / "locales" / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (root / "gettext").mkdir()
    (root / "locales" / language / "termbase.tsv").write_text(
        "english\tchinese\tkind\tnote\n" + "".join(f"{e}\t{c}\tplace\t\n" for e, c in TERMS), encoding="utf-8")
    per_page = max(1, messages // pages)
    count = 0
    for page in range(pages):
        po, pot = polib.POFile(), polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language,
                       "Plural-Forms": "nplurals=1; plural=0;"}
        pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for i in range(per_page if page < pages - 1 else messages - count):
            n = count % 100 + 1
            english, chinese = (DEFECTS[count % len(DEFECTS)] if count % 50 == 49
                                else PATTERNS[count % len(PATTERNS)])
            values = {"n": n, "year": 1950 + count % 70}
            msgid = f"{english.format(**values)} ({count})"
            msgstr = f"{chinese.format(**values)}（{count}）"
            where = [(f"../../docs/page{page}.md", str(i + 1))]
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=where))
            pot.append(polib.POEntry(msgid=msgid, occurrences=where))
            count += 1
        po.save(str(folder / f"page{page}.po"))
        pot.save(str(root / "gettext" / f"page{page}.pot"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m editions.checks.bench")
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: one a core)")
    args = parser.parse_args(argv)
    conf = Path("conf.py").resolve()
    with tempfile.TemporaryDirectory(prefix="check-bench-") as tmp:
        root = Path(tmp)
        write_synthetic(root, args.messages, args.pages)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            start = time.perf_counter()
            general, results = run(Options(languages=["zh_CN"], pot_dir=Path("gettext"), conf_py=conf,
                                           jobs=args.jobs))
            seconds = time.perf_counter() - start
        finally:
            os.chdir(cwd)
    findings = general + [f for r in results for f in r.findings]
    by_check: dict[str, int] = {}
    for finding in findings:
        by_check[finding.check] = by_check.get(finding.check, 0) + 1
    total = results[0].counts.total
    print(f"synthetic catalogs: {args.pages} catalogs, {total} messages")
    jobs = args.jobs or os.cpu_count() or 1
    print(f"checked in {seconds:.2f} s ({jobs} process{'es' if jobs > 1 else ''}): "
          f"{total / seconds:,.0f} messages/second")
    print("findings: " + ", ".join(f"{name} {count}" for name, count in sorted(by_check.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
