"""20 parallel clients against a real server (uvicorn on a TCP port, in a thread of the test) on
SQLite: dossier and search pages and the API, signed in by cookie and by token, and every
answer is a 200 (reads take no lock, so SQLite never says "database is locked"). No timing is
asserted: bench/web.py measures, against ``habeas serve``."""

from __future__ import annotations

import threading
import time

import httpx
import uvicorn

from test_web_search_backends import load_bench

from habeas.web import make_app
from habeas.workspace import Habeas

CLIENTS = 20
REPORTS = 200
REQUESTS_PER_CLIENT = 3
STARTUP_S = 30


def serve(habeas: Habeas, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    server = uvicorn.Server(uvicorn.Config(make_app(habeas), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_S
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    return server, thread


def test_twenty_parallel_clients_get_no_errors(tmp_path):
    bench = load_bench()
    url = f"sqlite:///{tmp_path / 'load.db'}"
    counts = bench.prepare(url, REPORTS)
    urls = [u for label, group in bench.endpoints(counts, CLIENTS * REQUESTS_PER_CLIENT).items()
            if "reference" not in label for u in group]
    urls += ["/api/v1/persons?q=erdogan", "/api/v1/events?type=arrest", "/persons",
             "/search?q=umerov&type=arrest"] * CLIENTS
    habeas = Habeas(database_url=url)
    port = bench.free_port()
    server, thread = serve(habeas, port)
    base = f"http://127.0.0.1:{port}"
    try:
        cookies = bench.sign_in(base)
        samples, errors = bench.load(base, urls, clients=CLIENTS, cookies=cookies,
                                     token=counts["token"])
        found = httpx.get(f"{base}/api/v1/search?q=Erdoğan",
                          headers={"Authorization": f"Bearer {counts['token']}"}).json()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        habeas.close()
    assert errors == [], errors[:5]
    assert len(samples) == len(urls)
    assert found["total"]["reports"] > 0 and found["total"]["persons"] > 0
    assert all("Erdoğan" in p["name"] for p in found["persons"])
