"""The servers of the integration tests, started from their Debian packages (nginx, apache2,
lighttpd) on free loopback ports, with configuration, password files and an access log in a
temporary folder; shared by the drivers (integration.py for wwwauth-curl, clients.py for the
client-library examples). Standard library only; only 127.0.0.1 is used; every wait is bounded.
A missing server skips (exit 77) locally and fails under CI=true.
"""
import base64
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time

SKIP = 77
PORT_WAIT_SECONDS = 10
STOP_WAIT_SECONDS = 5
COMMAND_TIMEOUT_SECONDS = 30

USER, PASSWORD = "alice", "correct horse"
PROXY_USER, PROXY_PASSWORD = "bob", "proxy secret"
BEARER_TOKEN = "good-token.42"


def unavailable(what):
    """Skips locally; fails under CI, where every server must really run."""
    if os.environ.get("CI") == "true":
        print(f"FAIL (CI=true, a skip is a failure): {what}")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(SKIP)


def need_binary(name, package):
    path = shutil.which(name) or (f"/usr/sbin/{name}" if os.access(f"/usr/sbin/{name}", os.X_OK) else None)
    if not path:
        unavailable(f"{name} not found (Debian package: {package})")
    return path


def stop_process(process):
    """Stops a process started here: SIGTERM, then SIGKILL when it has not ended in time."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_WAIT_SECONDS)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process in the foreground, stopped on exit of the with block."""

    def __init__(self, name, argv, port, folder, logs=()):
        self.name, self.argv, self.port, self.folder, self.logs = name, argv, port, folder, logs
        self.process = None

    def __enter__(self):
        out = open(os.path.join(self.folder, f"{self.name}.stdout"), "wb")
        self.process = subprocess.Popen(self.argv, stdout=out, stderr=subprocess.STDOUT, cwd=self.folder,
                                        start_new_session=True)
        deadline = time.monotonic() + PORT_WAIT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.dump()
                raise RuntimeError(f"{self.name} exited with status {self.process.returncode} while starting")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.dump()
        self.stop()
        raise RuntimeError(f"{self.name} did not listen on 127.0.0.1:{self.port} within {PORT_WAIT_SECONDS} s")

    def __exit__(self, *exc):
        self.stop()
        return False

    def stop(self):
        stop_process(self.process)

    def dump(self):
        for log in (f"{self.name}.stdout",) + tuple(self.logs):
            path = os.path.join(self.folder, log)
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    print(f"--- {log}\n{f.read()[-4000:]}")


def write(folder, name, text, mode=0o644):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)
    return path


def sha_htpasswd(user, password):
    # "{SHA}" + base64(SHA-1): understood by both nginx and Apache, and needs no crypt().
    return f"{user}:{{SHA}}{base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()}\n"


def htdigest(user, realm, password):
    return f"{user}:{realm}:{hashlib.md5(f'{user}:{realm}:{password}'.encode()).hexdigest()}\n"


def web_root(folder, *dirs):
    for d in dirs:
        write(folder, f"www/{d}/index.html", f"ok {d}\n")


# ---------------------------------------------------------------------------------------------
# nginx: auth_basic; a Bearer location with a fixed challenge; a 401 without any challenge.

def nginx_conf(folder, port, tls=False, locations=""):
    temp = os.path.join(folder, "nginx-temp")
    os.makedirs(temp, exist_ok=True)
    tls_listen = f" ssl;\n    ssl_certificate {folder}/cert.pem;\n    ssl_certificate_key {folder}/key.pem" if tls else ""
    return f"""
daemon off;
master_process off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log info;
events {{ worker_connections 64; }}
http {{
  log_format wwwauth '$request $status';
  access_log {folder}/nginx-access.log wwwauth;
  client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
  server {{
    listen 127.0.0.1:{port}{tls_listen};
    # Shows a Proxy-Authorization that leaked past the proxy (nginx omits an empty header).
    add_header X-Seen-Proxy-Authorization $http_proxy_authorization always;
    root {folder}/www;
    location /basic/ {{
      auth_basic "wwwauth basic";
      auth_basic_user_file {folder}/htpasswd;
    }}
    # RFC 6750 section 3: a resource server that rejects the token says why.
    location /bearer/ {{
      if ($http_authorization = "Bearer {BEARER_TOKEN}") {{ return 200 "ok bearer\\n"; }}
      add_header WWW-Authenticate 'Bearer realm="wwwauth api", error="invalid_token", error_description="The access token expired"' always;
      return 401;
    }}
    # A misconfigured server: 401 and no WWW-Authenticate at all.
    location /nochallenge/ {{ return 401; }}
{locations}
  }}
}}
"""


