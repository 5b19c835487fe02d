#!/usr/bin/env python3
"""The Lambda Runtime API for one cold start: hands the function EVENT_FILE once, then prints the
milliseconds from the process start (nanoseconds in START_FILE) to the answer, the answer's HTTP
status and its body. Usage: runtime-api.py PORT EVENT_FILE START_FILE"""
import base64, json, os, sys, threading, time, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, event_file, start_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
event = open(event_file, "rb").read()
handed = threading.Lock()
answered = threading.Event()
answer = {}


class Api(BaseHTTPRequestHandler):
    def do_GET(self):
        if not self.path.endswith("/invocation/next"):
            self.send_error(404)
            return
        if not handed.acquire(blocking=False):  # one invocation per cold start
            answered.wait()
            time.sleep(60)
            return
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", str(uuid.uuid4()))
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:ponte")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(event)))
        self.end_headers()
        self.wfile.write(event)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        answer["at"] = time.time_ns()
        answer["path"] = self.path
        answer["body"] = body
        self.send_response(202)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")
        answered.set()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", port), Api)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
answered.wait(120)
start = int(open(start_file).read().strip())
if not answer:
    print("none no-answer")
    os._exit(1)
ms = (answer["at"] - start) // 1_000_000
if not answer["path"].endswith("/response"):
    print(ms, "error", answer["body"].decode(errors="replace"))
    os._exit(0)
response = json.loads(answer["body"])
text = response.get("body", "")
if response.get("isBase64Encoded"):
    text = base64.b64decode(text).decode()
print(ms, response.get("statusCode"), text.replace("\n", " "), flush=True)
os._exit(0)
