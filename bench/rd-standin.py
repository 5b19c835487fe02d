#!/usr/bin/env python3
"""A minimal RD stand-in for the benchmarks: issues a token, accepts events and batches. An optional second
argument makes every events call answer that many milliseconds late (RD having a slow hour); GET / counts the
events calls and the events they carried."""
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


DELAY = int(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0
COUNTS = {"calls": 0, "events": 0}
COUNTING = threading.Lock()


class Rd(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/auth/token":
            answer = {"access_token": "bench", "expires_in": 86400}
        else:
            time.sleep(DELAY)
            events = len(json.loads(body)) if self.path == "/platform/events/batch" else 1
            with COUNTING:
                COUNTS["calls"] += 1
                COUNTS["events"] += events
            if self.path == "/platform/events/batch":
                answer = {"event_batch_uuid": str(uuid.uuid4()),
                          "events": [{"event_uuid": str(uuid.uuid4())} for _ in range(events)]}
            else:
                answer = {"event_uuid": str(uuid.uuid4())}
        self.answer(answer)

    def do_GET(self):
        with COUNTING:
            self.answer(dict(COUNTS))

    def answer(self, answer):
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Rd).serve_forever()
