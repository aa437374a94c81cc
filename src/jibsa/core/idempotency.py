"""``Idempotency-Key`` support: the first reply is stored with the change and replayed for repeats."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import dialect_name
from jibsa.core.errors import AppError, InvalidInput
from jibsa.core.korean import now_utc
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


# Built once per dialect: a request only binds its values (SQLAlchemy's compiled cache does the rest).
_CLAIM = {
    name: dialect.insert(IdempotencyRecord)
    .values(
        scope=bindparam("scope"),
        key=bindparam("key"),
        request_hash=bindparam("request_hash"),
        status_code=0,
        response_body={},
        created_at=bindparam("now"),
    )
    .on_conflict_do_nothing(index_elements=[IdempotencyRecord.scope, IdempotencyRecord.key])
    .returning(IdempotencyRecord.key)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_COMPLETE = (
    update(IdempotencyRecord)
    .where(IdempotencyRecord.scope == bindparam("slot_scope"), IdempotencyRecord.key == bindparam("slot_key"))
    .values(status_code=bindparam("reply_status"), response_body=bindparam("reply_body"))
    .execution_options(synchronize_session=False)
)


async def claim(session: AsyncSession, scope: str, key: str | None, fingerprint: str) -> IdempotencySlot:
    """Claim ``key`` for this request, or return the stored reply of an earlier identical request.

    One ``INSERT … ON CONFLICT DO NOTHING RETURNING``: a concurrent duplicate waits on the primary key (PostgreSQL)
    or on the write lock (SQLite), then finds the key taken and reads the committed reply instead of doing the work
    twice. Only a request that finds the key taken pays a second statement.
    """
    if not key:
        return IdempotencySlot(scope, None)
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidInput("Idempotency-Key", f"Idempotency-Key는 {MAX_KEY_LENGTH}자 이하여야 합니다.")
    claimed = await session.scalar(
        _CLAIM["postgresql" if dialect_name(session) == "postgresql" else "sqlite"],
        {"scope": scope, "key": key, "request_hash": fingerprint, "now": now_utc()},
    )
    if claimed is not None:
        return IdempotencySlot(scope, key)
    # Taken: by a committed request (PostgreSQL waited for it to finish), or earlier in this very transaction.
    stmt = select(IdempotencyRecord).where(IdempotencyRecord.scope == scope, IdempotencyRecord.key == key)
    record = (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused()
    return IdempotencySlot(scope, key, replay_status=record.status_code, replay_body=record.response_body)


async def complete(session: AsyncSession, slot: IdempotencySlot, status_code: int, body: dict[str, Any]) -> None:
    if slot.key is None:
        return
    await session.execute(
        _COMPLETE, {"slot_scope": slot.scope, "slot_key": slot.key, "reply_status": status_code, "reply_body": body}
    )
