#!/usr/bin/env python3
"""Integration tests of wwwauth's credential builders against real servers.

Each case starts a server from its Debian package (nginx, apache2, lighttpd) on a free
loopback port, with its configuration and password files in a temporary folder, then checks:
  * wwwauth-curl with the right credentials reaches 200 (and verifies rspauth when sent);
  * wrong credentials end in 401 (407 for the proxy) with wwwauth's hints;
  * the curl command line's own --basic/--digest (the control) gets the same statuses,
    so a failure is wwwauth's and not the server setup's.
The server is stopped afterwards, whatever happened. The servers' setup is servers.py, which
the client-library driver (clients.py) shares.

    integration.py CASE --tool PATH/TO/wwwauth-curl

A missing server binary (or curl, or wwwauth-curl) skips the case with exit status 77,
unless CI=true, where it fails. Standard library only; only 127.0.0.1 is used; every wait
is bounded.
"""
import os
import shutil
import subprocess
import sys

import runner
from servers import (BEARER_TOKEN, COMMAND_TIMEOUT_SECONDS, PASSWORD, PROXY_PASSWORD, PROXY_USER, USER, Server,
                     apache_digest_server, apache_proxy_server, apache_server, lighttpd_conf, need_binary,
                     nginx_server, requests_logged_since, requests_settled, sha_htpasswd, unavailable, write)


class Checks(runner.Checks):
    def tool_run(self, what, args, rc, status, contains=(), absent=(), folder=None, server=None, requests=None):
        """wwwauth-curl ARGS must exit with rc, end with `final status: STATUS` and print `contains`;
        with `requests`, the server's log (servers.requests_logged) must grow by exactly that many."""
        before = requests_settled(folder, server) if requests is not None else 0
        try:
            p = subprocess.run([self.args.tool] + args, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)
            out = p.stdout + p.stderr
            ok = p.returncode == rc and f"final status: {status}\n" in out
            ok = ok and all(c in out for c in contains) and not any(a in out for a in absent)
        except subprocess.TimeoutExpired:
            out, ok = "timed out", False
        if requests is not None:
            logged = requests_logged_since(folder, server, before, requests)
            out += "\nserver log:\n" + "\n".join(logged)
            ok = ok and len(logged) == requests
        self.expect(ok, f"wwwauth-curl {what}: exit {rc}, status {status}" +
                    (f", prints {list(contains)}" if contains else ""), out)

    def curl_control(self, what, args, status, write_out="%{http_code}"):
        """The curl command line's own authentication against the same server."""
        curl = shutil.which("curl")
        if not curl:
            unavailable("curl not found (Debian package: curl), needed for the control")
        try:
            p = subprocess.run([curl, "-s", "-o", "/dev/null", "-w", write_out, "--max-time", "10"] + args,
                               capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)
            got = p.stdout.strip()
        except subprocess.TimeoutExpired:
            got = "timeout"
        self.expect(got == str(status), f"control: curl {what}: status {status} (got {got})")


def case_nginx_basic(c, folder):
    server, port = nginx_server(folder)
    url = f"http://127.0.0.1:{port}/basic/"
    with server:
        c.tool_run("right password", [url, "--user", f"{USER}:{PASSWORD}", "--basic"], 0, 200,
                   ["answering [0] Basic", "warning: sending the server password over plain http"])
        c.tool_run("wrong password", [url, "--user", f"{USER}:wrong", "--basic"], 1, 401,
                   ["credentials rejected", "hint retry.rejected"], folder=folder, server="nginx", requests=2)
        # curl's habit: Basic over plain http only when asked for.
        c.tool_run("Basic over plain http without --basic", [url, "--user", f"{USER}:{PASSWORD}"], 1, 401,
                   ["Basic over plain http needs --basic"], ["answering [0] Basic"])
        c.tool_run("no credentials", [url], 1, 401, ["hint basic.credentials"])
        c.curl_control("--basic right", ["--basic", "-u", f"{USER}:{PASSWORD}", url], 200)
        c.curl_control("--basic wrong", ["--basic", "-u", f"{USER}:wrong", url], 401)


def case_nginx_bearer(c, folder):
    server, port = nginx_server(folder)
    url = f"http://127.0.0.1:{port}/bearer/"
    with server:
        c.tool_run("right token", [url, "--token", BEARER_TOKEN], 0, 200, ["answering [0] Bearer"])
        c.tool_run("wrong token", [url, "--token", "expired-token"], 1, 401,
                   ["error=\"invalid_token\"", "hint bearer.invalid_token", "credentials rejected"])
        c.tool_run("token that is not token68", [url, "--token", "two words"], 1, 401,
                   ["cannot answer Bearer: a Bearer token must be token68"])
        c.curl_control("-H Authorization right", ["-H", f"Authorization: Bearer {BEARER_TOKEN}", url], 200)
        c.curl_control("-H Authorization wrong", ["-H", "Authorization: Bearer expired-token", url], 401)


