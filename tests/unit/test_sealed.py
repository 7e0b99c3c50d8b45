"""Sealed files: AES-256-GCM under a scrypt key, told apart from damage and from newer formats."""

from __future__ import annotations

import pytest

from privacy_walkthrough.core.progress import sealed
from privacy_walkthrough.core.progress.sealed import (
    DamagedSealError,
    KdfParams,
    NewerSealError,
    WrongPassphraseError,
)

FAST = KdfParams(log2_n=10)  # the format's lowest cost: the tests are about the format, not the cost
SECRET = b'{"note": "my sister has my old phone"}'


@pytest.fixture(scope="module")
def key() -> sealed.SealKey:
    return sealed.new_key("correct horse battery", FAST)


def test_round_trip_with_the_passphrase(key: sealed.SealKey) -> None:
    blob = sealed.seal(SECRET, key)
    assert sealed.is_sealed(blob)
    assert b"sister" not in blob
    plain, again = sealed.unseal_with(blob, "correct horse battery")
    assert plain == SECRET
    assert again.key == key.key
    assert sealed.unseal(blob, key) == SECRET


def test_each_file_gets_its_own_nonce(key: sealed.SealKey) -> None:
    assert sealed.seal(SECRET, key) != sealed.seal(SECRET, key)


def test_the_header_records_the_parameters() -> None:
    key = sealed.new_key("pass phrase one", KdfParams(log2_n=11, r=4))
    blob = sealed.seal(b"x", key)
    assert blob[len(sealed.MAGIC)] == sealed.FORMAT_VERSION
    assert sealed.key_for(blob, "pass phrase one").params == KdfParams(log2_n=11, r=4)


def test_a_wrong_passphrase_is_refused(key: sealed.SealKey) -> None:
    blob = sealed.seal(SECRET, key)
    with pytest.raises(WrongPassphraseError):
        sealed.unseal_with(blob, "correct horse batterY")
    other = sealed.new_key("another one entirely", FAST)
    with pytest.raises(WrongPassphraseError):
        sealed.unseal(blob, other)


@pytest.mark.parametrize("cut", [0, 5, len(sealed.MAGIC) + 1, sealed.HEADER_SIZE, sealed.HEADER_SIZE + 15])
def test_a_truncated_file_is_damaged(key: sealed.SealKey, cut: int) -> None:
    blob = sealed.seal(SECRET, key)[: len(sealed.MAGIC) + cut if cut < len(sealed.MAGIC) else cut]
    with pytest.raises(DamagedSealError):
        sealed.unseal_with(blob, "correct horse battery")


def test_every_flipped_byte_is_caught(key: sealed.SealKey) -> None:
    blob = sealed.seal(SECRET, key)
    for index in range(len(sealed.MAGIC) + 1, len(blob)):
        damaged = bytearray(blob)
        damaged[index] ^= 0x01
        with pytest.raises(DamagedSealError):
            sealed.unseal_with(bytes(damaged), "correct horse battery")


def test_a_newer_format_is_named_as_newer(key: sealed.SealKey) -> None:
    blob = bytearray(sealed.seal(SECRET, key))
    blob[len(sealed.MAGIC)] = sealed.FORMAT_VERSION + 1
    with pytest.raises(NewerSealError):
        sealed.unseal_with(bytes(blob), "correct horse battery")


def test_the_key_never_shows_in_its_repr(key: sealed.SealKey) -> None:
    assert key.key.hex() not in repr(key)
    assert "log2_n=10" in repr(key)


def test_new_passphrases_cost_what_owasp_advises_for_scrypt() -> None:
    """N = 2**17, r = 8, p = 1: 128 MiB and about a second here (the tests lower COST)."""
    assert sealed.KdfParams() == KdfParams(log2_n=17, r=8, p=1)
