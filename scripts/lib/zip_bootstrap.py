#!/usr/bin/env python3
"""Zips one `bootstrap` executable reproducibly: fixed timestamp, mode 755, fixed compression, so the same
binary always gives the same archive (and Terraform's source hash only changes when the code does)."""
import sys
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: zip_bootstrap.py BINARY ZIP")
    binary, archive = sys.argv[1], sys.argv[2]
    entry = zipfile.ZipInfo("bootstrap", date_time=FIXED_TIME)
    entry.create_system = 3  # Unix, so the mode bits below are honoured by Lambda
    entry.external_attr = (0o100755 & 0xFFFF) << 16
    entry.compress_type = zipfile.ZIP_DEFLATED
    with open(binary, "rb") as source:
        data = source.read()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


if __name__ == "__main__":
    main()
