"""Files sealed with a passphrase: AES-256-GCM, with a key derived by scrypt.

A protected profile's progress (and its backups, and an encrypted export) is a *sealed*
file.  Only the ``cryptography`` package's audited primitives are used; nothing here is
home-made cryptography.  The layout, all integers big-endian::

    magic      8 bytes   b"PWSEALED"
    version    1 byte    FORMAT_VERSION (a newer one is refused, never touched)
    kdf        1 byte    1 = scrypt
    log2_n     1 byte    scrypt cost: n = 2 ** log2_n
    r          1 byte    scrypt block size
    p          1 byte    scrypt parallelism
    salt      16 bytes   random, per passphrase
    check     16 bytes   proves the passphrase before decrypting (see below)
    nonce     12 bytes   random, per file written
    crc        4 bytes   CRC-32 of the header so far: a damaged header is told from a
                         wrong passphrase (it is not a security measure; the tag is)
    sealed     the rest  AES-256-GCM ciphertext and tag; the header above is its
                         associated data, so a changed header fails too

scrypt turns the passphrase and salt into 64 bytes: the first 32 are the AES key, the last
32 are hashed into ``check``.  A wrong passphrase is told apart from a damaged file that
way: a wrong passphrase fails ``check`` (nothing changes on disk); a right passphrase whose
ciphertext fails its tag means the file is damaged (the caller sets it aside).  ``check``
costs an attacker the same scrypt run per guess as the tag itself would.

The passphrase is never stored.  :class:`SealKey` keeps the derived key in memory while a
profile is open, so a save costs one AES-GCM run, not a new scrypt run.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass

MAGIC = b"PWSEALED"
FORMAT_VERSION = 1
KDF_SCRYPT = 1
# OWASP's scrypt setting for interactive use: N = 2**17, r = 8, p = 1 (128 MiB of memory).
DEFAULT_LOG2_N = 17
DEFAULT_R = 8
DEFAULT_P = 1
MAX_LOG2_N = 22  # a header asking for more is damage (or hostile): 4 GiB of memory
_HEADER = struct.Struct(">8sBBBBB16s16s12s")
_CRC = struct.Struct(">I")
HEADER_SIZE = _HEADER.size + _CRC.size
_TAG_SIZE = 16
MIN_PASSPHRASE_CHARS = 8


class SealError(Exception):
    """A sealed file could not be opened; the message is for the person."""


class WrongPassphraseError(SealError):
    """The passphrase does not open this file.  Nothing is wrong with the file."""


class DamagedSealError(SealError):
    """The file is sealed but damaged (truncated, or a byte changed): set it aside."""


class NewerSealError(SealError):
    """Sealed by a newer version of the app: leave it exactly as it is."""


def is_sealed(raw: bytes) -> bool:
    """Whether ``raw`` is a sealed file (it starts with the magic bytes)."""
    return raw.startswith(MAGIC)


@dataclass(frozen=True)
class KdfParams:
    log2_n: int = DEFAULT_LOG2_N
    r: int = DEFAULT_R
    p: int = DEFAULT_P


@dataclass(frozen=True, repr=False)
class SealKey:
    """A key derived from a passphrase, with what is needed to seal new files under it."""

    params: KdfParams
    salt: bytes
    key: bytes  # 32 bytes: the AES-256 key
    check: bytes  # 16 bytes: stored in each header

    def __repr__(self) -> str:  # never show key material in a log or a traceback
        return f"SealKey(log2_n={self.params.log2_n}, r={self.params.r}, p={self.params.p})"


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    # Imported here: hashlib and cryptography load OpenSSL, which only protected profiles need.
    import hashlib

    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=64, n=2**params.log2_n, r=params.r, p=params.p)
    material = kdf.derive(passphrase.encode("utf-8"))
    return material[:32], hashlib.sha256(b"privacy-walkthrough check" + material[32:]).digest()[:16]


COST = KdfParams()  # for new passphrases; the tests lower it, files keep the cost they were made with


def new_key(passphrase: str, params: KdfParams | None = None) -> SealKey:
    """A key for a new passphrase, with a fresh random salt (one scrypt run)."""
    params = params or COST
    salt = os.urandom(16)
    key, check = _derive(passphrase, salt, params)
    return SealKey(params, salt, key, check)


def _parse_header(raw: bytes) -> tuple[int, KdfParams, bytes, bytes, bytes]:
    if not is_sealed(raw):
        raise DamagedSealError("the file is not sealed")
    if len(raw) < len(MAGIC) + 1:
        raise DamagedSealError("the file is cut short")
    version = raw[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise NewerSealError(f"format {version}")
    if len(raw) < HEADER_SIZE + _TAG_SIZE:
        raise DamagedSealError("the file is cut short")
    (crc,) = _CRC.unpack_from(raw, _HEADER.size)
    if zlib.crc32(raw[: _HEADER.size]) != crc:
        raise DamagedSealError("the file's header is damaged")
    _magic, version, kdf, log2_n, r, p, salt, check, nonce = _HEADER.unpack_from(raw)
    if version < 1 or kdf != KDF_SCRYPT or not 10 <= log2_n <= MAX_LOG2_N or not 1 <= r <= 32 or p != 1:
        raise DamagedSealError("the file's header is damaged")
    return version, KdfParams(log2_n, r, p), salt, check, nonce


def _same(a: bytes, b: bytes) -> bool:
    import hmac

    return hmac.compare_digest(a, b)


def key_for(raw: bytes, passphrase: str) -> SealKey:
    """Derive the key of a sealed file from its header and a passphrase (one scrypt run).

    Raises :class:`WrongPassphraseError`, :class:`DamagedSealError` or :class:`NewerSealError`.
    """
    _version, params, salt, check, _nonce = _parse_header(raw)
    key, derived_check = _derive(passphrase, salt, params)
    if not _same(check, derived_check):
        raise WrongPassphraseError("wrong passphrase")
    return SealKey(params, salt, key, check)


def seal(plain: bytes, key: SealKey) -> bytes:
    """Encrypt ``plain`` under ``key`` with a fresh nonce."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    kdf = key.params
    fields = (KDF_SCRYPT, kdf.log2_n, kdf.r, kdf.p, key.salt, key.check, nonce)
    header = _HEADER.pack(MAGIC, FORMAT_VERSION, *fields)
    header += _CRC.pack(zlib.crc32(header))
    return header + AESGCM(key.key).encrypt(nonce, plain, header)


def unseal(raw: bytes, key: SealKey) -> bytes:
    """Decrypt a sealed file with a key already derived (for this salt).

    Raises :class:`WrongPassphraseError` when the file was sealed under another passphrase,
    :class:`DamagedSealError` when it is damaged, :class:`NewerSealError` when it is newer.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    _version, params, salt, check, nonce = _parse_header(raw)
    if salt != key.salt or params != key.params or not _same(check, key.check):
        raise WrongPassphraseError("sealed under another passphrase")
    try:
        return AESGCM(key.key).decrypt(nonce, raw[HEADER_SIZE:], raw[:HEADER_SIZE])
    except InvalidTag as exc:
        raise DamagedSealError("the file is damaged") from exc


def unseal_with(raw: bytes, passphrase: str) -> tuple[bytes, SealKey]:
    """Derive the key from ``passphrase`` and decrypt; return the plain bytes and the key."""
    key = key_for(raw, passphrase)
    return unseal(raw, key), key
