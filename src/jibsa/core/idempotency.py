"""``Idempotency-Key`` support: the first reply is stored with the change and replayed for repeats."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.errors import AppError, InvalidInput
from jibsa.models import IdempotencyRecord

MAX_KEY_LENGTH = 120


class IdempotencyKeyReused(AppError):
    status_code = 422
    code = "idempotency_key_reused"
    message = "같은 Idempotency-Key가 다른 요청에 이미 사용되었습니다."


def request_fingerprint(payload: Any) -> str:
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


@dataclass
class IdempotencySlot:
    """Either a reply to replay, or a claimed key whose reply must be stored with ``complete``."""

    scope: str
    key: str | None
    replay_status: int | None = None
    replay_body: dict[str, Any] = field(default_factory=dict)

    @property
    def is_replay(self) -> bool:
        return self.replay_status is not None


async def claim(session: AsyncSession, scope: str, key: str | None, fingerprint: str) -> IdempotencySlot:
    """Claim ``key`` for this request, or return the stored reply of an earlier identical request.

    Inserting the record first means a concurrent duplicate waits on the primary key (PostgreSQL) or on the
    write lock (SQLite) and then sees the committed reply instead of doing the work twice.
    """
    if not key:
        return IdempotencySlot(scope, None)
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidInput("Idempotency-Key", f"Idempotency-Key는 {MAX_KEY_LENGTH}자 이하여야 합니다.")
    record = await session.get(IdempotencyRecord, (scope, key))
    if record is None:
        try:
            async with session.begin_nested():
                session.add(
                    IdempotencyRecord(scope=scope, key=key, request_hash=fingerprint, status_code=0, response_body={})
                )
            return IdempotencySlot(scope, key)
        except IntegrityError:
            stmt = select(IdempotencyRecord).where(IdempotencyRecord.scope == scope, IdempotencyRecord.key == key)
            record = (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused()
    return IdempotencySlot(scope, key, replay_status=record.status_code, replay_body=record.response_body)


async def complete(session: AsyncSession, slot: IdempotencySlot, status_code: int, body: dict[str, Any]) -> None:
    if slot.key is None:
        return
    record = await session.get(IdempotencyRecord, (slot.scope, slot.key))
    if record is not None:
        record.status_code = status_code
        record.response_body = body
        await session.flush()
