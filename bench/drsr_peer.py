"""The peer of `npm run bench:drsr`: Samba's own Python DRS client (python3-samba, samba.drs_utils)
doing the same full replication as ours -- GetNCChanges V8, EXOP_NONE, the same partial attribute
set, flags and page size -- and decrypting every unicodePwd (MD5+RC4, CRC32, RID-keyed DES).

Run with /usr/bin/python3 (it needs Debian's samba module). Input: one JSON object on stdin
{host, username, domain, password, ncDn, dsa, pageSize, attributes}. Output: one JSON line
{users, withHash, objects, pages, seconds, digest}; digest is SHA-256 over the sorted
"guid:hash" lines, so the two clients can be compared without printing a hash.
"""
import hashlib
import json
import struct
import sys
import time
import zlib

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from samba import crypto, drs_utils, param
from samba.credentials import DONT_USE_KERBEROS, Credentials
from samba.dcerpc import drsuapi, misc

UNICODE_PWD = 0x0009005A
OBJECT_CLASS = 0x00000000
IS_DELETED = 0x00020030
CLASS_USER = 0x000A0009
FLAGS = drsuapi.DRSUAPI_DRS_INIT_SYNC | drsuapi.DRSUAPI_DRS_WRIT_REP | drsuapi.DRSUAPI_DRS_NEVER_SYNCED


def expand(key7):
    bits = int.from_bytes(key7, "big")
    return bytes(((bits >> (49 - 7 * i)) & 0x7F) << 1 for i in range(8))


def rid_keys(rid):
    i = struct.pack("<I", rid)
    return expand(bytes([i[0], i[1], i[2], i[3], i[0], i[1], i[2]])), expand(bytes([i[3], i[0], i[1], i[2], i[3], i[0], i[1]]))


def des_decrypt(key, block):
    # Single DES as 3DES-EDE with K1 = K2 = K3, the same trick our client uses over OpenSSL.
    decryptor = Cipher(algorithms.TripleDES(key), modes.ECB()).decryptor()
    return decryptor.update(block) + decryptor.finalize()


def nt_hash(session_key, rid, blob):
    salt = blob[:16]
    plain = crypto.arcfour_crypt_blob(blob[16:], hashlib.md5(session_key + salt).digest())
    if struct.unpack("<I", plain[:4])[0] != zlib.crc32(plain[4:]):
        raise ValueError("checksum mismatch")
    obf = plain[4:]
    k1, k2 = rid_keys(rid)
    return des_decrypt(k1, obf[:8]) + des_decrypt(k2, obf[8:16])


def main():
    args = json.load(sys.stdin)
    lp = param.LoadParm()
    creds = Credentials()
    creds.guess(lp)
    creds.set_username(args["username"])
    creds.set_domain(args["domain"])
    creds.set_password(args["password"])
    creds.set_kerberos_state(DONT_USE_KERBEROS)

    started = time.perf_counter()
    drs, handle, _ = drs_utils.drsuapi_connect(args["host"], lp, creds)
    session_key = drs.user_session_key

    req = drsuapi.DsGetNCChangesRequest8()
    req.destination_dsa_guid = misc.GUID(args["dsa"])
    req.source_dsa_invocation_id = misc.GUID()
    req.naming_context = drsuapi.DsReplicaObjectIdentifier()
    req.naming_context.dn = args["ncDn"]
    hwm = drsuapi.DsReplicaHighWaterMark()
    hwm.tmp_highest_usn = 0
    hwm.reserved_usn = 0
    hwm.highest_usn = 0
    req.highwatermark = hwm
    req.uptodateness_vector = None
    req.replica_flags = FLAGS
    req.max_object_count = args["pageSize"]
    req.max_ndr_size = 16 * 1024 * 1024
    req.extended_op = drsuapi.DRSUAPI_EXOP_NONE
    req.fsmo_info = 0
    attids = sorted(args["attributes"])
    pas = drsuapi.DsPartialAttributeSet()
    pas.version = 1
    pas.attids = attids
    # Not len(pas.attids): the binding sizes that array by num_attids, still 0 here.
    pas.num_attids = len(attids)
    req.partial_attribute_set = pas
    req.partial_attribute_set_ex = None
    req.mapping_ctr.num_mappings = 0
    req.mapping_ctr.mappings = None

    users = with_hash = objects = pages = 0
    lines = []
    while True:
        _, ctr = drs.DsGetNCChanges(handle, 8, req)
        pages += 1
        obj = ctr.first_object
        while obj is not None:
            objects += 1
            attrs = {a.attid: a for a in obj.object.attribute_ctr.attributes or []}
            classes = attrs.get(OBJECT_CLASS)
            is_user = classes is not None and any(
                struct.unpack("<I", bytes(v.blob))[0] == CLASS_USER for v in classes.value_ctr.values
            )
            deleted = attrs.get(IS_DELETED)
            if deleted is not None and deleted.value_ctr.num_values > 0:
                is_user = is_user and struct.unpack("<I", bytes(deleted.value_ctr.values[0].blob))[0] == 0
            if is_user:
                users += 1
                pwd = attrs.get(UNICODE_PWD)
                if pwd is not None and pwd.value_ctr.num_values > 0:
                    rid = obj.object.identifier.sid.split()[1]
                    h = nt_hash(session_key, rid, bytes(pwd.value_ctr.values[0].blob))
                    with_hash += 1
                    lines.append("%s:%s" % (str(obj.object.identifier.guid), h.hex()))
            obj = obj.next_object
        if not ctr.more_data:
            break
        # Copied field by field: the reply's structures are freed with the reply.
        drs_utils.drs_copy_highwater_mark(req.highwatermark, ctr.new_highwatermark)
        req.source_dsa_invocation_id = misc.GUID(str(ctr.source_dsa_invocation_id))
    seconds = time.perf_counter() - started
    digest = hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()
    drs.DsUnbind(handle)
    print(json.dumps({"users": users, "withHash": with_hash, "objects": objects, "pages": pages, "seconds": seconds, "digest": digest}))


if __name__ == "__main__":
    main()
