"""`make linkcheck` follows every link of the sources (not part of make test: the profile's
links are on the network).  Here on the tiny profile, against a server on this machine."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def test_linkcheck_fails_on_a_dead_link_and_names_it(second_profile: Path, tmp_path: Path, make) -> None:
    served = tmp_path / "served"
    served.mkdir()
    (served / "parks.html").write_text("<!doctype html><title>Parks</title>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = second_profile / "docs" / "visit.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n[公园]({base}/parks.html)和[桥]({base}/bridge.html)。\n",
                        encoding="utf-8")
        result = make(second_profile, "linkcheck", check=False, env={"no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode != 0
    output = (second_profile / "_build" / "linkcheck" / "output.txt").read_text(encoding="utf-8")
    assert f"visit.md:6: [broken] {base}/bridge.html: 404 Client Error" in output
    assert "parks.html" not in output  # a good link is not listed
    assert f"{base}/bridge.html" in result.stdout + result.stderr
