from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from jibsa.core.korean import (
    format_phone,
    kst_day_range,
    mask_name,
    mask_phone,
    normalise_business_number,
    normalise_phone,
    today_kst,
    with_ro,
)


class TestNormalisePhone:
    @pytest.mark.parametrize(
        ("raw", "digits"),
        [
            ("010-1234-5678", "01012345678"),
            ("010 1234 5678", "01012345678"),
            ("+82 10-1234-5678", "01012345678"),
            ("011-123-4567", "0111234567"),
            ("02-123-4567", "021234567"),
            ("02-1234-5678", "0212345678"),
            ("031-771-1234", "0317711234"),
            ("070-1234-5678", "07012345678"),
            ("1551-6640", "15516640"),
        ],
    )
    def test_valid(self, raw: str, digits: str) -> None:
        assert normalise_phone(raw) == digits

    @pytest.mark.parametrize("raw", ["", "0101234", "010-1234-56789", "123-456-7890", "abc", "010-12a4-5678", "1234"])
    def test_invalid(self, raw: str) -> None:
        assert normalise_phone(raw) is None

    def test_format_and_mask(self) -> None:
        assert format_phone("01012345678") == "010-1234-5678"
        assert format_phone("021234567") == "02-123-4567"
        assert format_phone("15516640") == "1551-6640"
        assert mask_phone("01012345678") == "010-****-5678"


class TestBusinessNumber:
    @pytest.mark.parametrize("raw", ["123-45-67891", "1234567891", "220-81-62517"])
    def test_valid_checksum(self, raw: str) -> None:
        assert normalise_business_number(raw) == raw.replace("-", "")

    @pytest.mark.parametrize("raw", ["123-45-67890", "123-45-6789", "abc-de-fghij", ""])
    def test_invalid(self, raw: str) -> None:
        assert normalise_business_number(raw) is None


class TestKoreanTime:
    def test_kst_day_boundaries(self) -> None:
        start, end = kst_day_range(date(2026, 11, 28), date(2026, 11, 28))
        assert start == datetime(2026, 11, 27, 15, tzinfo=UTC)
        assert end == datetime(2026, 11, 28, 15, tzinfo=UTC)

    def test_late_evening_utc_is_next_day_in_korea(self) -> None:
        assert today_kst(datetime(2026, 11, 27, 15, 30, tzinfo=UTC)) == date(2026, 11, 28)

    def test_mask_name(self) -> None:
        assert mask_name("홍길동") == "홍**"
        assert mask_name("김") == "김*"


class TestWithRo:
    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("상담중", "상담중으로"),
            ("완료", "완료로"),
            ("일정확정", "일정확정으로"),
            ("배정완료", "배정완료로"),
            ("'취소'", "'취소'로"),
            ("'승인'", "'승인'으로"),
            ("서울", "서울로"),  # ㄹ takes 로
            ("전화번호 뒤 4자리", "전화번호 뒤 4자리로"),
            ("3", "3으로"),
            ("7", "7로"),
            ("ABC", "ABC(으)로"),
        ],
    )
    def test_particle_follows_the_last_sound(self, word: str, expected: str) -> None:
        assert with_ro(word) == expected
