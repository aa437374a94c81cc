"""CP949 byte rules: SMS ≤ 90, LMS/MMS ≤ 2000, subject ≤ 40, characters outside EUC-KR named."""

from __future__ import annotations

import httpx
import pytest

from jibsa.messaging.content import check_subject, check_text
from jibsa.messaging.exceptions import MessageTooLong, UnsupportedCharacters
from jibsa.messaging.text import byte_length, message_type_for, unsupported_characters
from jibsa.models import CompanyProfile, MessageType


class TestMessageType:
    def test_90_ascii_bytes_is_sms_and_91_is_lms(self) -> None:
        assert message_type_for("a" * 90) is MessageType.SMS
        assert message_type_for("a" * 91) is MessageType.LMS

    def test_hangul_counts_two_bytes(self) -> None:
        assert byte_length("가" * 45) == 90
        assert message_type_for("가" * 45) is MessageType.SMS
        assert message_type_for("가" * 45 + "a") is MessageType.LMS

    def test_images_make_mms(self) -> None:
        assert message_type_for("짧은 글", has_images=True) is MessageType.MMS


class TestLimits:
    def test_2000_bytes_pass_and_2001_are_refused(self) -> None:
        assert check_text("가" * 1000) == 2000
        with pytest.raises(MessageTooLong) as refused:
            check_text("가" * 1000 + "a")
        assert refused.value.details[0]["byte_length"] == 2001

    def test_subject_40_bytes_pass_and_41_are_refused(self) -> None:
        check_subject("가" * 20)
        with pytest.raises(MessageTooLong):
            check_subject("가" * 20 + "a")


class TestUnsupportedCharacters:
    @pytest.mark.parametrize("character", ["똠", "햏", "😀", "₩"])
    def test_outside_euc_kr_is_named(self, character: str) -> None:
        assert unsupported_characters(f"안녕하세요 {character} 고객님") == [character]
        with pytest.raises(UnsupportedCharacters) as refused:
            check_text(f"안녕 {character}")
        assert refused.value.details[0]["characters"] == [character]

    def test_ks_x_1001_symbols_and_fullwidth_won_are_fine(self) -> None:
        assert unsupported_characters("가나다 ※ · ￦12,000 abc\n") == []

    def test_each_character_named_once(self) -> None:
        assert unsupported_characters("😀똠😀똠") == ["😀", "똠"]


class TestOnTheWire:
    async def test_send_names_the_characters_it_refuses(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        response = await client.post(
            "/api/v1/admin/sms/send",
            json={"receiver_phone": "010-1234-5678", "message": "똠방각하 햏 😀"},
            headers=headers,
        )
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "unsupported_characters"
        assert body["details"][0]["characters"] == ["똠", "햏", "😀"]

    async def test_send_refuses_2001_bytes_with_the_prefix(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        prefix_bytes = byte_length("[집사] ")
        fits = "a" * (2000 - prefix_bytes)
        ok = await client.post(
            "/api/v1/admin/sms/send", json={"receiver_phone": "01012345678", "message": fits}, headers=headers
        )
        assert ok.status_code == 202, ok.text
        assert ok.json()["byte_length"] == 2000
        assert ok.json()["message_type"] == "LMS"
        too_long = await client.post(
            "/api/v1/admin/sms/send", json={"receiver_phone": "01012345678", "message": fits + "a"}, headers=headers
        )
        assert too_long.status_code == 422
        assert too_long.json()["code"] == "message_too_long"

    async def test_sms_boundary_counts_the_prefix(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        room = 90 - byte_length("[집사] ")
        sms = await client.post(
            "/api/v1/admin/sms/send", json={"receiver_phone": "01012345678", "message": "a" * room}, headers=headers
        )
        lms = await client.post(
            "/api/v1/admin/sms/send",
            json={"receiver_phone": "01012345678", "message": "a" * (room + 1)},
            headers=headers,
        )
        assert (sms.json()["message_type"], sms.json()["byte_length"]) == ("SMS", 90)
        assert (lms.json()["message_type"], lms.json()["byte_length"]) == ("LMS", 91)

    async def test_subject_over_40_bytes_refused(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        response = await client.post(
            "/api/v1/admin/sms/send",
            json={"receiver_phone": "01012345678", "message": "안내", "subject": "가" * 20 + "a"},
            headers=headers,
        )
        assert response.status_code == 422
        assert response.json()["details"][0]["field"] == "subject"
