"""Message texts: template rendering, byte counting in CP949 and the SMS/LMS/MMS rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jibsa.models import MessageType

SMS_MAX_BYTES = 90
LMS_MAX_BYTES = 2000
SUBJECT_MAX_BYTES = 40
PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


def render(template: str, variables: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders; drop lines left as a bare ``Label:`` and blank lines; trim line ends."""

    def value(match: re.Match[str]) -> str:
        found = variables.get(match.group(1))
        return str(found) if found not in (None, "") else ""

    lines = [line.rstrip() for line in PLACEHOLDER.sub(value, template).splitlines()]
    return "\n".join(line for line in lines if line.strip() and not line.strip().endswith(":"))


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def byte_length(text: str) -> int:
    """Length in CP949 bytes, as Korean gateways count it (characters CP949 lacks count as 2)."""
    return sum(len(ch.encode("cp949", errors="ignore")) or 2 for ch in text)


def unsupported_characters(text: str) -> list[str]:
    """Characters outside EUC-KR (KS X 1001): emoji, rare Hangul syllables, some symbols."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch in "\n\r\t":
            continue
        try:
            encoded = ch.encode("euc_kr")
        except UnicodeEncodeError:
            seen.setdefault(ch)
            continue
        if len(encoded) > 2:
            # Python's codec spells syllables missing from KS X 1001 ('똠', '햏') as an 8-byte jamo make-up
            # sequence that phones do not render: they are not in EUC-KR either.
            seen.setdefault(ch)
    return list(seen)


def message_type_for(text: str, *, has_images: bool = False) -> MessageType:
    if has_images:
        return MessageType.MMS
    return MessageType.SMS if byte_length(text) <= SMS_MAX_BYTES else MessageType.LMS


def with_prefix(text: str, prefix: str) -> str:
    """Add the company prefix once."""
    prefix = prefix.strip()
    if not prefix or text.startswith(prefix):
        return text
    return f"{prefix} {text}"


def summarise_services(names: Sequence[str], limit: int = 3) -> str:
    """At most three names, then "외 N건"."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} 외 {len(names) - limit}건"


@dataclass(frozen=True, slots=True)
class TextReport:
    byte_length: int
    message_type: MessageType
    unsupported_characters: list[str]


def inspect_text(text: str, *, has_images: bool = False) -> TextReport:
    return TextReport(byte_length(text), message_type_for(text, has_images=has_images), unsupported_characters(text))
