"""Decompresses gzip from stdin to stdout with Python's gzip module: the oracle for OpsCore's Gzip."""
import gzip
import sys

sys.stdout.buffer.write(gzip.decompress(sys.stdin.buffer.read()))