def nginx_server(folder, tls=False, locations=""):
    """nginx on a free port with the locations above (plus `locations`, nginx syntax)."""
    nginx = need_binary("nginx", "nginx")
    port = free_port()
    web_root(folder, "basic")
    write(folder, "htpasswd", sha_htpasswd(USER, PASSWORD))
    conf = write(folder, "nginx.conf", nginx_conf(folder, port, tls, locations))
    # -e: the error log before the configuration is read (the default is /var/log/nginx).
    argv = [nginx, "-e", f"{folder}/nginx-error.log", "-p", folder, "-c", conf]
    return Server("nginx", argv, port, folder, ("nginx-error.log",)), port


# ---------------------------------------------------------------------------------------------
# Apache httpd 2.4: mod_auth_digest (MD5, qop=auth); a forward proxy asking 407.

APACHE_MODULES = ("mpm_event", "authz_core", "authz_user", "authn_core", "authn_file", "auth_basic", "auth_digest",
                  "dir", "proxy", "proxy_http", "proxy_connect")


def apache_server(folder, body, port=None, modules=()):
    """httpd on `port` (a free one by default) with `body` as its configuration's end."""
    apache = need_binary("apache2", "apache2")
    module_dir = "/usr/lib/apache2/modules"
    port = port or free_port()
    # Started as root, httpd serves as an unprivileged user, which must read the folder.
    os.chmod(folder, 0o755)
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    loads = "".join(f"LoadModule {m}_module {module_dir}/mod_{m}.so\n" for m in APACHE_MODULES + tuple(modules))
    conf = write(folder, "httpd.conf", f"""
ServerRoot {folder}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {folder}/httpd.pid
ErrorLog {folder}/httpd-error.log
LogLevel warn auth_digest:info
LogFormat "%r %>s" wwwauth
CustomLog {folder}/httpd-access.log wwwauth
Mutex file:{folder}
DefaultRuntimeDir {folder}
{user}{loads}
DocumentRoot {folder}/www
DirectoryIndex index.html
{body}
""")
    return Server("httpd", [apache, "-f", conf, "-DFOREGROUND"], port, folder, ("httpd-error.log",)), port




# ---------------------------------------------------------------------------------------------
# lighttpd: mod_auth Digest with SHA-256, SHA-512-256 or MD5 (plain password file: lighttpd
# derives the HA1 of either algorithm from it), or with userhash (htdigest backend).

def lighttpd_conf(folder, algorithm, userhash=False, user=USER):
    """The lighttpd binary, its configuration protecting /private/, and its port."""
    lighttpd = need_binary("lighttpd", "lighttpd")
    port = free_port()
    os.chmod(folder, 0o755)
    realm = f"wwwauth {algorithm}"
    web_root(folder, "private")
    if userhash:
        # userhash needs the htdigest backend: lighttpd finds the user by the hash stored in a
        # fourth column (username:realm:H(A1):H(username ":" realm)).
        h = hashlib.sha256 if algorithm == "SHA-256" else hashlib.md5
        write(folder, "lighttpd.user", f"{user}:{realm}:{h(f'{user}:{realm}:{PASSWORD}'.encode()).hexdigest()}:"
                                       f"{h(f'{user}:{realm}'.encode()).hexdigest()}\n")
        backend = "htdigest"
    else:
        write(folder, "lighttpd.user", f"{user}:{PASSWORD}\n")
        backend = "plain"
    run_as = 'server.username = "www-data"\nserver.groupname = "www-data"\n' if os.geteuid() == 0 else ""
    extra = ', "userhash" => "enable"' if userhash else ""
    conf = write(folder, "lighttpd.conf", f"""
server.document-root = "{folder}/www"
server.bind = "127.0.0.1"
server.port = {port}
{run_as}server.modules = ("mod_auth", "mod_authn_file")
index-file.names = ("index.html")
auth.backend = "{backend}"
auth.backend.{backend}.userfile = "{folder}/lighttpd.user"
auth.require = ("/private/" => ("method" => "digest", "algorithm" => "{algorithm}",
                                "realm" => "{realm}", "require" => "valid-user"{extra}))
""")
    return lighttpd, conf, port


