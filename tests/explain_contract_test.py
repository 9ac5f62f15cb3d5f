#!/usr/bin/env python3
"""The wwwauth-explain contract (README.md, "wwwauth-explain"), checked on the built binary.

Each case runs the program and compares its JSON document and exit status. The binary comes
from $WWWAUTH_EXPLAIN (ctest sets it)."""
import json
import os
import subprocess
import sys
import unittest

EXPLAIN = os.environ.get("WWWAUTH_EXPLAIN", "wwwauth-explain")


def run(args, stdin=b""):
    proc = subprocess.run([EXPLAIN, *args], input=stdin, capture_output=True, timeout=30)
    return proc.returncode, proc.stdout, proc.stderr


def run_json(args, stdin=b""):
    code, out, _ = run(["--json", *args], stdin)
    return code, json.loads(out.decode("utf-8"))


class JsonShape(unittest.TestCase):
    def test_rfc_example(self):
        code, doc = run_json(["--strict", 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"'])
        self.assertEqual(code, 0)
        self.assertEqual(doc, {
            "status": None,
            "challenges": [
                {"scheme": "Newauth", "token68": None,
                 "params": [["realm", "apps"], ["type", "1"], ["title", 'Login to "apps"']]},
                {"scheme": "Basic", "token68": None, "params": [["realm", "simple"]]},
            ],
            "error": None,
            "recovered": [],
            "recovered_dropped": 0,
            "hints": doc["hints"],
        })
        self.assertIsInstance(doc["hints"], list)

    def test_token68_keeps_padding(self):
        code, doc = run_json(["--strict", "Negotiate YII+/a=="])
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"], [{"scheme": "Negotiate", "token68": "YII+/a==", "params": []}])

    def test_names_as_written(self):
        _, doc = run_json(["--strict", "basic REALM=x"])
        self.assertEqual(doc["challenges"][0]["scheme"], "basic")
        self.assertEqual(doc["challenges"][0]["params"], [["REALM", "x"]])

    def test_stdin_lines_are_fields_of_one_response(self):
        code, doc = run_json(["--strict"], b"Basic realm=a\r\ncharset=UTF-8\nBearer\n")
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Basic", "token68": None, "params": [["realm", "a"], ["charset", "UTF-8"]]},
            {"scheme": "Bearer", "token68": None, "params": []},
        ])


class Errors(unittest.TestCase):
    def test_error_field_and_offset(self):
        code, doc = run_json(["--strict", "Basic realm=a", 'Bearer error="x'])
        self.assertEqual(code, 1)
        self.assertEqual(doc["error"]["field"], 1)
        self.assertEqual(doc["error"]["offset"], 13)
        self.assertIn("quoted-string", doc["error"]["message"])
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Basic"])

    def test_lenient_by_default_strict_on_request(self):
        field = "Bearer authorization_uri=https://login.example.com/x resource_id=https://storage.example.com"
        code, doc = run_json([field])
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"][0]["params"][1], ["resource_id", "https://storage.example.com"])
        code, doc = run_json(["--strict", field])
        self.assertEqual(code, 1)
        self.assertEqual(doc["challenges"], [])

    def test_lenient_recovers_and_lists_every_error(self):
        field = 'Bearer, error="invalid_token", "junk", Basic realm="r"Digest nonce="n"'
        code, doc = run_json([field])
        self.assertEqual(code, 1)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Bearer", "token68": None, "params": [["error", "invalid_token"]]},
            {"scheme": "Basic", "token68": None, "params": [["realm", "r"]]},
            {"scheme": "Digest", "token68": None, "params": [["nonce", "n"]]},
        ])
        self.assertEqual([(e["field"], e["offset"]) for e in doc["recovered"]], [(0, 8), (0, 31), (0, 54)])
        self.assertEqual(doc["error"], doc["recovered"][0])
        self.assertEqual(doc["recovered_dropped"], 0)
        syntax = [h for h in doc["hints"] if h["code"] == "syntax.error"]
        self.assertEqual([h["severity"] for h in syntax], ["warning"] * 3)
        code, doc = run_json(["--strict", field])
        self.assertEqual((code, doc["challenges"], doc["recovered"]), (1, [], []))
        self.assertEqual((doc["error"]["field"], doc["error"]["offset"]), (0, 8))
        self.assertEqual([h["severity"] for h in doc["hints"] if h["code"] == "syntax.error"], ["error"])

    def test_usage_error(self):
        code, _, err = run(["--no-such-option"])
        self.assertEqual(code, 2)
        self.assertIn(b"usage", err)


class Bytes(unittest.TestCase):
    def test_non_utf8_bytes_as_latin1_escapes(self):
        code, out, _ = run(["--json", "--strict"], b'Basic realm="caf\xe9 \xc3\xa9"\n')
        self.assertEqual(code, 0)
        self.assertIn(b'"caf\\u00E9 \xc3\xa9"', out)
        self.assertEqual(json.loads(out)["challenges"][0]["params"][0][1], "caf\u00e9 \u00e9")

    def test_control_characters_escaped_in_text_output(self):
        code, out, _ = run(["Basic realm=\"a\x1b[31mb\""])
        self.assertEqual(code, 1)
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"\\x1B", out)


class Response(unittest.TestCase):
    HEAD = (b"HTTP/1.1 100 Continue\r\n\r\n"
            b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"first\"\r\n\r\nbody\r\n"
            b"HTTP/2 407 \r\nProxy-Authenticate: Basic realm=\"proxy\"\r\nWWW-Authenticate: Bearer\r\n"
            b"Proxy-Authenticate: Negotiate\r\n\tabc==\r\n\r\n")

    def test_last_response_and_proxy_fields(self):
        code, doc = run_json(["--response", "--strict"], self.HEAD)
        self.assertEqual(code, 0)
        self.assertEqual(doc["status"], 407)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Basic", "token68": None, "params": [["realm", "proxy"]]},
            {"scheme": "Negotiate", "token68": "abc==", "params": []},
        ])

    def test_401_takes_www_authenticate(self):
        code, doc = run_json(["--response"], b"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=x\nProxy-Authenticate: Bearer\n\n")
        self.assertEqual((code, doc["status"]), (0, 401))
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Basic"])

    def test_no_status_line_is_a_usage_error(self):
        code, _, _ = run(["--response"], b"WWW-Authenticate: Basic\n")
        self.assertEqual(code, 2)


class Demo(unittest.TestCase):
    def test_demo_explains_the_bundled_401(self):
        code, doc = run_json(["--demo"])
        self.assertEqual(code, 0)
        self.assertEqual(doc["status"], 401)
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Bearer", "Basic"])


if __name__ == "__main__":
    unittest.main(verbosity=1)
