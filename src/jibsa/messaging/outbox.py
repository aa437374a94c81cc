"""The outbox: every outgoing message is a row written in the transaction of its cause.

Nothing here talks to a gateway; the worker delivers queued rows after commit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningInsert

from jibsa.core.crypto import blind_index
from jibsa.core.data_version import tables_of
from jibsa.core.db import dialect_name
from jibsa.core.korean import format_phone, now_utc
from jibsa.core.read_cache import memo
from jibsa.messaging.text import message_type_for, render, with_prefix
from jibsa.models import Admin, CompanyProfile, MessageStatus, SmsMessage, SmsTemplate, TriggerSource


def _insert_unless_taken(dialect: str, values: dict[str, object]) -> ReturningInsert[tuple[SmsMessage]]:
    """``INSERT … ON CONFLICT (idempotency_key) DO NOTHING RETURNING`` the new row (none when the key is taken)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(SmsMessage).values(**values)
    return stmt.on_conflict_do_nothing(index_elements=[SmsMessage.idempotency_key]).returning(SmsMessage)


async def company_profile(session: AsyncSession) -> CompanyProfile:
    profile = await session.get(CompanyProfile, 1)
    return profile if profile is not None else CompanyProfile(id=1)


@dataclass(frozen=True, slots=True)
class CompanyValues:
    """What every rendered message takes from the company profile."""

    name: str
    phone: str
    sms_prefix: str


_COMPANY_TABLES = tables_of(CompanyProfile)


async def company_values(session: AsyncSession) -> CompanyValues:
    """The company's name, phone and SMS prefix (each queued message needs them: kept while the profile is
    unchanged, ``core.read_cache.memo``)."""

    async def compute() -> CompanyValues:
        profile = await company_profile(session)
        return CompanyValues(profile.name, profile.phone, profile.sms_prefix)

    return await memo(session, "company.values", _COMPANY_TABLES, compute)


async def enqueue_text(
    session: AsyncSession,
    *,
    recipient: str,
    text: str,
    recipient_kind: str = "customer",
    subject: str | None = None,
    template_key: str | None = None,
    trigger: TriggerSource = TriggerSource.SYSTEM,
    reference: tuple[str, int] | None = None,
    idempotency_key: str | None = None,
    image_file_ids: Sequence[int] = (),
    bulk_job_id: int | None = None,
    retry_of_id: int | None = None,
    created_by: int | None = None,
    prefix: str | None = None,
) -> SmsMessage:
    """Queue one message to ``recipient`` (normalised digits). Repeating an idempotency key returns the first row."""
    if prefix is None:
        prefix = (await company_values(session)).sms_prefix
    body = with_prefix(text, prefix)
    values: dict[str, object] = {
        "recipient": recipient,
        "recipient_bidx": blind_index("phone", recipient),
        "recipient_last4_bidx": blind_index("phone_last4", recipient[-4:]),
        "recipient_kind": recipient_kind,
        "text": body,
        "subject": subject,
        "message_type": message_type_for(body, has_images=bool(image_file_ids)),
        "template_key": template_key,
        "trigger": trigger,
        "reference_type": reference[0] if reference else None,
        "reference_id": reference[1] if reference else None,
        "idempotency_key": idempotency_key,
        "image_file_ids": list(image_file_ids),
        "bulk_job_id": bulk_job_id,
        "retry_of_id": retry_of_id,
        "created_by": created_by,
        "status": MessageStatus.QUEUED,
        "next_attempt_at": now_utc(),
    }
    if idempotency_key is None:
        message = SmsMessage(**values)
        session.add(message)
        await session.flush()
        return message
    # One statement: the row is inserted unless the key is taken (by an earlier cause, or a concurrent transaction,
    # whose commit PostgreSQL waits for); then the first row is the answer.
    inserted: SmsMessage | None = await session.scalar(_insert_unless_taken(dialect_name(session), values))
    if inserted is not None:
        return inserted
    first: SmsMessage | None = await session.scalar(
        select(SmsMessage).where(SmsMessage.idempotency_key == idempotency_key)
    )
    if first is None:  # cannot happen: a conflicting row that rolled back lets the insert through
        raise RuntimeError(f"idempotency key {idempotency_key!r} is taken but no row holds it")
    return first


def format_company_phone(value: str) -> str:
    """``15516640`` → ``1551-6640``; a number stored with separators is kept as written."""
    return format_phone(value) if value.isdigit() and len(value) >= 8 else value


