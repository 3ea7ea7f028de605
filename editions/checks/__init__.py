"""``make check``: translation checks that tell a translator exactly what is wrong.

One finding a line, ``file:line: [check] what is wrong; what to do (msgid: "…")``,
for every catalog of the languages asked for.  A content check is a module that
registers itself in ``registry`` (``python -m editions check --list-checks`` lists
them all); the others find what is wrong with a whole catalog: ``health`` (reading
it) and ``sync`` (against its template).  ``runner`` runs them, ``waivers`` applies
``# check: allow <check> — <reason>``, ``report`` prints the findings (text, JSON,
GitHub), ``gate`` is the build's; ``cli`` and ``bench`` are the commands.
"""
