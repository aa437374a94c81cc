"""The partner back office: list, detail, edit, the one status-change path, similar partners, notes, deletion."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from jibsa import events
from jibsa.applications.exceptions import UnknownService
from jibsa.audit.service import entity_history, record
from jibsa.catalog import repository as catalog
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.errors import InvalidInput, VersionConflict
from jibsa.core.korean import now_utc, repr_ko, with_ro
from jibsa.core.pagination import PageParams
from jibsa.files.storage import Storage
from jibsa.models import (
    PARTNER_STATUS_LABELS,
    Admin,
    AdminRole,
    Partner,
    PartnerNote,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
    StoredFile,
)
from jibsa.partners import repository
from jibsa.partners.exceptions import (
    BusinessRegistrationNotFound,
    InvalidPartnerTransition,
    NoteForbidden,
    NoteNotDeletable,
    PartnerHasActiveAssignments,
    PartnerNoteNotFound,
    PartnerNotFound,
    ReasonRequired,
)
from jibsa.partners.registration import build_regions, company_key, phone_company_index
from jibsa.partners.repository import PartnerFilters
from jibsa.partners.schemas import (
    DistrictRef,
    FileRef,
    PartnerDetail,
    PartnerDetailView,
    PartnerList,
    PartnerListItem,
    PartnerNoteCreate,
    PartnerNoteOut,
    PartnerStatusChange,
    PartnerUpdate,
    ServiceRef,
    SimilarPartner,
    SimilarPartners,
    WorkRegionOut,
)

P = PartnerStatus
ALLOWED_TRANSITIONS: Mapping[PartnerStatus, tuple[PartnerStatus, ...]] = {
    P.PENDING: (P.APPROVED, P.REJECTED),
    P.APPROVED: (P.SUSPENDED, P.INACTIVE),
    P.SUSPENDED: (P.APPROVED, P.INACTIVE),
    P.INACTIVE: (P.APPROVED,),
    P.REJECTED: (P.PENDING, P.APPROVED),
}
REASON_REQUIRED = frozenset({P.REJECTED, P.SUSPENDED})
REQUIRED_FIELDS = ("company_name", "representative_name", "contact_phone", "address", "service_codes", "work_regions")
PLAIN_FIELDS = (
    "company_name",
    "representative_name",
    "business_number",
    "contact_phone",
    "contact_email",
    "address",
    "address_detail",
    "introduction",
    "experience",
    "remarks",
)


def label(status: str) -> str:
    return PARTNER_STATUS_LABELS[PartnerStatus(status)]


def business_registration_url(partner_id: int) -> str:
    return f"/api/v1/admin/partners/{partner_id}/business-registration"


async def _flush(session: AsyncSession) -> None:
    """Flush; a concurrent writer that bumped the version first turns into 409 ``version_conflict``."""
    try:
        await session.flush()
    except StaleDataError as exc:
        raise VersionConflict() from exc


async def _get(session: AsyncSession, partner_id: int, *, for_update: bool = False) -> Partner:
    partner = await repository.get_partner(session, partner_id, for_update=for_update)
    if partner is None:
        raise PartnerNotFound()
    return partner


def _check_version(partner: Partner, expected: int) -> None:
    if partner.version != expected:
        raise VersionConflict(details={"current_version": partner.version})


def _services(codes: Sequence[str], names: Mapping[str, str]) -> list[ServiceRef]:
    return [ServiceRef(code=code, name=names.get(code, code)) for code in codes]


def _region_codes(regions: Sequence[PartnerRegion]) -> list[str]:
    return [r.district_code or r.province_code for r in regions]


async def list_partners(session: AsyncSession, filters: PartnerFilters, params: PageParams) -> PartnerList:
    """A page of partners (decrypting only that page) with per-status counts for the summary cards."""
    counts = await repository.status_counts(session, filters)
    total = counts[filters.status.value] if filters.status is not None else sum(counts.values())
    rows = await repository.list_page(session, filters, params) if total else []
    names = await catalog.service_names(session) if rows else {}
    items = [
        PartnerListItem(
            id=p.id,
            company_name=p.company_name,
            representative_name=p.representative_name,
            contact_phone=p.contact_phone,
            services=_services(p.service_codes, names),
            status=p.status,
            status_label=label(p.status),
            created_at=p.created_at,
            approved_at=p.approved_at,
            version=p.version,
        )
        for p in rows
    ]
    return PartnerList(
        items=items,
        total=total,
        page=params.page,
        page_size=params.page_size,
        total_pages=math.ceil(total / params.page_size),
        status_counts=counts,
    )


async def build_detail(session: AsyncSession, partner: Partner) -> PartnerDetail:
    """Everything the detail screen shows, decrypted."""
    names = await catalog.service_names(session)
    provinces, districts = await repository.region_names(session, partner.regions)
    grouped: dict[str, WorkRegionOut] = {}
    for region in partner.regions:
        group = grouped.setdefault(
            region.province_code,
            WorkRegionOut(
                province_code=region.province_code,
                province_name=provinces.get(region.province_code, region.province_code),
                all_districts=False,
                districts=[],
            ),
        )
        if region.district_code is None:
            group.all_districts = True
        else:
            group.districts.append(
                DistrictRef(code=region.district_code, name=districts.get(region.district_code, region.district_code))
            )
    file_ref = None
    if partner.business_registration_file_id is not None:
        stored = await session.get(StoredFile, partner.business_registration_file_id)
        if stored is not None:
            file_ref = FileRef(
                url=business_registration_url(partner.id),
                content_type=stored.content_type,
                size_bytes=stored.size_bytes,
                original_name=stored.original_name,
            )
    approver = await session.get(Admin, partner.approved_by) if partner.approved_by else None
    return PartnerDetail(
        id=partner.id,
        company_name=partner.company_name,
        representative_name=partner.representative_name,
        business_number=partner.business_number,
        contact_phone=partner.contact_phone,
        contact_email=partner.contact_email,
        address=partner.address,
        address_detail=partner.address_detail,
        introduction=partner.introduction,
        experience=partner.experience,
        remarks=partner.remarks,
        services=_services(partner.service_codes, names),
        work_regions=list(grouped.values()),
        business_registration=file_ref,
        status=partner.status,
        status_label=label(partner.status),
        status_reason=partner.status_reason,
        status_changed_at=partner.status_changed_at,
        allowed_transitions=list(ALLOWED_TRANSITIONS[PartnerStatus(partner.status)]),
        approved_by=partner.approved_by,
        approved_by_name=approver.name if approver else None,
        approved_at=partner.approved_at,
        notes_count=await repository.count_notes(session, partner.id),
        active_assignments=await repository.count_active_assignments(session, partner.id),
        created_at=partner.created_at,
        updated_at=partner.updated_at,
        version=partner.version,
    )


async def partner_detail(session: AsyncSession, partner_id: int) -> PartnerDetail:
    """The current detail (no audit: used to answer a replayed request of the same admin)."""
    return await build_detail(session, await _get(session, partner_id))


async def _record_access(
    session: AsyncSession,
    *,
    action: str,
    partner_id: int,
    summary: str,
    admin: Admin,
    request: Request,
    after: dict[str, Any] | None = None,
) -> None:
    """Audit a read in the request's unit of work (the route is marked ``WritesOnRead``)."""
    await record(
        session,
        action=action,
        entity_type="partner",
        entity_id=partner_id,
        summary=summary,
        admin=admin,
        after=after,
        request=request,
    )


