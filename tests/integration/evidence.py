#!/usr/bin/env python3
"""Exchange evidence from real producers: what a user would hand wwwauth-explain.

Each case starts nginx or Apache httpd (the setup of integration.py) on a free loopback port
and records, from the same server, one capture by one real client:
  * chromium: a HAR file exported by Debian's Chromium, driven by playwright-core (the npm
    package; record_har.js), with a fresh profile and credentials saved for one origin only;
  * curl: a `curl -v -L` transcript.
The scenarios: a 401 Basic, a 401 Digest, a redirect from a.test to b.test (two names of
127.0.0.1) that leaves the credentials behind, so the 401 there comes from a request without
them, and (nginx) a WordPress-like REST 401 that deletes the login cookie the request sent.

Step 1 (record) checks that each capture holds the exchanges expected: the 401 entries with
their challenges, the Authorization sent before the redirect and missing after it.
Step 2 (explain) runs `wwwauth-explain --har FILE --json` (HAR) or `wwwauth-explain
--response --json` (curl -v) on the capture and checks the hint codes of every 401: those
EXPECTED lists must be there (and one of ANY_OF's), those FORBIDDEN must not.

    evidence.py CASE --explain PATH/TO/wwwauth-explain --node-modules DIR [--record-only] [--keep]

CASE is nginx_chromium, nginx_curl, apache_chromium or apache_curl. A missing server,
Chromium, node, playwright-core or curl skips the case (exit 77) locally and fails it under
CI=true. Only 127.0.0.1 is contacted; every wait is bounded.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402
from servers import (COMMAND_TIMEOUT_SECONDS, PASSWORD, USER, apache_server, free_port,  # noqa: E402
                     htdigest, need_binary, nginx_server, sha_htpasswd, unavailable, web_root, write)

RECORD_TIMEOUT_SECONDS = 60
A, B = "a.test", "b.test"  # both resolve to 127.0.0.1 (Chromium --host-resolver-rules, curl --resolve)
BASIC_REALM, DIGEST_REALM = "wwwauth basic", "wwwauth digest"

# What wwwauth-explain must say about each 401, by the scenario that led to it.
EXPECTED = {
    # The first 401 of a page protected by Basic over plain http.
    "basic": {"basic.credentials", "transport.basic_over_http"},
    # Digest (Apache sends algorithm=MD5) over plain http: nothing about Basic.
    "digest": {"digest.credentials", "digest.algorithm"},
    # curl --digest with a wrong password: the second 401 answers what was sent (ANY_OF).
    "digest_rejected": {"digest.credentials", "digest.algorithm"},
    # Credentials sent to a.test, redirected to b.test, sent no more: the 401 there.
    "redirect": {"redirect.credentials_dropped", "basic.credentials", "transport.basic_over_http"},
    # WordPress's REST API refusing a session that ended: no challenge, the cookie deleted.
    "wordpress": {"challenge.missing", "cookie.expired_session", "cms.wordpress"},
}
FORBIDDEN = {
    "basic": {"redirect.credentials_dropped", "cookie.expired_session", "cms.wordpress", "dns.host_is_address"},
    "digest": {"transport.basic_over_http", "redirect.credentials_dropped", "dns.host_is_address"},
    "digest_rejected": {"transport.basic_over_http", "redirect.credentials_dropped"},
    "redirect": {"cookie.expired_session", "cms.wordpress", "dns.host_is_address", "retry.rejected"},
    "wordpress": {"transport.basic_over_http", "redirect.credentials_dropped", "dns.host_is_address"},
}
# One of these at least. Apache sends a new nonce with every 401, which diagnose() reads as
# retry.stale (retry once, then ask) unless it tells a rejection from that alone.
ANY_OF = {"digest_rejected": {"retry.rejected", "retry.stale"}}


# ---------------------------------------------------------------------------------------------
# Servers: /basic/ asks Basic, /digest/ Digest (Apache), /basic/go/ redirects to b.test's
# /basic/ without asking anything (a browser sends the credentials it has for /basic/ anyway).

# What WordPress answers a REST request whose login cookie no longer holds: the JSON error
# of its REST API, the Link to the API root on every response, and the cookie deleted
# (wp_clear_auth_cookie() sets it to " " with an Expires in the past). /wp-login/ sets the
# cookie first, as a login does.
WP_COOKIE = "wordpress_logged_in_5f4dcc3b"
WP_ERROR = '{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}'


def nginx(folder):
    write(folder, "htpasswd", sha_htpasswd(USER, PASSWORD))
    return nginx_server(folder, locations=f"""
    location /basic/go/ {{ return 302 http://{B}:$server_port/basic/; }}
    location /wp-login/ {{
      add_header Set-Cookie "{WP_COOKIE}=alice%7C1767225600%7Ctoken; path=/; HttpOnly" always;
      return 200 "logged in";
    }}
    location /wp-json/ {{
      default_type application/json;
      add_header Link '<http://$http_host/wp-json/>; rel="https://api.w.org/"' always;
      add_header Set-Cookie "{WP_COOKIE}=+; expires=Wed, 01 Jan 2025 00:00:00 GMT; path=/" always;
      return 401 '{WP_ERROR}';
    }}
""")


def apache(folder):
    port = free_port()
    web_root(folder, "basic", "digest")
    write(folder, "htpasswd", sha_htpasswd(USER, PASSWORD))
    write(folder, "htdigest", htdigest(USER, DIGEST_REALM, PASSWORD))
    return apache_server(folder, f"""
Redirect 302 /basic/go/ http://{B}:{port}/basic/
<Location /basic/>
  AuthType Basic
  AuthName "{BASIC_REALM}"
  AuthBasicProvider file
  AuthUserFile {folder}/htpasswd
  Require valid-user
</Location>
<Location /digest/>
  AuthType Digest
  AuthName "{DIGEST_REALM}"
  AuthDigestProvider file
  AuthUserFile {folder}/htdigest
  AuthDigestAlgorithm MD5
  AuthDigestQop auth
  Require valid-user
</Location>
""", port=port, modules=("alias",))


# ---------------------------------------------------------------------------------------------
# Step 1: recording, with checks on the raw capture.

def header(headers, name):
    return next((h["value"] for h in headers if h["name"].lower() == name.lower()), None)


def record_har(c, folder, port, node_modules, urls):
    """Chromium visits each URL with credentials saved for a.test only; returns the HAR."""
    node = shutil.which("node") or unavailable("node not found (Debian package: nodejs)")
    need_binary("chromium", "chromium")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "record_har.js")
    if not os.path.isdir(os.path.join(node_modules, "playwright-core")):
        unavailable(f"playwright-core not installed in {node_modules} (npm install --prefix ... playwright-core)")
    har, profile = os.path.join(folder, "chromium.har"), tempfile.mkdtemp(prefix="profile-", dir=folder)
    argv = [node, script, "--har", har, "--profile", profile, "--user", f"{USER}:{PASSWORD}",
            "--origin", f"http://{A}:{port}", "--map", f"{A}=127.0.0.1", "--map", f"{B}=127.0.0.1"]
    argv += [u.format(A=A, B=B, port=port) for u in urls]
    env = dict(os.environ, NODE_PATH=node_modules)
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=RECORD_TIMEOUT_SECONDS, env=env)
        out = p.stdout + p.stderr
        ok = p.returncode == 0 and os.path.exists(har)
    except subprocess.TimeoutExpired:
        out, ok = "timed out", False
    c.expect(ok, f"chromium recorded {os.path.basename(har)}", out)
    if not ok:
        return None
    print("     " + out.strip().replace("\n", "\n     "))
    with open(har) as f:
        return har, json.load(f)["log"]["entries"]


def check_har_entries(c, entries, port, scenarios):
    """Every scenario's 401 is in the HAR, with the request headers that make it what it is."""
    found = []
    for url, scenario in scenarios:
        url = url.format(A=A, B=B, port=port)
        hits = [e for e in entries if e["request"]["url"] == url and e["response"]["status"] == 401]
        c.expect(bool(hits), f"HAR: a 401 entry for {url}",
                 "\n".join(f'{e["response"]["status"]} {e["request"]["url"]}' for e in entries))
        for e in hits:
            challenge = header(e["response"]["headers"], "WWW-Authenticate") or ""
            if scenario == "wordpress":
                c.expect(WP_COOKIE in (header(e["request"]["headers"], "Cookie") or ""),
                         f"HAR: the request to {url} sent the login cookie")
                c.expect("rest_not_logged_in" in (e["response"]["content"].get("text") or ""),
                         f"HAR: {url} 401 has its JSON body", json.dumps(e["response"]["content"]))
                continue
            c.expect(challenge.split(" ")[0] in ("Basic", "Digest"), f"HAR: {url} 401 carries WWW-Authenticate",
                     challenge)
            if scenario == "redirect":
                c.expect(header(e["request"]["headers"], "Authorization") is None,
                         f"HAR: the request to {url} after the redirect carries no Authorization")
        if scenario == "redirect":
            go = [e for e in entries if e["request"]["url"] == f"http://{A}:{port}/basic/go/"]
            c.expect(any(e["response"]["status"] == 302 and header(e["request"]["headers"], "Authorization")
                         for e in go), "HAR: the redirecting request sent Authorization",
                     json.dumps([e["request"]["headers"] for e in go], indent=1))
        found += [(url, scenario)] if hits else []
    return found


def record_curl(c, folder, port, name, args, scenario):
    """curl -v [-L] ARGS: the transcript, whose last response must be a 401."""
    curl = shutil.which("curl") or unavailable("curl not found (Debian package: curl)")
    resolve = ["--resolve", f"{A}:{port}:127.0.0.1", "--resolve", f"{B}:{port}:127.0.0.1"]
    try:
        p = subprocess.run([curl, "-v", "-s", "-o", os.devnull, "--max-time", "10"] + resolve + args,
                           capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)
        transcript = p.stderr
    except subprocess.TimeoutExpired:
        transcript = ""
    path = write(folder, f"{name}.curl-v.txt", transcript)
    statuses = [line.split(" ")[2] for line in transcript.splitlines() if line.startswith("< HTTP/")]
    c.expect(statuses[-1:] == ["401"], f"curl -v {name}: ends in a 401 (statuses {statuses})", transcript)
    requests = transcript.split("\n> GET ")
    if scenario == "redirect":
        c.expect(len(requests) == 3 and "> Authorization: Basic" in requests[1] and "> Authorization" not in requests[2],
                 f"curl -v {name}: Authorization sent to {A}, not after the redirect to {B}", transcript)
    if scenario == "wordpress":
        c.expect("> Cookie: " in transcript and "< Set-Cookie: " in transcript,
                 f"curl -v {name}: the cookie sent, and deleted by the 401", transcript)
    if scenario == "digest_rejected":
        c.expect(len(requests) == 3 and "> Authorization: Digest" in requests[2],
                 f"curl -v {name}: the second request answers Digest", transcript)
    return path


# ---------------------------------------------------------------------------------------------
# Step 2: wwwauth-explain on each capture.

def explain(c, tool, args, what):
    try:
        p = subprocess.run([tool, "--json"] + args, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)
        document = json.loads(p.stdout)
    except (subprocess.TimeoutExpired, ValueError) as e:
        c.expect(False, f"wwwauth-explain {' '.join(args)}: a JSON document ({what})", str(e))
        return None
    return document


def expect_codes(c, what, hints, scenario):
    codes = {h["code"] for h in hints}
    missing, extra = EXPECTED[scenario] - codes, FORBIDDEN[scenario] & codes
    if scenario in ANY_OF and not ANY_OF[scenario] & codes:
        missing |= {" or ".join(sorted(ANY_OF[scenario]))}
    c.expect(not missing and not extra, f"explain {what}: {sorted(EXPECTED[scenario])}"
             + (f"; missing {sorted(missing)}" if missing else "") + (f"; unexpected {sorted(extra)}" if extra else ""),
             json.dumps(hints, indent=1))


def explain_har(c, tool, har, found):
    document = explain(c, tool, ["--har", har], "HAR")
    if document is None:
        return
    entries = document.get("entries", [])
    for url, scenario in found:
        hits = [e for e in entries if e.get("url") == url and e.get("status") == 401]
        c.expect(bool(hits), f"explain --har: an entry for the 401 of {url}", json.dumps(document)[:2000])
        for e in hits:
            expect_codes(c, f"--har {url} ({scenario})", e.get("hints", []), scenario)


def explain_curl(c, tool, transcript, scenario):
    with open(transcript, "rb") as f:
        try:
            p = subprocess.run([tool, "--response", "--json"], stdin=f, capture_output=True, text=True,
                               timeout=COMMAND_TIMEOUT_SECONDS)
            document = json.loads(p.stdout)
        except (subprocess.TimeoutExpired, ValueError) as e:
            c.expect(False, f"wwwauth-explain --response {os.path.basename(transcript)}: a JSON document", str(e))
            return
    c.expect(document.get("status") == 401, f"explain --response {os.path.basename(transcript)}: the final 401")
    expect_codes(c, f"--response {os.path.basename(transcript)} ({scenario})", document.get("hints", []), scenario)


# ---------------------------------------------------------------------------------------------

def case_chromium(c, folder, args, server, urls, scenarios):
    srv, port = server(folder)
    with srv:
        recorded = record_har(c, folder, port, args.node_modules, urls)
    if recorded is None:
        return
    har, entries = recorded
    found = check_har_entries(c, entries, port, scenarios)
    if not args.record_only:
        explain_har(c, args.explain, har, found)


def case_curl(c, folder, args, server, runs):
    srv, port = server(folder)
    with srv:
        captures = [(record_curl(c, folder, port, name, [a.format(A=A, B=B, port=port) for a in argv], scenario),
                     scenario) for name, argv, scenario in runs]
    if not args.record_only:
        for transcript, scenario in captures:
            explain_curl(c, args.explain, transcript, scenario)


# Chromium answers a challenge it has credentials for within the same HAR entry (only the 200
# is recorded), so the plain 401s are visits to b.test, for which it has none: the page a user
# without saved credentials sees. The redirect: a.test/basic/ (401 answered: 200), then
# a.test/basic/go/ (credentials sent preemptively in that protection space, 302 to b.test),
# then b.test/basic/: 401 to a request without them.
CHROMIUM_REDIRECT = ["http://{A}:{port}/basic/", "http://{A}:{port}/basic/go/"]
BASIC_WITHOUT = "http://{B}:{port}/basic/?without-credentials"
WORDPRESS = ["http://{A}:{port}/wp-login/", "http://{A}:{port}/wp-json/wp/v2/users/me"]
DIGEST_WITHOUT = "http://{B}:{port}/digest/?without-credentials"
CURL_REDIRECT = ("redirect", ["-L", "-u", f"{USER}:{PASSWORD}", "http://{A}:{port}/basic/go/"], "redirect")
CASES = {
    "nginx_chromium": lambda c, f, a: case_chromium(
        c, f, a, nginx, CHROMIUM_REDIRECT + [BASIC_WITHOUT] + WORDPRESS,
        [("http://{B}:{port}/basic/", "redirect"), (BASIC_WITHOUT, "basic"), (WORDPRESS[1], "wordpress")]),
    "apache_chromium": lambda c, f, a: case_chromium(
        c, f, a, apache, CHROMIUM_REDIRECT + [BASIC_WITHOUT, DIGEST_WITHOUT],
        [("http://{B}:{port}/basic/", "redirect"), (BASIC_WITHOUT, "basic"), (DIGEST_WITHOUT, "digest")]),
    "nginx_curl": lambda c, f, a: case_curl(c, f, a, nginx, [
        ("basic", ["http://{A}:{port}/basic/"], "basic"), CURL_REDIRECT,
        ("wordpress", ["-b", f"{WP_COOKIE}=alice", WORDPRESS[1]], "wordpress")]),
    "apache_curl": lambda c, f, a: case_curl(c, f, a, apache, [
        ("digest", ["http://{A}:{port}/digest/"], "digest"),
        ("digest_rejected", ["--digest", "-u", f"{USER}:wrong", "http://{A}:{port}/digest/"], "digest_rejected"),
        CURL_REDIRECT]),
}


if __name__ == "__main__":
    EXPLAIN = ("--explain", lambda a: None if a.record_only else "wwwauth-explain was not built (examples off)")
    OPTIONS = [(("--node-modules",), {"default": "", "help": "the node_modules folder that holds playwright-core"}),
               (("--record-only",), {"action": "store_true", "help": "step 1 only: record and check the captures"})]
    sys.exit(runner.run(__doc__, CASES, [EXPLAIN], OPTIONS, call=lambda case, c: case(c, c.folder, c.args)))
