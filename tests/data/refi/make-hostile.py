#!/usr/bin/python3
"""Writes the REFI-QDA archive fixtures of tests/data/refi: minimal.qdpx
(a small valid project) and, in hostile/, one archive per attack the zip
layer (lib/io/mte-zip.c) must refuse, plus external-entity.qdpx, which the
zip layer lets through and the XML reader refuses.

    /usr/bin/python3 tests/data/refi/make-hostile.py [OUTPUT-DIR]

OUTPUT-DIR defaults to the folder of this script. The generated files are
committed; this script is here to regenerate them and to say how each was
made. It is deterministic: it uses no clock and no randomness (the "random"
bytes and the encryption header come from SHA-256 of fixed strings), so
two runs give the same bytes (with the same zlib: a different zlib may
deflate differently, which changes the bytes but not what the files test).

Every archive is assembled here byte by byte with struct (local headers,
central directory, end record), not with zipfile, because several of them
must say things zipfile will not write: a size that lies, a symbolic link,
an encrypted entry, a name used twice. Honest entries are deflated at
level 9 with a fixed time (2026-01-01 00:00), made on Unix (version made
by 3.20), no extra fields, no comment.

  hostile/zip-slip.qdpx        project.qde and "../evil.txt"
  hostile/absolute-path.qdpx   project.qde and "/etc/evil.txt"
  hostile/symlink.qdpx         project.qde and "sources/link.txt", a Unix
                               symbolic link (mode 0120777) to /etc/passwd
  hostile/zip-bomb.qdpx        project.qde and "sources/bomb.txt", 300 MiB of
                               zeros deflated (honest sizes; about 300 KiB)
  hostile/zip-bomb-lying.qdpx  "sources/bomb.txt" declares 1024 bytes (local
                               header and central directory agree) but its
                               data inflates to 64 MiB
  hostile/zip-ratio.qdpx       "sources/zeros.txt", 8 MiB of zeros: within the
                               size bounds, but a ratio near 1000:1
  hostile/encrypted.qdpx       project.qde encrypted with traditional PKWARE
                               encryption (password "metaethno")
  hostile/duplicate-names.qdpx two entries named project.qde
  hostile/not-a-zip.qdpx       4096 pseudo-random bytes
  hostile/external-entity.qdpx a valid archive whose project.qde declares an
                               external entity (file:///etc/passwd)
  minimal.qdpx                 project.qde (one user, two codes, one text
                               source with one coded selection) and
                               sources/<guid>.txt
"""

import hashlib
import os
import struct
import sys
import zlib

# 2026-01-01 00:00:00 in MS-DOS form.
DOS_TIME = 0
DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1

UNIX_FILE = 0o100644 << 16
UNIX_SYMLINK = 0o120777 << 16

MIB = 1024 * 1024

USER = "5E4C7B52-1B0A-4C3E-9C1D-0B9A1E6F2A01"
CODE_TRUST = "A1F3C2D4-7E8B-4A6C-9D0E-1F2A3B4C5D01"
CODE_DISTANCE = "A1F3C2D4-7E8B-4A6C-9D0E-1F2A3B4C5D02"
SOURCE = "C7D9E1F3-2A4B-4C6D-8E0F-1A2B3C4D5E01"
SELECTION = "D2E4F6A8-3B5C-4D7E-9F1A-2B3C4D5E6F01"
CODING = "E3F5A7B9-4C6D-4E8F-A0B1-2C3D4E5F6A01"

SOURCE_TEXT = "They never looked at me, just at the screen.\n"

PROJECT_QDE = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Minimal" origin="metaethno tests" creationDateTime="2026-01-01T00:00:00Z">
  <Users>
    <User guid="{USER}" name="Ada Reviewer"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="{CODE_TRUST}" name="Trust" isCodable="true" color="#1F77B4"/>
      <Code guid="{CODE_DISTANCE}" name="Distance" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="{SOURCE}" name="Interview 1" plainTextPath="internal://{SOURCE}.txt" creatingUser="{USER}">
      <PlainTextSelection guid="{SELECTION}" name="never looked at me" startPosition="5" endPosition="23" creatingUser="{USER}">
        <Coding guid="{CODING}" creatingUser="{USER}">
          <CodeRef targetGUID="{CODE_DISTANCE}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
""".encode("utf-8")

EXTERNAL_ENTITY_QDE = PROJECT_QDE.replace(
    b'<?xml version="1.0" encoding="utf-8"?>\n',
    b'<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n').replace(
    b"</Project>", b"  <Description>&x;</Description>\n</Project>")


def pseudo_random(label, length):
    """Deterministic bytes: SHA-256 of LABEL and a counter."""
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return bytes(out[:length])


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflate_zeros(size):
    """Raw deflate of SIZE zero bytes, and their CRC-32, without holding
    them all in memory."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(MIB)
    out = bytearray()
    crc = 0
    left = size
    while left > 0:
        piece = chunk[:min(left, MIB)]
        out += c.compress(piece)
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    out += c.flush()
    return bytes(out), crc


