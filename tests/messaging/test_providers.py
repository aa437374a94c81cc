"""Each adapter against its fake gateway: request format, signatures, byte limits, outcome classification."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

import httpx
import pytest

from jibsa.core.config import Settings
from jibsa.messaging.providers import AligoProvider, Outcome, OutgoingMessage, SendResult, SolapiProvider
from jibsa.messaging.providers.aligo import classify_result_code
from jibsa.messaging.providers.base import classify_transport_error
from jibsa.messaging.providers.solapi import classify_status_code, sign
from jibsa.models import MessageType
from tests.messaging.conftest import aligo_gateway, faults, solapi_gateway
from tests.messaging.fakes.aligo import FakeAligo
from tests.messaging.fakes.common import cp949_bytes
from tests.messaging.fakes.solapi import FakeSolapi


def outgoing(text: str = "안내 문자입니다", *, kind: MessageType = MessageType.SMS, **extra: object) -> OutgoingMessage:
    fields: dict[str, object] = {"id": 1, "recipient": "01012345678", "sender": "15516640", **extra}
    return OutgoingMessage(text=text, message_type=kind, **fields)  # type: ignore[arg-type]


class TestAligoResultCodes:
    @pytest.mark.parametrize(
        ("code", "outcome"),
        [
            (-101, Outcome.PERMANENT),
            (-102, Outcome.PERMANENT),
            (-103, Outcome.PERMANENT),
            (-301, Outcome.PERMANENT),
            (-302, Outcome.PERMANENT),
            (-201, Outcome.TRANSIENT),
            (-501, Outcome.TRANSIENT),
            (-99, Outcome.TRANSIENT),
            (-401, Outcome.AMBIGUOUS),
            (-777, Outcome.PERMANENT),
        ],
    )
    def test_negative_codes(self, code: int, outcome: Outcome) -> None:
        result = classify_result_code(code, "")
        assert result is not None
        assert result.outcome is outcome

    def test_one_is_success(self) -> None:
        assert classify_result_code(1, "success") is None


class TestAligoAgainstFake:
    async def test_sends_a_form_and_reads_the_message_id(self, worker_settings: Settings) -> None:
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            provider = AligoProvider(gw.settings)
            result = await provider.send(outgoing(kind=MessageType.LMS, subject="[일정확정]"))
            await provider.aclose()
        assert result.outcome is Outcome.ACCEPTED
        [sent] = gw.fake.sends
        assert (sent.mid, sent.msg_type, sent.title, sent.receivers) == (
            result.message_id,
            "LMS",
            "[일정확정]",
            ["01012345678"],
        )

    @pytest.mark.parametrize(("size", "outcome"), [(90, Outcome.ACCEPTED), (91, Outcome.PERMANENT)])
    async def test_sms_byte_boundary(self, worker_settings: Settings, size: int, outcome: Outcome) -> None:
        text = "가" * (size // 2) + "a" * (size % 2)
        assert cp949_bytes(text) == size
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            provider = AligoProvider(gw.settings)
            result = await provider.send(outgoing(text))
            await provider.aclose()
        assert result.outcome is outcome

    @pytest.mark.parametrize(("size", "outcome"), [(2000, Outcome.ACCEPTED), (2001, Outcome.PERMANENT)])
    async def test_lms_byte_boundary(self, worker_settings: Settings, size: int, outcome: Outcome) -> None:
        text = "나" * (size // 2) + "b" * (size % 2)
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            provider = AligoProvider(gw.settings)
            result = await provider.send(outgoing(text, kind=MessageType.LMS))
            await provider.aclose()
        assert result.outcome is outcome

    async def test_wrong_key_is_permanent(self, worker_settings: Settings) -> None:
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            provider = AligoProvider(gw.settings.model_copy(update={"aligo_key": "wrong"}))
            result = await provider.send(outgoing())
            await provider.aclose()
        assert (result.outcome, result.code) == (Outcome.PERMANENT, "-101")
        assert gw.fake.sends == []

    async def test_lost_answer_is_ambiguous_and_resolved_from_the_history(self, worker_settings: Settings) -> None:
        async with aligo_gateway(worker_settings, FakeAligo(faults(lost_rate=1.0))) as gw:
            provider = AligoProvider(gw.settings)
            message = outgoing("결과가 사라진 문자")
            result = await provider.send(message)
            assert result.outcome is Outcome.AMBIGUOUS
            settled = await provider.resolve(message)
            assert settled is not None
            assert (settled.outcome, settled.message_id) == (Outcome.ACCEPTED, gw.fake.sends[0].mid)
            # Same text to another receiver: not ours.
            assert await provider.resolve(outgoing("결과가 사라진 문자", recipient="01099998888")) is None
            await provider.aclose()

    async def test_unreachable_gateway_is_transient(self, worker_settings: Settings) -> None:
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            url = gw.settings.aligo_url
        provider = AligoProvider(gw.settings.model_copy(update={"aligo_url": url}))  # the server is gone now
        result = await provider.send(outgoing())
        await provider.aclose()
        assert (result.outcome, result.code) == (Outcome.TRANSIENT, "network")


class TestTransportErrors:
    def test_before_the_request_left_is_transient_after_is_ambiguous(self) -> None:
        request = httpx.Request("POST", "http://127.0.0.1:8400/send/")
        assert classify_transport_error(httpx.ConnectError("refused", request=request)).outcome is Outcome.TRANSIENT
        assert classify_transport_error(httpx.ReadTimeout("slow", request=request)).outcome is Outcome.AMBIGUOUS
        assert classify_transport_error(httpx.RemoteProtocolError("drop", request=request)).outcome is Outcome.AMBIGUOUS


class TestSolapiSignature:
    def test_signature_is_hmac_of_date_and_salt(self) -> None:
        header = sign("KEY", "SECRET", date="2019-07-01T00:41:48Z", salt="jqsba2jxjnrjor")
        expected = hmac.new(b"SECRET", b"2019-07-01T00:41:48Zjqsba2jxjnrjor", hashlib.sha256).hexdigest()
        assert header == f"HMAC-SHA256 apiKey=KEY, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature={expected}"

    @pytest.mark.parametrize(
        ("offset", "outcome"),
        [(timedelta(minutes=14), Outcome.ACCEPTED), (timedelta(minutes=16), Outcome.TRANSIENT)],
    )
    async def test_clock_skew(self, worker_settings: Settings, offset: timedelta, outcome: Outcome) -> None:
        async with solapi_gateway(worker_settings, FakeSolapi(clock_offset=offset)) as gw:
            provider = SolapiProvider(gw.settings)
            result = await provider.create_group(outgoing())
            await provider.aclose()
        assert result.outcome is outcome
        if outcome is Outcome.TRANSIENT:
            assert result.code == "RequestTimeTooSkewed"

    async def test_a_signature_is_never_accepted_twice(self, worker_settings: Settings) -> None:
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            header = sign(gw.settings.solapi_key, gw.settings.solapi_secret, date=_now_iso(), salt="0123456789abcdef")
            async with httpx.AsyncClient(base_url=gw.settings.solapi_url) as client:
                first = await client.post("/messages/v4/groups", json={}, headers={"Authorization": header})
                second = await client.post("/messages/v4/groups", json={}, headers={"Authorization": header})
        assert first.status_code == 200
        assert (second.status_code, second.json()["errorCode"]) == (403, "DuplicatedSignature")

    async def test_wrong_key_is_permanent(self, worker_settings: Settings) -> None:
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            provider = SolapiProvider(gw.settings.model_copy(update={"solapi_key": "NCSWRONGKEY00000"}))
            result = await provider.create_group(outgoing())
            await provider.aclose()
        assert (result.outcome, result.code) == (Outcome.PERMANENT, "InvalidAPIKey")


class TestSolapiMessages:
    async def _send(self, settings: Settings, fake: FakeSolapi, message: OutgoingMessage) -> SendResult:
        async with solapi_gateway(settings, fake) as gw:
            provider = SolapiProvider(gw.settings)
            group = await provider.create_group(message)
            from dataclasses import replace

            result = await provider.send(replace(message, group_id=group.group_id))
            await provider.aclose()
        return result

    @pytest.mark.parametrize(
        ("message", "code"),
        [
            (outgoing("가" * 45), None),
            (outgoing("가" * 45 + "a"), "1031"),
            (outgoing("안녕하세요 😀"), "1029"),
            (outgoing("똠방각하"), "1029"),  # 똠 is outside KS X 1001
            (outgoing("요금 ₩10,000"), "1029"),
            (outgoing("긴 안내", kind=MessageType.LMS, subject="가" * 20), None),
            (outgoing("긴 안내", kind=MessageType.LMS, subject="가" * 20 + "a"), "1014"),
            (outgoing("짧은 안내", subject="[제목]"), None),  # SMS carries no subject: the adapter drops it
        ],
    )
    async def test_registration_checks(
        self, worker_settings: Settings, message: OutgoingMessage, code: str | None
    ) -> None:
        result = await self._send(worker_settings, FakeSolapi(), message)
        if code is None:
            assert result.outcome is Outcome.ACCEPTED
        else:
            assert (result.outcome, result.code) == (Outcome.PERMANENT, code)

    async def test_unregistered_sender(self, worker_settings: Settings) -> None:
        result = await self._send(worker_settings, FakeSolapi(senders=("0299999999",)), outgoing())
        assert (result.outcome, result.code) == (Outcome.PERMANENT, "1062")

    async def test_lost_send_answer_is_settled_by_the_group(self, worker_settings: Settings) -> None:
        fake = FakeSolapi()
        async with solapi_gateway(worker_settings, fake) as gw:
            provider = SolapiProvider(gw.settings)
            group = await provider.create_group(outgoing())
            from dataclasses import replace

            message = replace(outgoing(), group_id=group.group_id)
            fake.faults = faults(lost_rate=1.0)
            assert (await provider.send(message)).outcome is Outcome.AMBIGUOUS
            fake.faults = faults()
            settled = await provider.resolve(message)
            assert settled is not None
            assert settled.outcome is Outcome.ACCEPTED
            await provider.aclose()
        assert sum(fake.sent.values()) == 1

    def test_status_codes(self) -> None:
        assert classify_status_code("2000", "") is None
        assert classify_status_code("2230", "잔액 부족") == SendResult.transient("2230", "잔액 부족")
        assert classify_status_code("1062", "발신번호 미등록") == SendResult.permanent("1062", "발신번호 미등록")


def _now_iso() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