def requests_logged(folder, server_name):
    """What a server logged so far about the requests: nginx and httpd, every request ("METHOD
    TARGET PROTOCOL STATUS"); lighttpd, which buffers its access log, every refused answer
    ("digest: auth failed for USER: wrong password", on its stderr: lighttpd.stdout here)."""
    if server_name == "lighttpd":
        path, keep = os.path.join(folder, "lighttpd.stdout"), lambda line: "auth failed" in line
    else:
        path, keep = os.path.join(folder, f"{server_name}-access.log"), lambda line: bool(line.strip())
    if not os.path.exists(path):
        return []
    with open(path, errors="replace") as f:
        return [line.strip() for line in f if keep(line)]


def apache_digest_server(folder, nonce_lifetime=None):
    """Apache mod_auth_digest on /digest/ (MD5, qop=auth); with a nonce lifetime in seconds, an
    expired nonce is answered with stale=true (RFC 7616 section 3.3)."""
    realm = "wwwauth digest"
    web_root(folder, "digest")
    write(folder, "htdigest", htdigest(USER, realm, PASSWORD))
    lifetime = f"  AuthDigestNonceLifetime {nonce_lifetime}\n" if nonce_lifetime else ""
    return apache_server(folder, f"""
<Location /digest/>
  AuthType Digest
  AuthName "{realm}"
  AuthDigestProvider file
  AuthUserFile {folder}/htdigest
  AuthDigestAlgorithm MD5
  AuthDigestQop auth
{lifetime}  Require valid-user
</Location>
""")


def apache_proxy_server(folder, proxy_auth):
    """A forward proxy that demands proxy credentials (RFC 9110 section 11.7), Basic or Digest. It
    forwards to itself: /public/ needs nothing more, /digest/ asks the client for Digest (a 401
    after the 407). For Digest, the proxy's digest-uri is the absolute URL of the request line;
    AuthDigestNcCheck makes it refuse a replayed nc, so the second request through it (to
    /digest/) must carry nc=00000002 and a new response."""
    web_root(folder, "public", "digest")
    proxy_realm, origin_realm = "wwwauth proxy", "wwwauth digest"
    if proxy_auth == "Basic":
        write(folder, "proxy-users", sha_htpasswd(PROXY_USER, PROXY_PASSWORD))
    else:
        write(folder, "proxy-users", htdigest(PROXY_USER, proxy_realm, PROXY_PASSWORD))
    write(folder, "htdigest", htdigest(USER, origin_realm, PASSWORD))
    qop = "  AuthDigestQop auth\n  AuthDigestNcCheck On\n" if proxy_auth == "Digest" else ""
    return apache_server(folder, f"""
ProxyRequests On
<Proxy "*">
  AuthType {proxy_auth}
  AuthName "{proxy_realm}"
  Auth{proxy_auth}Provider file
  AuthUserFile {folder}/proxy-users
{qop}  Require valid-user
</Proxy>
<Location /digest/>
  AuthType Digest
  AuthName "{origin_realm}"
  AuthDigestProvider file
  AuthUserFile {folder}/htdigest
  AuthDigestQop auth
  Require valid-user
</Location>
""")


def requests_logged_since(folder, server_name, before, expected, wait_seconds=3):
    """The entries logged after the first `before`, once there are `expected` of them or the
    bounded wait is over: a server may write its log line just after the response left."""
    deadline = time.monotonic() + wait_seconds
    while True:
        logged = requests_logged(folder, server_name)[before:]
        if len(logged) >= expected or time.monotonic() > deadline:
            return logged
        time.sleep(0.05)


def requests_settled(folder, server_name, quiet_seconds=0.3, wait_seconds=3):
    """How many entries the log holds once it has stopped growing for quiet_seconds (bounded):
    the lines of an earlier run may still be on their way."""
    deadline = time.monotonic() + wait_seconds
    count, since = len(requests_logged(folder, server_name)), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet_seconds:
        time.sleep(0.05)
        now = len(requests_logged(folder, server_name))
        if now != count:
            count, since = now, time.monotonic()
    return count
