"""Prints the side-by-side table of scripts/bench/signing.sh from the two benchmarks' JSON lines.
Exits 1 when AWSCore is not at least 10x botocore on both figures."""
import json
import sys

TARGET = 10.0

swift = json.loads(sys.argv[1])
boto = json.loads(sys.argv[2])
rows = [
    ("header signatures/s", "header_signatures_per_second"),
    ("pre-signed URLs/s", "presigned_urls_per_second"),
]
print(f"{'signing':<22}{'AWSCore (Swift)':>18}{'botocore':>14}{'ratio':>10}  verdict (target >= {TARGET:g}x)")
ok = True
for label, field in rows:
    ratio = swift[field] / boto[field]
    passed = ratio >= TARGET
    ok = ok and passed
    print(f"{label:<22}{swift[field]:>18,}{boto[field]:>14,}{ratio:>9.1f}x  {'PASS' if passed else 'FAIL'}")
print(f"({swift['iterations']:,} Swift iterations vs {boto['iterations']:,} with {boto['implementation']}, after a 10% warm-up)")
sys.exit(0 if ok else 1)
