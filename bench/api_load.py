"""Load bench of the JSON API: requests/second and latency with concurrent clients on loopback.

Builds a temporary SQLite database of synthetic documents (from templates, with
hand-placed annotations), starts `dateline serve` on a free 127.0.0.1 port in a
subprocess, then for each endpoint runs N client threads (httpx, keep-alive) for
a fixed time and prints endpoint, requests, req/s, p50 and p99 latency.

Usage: python bench/api_load.py [--docs 1000] [--clients 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from dateline.model import Document
from dateline.store import Store

PEOPLE = [("alma-vance", "Alma Vance", "USA"), ("chen-bo", "Chen Bo", "CHN"),
          ("ivan-petrov", "Ivan Petrov", "RUS"), ("maria-silva", "Maria Silva", "BRA"),
          ("kofi-mensah", "Kofi Mensah", "GHA"), ("lena-berg", "Lena Berg", "DEU")]
TYPES = [("CONSULT", "met"), ("ACCUSE", "accused"), ("THREATEN", "threatened"),
         ("AGREE", "agreed with"), ("REQUEST", "asked"), ("SANCTION", "sanctioned")]
TOPICS = ["tariffs", "grain exports", "border security", "climate finance", "fishing rights",
          "energy prices", "a ceasefire", "student visas"]
OUTLETS = ["Test Wire", "Daily Ledger", "Evening Post", "Harbour Times"]
SEARCHES = ["tariffs", "grain", "ceasefire", "Vance", "energy", "visas", "talks", "security"]


def synthetic(n: int, rng: random.Random) -> Document:
    """One fictional article with an entity per person, one quote, one event and one date."""
    (a_id, a_name, a_cc), (b_id, b_name, b_cc) = rng.sample(PEOPLE, 2)
    kind, verb = rng.choice(TYPES)
    topic = rng.choice(TOPICS)
    day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{a_name} and {b_name} in talks on {topic} ({n})"
    body = (f"{a_name} {verb} {b_name} on Monday over {topic}. "
            f"\"We will not accept this,\" {a_name} said. "
            + "Officials said the talks would continue next week. " * rng.randint(3, 12))
    text = f"{title}\n{body}"
    at = text.index(f"{a_name} {verb}")
    said = text.index('"We') + 1
    speaker = text.index(f"{a_name} said")
    trigger = at + len(a_name) + 1
    target = trigger + len(verb) + 1
    monday = text.index("Monday")
    doc = Document(id=f"bench{n:06d}", source=f"bench/{n}.txt", raw=text, text=text,
                   title=title, outlet=rng.choice(OUTLETS), published=day,
                   published_from="option")
    doc.actors = [{"id": i, "name": nm, "type": "person", "country": cc, "sector": "GOV",
                   "roles": ["Minister"]} for i, nm, cc in ((a_id, a_name, a_cc),
                                                             (b_id, b_name, b_cc))]
    doc.entities = [{"start": at, "end": at + len(a_name), "text": a_name, "label": "PERSON",
                     "actor": a_id},
                    {"start": target, "end": target + len(b_name), "text": b_name,
                     "label": "PERSON", "actor": b_id}]
    quote = "We will not accept this,"
    doc.quotes = [{"start": said, "end": said + len(quote), "text": quote, "kind": "direct",
                   "cue": {"start": speaker + len(a_name) + 1, "end": speaker + len(a_name) + 5,
                           "text": "said"},
                   "speaker": {"start": speaker, "end": speaker + len(a_name), "text": a_name},
                   "actor": a_id}]
    doc.timexes = [{"start": monday, "end": monday + 6, "text": "Monday", "type": "DATE",
                    "value": day}]
    doc.events = [{"type": kind, "mode": None, "context": [],
                   "source": {"actor": a_id, "country": a_cc, "text": a_name, "start": at,
                              "end": at + len(a_name)},
                   "target": {"actor": b_id, "country": b_cc, "text": b_name, "start": target,
                              "end": target + len(b_name)},
                   "trigger": {"start": trigger, "end": trigger + len(verb), "text": verb},
                   "sentence": [len(title) + 1, said - 1], "date": day, "place": None,
                   "intensity": 1.0, "cameo": None}]
    return doc


def build(db: str, n: int) -> list[str]:
    rng = random.Random(7)
    with Store(db) as store:
        docs = [synthetic(i, rng) for i in range(n)]
        for doc in docs:
            store.save(doc)
    return [d.id for d in docs]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    dateline = Path(sys.executable).with_name("dateline")
    proc = subprocess.Popen([str(dateline), "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/outlets").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def load(base: str, path_for: Callable[[random.Random], str], clients: int,
         seconds: float) -> tuple[int, int, list[float]]:
    """Requests done, errors, and every latency (ms) of ``clients`` threads for ``seconds``."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        rng = random.Random(k)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                response = http.get(path_for(rng))
                latencies[k].append((time.perf_counter() - t0) * 1000)
                errors[k] += response.status_code != 200

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    flat = [x for xs in latencies for x in xs]
    return len(flat), sum(errors), flat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        ids = build(db, args.docs)
        print(f"built {args.docs} documents in {time.perf_counter() - t0:.1f} s", flush=True)
        port = free_port()
        server = start_server(db, port)
        endpoints: dict[str, Callable[[random.Random], str]] = {
            "GET /api/v1/documents/{id}": lambda r: f"/api/v1/documents/{r.choice(ids)}",
            "GET /api/v1/documents?q=": lambda r: f"/api/v1/documents?q={r.choice(SEARCHES)}",
            "GET /documents/{id} (page)": lambda r: f"/documents/{r.choice(ids)}",
        }
        try:
            print(f"{args.clients} clients, {args.seconds:g} s per endpoint, "
                  f"http://127.0.0.1:{port}")
            print(f"{'endpoint':32} {'requests':>9} {'errors':>7} {'req/s':>8} "
                  f"{'p50 ms':>8} {'p99 ms':>8}")
            for name, path_for in endpoints.items():
                n, errors, lat = load(f"http://127.0.0.1:{port}", path_for, args.clients,
                                      args.seconds)
                p99 = statistics.quantiles(lat, n=100)[98] if len(lat) > 1 else lat[0]
                print(f"{name:32} {n:>9} {errors:>7} {n / args.seconds:>8.1f} "
                      f"{statistics.median(lat):>8.1f} {p99:>8.1f}", flush=True)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
