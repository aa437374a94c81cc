"""A fake Aligo: ``/send/`` (form or multipart), ``/list/`` and ``/sms_list/`` with Aligo's checks and answers."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.messaging.fakes.common import FakeGateway, Faults, cp949_bytes

KST = ZoneInfo("Asia/Seoul")
KEY = "fake-aligo-key"
USER_ID = "jibsa"
SENDER = "15516640"


@dataclass
class AligoSend:
    mid: str
    sender: str
    receivers: list[str]
    msg: str
    msg_type: str
    title: str | None
    images: int
    reg_date: datetime = field(default_factory=lambda: datetime.now(UTC))


def _error(code: int, message: str) -> JSONResponse:
    return JSONResponse({"result_code": str(code), "message": message})


class FakeAligo(FakeGateway):
    def __init__(self, faults: Faults | None = None, *, senders: tuple[str, ...] = (SENDER,)) -> None:
        super().__init__(faults)
        self.senders = set(senders)
        self.sends: list[AligoSend] = []
        self._mids = itertools.count(900_000_001)
        self.app.add_route("/send/", self.send, methods=["POST"])
        self.app.add_route("/list/", self.list, methods=["POST"])
        self.app.add_route("/sms_list/", self.sms_list, methods=["POST"])

    def _authorised(self, form: FormData) -> bool:
        return form.get("key") == KEY and (form.get("user_id") or form.get("userid")) == USER_ID

    async def send(self, request: Request) -> Response:
        self.requests["send"] += 1
        form = await request.form()
        if not self._authorised(form):
            return _error(-101, "인증오류입니다.")
        fault = await self.before()
        if isinstance(fault, Response):
            return fault
        sender, msg = str(form.get("sender", "")), str(form.get("msg", ""))
        receivers = [r.strip().replace("-", "") for r in str(form.get("receiver", "")).split(",") if r.strip()]
        msg_type = str(form.get("msg_type") or ("SMS" if cp949_bytes(msg) <= 90 else "LMS"))
        title = form.get("title")
        images = [form.get(f"image{i}") for i in (1, 2, 3)]
        image_count = sum(1 for image in images if isinstance(image, UploadFile))
        if sender not in self.senders:
            return _error(-302, "등록되지 않은 발신번호입니다.")
        if not receivers or not all(r.isdigit() and r.startswith("01") and len(r) in (10, 11) for r in receivers):
            return _error(-301, "수신번호가 올바르지 않습니다.")
        if not msg:
            return _error(-102, "메시지 내용이 없습니다.")
        limit = 90 if msg_type == "SMS" else 2000
        if cp949_bytes(msg) > limit:
            return _error(-109, f"메시지가 {limit}byte를 넘습니다.")
        if title is not None and (msg_type == "SMS" or cp949_bytes(str(title)) > 44):
            return _error(-109, "제목은 LMS/MMS에서 44byte까지 쓸 수 있습니다.")
        if (msg_type == "MMS") != (image_count > 0):
            return _error(-102, "MMS에는 이미지가, 이미지에는 MMS가 필요합니다.")
        mid = str(next(self._mids))
        self.sends.append(AligoSend(mid, sender, receivers, msg, msg_type, str(title) if title else None, image_count))
        for _ in receivers:
            self.sent[msg] += 1
        await self.after(fault)
        return JSONResponse(
            {
                "result_code": "1",
                "message": "success",
                "msg_id": mid,
                "success_cnt": len(receivers),
                "error_cnt": 0,
                "msg_type": msg_type,
            }
        )

    @staticmethod
    def _page(form: FormData) -> tuple[int, int]:
        return max(1, int(str(form.get("page") or 1))), min(500, max(1, int(str(form.get("page_size") or 30))))

    async def list(self, request: Request) -> Response:
        self.requests["list"] += 1
        form = await request.form()
        if not self._authorised(form):
            return _error(-101, "인증오류입니다.")
        day = str(form.get("start_date") or datetime.now(KST).strftime("%Y%m%d"))
        page, size = self._page(form)
        matching = [s for s in reversed(self.sends) if s.reg_date.astimezone(KST).strftime("%Y%m%d") == day]
        chunk = matching[(page - 1) * size : page * size]
        items: list[dict[str, Any]] = [
            {
                "mid": s.mid,
                "type": s.msg_type,
                "sender": s.sender,
                "sms_count": str(len(s.receivers)),
                "reserve_state": "",
                "msg": s.msg,
                "fail_count": "0",
                "reg_date": s.reg_date.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S"),
                "reserve": "",
            }
            for s in chunk
        ]
        next_yn = "Y" if page * size < len(matching) else "N"
        return JSONResponse({"result_code": 1, "message": "success", "list": items, "next_yn": next_yn})

    async def sms_list(self, request: Request) -> Response:
        self.requests["sms_list"] += 1
        form = await request.form()
        if not self._authorised(form):
            return _error(-101, "인증오류입니다.")
        found = next((s for s in self.sends if s.mid == str(form.get("mid"))), None)
        if found is None:
            return JSONResponse({"result_code": 1, "message": "success", "list": [], "next_yn": "N"})
        when = found.reg_date.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S")
        items = [
            {
                "mdid": f"{found.mid}{index}",
                "type": found.msg_type,
                "sender": found.sender,
                "receiver": receiver,
                "sms_state": "발송완료",
                "reg_date": when,
                "send_date": when,
                "reserve_date": "",
            }
            for index, receiver in enumerate(found.receivers)
        ]
        return JSONResponse({"result_code": 1, "message": "success", "list": items, "next_yn": "N"})
