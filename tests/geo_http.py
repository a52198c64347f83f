"""A local stand-in for the Statistics Finland WFS, so fetch tests use real HTTP offline."""

from __future__ import annotations

import csv
import json
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, urlsplit

Mode = Literal["ok", "error500", "hang"]
WFS_PATH = "/geoserver/wfs"


@dataclass
class WfsServer:
    """Serves GetFeature answers by typeName; records every request it gets."""

    layers: Mapping[str, bytes]
    mode: Mode = "ok"
    requests: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{WFS_PATH}"


def _handler(server: WfsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            # WFS parameter names are case-insensitive.
            query = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
            server.requests.append(query)
            if server.mode == "hang":
                server.release.wait(30)
                return
            if server.mode == "error500":
                self._send(500, b"internal error", "text/plain")
                return
            layer = query.get("typenames") or query.get("typename")
            if parts.path != WFS_PATH or layer not in server.layers:
                self._send(404, b"no such layer", "text/plain")
                return
            self._send(200, server.layers[layer], "application/json")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_wfs(layers: Mapping[str, bytes], mode: Mode = "ok") -> Iterator[WfsServer]:
    """Run a WFS stand-in on a free 127.0.0.1 port for the duration of the block."""
    state = WfsServer(layers=layers, mode=mode)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    # A short poll interval makes shutdown at the end of each test quick.
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def closed_port_url() -> str:
    """A loopback URL nobody listens on, so connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{WFS_PATH}"


def population_layer(csv_path: Path) -> bytes:
    """A WFS-like population answer (fields kunta, vaesto) from the reference CSV's latest year.

    Geometry is left out: the loader reads only attributes from population layers.
    """
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    latest = max(int(r["year"]) for r in rows)
    features = [
        {
            "type": "Feature",
            "properties": {
                "kunta": r["municipality_code"],
                "vaesto": int(r["population"]),
            },
            "geometry": None,
        }
        for r in rows
        if int(r["year"]) == latest
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()
