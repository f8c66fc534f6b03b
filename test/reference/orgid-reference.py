"""Independent reference for the PHS wire string (phs-algorithm.md), in Python.

Reads JSON lines {"nt": <hex NT hash>, "salt": <hex>, "iterations": N} on stdin and prints one
wire string per line. The NT hash comes from OpenSSL's MD4 (see openssl-md4.ts), the key from
Python's hashlib.pbkdf2_hmac.
"""
import hashlib
import json
import sys

for line in sys.stdin:
    item = json.loads(line)
    text = item["nt"].upper().encode("utf-16-le")
    salt = bytes.fromhex(item["salt"])
    key = hashlib.pbkdf2_hmac("sha256", text, salt, item["iterations"], 32)
    print("v1;PPH1_MD4,%s,%d,%s;" % (salt.hex(), item["iterations"], key.hex()))
