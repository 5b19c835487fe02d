#!/usr/bin/env python3
"""A minimal RD stand-in for bench/startup: issues a token, accepts events and batches."""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Rd(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/auth/token":
            answer = {"access_token": "bench", "expires_in": 86400}
        elif self.path == "/platform/events/batch":
            answer = {"event_batch_uuid": str(uuid.uuid4()),
                      "events": [{"event_uuid": str(uuid.uuid4())} for _ in json.loads(body)]}
        else:
            answer = {"event_uuid": str(uuid.uuid4())}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Rd).serve_forever()
