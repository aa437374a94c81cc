"""SMS templates: listing, editing with placeholder and byte checks, and previews rendered as they would be sent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import Request
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.audit.service import record
from jibsa.core.config import Settings
from jibsa.messaging.content import COMPANY_VARIABLES, check_subject, check_text, company_variables
from jibsa.messaging.exceptions import (
    SystemTemplate,
    SystemTemplateReadOnly,
    TemplateKeyTaken,
    TemplateNotFound,
    UnknownPlaceholders,
)
from jibsa.messaging.outbox import company_profile
from jibsa.messaging.schemas import SmsTemplateCreate, SmsTemplateUpdate, TemplatePreview, TemplatePreviewRequest
from jibsa.messaging.text import LMS_MAX_BYTES, inspect_text, placeholders, render, with_prefix
from jibsa.models import Admin, SmsTemplate

SYSTEM_EDITABLE = frozenset({"content", "is_active"})
_AUDITED = ("key", "title", "description", "content", "subject", "variables", "is_active")

# Realistic worst-case values for the byte check on save: a template must still fit once filled in.
_SAMPLES: dict[str, str] = {
    "customer_name": "홍길동",
    "partner_name": "푸른조경종합건설",
    "company_name": "집사 홈케어",
    "representative_name": "이영희",
    "application_number": "20261128-001",
    "existing_application_number": "20261127-012",
    "existing_status": "상담중",
    "customer_phone": "010-1234-5678",
    "partner_phone": "010-1234-5678",
    "contact_phone": "010-1234-5678",
    "company_phone": "1551-6640",
    "address": "경기도 양평군 양평읍 중앙로 123 양평아파트",
    "services": "제초 작업, 수목 전지, 방충망 교체 외 2건",
    "schedule_info": "상담 2026-12-01, 작업 2026-12-05",
    "scheduled_date": "2026-12-05",
    "scheduled_time": "오전 10:00",
    "old_date": "2026-12-05 오전 10:00",
    "new_date": "2026-12-06",
    "new_time": "오후 2:00",
    "estimated_cost": "1,250,000원",
    "cancel_reason": "고객 요청",
    "rejection_reason": "서비스 지역이 맞지 않습니다.",
    "view_url": "https://jibsa.example.com/view/customer/AbCdEfGhIjKlMnOpQrStUv",
}
_DEFAULT_SAMPLE = "가나다라마바사아자차"


def allowed_variables(template_variables: Sequence[str]) -> list[str]:
    return list(dict.fromkeys([*template_variables, *COMPANY_VARIABLES]))


def sample_variables(names: Sequence[str], settings: Settings) -> dict[str, str]:
    samples = {name: _SAMPLES.get(name, _DEFAULT_SAMPLE) for name in names}
    if "view_url" in samples:
        samples["view_url"] = f"{settings.public_url.rstrip('/')}/view/customer/AbCdEfGhIjKlMnOpQrStUv"
    return samples


async def _validate(
    session: AsyncSession, *, content: str, subject: str | None, variables: Sequence[str], settings: Settings
) -> None:
    """Placeholders known, characters sendable, sample rendering within 2000 bytes with the prefix."""
    allowed = allowed_variables(variables)
    unknown = sorted(placeholders(content) - set(allowed))
    if unknown:
        raise UnknownPlaceholders(unknown, allowed)
    check_text(content, field="content")
    check_subject(subject)
    profile = await company_profile(session)
    rendered = render(content, {**sample_variables(allowed, settings), **company_variables(profile)})
    check_text(with_prefix(rendered, profile.sms_prefix), field="content", limit=LMS_MAX_BYTES)


def _snapshot(template: SmsTemplate) -> dict[str, Any]:
    return {name: getattr(template, name) for name in _AUDITED}


async def list_templates(
    session: AsyncSession, *, is_active: bool | None = None, search: str | None = None
) -> Sequence[SmsTemplate]:
    """System templates first, then by title; ``search`` matches title or key."""
    stmt = select(SmsTemplate)
    if is_active is not None:
        stmt = stmt.where(SmsTemplate.is_active.is_(is_active))
    if search and search.strip():
        pattern = f"%{search.strip().lower()}%"
        stmt = stmt.where(or_(SmsTemplate.title.ilike(pattern), SmsTemplate.key.ilike(pattern)))
    stmt = stmt.order_by(SmsTemplate.is_system.desc(), SmsTemplate.title, SmsTemplate.id)
    return (await session.scalars(stmt)).all()


async def get_template(session: AsyncSession, template_id: int) -> SmsTemplate:
    template = await session.get(SmsTemplate, template_id)
    if template is None:
        raise TemplateNotFound()
    return template


async def get_template_by_key(session: AsyncSession, key: str) -> SmsTemplate:
    template = await session.scalar(select(SmsTemplate).where(SmsTemplate.key == key))
    if template is None:
        raise TemplateNotFound()
    return template


async def create_template(
    session: AsyncSession, data: SmsTemplateCreate, *, admin: Admin, settings: Settings, request: Request | None
) -> SmsTemplate:
    """Create a custom template (key unique)."""
    if await session.scalar(select(SmsTemplate.id).where(SmsTemplate.key == data.key)):
        raise TemplateKeyTaken()
    variables = list(dict.fromkeys(data.variables))
    await _validate(session, content=data.content, subject=data.subject, variables=variables, settings=settings)
    template = SmsTemplate(
        key=data.key,
        title=data.title,
        description=data.description,
        content=data.content,
        subject=data.subject,
        variables=variables,
        is_active=data.is_active,
        is_system=False,
        updated_by=admin.id,
    )
    session.add(template)
    await session.flush()
    await record(
        session,
        action="create",
        entity_type="sms_template",
        entity_id=template.id,
        summary=f"문자 템플릿 생성: {template.title} ({template.key})",
        admin=admin,
        after=_snapshot(template),
        request=request,
    )
    return template


async def update_template(
    session: AsyncSession,
    template_id: int,
    data: SmsTemplateUpdate,
    *,
    admin: Admin,
    settings: Settings,
    request: Request | None,
) -> SmsTemplate:
    """Change a template; system templates accept content and is_active only."""
    template = await get_template(session, template_id)
    changes = {name: value for name, value in data.model_dump(exclude_unset=True).items() if value is not None}
    if "subject" in data.model_fields_set and data.subject is None:
        changes["subject"] = None
    if template.is_system:
        refused = sorted(
            name for name, value in changes.items() if name not in SYSTEM_EDITABLE and value != getattr(template, name)
        )
        if refused:
            raise SystemTemplateReadOnly(refused)
        changes = {name: value for name, value in changes.items() if name in SYSTEM_EDITABLE}
    before = _snapshot(template)
    await _validate(
        session,
        content=changes.get("content", template.content),
        subject=changes.get("subject", template.subject),
        variables=changes.get("variables", template.variables),
        settings=settings,
    )
    for name, value in changes.items():
        setattr(template, name, value)
    template.updated_by = admin.id
    await session.flush()
    after = _snapshot(template)
    changed = [name for name in _AUDITED if before[name] != after[name]]
    await record(
        session,
        action="update",
        entity_type="sms_template",
        entity_id=template.id,
        summary=f"문자 템플릿 수정: {template.title} ({', '.join(changed) or '변경 없음'})",
        admin=admin,
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
        request=request,
    )
    return template


async def delete_template(session: AsyncSession, template_id: int, *, admin: Admin, request: Request | None) -> None:
    """Delete a custom template; system templates are refused."""
    template = await get_template(session, template_id)
    if template.is_system:
        raise SystemTemplate()
    await record(
        session,
        action="delete",
        entity_type="sms_template",
        entity_id=template.id,
        summary=f"문자 템플릿 삭제: {template.title} ({template.key})",
        admin=admin,
        before=_snapshot(template),
        request=request,
    )
    await session.delete(template)
    await session.flush()


async def preview(session: AsyncSession, data: TemplatePreviewRequest) -> TemplatePreview:
    """Render a template or raw content with ``variables`` and the company prefix, as sending would."""
    subject: str | None = None
    if data.template_key is not None:
        template = await get_template_by_key(session, data.template_key)
        original, subject = template.content, template.subject
    else:
        original = data.content or ""
    profile = await company_profile(session)
    values: Mapping[str, object] = {**company_variables(profile), **data.variables}
    text = with_prefix(render(original, values), profile.sms_prefix)
    report = inspect_text(text)
    return TemplatePreview(
        original=original,
        preview=text,
        subject=subject,
        byte_length=report.byte_length,
        message_type=report.message_type,
        unsupported_characters=report.unsupported_characters,
    )