def case_nginx_no_challenge(c, folder):
    server, port = nginx_server(folder)
    url = f"http://127.0.0.1:{port}/nochallenge/"
    with server:
        c.tool_run("any credentials", [url, "--user", f"{USER}:{PASSWORD}"], 1, 401,
                   ["0 WWW-Authenticate field(s)", "hint challenge.missing", "nothing to answer"])
        c.curl_control("--basic", ["--basic", "-u", f"{USER}:{PASSWORD}", url], 401)


def case_apache_digest(c, folder):
    server, port = apache_digest_server(folder)
    url = f"http://127.0.0.1:{port}/digest/"
    with server:
        c.tool_run("right password", [url, "--user", f"{USER}:{PASSWORD}"], 0, 200,
                   ["answering [0] Digest", "rspauth: verified"])
        # No hint is demanded here: Apache sends a fresh nonce with every 401, and whether
        # that alone means "stale" is diagnose()'s call (RFC 7616 section 3.3 says it does
        # not: without stale=true the credentials are invalid).
        c.tool_run("wrong password", [url, "--user", f"{USER}:wrong"], 1, 401, ["credentials rejected"],
                   folder=folder, server="httpd", requests=2)
        c.curl_control("--digest right", ["--digest", "-u", f"{USER}:{PASSWORD}", url], 200)
        c.curl_control("--digest wrong", ["--digest", "-u", f"{USER}:wrong", url], 401)


def case_apache_digest_stale(c, folder):
    # RFC 7616 section 3.3: a nonce that expired is answered with stale=true, and the client
    # retries with the new nonce without asking for the password again. The nonce lives 2 s;
    # wwwauth-curl waits 4 s before its first answer, then retries at once.
    server, port = apache_digest_server(folder, nonce_lifetime=2)
    url = f"http://127.0.0.1:{port}/digest/"
    with server:
        c.tool_run("stale nonce, right password", [url, "--user", f"{USER}:{PASSWORD}", "--delay", "4"], 0, 200,
                   ["stale=true", "stale nonce: answering once more", "rspauth: verified"])
        # Apache checks the password before the nonce's age: a wrong one is never "stale",
        # and wwwauth-curl must not retry without stale=true.
        c.tool_run("stale nonce, wrong password", [url, "--user", f"{USER}:wrong", "--delay", "4"], 1, 401,
                   ["credentials rejected"], ["stale nonce: answering once more"])


def case_apache_proxy(c, folder, proxy_auth):
    server, port = apache_proxy_server(folder, proxy_auth)
    proxy = f"http://127.0.0.1:{port}"
    url = f"http://127.0.0.1:{port}/public/"
    both = f"http://127.0.0.1:{port}/digest/"
    basic = ["--proxy-basic"] if proxy_auth == "Basic" else []
    right = ["--proxy", proxy, "--proxy-user", f"{PROXY_USER}:{PROXY_PASSWORD}"] + basic
    flag = "--proxy-" + proxy_auth.lower()
    with server:
        c.tool_run("right proxy password", [url] + right, 0, 200,
                   ["< 407", "Proxy-Authenticate", f"answering [0] {proxy_auth}"])
        c.tool_run("wrong proxy password", [url, "--proxy", proxy, "--proxy-user", f"{PROXY_USER}:wrong"] + basic, 1, 407,
                   ["credentials rejected", "hint proxy.required"])
        c.tool_run("proxy then server credentials", [both, "--user", f"{USER}:{PASSWORD}"] + right, 0, 200,
                   ["< 407", "< 401", "answering [0] Digest"])
        c.tool_run("right proxy, wrong server password", [both, "--user", f"{USER}:wrong"] + right, 1, 401,
                   ["credentials rejected"])
        c.curl_control(f"{flag} right", ["--proxy", proxy, flag, "--proxy-user",
                                         f"{PROXY_USER}:{PROXY_PASSWORD}", url], 200)
        c.curl_control(f"{flag} wrong", ["--proxy", proxy, flag, "--proxy-user", f"{PROXY_USER}:wrong", url], 407)


