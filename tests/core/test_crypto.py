from __future__ import annotations

import pytest

from jibsa.core.crypto import BlindIndexer, DecryptionError, FieldCipher, derive_key, normalise_name


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher.from_keys(derive_key(b"root-secret", "pii-encryption"))


class TestFieldCipher:
    def test_round_trip(self, cipher: FieldCipher) -> None:
        blob = cipher.encrypt("홍길동", "application.customer_name")
        assert "홍길동".encode() not in blob
        assert cipher.decrypt(blob, "application.customer_name") == "홍길동"

    def test_same_value_encrypts_differently(self, cipher: FieldCipher) -> None:
        assert cipher.encrypt("01012345678", "f") != cipher.encrypt("01012345678", "f")

    def test_ciphertext_moved_to_another_field_fails(self, cipher: FieldCipher) -> None:
        blob = cipher.encrypt("01012345678", "application.customer_phone")
        with pytest.raises(DecryptionError):
            cipher.decrypt(blob, "partner.contact_phone")

    def test_tampered_ciphertext_fails(self, cipher: FieldCipher) -> None:
        blob = bytearray(cipher.encrypt("홍길동", "f"))
        blob[-1] ^= 1
        with pytest.raises(DecryptionError):
            cipher.decrypt(bytes(blob), "f")

    def test_previous_key_still_decrypts_after_rotation(self) -> None:
        old = derive_key(b"old-root", "pii-encryption")
        new = derive_key(b"new-root", "pii-encryption")
        blob = FieldCipher.from_keys(old).encrypt("주소", "f")
        rotated = FieldCipher.from_keys(new, (old,))
        assert rotated.decrypt(blob, "f") == "주소"
        assert rotated.encrypt("주소", "f")[1:5] != blob[1:5]  # new writes use the new key id
        with pytest.raises(DecryptionError):
            FieldCipher.from_keys(new).decrypt(blob, "f")


class TestKeys:
    def test_purposes_give_independent_keys(self) -> None:
        assert derive_key(b"root", "pii-encryption") != derive_key(b"root", "blind-index")
        assert len(derive_key(b"root", "x")) == 32


class TestBlindIndex:
    def test_keyed_and_kind_separated(self) -> None:
        one = BlindIndexer(b"k1" * 16)
        two = BlindIndexer(b"k2" * 16)
        assert one("phone", "01012345678") == one("phone", "01012345678")
        assert one("phone", "01012345678") != two("phone", "01012345678")
        assert one("phone", "1234") != one("phone_last4", "1234")

    def test_name_normalisation(self) -> None:
        assert normalise_name(" 홍 길동 ") == "홍길동"
        assert normalise_name("John  SMITH") == "johnsmith"
