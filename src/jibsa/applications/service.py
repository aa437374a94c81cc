"""Back-office work on applications: list, detail, edit and status, soft delete, notes, customer history."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from fastapi import Request
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.applications import repository as repo
from jibsa.applications import state
from jibsa.applications.admin_schemas import (
    ApplicationDetail,
    ApplicationDetailView,
    ApplicationList,
    ApplicationListItem,
    ApplicationUpdate,
    CustomerHistory,
    HistoryItem,
    NoteCreate,
    NoteList,
    NoteOut,
    PartnerRef,
    PhotoOut,
    StatusChangeOut,
    StatusCounts,
)
from jibsa.applications.exceptions import ApplicationNotFound, NoteNotFound, NoteNotOwner, UnknownDistrict
from jibsa.applications.intake import PhoneIndexes
from jibsa.applications.intake import _customer_id as upsert_customer
from jibsa.applications.versioning import check_version, flush_or_conflict
from jibsa.assignments.schemas import ServiceRef
from jibsa.assignments.views import present_for_application
from jibsa.audit.service import entity_history, record
from jibsa.audit.service import record_view as audit_view
from jibsa.catalog import repository as catalog
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.errors import InvalidInput
from jibsa.core.korean import format_phone, mask_phone, now_utc
from jibsa.core.pagination import Page, PageParams
from jibsa.models import (
    APPLICATION_STATUS_LABELS,
    Actor,
    Admin,
    AdminRole,
    Application,
    ApplicationNote,
    ApplicationStatus,
    AssignmentStatus,
)

FILE_URL = "/api/v1/admin/files/{file_id}"
EDITABLE = (
    "customer_name",
    "customer_phone",
    "address",
    "address_detail",
    "district_code",
    "description",
    "preferred_consultation_date",
    "preferred_work_date",
)
REQUIRED = frozenset({"customer_name", "customer_phone", "address", "description"})
FIELD_LABELS = {
    "customer_name": "고객명",
    "customer_phone": "연락처",
    "address": "주소",
    "address_detail": "상세주소",
    "district_code": "지역",
    "description": "요청 내용",
    "preferred_consultation_date": "희망 상담일",
    "preferred_work_date": "희망 작업일",
}


def _status_counts(counts: dict[str, int]) -> StatusCounts:
    return StatusCounts(total=sum(counts.values()), **counts)


async def list_applications(session: AsyncSession, filters: repo.ListFilters, page: PageParams) -> ApplicationList:
    """A filtered page; PII is decrypted only for the rows on it, names and partners come in two batch queries.

    The total is the sum of the per-status counts under the same filters (cached when only the status filters).
    """
    counts = await repo.status_counts(session, filters)
    total = repo.total_of(filters, counts)
    rows = await repo.list_page(session, filters, page) if total > page.offset else []
    extras = await repo.row_extras(session, [a.id for a in rows])
    items = []
    for application in rows:
        partners = extras.partners.get(application.id, [])
        dates = [p.scheduled_date for p in partners if p.scheduled_date and p.status == AssignmentStatus.SCHEDULED]
        status = ApplicationStatus(application.status)
        items.append(
            ApplicationListItem(
                id=application.id,
                number=application.number,
                customer_name=application.customer_name,
                customer_phone=format_phone(application.customer_phone),
                address=application.address,
                district_code=application.district_code,
                services=[ServiceRef(code=c, name=n) for c, n in extras.services.get(application.id, [])],
                status=status,
                status_label=APPLICATION_STATUS_LABELS[status],
                partners=[
                    PartnerRef(
                        partner_id=p.partner_id,
                        company_name=p.company_name,
                        assignment_status=p.status,
                        scheduled_date=p.scheduled_date,
                    )
                    for p in partners
                ],
                next_scheduled_date=min(dates) if dates else None,
                preferred_consultation_date=application.preferred_consultation_date,
                preferred_work_date=application.preferred_work_date,
                created_at=application.created_at,
                updated_at=application.updated_at,
                version=application.version,
            )
        )
    base = Page[ApplicationListItem].build(items, total, page)
    return ApplicationList(**base.model_dump(exclude={"items"}), items=items, counts=_status_counts(counts))


async def status_counts(session: AsyncSession, filters: repo.ListFilters) -> StatusCounts:
    """Applications per status under the list's filters (the status filter itself aside)."""
    return _status_counts(await repo.status_counts(session, filters))


async def _live(session: AsyncSession, application_id: int, *, for_update: bool = False) -> Application:
    application = await repo.get_application(session, application_id, for_update=for_update)
    if application is None:
        raise ApplicationNotFound()
    return application


async def _detail_record(session: AsyncSession, application_id: int) -> repo.DetailRecord:
    record = await repo.detail_record(session, application_id)
    if record is None:
        raise ApplicationNotFound()
    return record


