"""PII encryption (AES-256-GCM) and keyed blind indexes, with keys derived once per process.

Every secret the application uses is derived from the root secret with HKDF and a purpose label, so that
the encryption key, the blind-index key, the link-signing key and the JWT key are independent.

Ciphertext layout: ``version(1) | key id(4) | nonce(12) | ciphertext+tag``. The key id is a fingerprint of
the key, so a ciphertext written under a previous root secret can still be read while that secret is listed
in ``JIBSA_PREVIOUS_SECRET_KEYS``. The associated data is the ``table.column`` the value belongs to: a
ciphertext copied into another field fails to decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from jibsa.core.config import get_settings

FORMAT_VERSION = 1
NONCE_BYTES = 12
KEY_ID_BYTES = 4
_HEADER = 1 + KEY_ID_BYTES
_BODY = _HEADER + NONCE_BYTES
_MIN_BLOB = _BODY + 16  # the GCM tag


@lru_cache(maxsize=256)
def _aad(field: str) -> bytes:
    return field.encode()


class DecryptionError(Exception):
    """A ciphertext could not be decrypted (wrong key, wrong field or tampered)."""


def derive_key(root_secret: bytes, purpose: str, length: int = 32) -> bytes:
    """Derive an independent key for ``purpose`` from the root secret (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=b"jibsa/v1", info=purpose.encode()).derive(root_secret)


def _key_id(key: bytes) -> bytes:
    return hmac.new(key, b"jibsa key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


@dataclass(frozen=True, slots=True)
class FieldCipher:
    """AES-256-GCM for single PII fields, bound to their ``table.column``."""

    current_id: bytes
    ciphers: dict[bytes, AESGCM]

    @classmethod
    def from_keys(cls, current: bytes, previous: tuple[bytes, ...] = ()) -> FieldCipher:
        ciphers = {_key_id(key): AESGCM(key) for key in (*previous, current)}
        return cls(current_id=_key_id(current), ciphers=ciphers)

    def encrypt(self, plaintext: str, field: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self.ciphers[self.current_id].encrypt(nonce, plaintext.encode(), _aad(field))
        return bytes([FORMAT_VERSION]) + self.current_id + nonce + sealed

    def decrypt(self, blob: bytes, field: str) -> str:
        # Hot path (every PII column of every row read): plain slices, the AAD bytes cached per field.
        cipher = self.ciphers.get(blob[1:_HEADER])
        if cipher is None or blob[0] != FORMAT_VERSION or len(blob) < _MIN_BLOB:
            if len(blob) < _MIN_BLOB or blob[0] != FORMAT_VERSION:
                raise DecryptionError("unknown ciphertext format")
            raise DecryptionError("ciphertext written under an unknown key")
        try:
            return cipher.decrypt(blob[_HEADER:_BODY], blob[_BODY:], _aad(field)).decode()
        except Exception as exc:  # InvalidTag
            raise DecryptionError("ciphertext does not authenticate for this field") from exc


@dataclass(frozen=True, slots=True)
class BlindIndexer:
    """Keyed HMAC-SHA256 of normalised values, for exact-match lookups on encrypted columns."""

    key: bytes

    def __call__(self, kind: str, normalised: str) -> str:
        message = f"{kind}\x00{normalised}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class KeyRing:
    cipher: FieldCipher
    blind_index: BlindIndexer
    link_key: bytes
    jwt_key: bytes
    token_hash_key: bytes


@lru_cache(maxsize=1)
def get_keyring() -> KeyRing:
    """Derive every key once per process."""
    settings = get_settings()
    root = settings.root_secret
    previous = tuple(
        derive_key(secret.strip().encode(), "pii-encryption")
        for secret in settings.previous_secret_keys.split(",")
        if secret.strip()
    )
    return KeyRing(
        cipher=FieldCipher.from_keys(derive_key(root, "pii-encryption"), previous),
        blind_index=BlindIndexer(derive_key(root, "blind-index")),
        link_key=derive_key(root, "link-signing"),
        jwt_key=derive_key(root, "admin-jwt"),
        token_hash_key=derive_key(root, "token-hash"),
    )


def blind_index(kind: str, normalised: str) -> str:
    return get_keyring().blind_index(kind, normalised)


def hash_token(token: str) -> str:
    """Keyed hash of a bearer secret (portal links, refresh tokens) for storage."""
    return hmac.new(get_keyring().token_hash_key, token.encode(), hashlib.sha256).hexdigest()


def normalise_name(value: str) -> str:
    """Names compare without spaces, case-insensitively, in NFC."""
    return "".join(unicodedata.normalize("NFC", value).split()).lower()
