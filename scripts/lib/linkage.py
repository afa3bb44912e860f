#!/usr/bin/env python3
"""Decides whether an ELF executable can run on Lambda's provided.al2023.

Exit 0 and print a verdict when it is fully static, or dynamic but needing only glibc's own libraries at
symbol versions up to GLIBC_2.34 (Amazon Linux 2023's glibc); exit 1 with the reason otherwise.
"""
import re
import subprocess
import sys

MAX_GLIBC = (2, 34)
GLIBC_LIBRARIES = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
    "libresolv.so.2", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
}


def readelf(*args):
    return subprocess.run(["readelf", "-W", *args], check=True, capture_output=True, text=True).stdout


def verdict(path):
    program_headers = readelf("-l", path)
    dynamic = readelf("-d", path)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    if "INTERP" not in program_headers and not needed:
        return True, "static"
    foreign = sorted(set(needed) - GLIBC_LIBRARIES)
    if foreign:
        return False, "needs shared libraries Amazon Linux 2023 may lack: " + ", ".join(foreign)
    versions = {tuple(int(part) for part in match.split("."))
                for match in re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", readelf("-V", path))}
    newest = max(versions, default=(0, 0))
    label = "GLIBC_" + ".".join(map(str, newest))
    if newest[:2] > MAX_GLIBC:
        return False, f"dynamic, needs {label} (Amazon Linux 2023 has 2.34)"
    return True, f"dynamic, glibc only, newest symbol {label}"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: linkage.py ELF")
    ok, text = verdict(sys.argv[1])
    print(text)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