async def get_detail(session: AsyncSession, application_id: int, *, admin: Admin) -> ApplicationDetail:
    """Everything about one application, decrypted, with its assignments, notes count and status history."""
    record = await _detail_record(session, application_id)
    return ApplicationDetail(**await _detail_fields(session, record, admin=admin))


async def _detail_fields(
    session: AsyncSession, record: repo.DetailRecord, *, admin: Actor, notes_count: int | None = None
) -> dict[str, Any]:
    """The fields of :class:`ApplicationDetail`, for it or for the view that extends it (built once, not copied)."""
    names = await catalog.service_names(session)
    application = record.application
    status = ApplicationStatus(application.status)
    return {
        "id": application.id,
        "number": application.number,
        "customer_name": application.customer_name,
        "customer_phone": format_phone(application.customer_phone),
        "address": application.address,
        "address_detail": application.address_detail,
        "district_code": application.district_code,
        "district_name": await catalog.district_label(session, application.district_code),
        "description": application.description,
        "services": [ServiceRef(code=c, name=names.get(c, c)) for c in record.service_codes],
        "photos": [
            PhotoOut(
                file_id=file_id,
                url=FILE_URL.format(file_id=file_id),
                thumbnail_url=FILE_URL.format(file_id=file_id) + "?variant=thumbnail",
            )
            for file_id in record.photo_file_ids
        ],
        "preferred_consultation_date": application.preferred_consultation_date,
        "preferred_work_date": application.preferred_work_date,
        "status": status,
        "status_label": APPLICATION_STATUS_LABELS[status],
        "allowed_transitions": state.allowed_targets(status, admin),
        "status_changed_at": application.status_changed_at,
        "first_assigned_at": application.first_assigned_at,
        "completed_at": application.completed_at,
        "cancelled_at": application.cancelled_at,
        "cancel_reason": application.cancel_reason,
        "assigned_admin_id": application.assigned_admin_id,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "version": application.version,
        "assignments": await present_for_application(
            session, application.id, names=names, service_codes=record.assignment_service_codes
        ),
        "notes_count": notes_count if notes_count is not None else await repo.count_notes(session, application.id),
        "status_history": [
            StatusChangeOut(
                from_status=from_status,
                to_status=to_status,
                reason=reason,
                source=source,
                admin_id=admin_id,
                admin_name=admin_name,
                created_at=created_at,
            )
            for from_status, to_status, reason, source, admin_id, admin_name, created_at in await repo.status_history(
                session, application.id
            )
        ],
    }


# The first page of each section the detail screen shows, as the screen asks its sections' own endpoints for it.
VIEW_NOTES = PageParams(page=1, page_size=100)
VIEW_ACTIVITY_LIMIT = 100


async def get_view(session: AsyncSession, application_id: int, *, admin: Actor) -> ApplicationDetailView:
    """The detail with the first page of its notes, the customer's other applications and its audit history."""
    # Read once and handed to each section (each section's own endpoint reads it for itself).
    record = await _detail_record(session, application_id)
    notes = await _notes_of(session, application_id, VIEW_NOTES)
    return ApplicationDetailView(
        **await _detail_fields(session, record, admin=admin, notes_count=notes.total),
        notes=notes,
        customer_history=await _customer_history_of(session, record.application),
        activity=await entity_history(session, "application", application_id, limit=VIEW_ACTIVITY_LIMIT),
    )


async def record_view(session: AsyncSession, *, admin: Actor, application_id: int, request: Request | None) -> None:
    """Audit a read of personal data in the request's unit of work (the route is marked ``WritesOnRead``)."""
    await audit_view(
        session,
        entity_type="application",
        entity_id=application_id,
        summary=f"신청 #{application_id} 상세(개인정보) 조회",
        admin=admin,
        request=request,
    )


def _audit_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


