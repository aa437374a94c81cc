"""Aligo (알리고): form POST to ``/send/``, success when ``result_code == 1``.

Aligo has no idempotency key, so an attempt that timed out is settled through its send history: ``/list/``
(recent sends of a day, with their text) and ``/sms_list/`` (the receivers of one send, by ``mid``).
"""

from __future__ import annotations

from typing import Any

import httpx

from jibsa.core.config import Settings
from jibsa.core.korean import now_utc, today_kst
from jibsa.messaging.providers.base import (
    OutgoingMessage,
    Provider,
    SendResult,
    classify_transport_error,
    retry_after_seconds,
)
from jibsa.models import MessageType

# Aligo's result codes, as its API pages and published client libraries describe them. Anything that a later
# attempt can fix without a person (balance top-up, their server) is transient; the rest is permanent.
PERMANENT_CODES: dict[int, str] = {
    -101: "인증 오류(API 키)",
    -102: "인증 오류(사용자 ID) 또는 필수 값 누락",
    -103: "발신번호 오류",
    -105: "발신번호 미등록",
    -109: "메시지 길이 초과",
    -115: "수신번호 오류",
    -301: "수신번호 오류",
    -302: "발신번호 미등록",
}
TRANSIENT_CODES: dict[int, str] = {
    -1: "알리고 서버 오류",
    -99: "알리고 서버 오류",
    -201: "잔여 포인트 부족",
    -501: "알리고 서버 오류",
    -503: "알리고 점검 중",
}
# "Duplicate request": Aligo may already hold this message. Never count it as a failure without looking.
AMBIGUOUS_CODES: dict[int, str] = {-401: "중복 요청"}
HISTORY_PAGE_SIZE = 500
HISTORY_MAX_PAGES = 20


def classify_result_code(code: int, message: str) -> SendResult | None:
    """``None`` for success; otherwise the outcome of a negative ``result_code``."""
    if code == 1:
        return None
    label = f"{code}"
    if code in AMBIGUOUS_CODES:
        return SendResult.ambiguous(label, message or AMBIGUOUS_CODES[code])
    if code in TRANSIENT_CODES:
        return SendResult.transient(label, message or TRANSIENT_CODES[code])
    if code in PERMANENT_CODES:
        return SendResult.permanent(label, message or PERMANENT_CODES[code])
    # Undocumented codes: 5xx-style ones are server trouble, the rest are refusals of this message.
    if -600 < code <= -500 or -100 < code < 0:
        return SendResult.transient(label, message)
    return SendResult.permanent(label, message)


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


class AligoProvider(Provider):
    name = "aligo"

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.key = settings.aligo_key
        self.user_id = settings.aligo_user_id
        self.client = httpx.AsyncClient(
            base_url=settings.aligo_url.rstrip("/"),
            timeout=httpx.Timeout(settings.sms_http_timeout_seconds),
            limits=httpx.Limits(max_connections=max(10, settings.sms_worker_concurrency * 2)),
            transport=transport,
        )

    def _auth(self) -> dict[str, str]:
        return {"key": self.key, "user_id": self.user_id}

    async def send(self, message: OutgoingMessage) -> SendResult:
        """POST ``/send/`` once (multipart with ``image1..3`` for MMS)."""
        form = {
            **self._auth(),
            "sender": message.sender,
            "receiver": message.recipient,
            "msg": message.text,
            "msg_type": message.message_type.value,
        }
        if message.message_type is not MessageType.SMS and message.subject:
            form["title"] = message.subject
        files = [
            (f"image{index}", (image.filename, image.data, image.content_type))
            for index, image in enumerate(message.images[:3], start=1)
        ]
        try:
            response = await self.client.post("/send/", data=form, files=files or None)
        except httpx.HTTPError as exc:
            return classify_transport_error(exc)
        failure = _http_failure(response)
        if failure is not None:
            return failure
        try:
            body = response.json()
        except ValueError:
            return SendResult.ambiguous("bad_response", response.text[:200])
        code = _as_int(body.get("result_code"))
        if code is None:
            return SendResult.ambiguous("bad_response", str(body)[:200])
        refused = classify_result_code(code, str(body.get("message", "")))
        if refused is not None:
            return refused
        if _as_int(body.get("success_cnt")) == 0 and (_as_int(body.get("error_cnt")) or 0) > 0:
            return SendResult.permanent("receiver_rejected", str(body.get("message", "")))
        return SendResult.accepted(str(body.get("msg_id", "")) or None, code="1")

    async def resolve(self, message: OutgoingMessage) -> SendResult | None:
        """Look for the message in Aligo's send history: same text, then same receiver among that send's list."""
        days = {today_kst(now_utc()).strftime("%Y%m%d")}
        if message.first_attempt_kst_day:
            days.add(message.first_attempt_kst_day)
        try:
            for day in sorted(days):
                for mid in await self._mids_with_text(day, message.text):
                    if await self._mid_has_receiver(mid, message.recipient):
                        return SendResult.accepted(mid, code="1")
        except _HistoryUnavailable as exc:
            return SendResult.transient("resolve_failed", str(exc))
        return None

    async def _history(self, path: str, form: dict[str, str]) -> dict[str, Any]:
        try:
            response = await self.client.post(path, data={**self._auth(), **form})
        except httpx.HTTPError as exc:
            raise _HistoryUnavailable(f"{type(exc).__name__}") from exc
        if response.status_code != 200:
            raise _HistoryUnavailable(f"HTTP {response.status_code}")
        try:
            body: dict[str, Any] = response.json()
        except ValueError as exc:
            raise _HistoryUnavailable("bad response") from exc
        if _as_int(body.get("result_code")) != 1:
            raise _HistoryUnavailable(f"result_code {body.get('result_code')}: {body.get('message')}")
        return body

    async def _mids_with_text(self, day: str, text: str) -> list[str]:
        mids: list[str] = []
        for page in range(1, HISTORY_MAX_PAGES + 1):
            body = await self._history(
                "/list/", {"page": str(page), "page_size": str(HISTORY_PAGE_SIZE), "start_date": day}
            )
            mids.extend(str(item.get("mid")) for item in body.get("list") or [] if item.get("msg") == text)
            if body.get("next_yn") != "Y":
                break
        return mids

    async def _mid_has_receiver(self, mid: str, receiver: str) -> bool:
        for page in range(1, HISTORY_MAX_PAGES + 1):
            body = await self._history(
                "/sms_list/", {"mid": mid, "page": str(page), "page_size": str(HISTORY_PAGE_SIZE)}
            )
            if any(str(item.get("receiver", "")).replace("-", "") == receiver for item in body.get("list") or []):
                return True
            if body.get("next_yn") != "Y":
                break
        return False

    async def aclose(self) -> None:
        await self.client.aclose()


class _HistoryUnavailable(Exception):
    pass


def _http_failure(response: httpx.Response) -> SendResult | None:
    if response.status_code == 429:
        return SendResult.transient("http_429", "rate limited", retry_after=retry_after_seconds(response))
    if response.status_code >= 500:
        return SendResult.transient(f"http_{response.status_code}", response.text[:200])
    if response.status_code >= 400:
        return SendResult.permanent(f"http_{response.status_code}", response.text[:200])
    return None