def case_apache_connect(c, folder):
    # https through the proxy is a CONNECT tunnel: the 407 answers CONNECT (which libcurl
    # reports as a failed transfer), Digest would see host:port as the request-target, and the
    # proxy credentials must go in CONNECT only, never through the tunnel to the server.
    openssl = need_binary("openssl", "openssl")
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", os.path.join(folder, "key.pem"), "-out", os.path.join(folder, "cert.pem"),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=COMMAND_TIMEOUT_SECONDS)
    origin, origin_port = nginx_server(folder, tls=True)
    write(folder, "proxy-users", sha_htpasswd(PROXY_USER, PROXY_PASSWORD))
    proxy_server, proxy_port = apache_server(folder, f"""
ProxyRequests On
AllowCONNECT {origin_port}
<Proxy "*">
  AuthType Basic
  AuthName "wwwauth proxy"
  AuthBasicProvider file
  AuthUserFile {folder}/proxy-users
  Require valid-user
</Proxy>
""")
    proxy = f"http://127.0.0.1:{proxy_port}"
    url = f"https://127.0.0.1:{origin_port}/basic/"
    cacert = os.path.join(folder, "cert.pem")
    right = [url, "--cacert", cacert, "--proxy-basic", "--proxy", proxy, "--proxy-user", f"{PROXY_USER}:{PROXY_PASSWORD}"]
    with origin, proxy_server:
        c.tool_run("CONNECT 407, then the server's 401", right + ["--user", f"{USER}:{PASSWORD}", "-v"], 0, 200,
                   ["< 407", "< 401", "answering [0] Basic"], ["X-Seen-Proxy-Authorization"])
        c.tool_run("wrong proxy password on CONNECT", right[:-1] + [f"{PROXY_USER}:wrong"], 1, 407,
                   ["credentials rejected"])
        c.curl_control("--proxy-basic and --basic through CONNECT",
                       ["--cacert", cacert, "--proxy", proxy, "--proxy-basic", "--proxy-user",
                        f"{PROXY_USER}:{PROXY_PASSWORD}", "--basic", "-u", f"{USER}:{PASSWORD}", url], 200)
        c.curl_control("wrong proxy password on CONNECT", ["--cacert", cacert, "--proxy", proxy, "--proxy-basic",
                                                           "--proxy-user", f"{PROXY_USER}:wrong", url], 407,
                       write_out="%{http_connect}")


# ---------------------------------------------------------------------------------------------
# lighttpd: mod_auth Digest with SHA-256 and with MD5 (plain password file: lighttpd derives
# the HA1 of either algorithm from it).

def curl_version():
    p = subprocess.run([shutil.which("curl") or "curl", "--version"], capture_output=True, text=True)
    parts = p.stdout.split()
    return tuple(int(x) for x in parts[1].split(".")[:3]) if len(parts) > 1 else (0, 0, 0)


def lighttpd_case(c, folder, algorithm, userhash=False, user=USER):
    lighttpd, conf, port = lighttpd_conf(folder, algorithm, userhash, user)
    url = f"http://127.0.0.1:{port}/private/"
    expected = [f"algorithm={algorithm}", "answering [0] Digest"] + (["userhash=true"] if userhash else [])
    # Without server.errorlog, lighttpd -D logs to stderr (lighttpd.stdout here): as www-data
    # it could not open a log file in the root-owned folder.
    with Server("lighttpd", [lighttpd, "-D", "-f", conf], port, folder):
        c.tool_run(f"right password ({algorithm})", [url, "--user", f"{user}:{PASSWORD}"], 0, 200, expected,
                   ["rspauth does not match"])
        c.tool_run(f"wrong password ({algorithm})", [url, "--user", f"{user}:wrong"], 1, 401,
                   ["credentials rejected"], folder=folder, server="lighttpd", requests=1)
        # curl gained SHA-512-256 Digest in 8.8.0 and never sends userhash: there the server
        # setup is vouched for by the wrong-password control and wwwauth's own 200 alone.
        if (algorithm != "SHA-512-256" or curl_version() >= (8, 8, 0)) and not userhash:
            c.curl_control(f"--digest right ({algorithm})", ["--digest", "-u", f"{user}:{PASSWORD}", url], 200)
        else:
            print(f"note control: curl {'.'.join(map(str, curl_version()))} cannot answer this challenge; skipped")
        c.curl_control(f"--digest wrong ({algorithm})", ["--digest", "-u", f"{user}:wrong", url], 401)


CASES = {
    "nginx_basic": case_nginx_basic,
    "nginx_bearer": case_nginx_bearer,
    "nginx_no_challenge": case_nginx_no_challenge,
    "apache_digest_md5": case_apache_digest,
    "apache_digest_stale": case_apache_digest_stale,
    "apache_proxy_407": lambda c, folder: case_apache_proxy(c, folder, "Basic"),
    "apache_proxy_407_digest": lambda c, folder: case_apache_proxy(c, folder, "Digest"),
    "apache_connect_407": case_apache_connect,
    "lighttpd_digest_sha256": lambda c, folder: lighttpd_case(c, folder, "SHA-256"),
    "lighttpd_digest_md5": lambda c, folder: lighttpd_case(c, folder, "MD5"),
    "lighttpd_digest_sha512_256": lambda c, folder: lighttpd_case(c, folder, "SHA-512-256"),
    # RFC 7616 section 3.4.4 (userhash) with a UTF-8 user name sent as obs-text.
    "lighttpd_digest_sha256_userhash": lambda c, folder: lighttpd_case(c, folder, "SHA-256", userhash=True,
                                                                       user="j\u00e4s\u00f8n"),
}


if __name__ == "__main__":
    MISSING = "wwwauth-curl was not built (examples off, or libcurl4-openssl-dev missing)"
    sys.exit(runner.run(__doc__, CASES, [("--tool", MISSING)], checks=Checks, call=lambda case, c: case(c, c.folder)))