# The partner's audit history as the detail screen asks its own endpoint for it.
VIEW_ACTIVITY_LIMIT = 100


async def view_partner(session: AsyncSession, partner_id: int, *, admin: Admin, request: Request) -> PartnerDetailView:
    """The decrypted detail with its notes, possible duplicates and audit history; the PII view is audited."""
    partner = await _get(session, partner_id)
    detail = PartnerDetailView(
        **dict(await build_detail(session, partner)),
        notes=await list_notes(session, partner.id),
        similar=await find_similar(session, partner.id),
        activity=await entity_history(session, "partner", partner.id, limit=VIEW_ACTIVITY_LIMIT),
    )
    await _record_access(
        session,
        action="view",
        partner_id=partner.id,
        summary=f"협력사 상세 조회: {partner.company_name}",
        admin=admin,
        request=request,
    )
    return detail


def _refuse_nulls(data: PartnerUpdate) -> None:
    for name in REQUIRED_FIELDS:
        if name in data.model_fields_set and getattr(data, name) is None:
            raise InvalidInput(name, "필수 항목입니다.")


async def _replace_services(session: AsyncSession, partner: Partner, codes: list[str]) -> None:
    services = await catalog.get_services_by_codes(session, codes)
    unknown = [c for c in codes if c not in services or not services[c].is_active]
    if unknown:
        raise UnknownService(
            details=[{"field": "service_codes", "message": f"알 수 없는 서비스: {', '.join(unknown)}"}]
        )
    # Keep the existing rows for kept codes: the key is (partner_id, service_code).
    existing = {s.service_code: s for s in partner.services}
    rows = []
    for position, code in enumerate(codes):
        row = existing.get(code) or PartnerService(service_code=code)
        row.position = position
        rows.append(row)
    partner.services = rows


