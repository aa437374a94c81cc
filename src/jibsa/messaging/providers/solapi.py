"""Solapi (솔라피) message API v4, group flow.

One group per outbox row: ``POST /messages/v4/groups`` creates it (the worker stores its id before anything is
sent), ``PUT /messages/v4/groups/{id}/messages`` adds the message (with the outbox id in ``customFields``),
``POST /messages/v4/groups/{id}/send`` sends the group. Any later attempt first asks the group
(``GET /messages/v4/groups/{id}`` and ``/messages``), so a lost answer never turns into a second SMS.
Requests are signed: ``Authorization: HMAC-SHA256 apiKey=…, date=…, salt=…, signature=hex(HMAC(secret,
date+salt))``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from typing import Any

import httpx

from jibsa.core.config import Settings
from jibsa.messaging.providers.base import (
    OutgoingMessage,
    Provider,
    SendResult,
    classify_transport_error,
    retry_after_seconds,
)
from jibsa.models import MessageType

ACCEPTED_STATUS = "2000"
# Per-message status codes (4 digits) that a later attempt may clear: balance, Solapi's own server errors.
TRANSIENT_STATUS = {"1024", "1030", "2024", "2230", "3012", "3024"}
TRANSIENT_ERRORS = {"RequestTimeTooSkewed", "DuplicatedSignature", "NotEnoughBalance", "TooManyRequests"}
PERMANENT_ERRORS = {"InvalidAPIKey", "SignatureDoesNotMatch", "Unauthorized", "Forbidden", "ValidationError"}
GROUP_SENT_STATUSES = {"SENDING", "COMPLETE", "SCHEDULED"}
GROUP_MISSING = "group_missing"


def sign(api_key: str, secret: str, *, date: str, salt: str) -> str:
    """The ``Authorization`` header value for one request."""
    signature = hmac.new(secret.encode(), f"{date}{salt}".encode(), hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 apiKey={api_key}, date={date}, salt={salt}, signature={signature}"


def classify_status_code(status_code: str, message: str) -> SendResult | None:
    """``None`` when Solapi registered the message; otherwise why not."""
    if status_code == ACCEPTED_STATUS:
        return None
    if status_code in TRANSIENT_STATUS:
        return SendResult.transient(status_code, message)
    return SendResult.permanent(status_code, message)


class SolapiProvider(Provider):
    name = "solapi"
    uses_groups = True

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.api_key = settings.solapi_key
        self.secret = settings.solapi_secret
        self.client = httpx.AsyncClient(
            base_url=settings.solapi_url.rstrip("/"),
            timeout=httpx.Timeout(settings.sms_http_timeout_seconds),
            limits=httpx.Limits(max_connections=max(10, settings.sms_worker_concurrency * 2)),
            transport=transport,
        )

    def _headers(self) -> dict[str, str]:
        date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        return {"Authorization": sign(self.api_key, self.secret, date=date, salt=secrets.token_hex(16))}

    async def _call(self, method: str, path: str, json: Any = None) -> httpx.Response | SendResult:
        try:
            return await self.client.request(method, path, json=json, headers=self._headers())
        except httpx.HTTPError as exc:
            return classify_transport_error(exc)

    async def create_group(self, message: OutgoingMessage) -> SendResult:
        """Create the message group; nothing is sent yet, so every failure here is worth another try."""
        response = await self._call("POST", "/messages/v4/groups", {})
        if isinstance(response, SendResult):
            return SendResult.transient(response.code or "network", response.detail or "")
        failure = _http_failure(response)
        if failure is not None:
            return failure
        try:
            body = response.json()
        except ValueError:
            return SendResult.transient("bad_response", response.text[:200])
        group_id = body.get("groupId") or body.get("_id")
        if not group_id:
            return SendResult.transient("bad_response", str(body)[:200])
        return SendResult.accepted(None, group_id=str(group_id))

    async def send(self, message: OutgoingMessage) -> SendResult:
        """Upload the image (MMS), add the message to its group, send the group."""
        if not message.group_id:
            raise ValueError("Solapi messages are sent through a stored group")
        image_id = None
        if message.images:
            uploaded = await self._upload(message)
            if uploaded.code != "uploaded":
                return uploaded
            image_id = uploaded.message_id
        entry: dict[str, Any] = {
            "to": message.recipient,
            "from": message.sender,
            "text": message.text,
            "type": message.message_type.value,
            "autoTypeDetect": False,
            "customFields": {"outboxId": str(message.id)},
        }
        if message.message_type is not MessageType.SMS and message.subject:
            entry["subject"] = message.subject
        if image_id:
            entry["imageId"] = image_id
        response = await self._call("PUT", f"/messages/v4/groups/{message.group_id}/messages", {"messages": [entry]})
        if isinstance(response, SendResult):
            return response
        failure = _http_failure(response)
        if failure is not None:
            return failure
        results = response.json().get("resultList") or []
        if not results:
            return SendResult.ambiguous("bad_response", response.text[:200])
        first = results[0]
        refused = classify_status_code(str(first.get("statusCode")), str(first.get("statusMessage", "")))
        if refused is not None:
            return refused
        return await self._send_group(message.group_id, str(first.get("messageId") or "") or None)

    async def _send_group(self, group_id: str, message_id: str | None) -> SendResult:
        response = await self._call("POST", f"/messages/v4/groups/{group_id}/send")
        if isinstance(response, SendResult):
            return response
        failure = _http_failure(response)
        if failure is not None:
            return failure
        return SendResult.accepted(message_id, group_id=group_id, code=ACCEPTED_STATUS)

    async def _upload(self, message: OutgoingMessage) -> SendResult:
        # Solapi's MMS carries one image (the first); the upload itself sends nothing, so failures are retried.
        image = message.images[0]
        body = {"file": base64.b64encode(image.data).decode(), "name": image.filename, "type": "MMS"}
        response = await self._call("POST", "/storage/v1/files", body)
        if isinstance(response, SendResult):
            return SendResult.transient(response.code or "network", response.detail or "")
        failure = _http_failure(response)
        if failure is not None:
            return failure
        file_id = response.json().get("fileId")
        if not file_id:
            return SendResult.transient("bad_response", response.text[:200])
        return SendResult.accepted(str(file_id), code="uploaded")

    async def resolve(self, message: OutgoingMessage) -> SendResult | None:
        """Ask the stored group what became of the message; finish sending it if it is still pending there."""
        if not message.group_id:
            return None  # without a group nothing can have been sent
        group = await self._call("GET", f"/messages/v4/groups/{message.group_id}")
        if isinstance(group, SendResult):
            return SendResult.transient("resolve_failed", group.detail or "")
        if group.status_code == 404:
            # Gone (or never created): nothing was sent through it; the next attempt starts a new group.
            return SendResult.transient(GROUP_MISSING, "그룹이 없습니다")
        failure = _http_failure(group)
        if failure is not None:
            return SendResult.transient("resolve_failed", failure.detail or "")
        status = str(group.json().get("status", ""))
        listing = await self._call("GET", f"/messages/v4/groups/{message.group_id}/messages")
        if isinstance(listing, SendResult):
            return SendResult.transient("resolve_failed", listing.detail or "")
        failure = _http_failure(listing)
        if failure is not None:
            return SendResult.transient("resolve_failed", failure.detail or "")
        found = _find(listing.json().get("messageList") or {}, message)
        if found is None:
            # Never added. A pending group can still take it; any other group cannot: start a new one.
            return None if status == "PENDING" else SendResult.transient(GROUP_MISSING, f"그룹 상태 {status}")
        message_id = str(found.get("messageId") or found.get("_id") or "") or None
        status_code = str(found.get("statusCode") or "")
        if status_code.startswith("1"):  # refused when added: never sent
            return SendResult.permanent(status_code, str(found.get("reason") or ""))
        if status in GROUP_SENT_STATUSES:
            return SendResult.accepted(message_id, group_id=message.group_id, code=status_code or status)
        if status == "PENDING":
            return await self._send_group(message.group_id, message_id)
        return SendResult.permanent(f"group_{status.lower() or 'unknown'}", f"그룹 상태 {status}")

    async def aclose(self) -> None:
        await self.client.aclose()


def _find(messages: dict[str, Any] | list[Any], message: OutgoingMessage) -> dict[str, Any] | None:
    entries = messages.values() if isinstance(messages, dict) else messages
    for entry in entries:
        fields = entry.get("customFields") or {}
        if fields.get("outboxId") == str(message.id):
            return dict(entry)
        if not fields and entry.get("to") == message.recipient and entry.get("text") == message.text:
            return dict(entry)
    return None


def _http_failure(response: httpx.Response) -> SendResult | None:
    if response.status_code < 400:
        return None
    try:
        body = response.json()
    except ValueError:
        body = {}
    error = str(body.get("errorCode") or f"http_{response.status_code}")
    detail = str(body.get("errorMessage") or response.text[:200])
    if response.status_code == 429:
        return SendResult.transient(error, detail, retry_after=retry_after_seconds(response))
    if response.status_code >= 500 or error in TRANSIENT_ERRORS:
        return SendResult.transient(error, detail)
    if response.status_code == 404:
        return SendResult.transient(GROUP_MISSING, detail)
    return SendResult.permanent(error, detail)
