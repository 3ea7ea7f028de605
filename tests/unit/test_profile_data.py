"""The toolkit holds no profile: what makes this one (its names, its title, its file
names) is in conf.py, docs/ and locales/ only."""

from __future__ import annotations

from pathlib import Path

from editions.project import load

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_names_no_profile() -> None:
    project = load(ROOT)
    names = {project.title, project.basename, "Mishixiang", "米市巷"}
    names |= {line.split("\t")[1] for line in (ROOT / "locales" / "zh_CN" / "termbase.tsv")
              .read_text(encoding="utf-8").splitlines()[1:] if "\t" in line and line.split("\t")[2] == "place"}
    found = [f"{path.relative_to(ROOT)}: {name}" for path in (ROOT / "editions").rglob("*")
             if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".svg")
             for name in names if name.lower() in path.read_text(encoding="utf-8").lower()]
    assert found == []
