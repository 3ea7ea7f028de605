"""python -m mishixiang_docs.checks: see cli.py."""

from .cli import entry_point

raise SystemExit(entry_point())