# Every submission looks up two templates and the admins to notify: built once, and answered from memory while
# those tables are unchanged (``core.read_cache.memo``; the phones are decrypted in this process's memory only).
_ACTIVE_TEMPLATE = select(SmsTemplate.content, SmsTemplate.subject).where(
    SmsTemplate.key == bindparam("key"), SmsTemplate.is_active.is_(True)
)
_TEMPLATE_TABLES = tables_of(SmsTemplate)
_ADMIN_PHONES = select(Admin.id, Admin.phone).where(Admin.is_active.is_(True), Admin.phone.is_not(None))
_ADMIN_TABLES = tables_of(Admin)


@dataclass(frozen=True, slots=True)
class ActiveTemplate:
    content: str
    subject: str | None


async def get_active_template(session: AsyncSession, key: str) -> ActiveTemplate | None:
    """The text of an active template; ``None`` when it is switched off (or unknown)."""

    async def compute() -> ActiveTemplate | None:
        row = (await session.execute(_ACTIVE_TEMPLATE, {"key": key})).first()
        return None if row is None else ActiveTemplate(row.content, row.subject)

    return await memo(session, ("sms_template", key), _TEMPLATE_TABLES, compute)


async def _admin_phones(session: AsyncSession) -> tuple[tuple[int, str], ...]:
    async def compute() -> tuple[tuple[int, str], ...]:
        return tuple((admin_id, phone) for admin_id, phone in await session.execute(_ADMIN_PHONES) if phone)

    return await memo(session, "admin.phones", _ADMIN_TABLES, compute)


@dataclass(frozen=True, slots=True)
class RenderedTemplate:
    key: str
    text: str
    subject: str | None
    prefix: str


async def render_template(
    session: AsyncSession, template_key: str, variables: Mapping[str, object]
) -> RenderedTemplate | None:
    """An active template filled with ``variables`` and the company's values; ``None`` when it is switched off."""
    template = await get_active_template(session, template_key)
    if template is None:
        return None
    company = await company_values(session)
    values = {"company_name": company.name, "company_phone": format_company_phone(company.phone), **variables}
    return RenderedTemplate(template_key, render(template.content, values), template.subject, company.sms_prefix)


async def enqueue_template(
    session: AsyncSession,
    *,
    template_key: str,
    recipient: str,
    variables: Mapping[str, object],
    recipient_kind: str,
    trigger: TriggerSource = TriggerSource.SYSTEM,
    reference: tuple[str, int] | None = None,
    idempotency_key: str | None = None,
    created_by: int | None = None,
) -> SmsMessage | None:
    """Render an active template and queue it; an inactive template means that message is switched off."""
    rendered = await render_template(session, template_key, variables)
    if rendered is None:
        return None
    return await _enqueue_rendered(
        session,
        rendered,
        recipient=recipient,
        recipient_kind=recipient_kind,
        trigger=trigger,
        reference=reference,
        idempotency_key=idempotency_key,
        created_by=created_by,
    )


async def _enqueue_rendered(
    session: AsyncSession,
    rendered: RenderedTemplate,
    *,
    recipient: str,
    recipient_kind: str,
    trigger: TriggerSource = TriggerSource.SYSTEM,
    reference: tuple[str, int] | None = None,
    idempotency_key: str | None = None,
    created_by: int | None = None,
) -> SmsMessage:
    return await enqueue_text(
        session,
        recipient=recipient,
        text=rendered.text,
        recipient_kind=recipient_kind,
        subject=rendered.subject,
        template_key=rendered.key,
        trigger=trigger,
        reference=reference,
        idempotency_key=idempotency_key,
        created_by=created_by,
        prefix=rendered.prefix,
    )


async def notify_admins(
    session: AsyncSession,
    *,
    template_key: str,
    variables: Mapping[str, object],
    reference: tuple[str, int],
) -> list[SmsMessage]:
    """Queue a template to every active admin with a phone number (one row per admin, idempotent per cause).

    The text is the same for every admin: it is rendered once, not once per recipient.
    """
    recipients = await _admin_phones(session)
    if not recipients:
        return []
    rendered = await render_template(session, template_key, variables)
    if rendered is None:
        return []
    return [
        await _enqueue_rendered(
            session,
            rendered,
            recipient=phone,
            recipient_kind="admin",
            reference=reference,
            idempotency_key=f"{reference[0]}:{reference[1]}:{template_key}:admin:{admin_id}",
        )
        for admin_id, phone in recipients
    ]
