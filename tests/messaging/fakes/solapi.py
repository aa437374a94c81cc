"""A fake Solapi v4: signed requests (HMAC-SHA256, ±15 min clock skew, no signature reuse), message groups,
group sends, group look-ups and image storage, with Solapi's per-message status codes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.messaging.fakes.common import FakeGateway, Faults, cp949_bytes

API_KEY = "NCSFAKEJIBSAKEY0"
API_SECRET = "fake-solapi-secret-0123456789abcdef"
SENDER = "15516640"
AUTH = re.compile(r"^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([^,]+), signature=([0-9a-f]{64})$")
SKEW = timedelta(minutes=15)
MAX_IMAGE_BYTES = 200 * 1024


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errorCode": code, "errorMessage": message}, status_code=status)


@dataclass
class Group:
    group_id: str
    status: str = "PENDING"
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: datetime = field(default_factory=lambda: datetime.now(UTC))

    def info(self) -> dict[str, Any]:
        registered = sum(1 for m in self.messages.values() if m["statusCode"] in {"2000", "3000", "4000"})
        return {
            "_id": self.group_id,
            "groupId": self.group_id,
            "status": self.status,
            "count": {"total": len(self.messages), "registeredSuccess": registered},
            "dateCreated": self.created.isoformat(),
        }


class FakeSolapi(FakeGateway):
    def __init__(
        self,
        faults: Faults | None = None,
        *,
        senders: tuple[str, ...] = (SENDER,),
        clock_offset: timedelta = timedelta(),
    ) -> None:
        super().__init__(faults)
        self.senders = set(senders)
        self.clock_offset = clock_offset  # the fake's clock runs this far from the client's
        self.groups: dict[str, Group] = {}
        self.files: dict[str, bytes] = {}
        self.signatures: dict[str, datetime] = {}
        self._ids = itertools.count(1)
        self.app.add_route("/messages/v4/groups", self.create_group, methods=["POST"])
        self.app.add_route("/messages/v4/groups/{group_id}", self.group_info, methods=["GET"])
        self.app.add_route("/messages/v4/groups/{group_id}/messages", self.add_messages, methods=["PUT"])
        self.app.add_route("/messages/v4/groups/{group_id}/messages", self.group_messages, methods=["GET"])
        self.app.add_route("/messages/v4/groups/{group_id}/send", self.send_group, methods=["POST"])
        self.app.add_route("/storage/v1/files", self.upload, methods=["POST"])

    def _id(self, prefix: str) -> str:
        return f"{prefix}4V{datetime.now(UTC):%Y%m%d%H%M%S}{next(self._ids):016d}"

    def _authenticate(self, request: Request) -> Response | None:
        match = AUTH.match(request.headers.get("Authorization", ""))
        if match is None:
            return _error(401, "Unauthorized", "Authorization 헤더가 없습니다.")
        api_key, date, salt, signature = match.groups()
        if api_key != API_KEY:
            return _error(403, "InvalidAPIKey", "유효한 API Key가 아닙니다.")
        expected = hmac.new(API_SECRET.encode(), f"{date}{salt}".encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return _error(403, "SignatureDoesNotMatch", "Signature가 일치하지 않습니다.")
        if not 12 <= len(salt) <= 64:
            return _error(403, "SignatureDoesNotMatch", "salt는 12~64바이트여야 합니다.")
        try:
            sent_at = datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            return _error(403, "RequestTimeTooSkewed", "날짜 형식이 ISO 8601이 아닙니다.")
        now = datetime.now(UTC) + self.clock_offset
        if sent_at.tzinfo is None or abs(now - sent_at) > SKEW:
            return _error(403, "RequestTimeTooSkewed", "시간 값이 서버 시간을 15분 이상 벗어났습니다.")
        if signature in self.signatures:
            return _error(403, "DuplicatedSignature", "15분 안에 같은 signature를 썼습니다.")
        self.signatures[signature] = now
        return None

    async def create_group(self, request: Request) -> Response:
        self.requests["create_group"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        fault = await self.before()
        if isinstance(fault, Response):
            return fault
        group = Group(self._id("G"))
        self.groups[group.group_id] = group
        await self.after(fault if fault == "lost" else None)
        return JSONResponse(group.info())

    def _group(self, group_id: str) -> Group | Response:
        group = self.groups.get(group_id)
        return group if group is not None else _error(404, "NotFound", "해당 그룹이 없습니다.")

    async def group_info(self, request: Request) -> Response:
        self.requests["group_info"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        group = self._group(request.path_params["group_id"])
        return group if isinstance(group, Response) else JSONResponse(group.info())

    async def group_messages(self, request: Request) -> Response:
        self.requests["group_messages"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        group = self._group(request.path_params["group_id"])
        if isinstance(group, Response):
            return group
        return JSONResponse({"startKey": None, "limit": 20, "messageList": group.messages})

    def _status(self, message: dict[str, Any]) -> tuple[str, str]:
        to, sender, text = str(message.get("to", "")), str(message.get("from", "")), str(message.get("text", ""))
        kind, subject = str(message.get("type", "")).upper(), message.get("subject")
        if not to or not sender or not text:
            return "1010", "필수 입력 값 미입력"
        if kind not in {"SMS", "LMS", "MMS"}:
            return "1025", "잘못된 메시지 타입"
        if sender not in self.senders:
            return "1062", "발신번호 미등록"
        if not (to.isdigit() and to.startswith("01") and len(to) in (10, 11)):
            return "1011", "Format Error"
        if any(not _euc_kr(ch) for ch in text if ch not in "\n\r\t"):
            return "1029", "EUC-KR 범위 밖의 문자"
        if subject is not None and kind == "SMS":
            return "1013", "SMS에는 제목을 쓸 수 없습니다."
        if subject is not None and cp949_bytes(str(subject)) > 40:
            return "1014", "제목은 40byte까지 사용 가능합니다."
        if cp949_bytes(text) > (90 if kind == "SMS" else 2000):
            return "1031", "SMS는 90byte, LMS/MMS는 2000byte까지"
        if kind == "MMS" and message.get("imageId") not in self.files:
            return "1034", "imageId가 존재하지 않습니다."
        return "2000", "정상 접수(이통사로 접수 예정)"

    async def add_messages(self, request: Request) -> Response:
        self.requests["add_messages"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        group = self._group(request.path_params["group_id"])
        if isinstance(group, Response):
            return group
        if group.status != "PENDING":
            return _error(400, "GroupAlreadySent", "이미 발송된 그룹입니다.")
        fault = await self.before()
        if isinstance(fault, Response):
            return fault
        results = []
        for message in (await request.json()).get("messages") or []:
            code, text = self._status(message)
            message_id = self._id("M")
            stored = {**message, "_id": message_id, "messageId": message_id, "groupId": group.group_id}
            stored.update(statusCode=code, reason=None if code == "2000" else text, country="82")
            group.messages[message_id] = stored
            results.append(
                {
                    "to": message.get("to"),
                    "from": message.get("from"),
                    "type": message.get("type"),
                    "country": "82",
                    "messageId": message_id,
                    "statusCode": code,
                    "statusMessage": text,
                    "accountId": "12925149",
                }
            )
        await self.after(fault if fault == "lost" else None)
        return JSONResponse({"errorCount": sum(1 for r in results if r["statusCode"] != "2000"), "resultList": results})

    async def send_group(self, request: Request) -> Response:
        self.requests["send_group"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        group = self._group(request.path_params["group_id"])
        if isinstance(group, Response):
            return group
        if group.status != "PENDING":
            return _error(400, "GroupAlreadySent", "이미 발송 요청된 그룹입니다.")
        fault = await self.before()
        if isinstance(fault, Response):
            return fault
        group.status = "SENDING"
        for message in group.messages.values():
            if message["statusCode"] == "2000":
                message["statusCode"] = "4000"
                self.sent[message["text"]] += 1
        group.status = "COMPLETE"
        await self.after(fault)
        return JSONResponse({**group.info(), "status": "SENDING"})

    async def upload(self, request: Request) -> Response:
        self.requests["upload"] += 1
        if (refused := self._authenticate(request)) is not None:
            return refused
        body = await request.json()
        try:
            data = base64.b64decode(body.get("file") or "", validate=True)
        except binascii.Error:
            return _error(400, "ValidationError", "file은 base64여야 합니다.")
        if body.get("type") != "MMS" or not data:
            return _error(400, "ValidationError", "type은 MMS, file은 필수입니다.")
        if len(data) > MAX_IMAGE_BYTES:
            return _error(400, "FileSizeExceeded", "MMS 이미지는 200KB까지입니다.")
        file_id = self._id("ST01FZ")
        self.files[file_id] = data
        return JSONResponse({"fileId": file_id, "type": "MMS", "name": body.get("name")})

    def received_images(self) -> int:
        return sum(1 for g in self.groups.values() for m in g.messages.values() if m.get("imageId") in self.files)


def _euc_kr(ch: str) -> bool:
    """In KS X 1001 (two bytes at most: Python's codec spells rare syllables as 8-byte jamo sequences)."""
    try:
        return len(ch.encode("euc_kr")) <= 2
    except UnicodeEncodeError:
        return False
