"""The command line every integration driver shares: `DRIVER CASE [OPTIONS]`, the case looked up,
the programs it needs checked, a temporary folder, the failures counted, the exit status (0
passed, 1 failed, 77 skipped; under CI=true a skip fails, servers.unavailable).
"""
import argparse
import os
import shutil
import tempfile

from servers import unavailable


class Checks:
    """Counts failed checks; each check prints `ok` or `FAIL` with what it saw.
    `args` is the driver's parsed command line, `folder` the case's temporary folder."""

    def __init__(self, args, folder):
        self.args, self.folder, self.failures = args, folder, 0

    def expect(self, ok, what, output=""):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failures += 1
            if output:
                print("     output:\n" + "\n".join("       " + line for line in output.splitlines()))
        return ok


def run(doc, cases, programs=(), arguments=(), checks=Checks, call=None):
    """Runs the case named on the command line: `programs` are (option, message) pairs, each an
    executable the case needs, skipped with the message (or message(args); None: not needed)
    when the option names none; `arguments`, more (flags, keywords)
    for argparse; `call(case, checks)` calls a case (default: case(checks)). A RuntimeError or
    AssertionError from the case is one failure. Returns the exit status."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", choices=sorted(cases))
    for option, _ in programs:
        parser.add_argument(option, default="", help="path to the program")
    for flags, keywords in arguments:
        parser.add_argument(*flags, **keywords)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (debugging)")
    args = parser.parse_args()
    for option, missing in programs:
        path = getattr(args, option.lstrip("-").replace("-", "_"))
        message = missing(args) if callable(missing) else missing
        if message and (not path or not os.access(path, os.X_OK)):
            unavailable(message)
    folder = tempfile.mkdtemp(prefix=f"wwwauth-{args.case}-")
    c = checks(args, folder)
    try:
        (call or (lambda case, c: case(c)))(cases[args.case], c)
    except (RuntimeError, AssertionError) as e:
        c.expect(False, str(e))
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.case}: {'FAILED' if c.failures else 'passed'}")
    return 1 if c.failures else 0