async def update_application(
    session: AsyncSession,
    application_id: int,
    data: ApplicationUpdate,
    *,
    expected_version: int,
    admin: Admin,
    request: Request | None,
) -> ApplicationDetail:
    """Edit fields and/or change the status; the version is checked before anything else."""
    application = await _live(session, application_id, for_update=True)
    check_version(application.version, expected_version)
    fields = data.model_fields_set
    for name in REQUIRED & fields:
        if getattr(data, name) is None:
            raise InvalidInput(name, "비워 둘 수 없는 항목입니다.")
    if "district_code" in fields and data.district_code is not None:
        if not await catalog.district_exists(session, data.district_code):
            raise UnknownDistrict(details=[{"field": "district_code", "message": "존재하지 않는 지역입니다."}])

    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for name in EDITABLE:
        if name not in fields:
            continue
        old, new = getattr(application, name), getattr(data, name)
        if old == new:
            continue
        before[name], after[name] = _audit_value(old), _audit_value(new)
        setattr(application, name, new)
    if "customer_phone" in after and data.customer_phone is not None:
        phone = PhoneIndexes.of(data.customer_phone)
        application.phone_bidx, application.phone_last4_bidx = phone.full, phone.last4
        application.customer_id = await upsert_customer(session, phone.full)
    if "customer_name" in after and data.customer_name is not None:
        application.name_bidx = blind_index("name", normalise_name(data.customer_name))
    if after:
        await record(
            session,
            action="update",
            entity_type="application",
            entity_id=application.id,
            summary=f"신청 {application.number} 정보 수정 ({', '.join(FIELD_LABELS[k] for k in after)})",
            admin=admin,
            before=before,
            after=after,
            request=request,
        )
    if data.status is not None:
        await state.change_application_status(
            session, application, data.status, admin=admin, reason=data.reason, send_sms=data.send_sms, request=request
        )
    await flush_or_conflict(session)
    return await get_detail(session, application.id, admin=admin)


async def delete_application(
    session: AsyncSession,
    application_id: int,
    *,
    expected_version: int | None,
    admin: Admin,
    request: Request | None,
) -> None:
    """Soft delete (super admin): the row stays for the audit trail, every list and lookup stops seeing it."""
    application = await _live(session, application_id, for_update=True)
    if expected_version is not None:
        check_version(application.version, expected_version)
    application.deleted_at = now_utc()
    await record(
        session,
        action="delete",
        entity_type="application",
        entity_id=application.id,
        summary=f"신청 {application.number} 삭제",
        admin=admin,
        before={"status": application.status},
        request=request,
    )
    await flush_or_conflict(session)


def _note_out(note: ApplicationNote | Row[*tuple[Any, ...]]) -> NoteOut:
    return NoteOut.model_validate(note)


async def list_notes(session: AsyncSession, application_id: int, page: PageParams) -> NoteList:
    """Notes, newest first (deleted ones hidden)."""
    await _live(session, application_id)
    return await _notes_of(session, application_id, page)


async def _notes_of(session: AsyncSession, application_id: int, page: PageParams) -> NoteList:
    notes, total = await repo.list_notes(session, application_id, page)
    return cast(NoteList, NoteList.build([_note_out(n) for n in notes], total, page))


async def add_note(
    session: AsyncSession, application_id: int, data: NoteCreate, *, admin: Admin, request: Request | None
) -> NoteOut:
    """Append a note signed by the admin."""
    application = await _live(session, application_id)
    note = ApplicationNote(
        application_id=application.id, admin_id=admin.id, admin_name=admin.name, content=data.content
    )
    session.add(note)
    await session.flush()
    await record(
        session,
        action="create",
        entity_type="application_note",
        entity_id=note.id,
        summary=f"신청 {application.number} 메모 추가",
        admin=admin,
        after={"application_id": application.id, "length": len(data.content)},
        request=request,
    )
    return _note_out(note)


async def delete_note(
    session: AsyncSession, application_id: int, note_id: int, *, admin: Admin, request: Request | None
) -> None:
    """Hide a note: its author may, and any super admin."""
    application = await _live(session, application_id)
    note = await repo.get_note(session, application_id, note_id)
    if note is None:
        raise NoteNotFound()
    if note.admin_id != admin.id and admin.role != AdminRole.SUPER_ADMIN:
        raise NoteNotOwner()
    note.deleted_at = now_utc()
    await record(
        session,
        action="delete",
        entity_type="application_note",
        entity_id=note.id,
        summary=f"신청 {application.number} 메모 삭제 (작성자: {note.admin_name})",
        admin=admin,
        request=request,
    )
    await session.flush()


async def customer_history(session: AsyncSession, application_id: int, *, limit: int = 20) -> CustomerHistory:
    """Every application of the same customer (phone blind index), newest first, at most ``limit``."""
    return await _customer_history_of(session, await _live(session, application_id), limit=limit)


async def _customer_history_of(
    session: AsyncSession, current: Application | Row[*tuple[Any, ...]], *, limit: int = 20
) -> CustomerHistory:
    applications, total = await repo.customer_history(session, current.phone_bidx, limit=limit)
    names = await catalog.service_names(session)
    items = []
    for a in applications:
        status = ApplicationStatus(a.status)
        items.append(
            HistoryItem(
                id=a.id,
                number=a.number,
                status=status,
                status_label=APPLICATION_STATUS_LABELS[status],
                services=[ServiceRef(code=c, name=names.get(c, c)) for c in a.service_codes],
                created_at=a.created_at,
                completed_at=a.completed_at,
                is_current=a.id == current.id,
            )
        )
    return CustomerHistory(
        customer_phone_masked=mask_phone(current.customer_phone), total_applications=total, applications=items
    )
