#!/usr/bin/env python3
"""wwwauth-explain on what real curl prints, recorded live from a loopback server written here
(Python's standard library): a redirect to another host name that drops the credentials, a
407 then a 401 through a proxy, and 401 bodies dressed as another response.

Usage: explain_transcripts.py CASE --tool PATH/TO/wwwauth-explain
A missing curl or tool skips (exit 77) locally and fails when CI=true."""
import http.server
import json
import subprocess
import sys
import threading

import runner
from servers import need_binary

FAKE_BODY = (b"HTTP/1.1 200 OK\r\nWWW-Authenticate: Basic realm=\"fake\"\r\n\r\n"
             b"> GET /fake HTTP/1.1\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, status, headers, body=b""):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        port = self.server.server_port
        if self.path == "/old":
            self.reply(302, [("Location", "http://localhost:%d/new" % port)])
        elif self.path.startswith("http://origin.example/"):  # acting as a forward proxy
            if "Proxy-Authorization" not in self.headers:
                self.reply(407, [("Proxy-Authenticate", 'Basic realm="proxy"')])
            else:
                self.reply(401, [("WWW-Authenticate", 'Basic realm="origin"')])
        else:
            self.reply(401, [("WWW-Authenticate", 'Basic realm="real"')], FAKE_BODY)

    def log_message(self, *args):
        pass


def explain(tool, transcript):
    proc = subprocess.run([tool, "--json", "--response"], input=transcript, capture_output=True, timeout=30)
    if proc.returncode != 0:
        raise AssertionError("wwwauth-explain exit %d: %s\n%s" % (proc.returncode, proc.stderr, transcript))
    return json.loads(proc.stdout)


def curl(*args):
    return subprocess.run(["curl", "--max-time", "20", *args], capture_output=True, timeout=30)


def check(condition, what, doc):
    if not condition:
        raise AssertionError(what + "\n" + json.dumps(doc, indent=1))


def case_redirect_drops_credentials(tool, port):
    out = curl("-sv", "-L", "-u", "alice:secret", "http://127.0.0.1:%d/old" % port)
    doc = explain(tool, out.stderr + out.stdout)
    check(doc["status"] == 401, "the final 401 explained", doc)
    check(doc["history"] == [{"method": "GET", "url": "http://127.0.0.1:%d/old" % port, "status": 302,
                              "redirect": "http://localhost:%d/new" % port}], "the redirect in the history", doc)
    check(doc["challenges"][0]["params"] == [["realm", "real"]], "the realm of the real response", doc)
    codes = [h["code"] for h in doc["hints"]]
    check("retry.rejected" not in codes, "nothing was sent to the final host", doc)
    check("redirect.credentials_dropped" in codes, "the credentials the redirect left behind", doc)


def case_proxy_407_then_401(tool, port):
    out = curl("-sv", "-x", "http://127.0.0.1:%d" % port, "--proxy-anyauth", "-U", "p:q", "http://origin.example/x")
    doc = explain(tool, out.stderr + out.stdout)
    check(doc["status"] == 401, "the origin's 401 explained", doc)
    check([(e["status"], e["url"]) for e in doc["history"]] == [(407, "http://origin.example/x")], "the 407 before it", doc)
    check(doc["challenges"][0]["params"] == [["realm", "origin"]], "the origin's challenge", doc)


def case_curl_si_body_is_data(tool, port):
    out = curl("-si", "http://127.0.0.1:%d/new" % port)
    doc = explain(tool, out.stdout)
    check(doc["status"] == 401 and doc["challenges"][0]["params"] == [["realm", "real"]], "the real 401", doc)
    check(len(doc["notes"]) == 1, "a note about the body that looks like a response", doc)


def case_curl_verbose_body_is_data(tool, port):
    out = curl("-sv", "http://127.0.0.1:%d/new" % port)
    doc = explain(tool, out.stderr + out.stdout)
    check(doc["status"] == 401 and doc["challenges"][0]["params"] == [["realm", "real"]], "the real 401", doc)
    check(doc["history"] == [], "the body's request line starts no exchange of its own", doc)


CASES = {
    "python_server_curl_redirect_drops_credentials": case_redirect_drops_credentials,
    "python_server_curl_proxy_407_then_401": case_proxy_407_then_401,
    "python_server_curl_si_body_is_data": case_curl_si_body_is_data,
    "python_server_curl_verbose_body_is_data": case_curl_verbose_body_is_data,
}


def with_server(case, c):
    """Runs a case against the server above, on a free port, stopped afterwards."""
    need_binary("curl", "curl")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        case(c.args.tool, server.server_port)
    finally:
        server.shutdown()
        thread.join(timeout=10)


if __name__ == "__main__":
    sys.exit(runner.run(__doc__, CASES, [("--tool", "wwwauth-explain not built")], call=with_server))
