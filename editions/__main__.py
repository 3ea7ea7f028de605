"""``python -m editions``: see cli.py."""

from .cli import main

raise SystemExit(main())