async def update_partner(
    session: AsyncSession, partner_id: int, data: PartnerUpdate, *, version: int, admin: Admin, request: Request
) -> PartnerDetail:
    """Edit the fields sent (blind indexes follow), checking the version first; audited with PII masked."""
    partner = await _get(session, partner_id, for_update=True)
    _check_version(partner, version)
    _refuse_nulls(data)
    sent = data.model_fields_set
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in PLAIN_FIELDS:
        if name not in sent:
            continue
        new = getattr(data, name)
        new = str(new) if new is not None else None
        old = getattr(partner, name)
        if new != old:
            before[name], after[name] = old, new
            setattr(partner, name, new)
    if data.service_codes is not None and data.service_codes != partner.service_codes:
        before["service_codes"], after["service_codes"] = partner.service_codes, data.service_codes
        await _replace_services(session, partner, data.service_codes)
    if data.work_regions is not None:
        regions = await build_regions(session, data.work_regions)
        if _region_codes(regions) != _region_codes(partner.regions):
            before["work_regions"], after["work_regions"] = _region_codes(partner.regions), _region_codes(regions)
            partner.regions = regions
    if not after:
        return await build_detail(session, partner)

    if "company_name" in after:
        partner.company_name_bidx = blind_index("company", company_key(partner.company_name))
    if "representative_name" in after:
        partner.name_bidx = blind_index("name", normalise_name(partner.representative_name))
    if "contact_phone" in after:
        partner.phone_bidx = blind_index("phone", partner.contact_phone)
        partner.phone_last4_bidx = blind_index("phone_last4", partner.contact_phone[-4:])
    if "company_name" in after or "contact_phone" in after:
        partner.phone_company_bidx = phone_company_index(partner.contact_phone, partner.company_name)
    if "business_number" in after:
        partner.business_number_bidx = (
            blind_index("business_number", partner.business_number) if partner.business_number else None
        )
    partner.updated_at = now_utc()  # a row UPDATE even when only services/regions changed: bumps the version
    await _flush(session)
    await record(
        session,
        action="update",
        entity_type="partner",
        entity_id=partner.id,
        summary=f"협력사 정보 수정: {partner.company_name} ({', '.join(after)})",
        admin=admin,
        before=before,
        after=after,
        request=request,
    )
    return await build_detail(session, partner)


async def change_status(
    session: AsyncSession,
    partner_id: int,
    data: PartnerStatusChange,
    *,
    version: int,
    admin: Admin,
    request: Request,
) -> PartnerDetail:
    """The one status path: checks version, transition and reason; writes a note and an audit row; publishes."""
    partner = await _get(session, partner_id, for_update=True)
    _check_version(partner, version)
    current = PartnerStatus(partner.status)
    target = data.status
    allowed = ALLOWED_TRANSITIONS[current]
    if target not in allowed:
        message = (
            "이미 해당 상태입니다."
            if target == current
            else f"'{label(current)}' 상태에서 {with_ro(repr_ko(label(target)))} 변경할 수 없습니다."
        )
        raise InvalidPartnerTransition(
            message, details={"from": current.value, "to": target.value, "allowed": [s.value for s in allowed]}
        )
    if target in REASON_REQUIRED and not data.reason:
        raise ReasonRequired(
            f"'{label(target)}' 처리에는 사유가 필요합니다.",
            details=[{"field": "reason", "message": "사유를 입력해 주세요."}],
        )

    now = now_utc()
    before = {"status": current.value, "status_reason": partner.status_reason}
    partner.status = target
    partner.status_reason = data.reason
    partner.status_changed_at = now
    if target == P.APPROVED:
        partner.approved_by = admin.id
        partner.approved_at = now
    content = f"상태 변경: {label(current)} → {label(target)}"
    if data.reason:
        content += f" (사유: {data.reason})"
    session.add(
        PartnerNote(
            partner_id=partner.id,
            admin_id=admin.id,
            admin_name=admin.name,
            note_type="status_change",
            content=content,
            old_status=current.value,
            new_status=target.value,
        )
    )
    await _flush(session)
    await record(
        session,
        action="status_change",
        entity_type="partner",
        entity_id=partner.id,
        summary=f"협력사 {partner.company_name}: {content}",
        admin=admin,
        before=before,
        after={"status": target.value, "status_reason": data.reason, "send_sms": data.send_sms},
        request=request,
    )
    await events.publish(
        session,
        events.PartnerStatusChanged(
            partner_id=partner.id,
            from_status=current.value,
            to_status=target.value,
            reason=data.reason,
            admin_id=admin.id,
            send_sms=data.send_sms,
        ),
    )
    return await build_detail(session, partner)


