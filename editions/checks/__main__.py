"""``python -m editions.checks`` (also ``python -m editions check``): see cli.py."""

from .cli import entry_point

raise SystemExit(entry_point())
