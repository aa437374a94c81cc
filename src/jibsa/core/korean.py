"""Korean-specific normalisation and validation: phone numbers, business numbers, KST dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")

_MOBILE = re.compile(r"^01[016789]\d{7,8}$")
# Seoul 02, regional 0xx, internet phones 070, nationwide representative numbers 15xx/16xx/18xx.
_LANDLINE = re.compile(r"^(02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8}|1[5689]\d{6})$")
_SEPARATORS = re.compile(r"[\s\-().]")


def normalise_phone(value: str) -> str | None:
    """Digits of a Korean mobile or landline number, or ``None`` when it is not one."""
    digits = _SEPARATORS.sub("", value.strip())
    if digits.startswith("+82"):
        digits = "0" + digits[3:]
    if not digits.isdigit():
        return None
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return digits
    return None


def is_mobile(digits: str) -> bool:
    return bool(_MOBILE.match(digits))


def format_phone(digits: str) -> str:
    """010-1234-5678, 02-123-4567, 031-123-4567, 1551-6640."""
    if len(digits) == 8 and digits[0] == "1":
        return f"{digits[:4]}-{digits[4:]}"
    head = 2 if digits.startswith("02") else 3
    rest = digits[head:]
    middle = len(rest) - 4
    return f"{digits[:head]}-{rest[:middle]}-{rest[middle:]}"


def mask_phone(digits: str) -> str:
    """010-****-5678."""
    parts = format_phone(digits).split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    return f"{'*' * len(parts[0])}-{parts[-1]}"


_BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalise_business_number(value: str) -> str | None:
    """Digits of a valid business registration number (checksum verified), or ``None``."""
    digits = _SEPARATORS.sub("", value.strip())
    if len(digits) != 10 or not digits.isdigit():
        return None
    numbers = [int(c) for c in digits]
    total = sum(n * w for n, w in zip(numbers, _BRN_WEIGHTS, strict=False))
    total += numbers[8] * 5 // 10
    check = (10 - total % 10) % 10
    return digits if check == numbers[9] else None


def format_business_number(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def mask_name(name: str) -> str:
    """홍길동 → 홍**."""
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def now_utc() -> datetime:
    return datetime.now(UTC)


def today_kst(now: datetime | None = None) -> date:
    return (now or now_utc()).astimezone(KST).date()


def kst_day_start(day: date) -> datetime:
    """The UTC instant at which ``day`` begins in Korea."""
    return datetime.combine(day, time.min, tzinfo=KST).astimezone(UTC)


def kst_day_range(start: date, end_inclusive: date) -> tuple[datetime, datetime]:
    """UTC ``[from, to)`` covering KST days ``start`` .. ``end_inclusive``."""
    return kst_day_start(start), kst_day_start(end_inclusive + timedelta(days=1))


# Final consonant of each digit as read in Sino-Korean (영 일 이 삼 사 오 육 칠 팔 구): 0 none, 8 ㄹ, other a batchim.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}


def with_ro(word: str) -> str:
    """``word`` with the particle 으로/로 its last sound takes ("상담중으로", "완료로", "일정확정으로")."""
    last = word.rstrip("'\" )")[-1:] if word.rstrip("'\" )") else ""
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
    elif last in _DIGIT_FINAL:
        final = _DIGIT_FINAL[last]
    else:
        return f"{word}(으)로"
    return f"{word}로" if final in (0, 8) else f"{word}으로"


def repr_ko(label: str) -> str:
    """A label quoted as messages show it: ``'완료'``."""
    return f"'{label}'"