async def find_similar(session: AsyncSession, partner_id: int) -> SimilarPartners:
    """Other partners with the same business number or phone (possible duplicates), at most five."""
    partner = await _get(session, partner_id)
    rows = await repository.similar_partners(session, partner)
    similar = [
        SimilarPartner(
            id=p.id,
            company_name=p.company_name,
            representative_name=p.representative_name,
            status=p.status,
            status_label=label(p.status),
            matched_on=[
                *(
                    ["business_number"]
                    if partner.business_number_bidx and p.business_number_bidx == partner.business_number_bidx
                    else []
                ),
                *(["phone"] if p.phone_bidx == partner.phone_bidx else []),
            ],
            created_at=p.created_at,
        )
        for p in rows
    ]
    return SimilarPartners(
        partner_id=partner.id, company_name=partner.company_name, similar_partners=similar, total=len(similar)
    )


async def list_notes(session: AsyncSession, partner_id: int) -> list[PartnerNoteOut]:
    """Notes (memos and status changes), newest first."""
    if not await repository.partner_exists(session, partner_id):
        raise PartnerNotFound()
    return [PartnerNoteOut.model_validate(n) for n in await repository.list_notes(session, partner_id)]


async def add_note(
    session: AsyncSession, partner_id: int, data: PartnerNoteCreate, *, admin: Admin, request: Request
) -> PartnerNoteOut:
    """Append a memo."""
    if not await repository.partner_exists(session, partner_id):
        raise PartnerNotFound()
    note = PartnerNote(
        partner_id=partner_id, admin_id=admin.id, admin_name=admin.name, note_type="memo", content=data.content
    )
    session.add(note)
    await session.flush()
    await record(
        session,
        action="note_create",
        entity_type="partner",
        entity_id=partner_id,
        summary=f"협력사 메모 추가 (#{note.id})",
        admin=admin,
        after={"note_id": note.id},
        request=request,
    )
    return PartnerNoteOut.model_validate(note)


async def delete_note(session: AsyncSession, partner_id: int, note_id: int, *, admin: Admin, request: Request) -> None:
    """Soft-delete a memo: the author's own, or any as super admin; status-change notes stay."""
    note = await repository.get_note(session, partner_id, note_id)
    if note is None:
        raise PartnerNoteNotFound()
    if note.note_type != "memo":
        raise NoteNotDeletable()
    if note.admin_id != admin.id and admin.role != AdminRole.SUPER_ADMIN:
        raise NoteForbidden()
    note.deleted_at = now_utc()
    await session.flush()
    await record(
        session,
        action="note_delete",
        entity_type="partner",
        entity_id=partner_id,
        summary=f"협력사 메모 삭제 (#{note.id})",
        admin=admin,
        before={"note_id": note.id},
        request=request,
    )


async def delete_partner(session: AsyncSession, partner_id: int, *, admin: Admin, request: Request) -> None:
    """Soft-delete a partner; refused while it has pending or scheduled assignments."""
    partner = await _get(session, partner_id, for_update=True)
    active = await repository.count_active_assignments(session, partner.id)
    if active:
        raise PartnerHasActiveAssignments(details={"active_assignments": active})
    partner.deleted_at = now_utc()
    await _flush(session)
    await record(
        session,
        action="delete",
        entity_type="partner",
        entity_id=partner.id,
        summary=f"협력사 삭제: {partner.company_name}",
        admin=admin,
        before={"status": str(partner.status)},
        request=request,
    )


async def open_business_registration(
    session: AsyncSession, storage: Storage, partner_id: int, *, admin: Admin, request: Request
) -> tuple[StoredFile, bytes]:
    """The stored business registration file and its bytes; every download is audited."""
    partner = await _get(session, partner_id)
    if partner.business_registration_file_id is None:
        raise BusinessRegistrationNotFound()
    stored = await session.get(StoredFile, partner.business_registration_file_id)
    if stored is None or not await storage.exists(stored.storage_key):
        raise BusinessRegistrationNotFound()
    data = await storage.get(stored.storage_key)
    await _record_access(
        session,
        action="download",
        partner_id=partner.id,
        summary=f"사업자등록증 다운로드: {partner.company_name}",
        admin=admin,
        request=request,
        after={"file_id": stored.id, "size_bytes": stored.size_bytes},
    )
    return stored, data
