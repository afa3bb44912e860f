"""SHA-256 and HMAC-SHA256 from Python's hashlib and hmac, the reference our own are compared with.

Usage: hashlib_oracle.py sha256|hmac <input file>. The input is a run of records, each field a 4-byte
big-endian length followed by that many bytes: one field (the message) per record for sha256, two (key,
then message) for hmac. Output: one lower-case hex digest per record, one per line.
"""
import hashlib
import hmac
import struct
import sys


def fields(data):
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        offset += 4
        yield data[offset : offset + length]
        offset += length


def main():
    mode, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as handle:
        items = list(fields(handle.read()))
    out = []
    if mode == "sha256":
        out = [hashlib.sha256(message).hexdigest() for message in items]
    elif mode == "hmac":
        out = [hmac.new(key, message, hashlib.sha256).hexdigest() for key, message in zip(items[0::2], items[1::2])]
    else:
        sys.exit(f"unknown mode {mode}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
