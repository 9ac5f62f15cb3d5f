#!/usr/bin/env python3
"""Every ```cpp block of README.md compiles as written.

Convention (stated in README.md, "Tests"): each block is a complete translation unit: it
includes what it uses and puts its statements in functions; functions the reader supplies
(an HTTP client's send) may be declared without a definition. Each block is compiled with
-fsyntax-only and the project's warnings as errors, the library's include folder first.

    readme_blocks_test.py COMPILER SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

FLAGS = ["-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic", "-Wconversion", "-Wshadow", "-Werror"]


def blocks(readme):
    """(line number, code) of every ```cpp block."""
    out = []
    for m in re.finditer(r"^```cpp\n(.*?)^```$", readme, re.S | re.M):
        out.append((readme.count("\n", 0, m.start()) + 1, m.group(1)))
    return out


def main():
    compiler, source_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(source_dir, "README.md")) as f:
        found = blocks(f.read())
    if not found:
        print("FAIL: no ```cpp block in README.md")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="wwwauth-readme-") as folder:
        for line, code in found:
            path = os.path.join(folder, f"readme_line_{line}.cpp")
            with open(path, "w") as f:
                f.write(code)
            p = subprocess.run([compiler] + FLAGS + ["-I", os.path.join(source_dir, "include"), path],
                               capture_output=True, text=True, timeout=120)
            ok = p.returncode == 0
            print(("ok   " if ok else "FAIL ") + f"README.md line {line}")
            if not ok:
                failures += 1
                print(p.stdout + p.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