def entry(name, data, *, attrs=UNIX_FILE):
    """An honest deflated entry."""
    return dict(name=name, method=8, flags=0, crc=zlib.crc32(data),
                payload=deflate(data), size=len(data), attrs=attrs)


def stored(name, data, *, attrs=UNIX_FILE):
    return dict(name=name, method=0, flags=0, crc=zlib.crc32(data),
                payload=data, size=len(data), attrs=attrs)


# Traditional PKWARE ("ZipCrypto") encryption, APPNOTE 6.1.
def _crc_byte(crc, b):
    return zlib.crc32(bytes([b]), crc ^ 0xFFFFFFFF) ^ 0xFFFFFFFF


class _ZipCrypto:
    def __init__(self, password):
        self.keys = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self._update(b)

    def _update(self, b):
        k = self.keys
        k[0] = _crc_byte(k[0], b)
        k[1] = (k[1] + (k[0] & 0xFF)) & 0xFFFFFFFF
        k[1] = (k[1] * 134775813 + 1) & 0xFFFFFFFF
        k[2] = _crc_byte(k[2], (k[1] >> 24) & 0xFF)

    def encrypt(self, data):
        out = bytearray()
        for b in data:
            t = (self.keys[2] | 2) & 0xFFFF
            out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self._update(b)
        return bytes(out)


def encrypted(name, data, password):
    crc = zlib.crc32(data)
    compressed = deflate(data)
    # 11 bytes that should be random, then the CRC's high byte (the check
    # byte readers use to tell a wrong password).
    header = pseudo_random("encryption header", 11) + bytes([crc >> 24])
    payload = _ZipCrypto(password).encrypt(header + compressed)
    return dict(name=name, method=8, flags=0x1, crc=crc, payload=payload,
                size=len(data), attrs=UNIX_FILE)


def archive(entries):
    """The bytes of a zip holding ENTRIES in order."""
    local = bytearray()
    central = bytearray()
    for e in entries:
        name = e["name"].encode("utf-8")
        flags = e["flags"] | (0x800 if not name.isascii() else 0)
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, e["method"],
                             DOS_TIME, DOS_DATE, e["crc"], len(e["payload"]),
                             e["size"], len(name), 0)
        local += name + e["payload"]
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20,
                               flags, e["method"], DOS_TIME, DOS_DATE, e["crc"],
                               len(e["payload"]), e["size"], len(name), 0, 0, 0, 0,
                               e["attrs"], offset)
        central += name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                      len(central), len(local), 0)
    return bytes(local + central + end)


def source_txt():
    return f"sources/{SOURCE}.txt"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    hostile = os.path.join(out, "hostile")
    os.makedirs(hostile, exist_ok=True)
    project = entry("project.qde", PROJECT_QDE)
    text = entry(source_txt(), SOURCE_TEXT.encode("utf-8"))

    bomb, bomb_crc = deflate_zeros(300 * MIB)
    lying, _ = deflate_zeros(64 * MIB)
    ratio, ratio_crc = deflate_zeros(8 * MIB)

    files = {
        "minimal.qdpx": [project, text],
        "hostile/zip-slip.qdpx": [project, entry("../evil.txt", b"escaped\n")],
        "hostile/absolute-path.qdpx": [project, entry("/etc/evil.txt", b"escaped\n")],
        "hostile/symlink.qdpx": [project, stored("sources/link.txt", b"/etc/passwd",
                                                 attrs=UNIX_SYMLINK)],
        "hostile/zip-bomb.qdpx": [project, dict(name="sources/bomb.txt", method=8, flags=0,
                                                crc=bomb_crc, payload=bomb,
                                                size=300 * MIB, attrs=UNIX_FILE)],
        # The CRC is that of the 1024 zeros declared: only reading past
        # them shows the lie.
        "hostile/zip-bomb-lying.qdpx": [project, dict(name="sources/bomb.txt", method=8,
                                                      flags=0, crc=zlib.crc32(bytes(1024)),
                                                      payload=lying, size=1024,
                                                      attrs=UNIX_FILE)],
        "hostile/zip-ratio.qdpx": [project, dict(name="sources/zeros.txt", method=8, flags=0,
                                                 crc=ratio_crc, payload=ratio, size=8 * MIB,
                                                 attrs=UNIX_FILE)],
        "hostile/encrypted.qdpx": [encrypted("project.qde", PROJECT_QDE, b"metaethno")],
        "hostile/duplicate-names.qdpx": [project, entry("project.qde",
                                                        PROJECT_QDE.replace(b"Minimal",
                                                                            b"Other"))],
        "hostile/external-entity.qdpx": [entry("project.qde", EXTERNAL_ENTITY_QDE), text],
    }
    for name, entries in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(archive(entries))

    noise = pseudo_random("not a zip", 4096)
    assert b"PK\x05\x06" not in noise and b"PK\x03\x04" not in noise
    with open(os.path.join(hostile, "not-a-zip.qdpx"), "wb") as f:
        f.write(noise)


if __name__ == "__main__":
    main()
