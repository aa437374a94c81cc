"""The partner back office under ``/admin/partners``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from jibsa.admins.dependencies import CurrentAdmin, SuperAdmin
from jibsa.core import idempotency
from jibsa.core.db import ReadOnly, SessionDep, WritesOnRead
from jibsa.core.deps import IdempotencyKey, NoSearchInUrl, StorageDep
from jibsa.core.errors import InvalidInput
from jibsa.core.pagination import PageDep, PageParams
from jibsa.models import PartnerStatus
from jibsa.partners import service
from jibsa.partners.dependencies import IfMatch, expected_version
from jibsa.partners.repository import PartnerFilters
from jibsa.partners.schemas import (
    PartnerDetail,
    PartnerDetailView,
    PartnerList,
    PartnerNoteCreate,
    PartnerNoteOut,
    PartnerSearch,
    PartnerStatusChange,
    PartnerUpdate,
    SimilarPartners,
)

router = APIRouter(prefix="/admin/partners", tags=["admin_partners"])

MAX_ID = 2**63 - 1
PartnerId = Annotated[int, Path(ge=1, le=MAX_ID)]
NoteId = Annotated[int, Path(ge=1, le=MAX_ID)]
_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def build_filters(
    *,
    status: PartnerStatus | None,
    services: Sequence[str],
    district_code: str | None,
    province_code: str | None,
    date_from: date | None,
    date_to: date | None,
    search: str | None = None,
) -> PartnerFilters:
    """The list's filters, checked once for the GET list and the POST search alike."""
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("date_to", "종료일이 시작일보다 빠릅니다.")
    return PartnerFilters(
        status=status,
        search=search,
        services=tuple(services),
        district_code=district_code,
        province_code=province_code,
        date_from=date_from,
        date_to=date_to,
    )


async def partner_filters(
    status: PartnerStatus | None = None,
    services: Annotated[list[str] | None, Query(max_length=40, description="서비스 코드 (하나라도 포함)")] = None,
    district_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    province_code: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    date_from: Annotated[date | None, Query(description="등록일 시작 (KST)")] = None,
    date_to: Annotated[date | None, Query(description="등록일 끝 (KST, 포함)")] = None,
) -> PartnerFilters:
    return build_filters(
        status=status,
        services=services or (),
        district_code=district_code,
        province_code=province_code,
        date_from=date_from,
        date_to=date_to,
    )


FiltersDep = Annotated[PartnerFilters, Depends(partner_filters)]


@router.get("", response_model=PartnerList, operation_id="admin_partners-list", dependencies=[NoSearchInUrl])
async def list_partners(session: SessionDep, _: CurrentAdmin, filters: FiltersDep, page: PageDep) -> PartnerList:
    """Partners, newest first, with per-status counts; representative and phone decrypted for the page only."""
    return await service.list_partners(session, filters, page)


@router.post("/search", response_model=PartnerList, operation_id="admin_partners-search", dependencies=[ReadOnly])
async def search_partners(session: SessionDep, _: CurrentAdmin, data: PartnerSearch) -> PartnerList:
    """The list searched by company, representative, phone or business number; the term travels in the body."""
    filters = build_filters(
        status=data.status,
        services=data.services,
        district_code=data.district_code,
        province_code=data.province_code,
        date_from=data.date_from,
        date_to=data.date_to,
        search=data.search,
    )
    return await service.list_partners(session, filters, PageParams(page=data.page, page_size=data.page_size))


@router.get(
    "/{partner_id}", response_model=PartnerDetailView, operation_id="admin_partners-get", dependencies=[WritesOnRead]
)
async def get_partner(
    request: Request, session: SessionDep, admin: CurrentAdmin, partner_id: PartnerId
) -> PartnerDetailView:
    """One partner, decrypted, with regions, services, registration file, notes and history (audited view)."""
    return await service.view_partner(session, partner_id, admin=admin, request=request)


@router.put("/{partner_id}", response_model=PartnerDetail, operation_id="admin_partners-update")
async def update_partner(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    partner_id: PartnerId,
    data: PartnerUpdate,
    if_match: IfMatch = None,
) -> PartnerDetail:
    """Edit a partner's fields, services and regions (``version`` in the body or ``If-Match``)."""
    version = expected_version(data.version, if_match)
    return await service.update_partner(session, partner_id, data, version=version, admin=admin, request=request)


@router.post("/{partner_id}/status", response_model=PartnerDetail, operation_id="admin_partners-change_status")
async def change_status(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    partner_id: PartnerId,
    data: PartnerStatusChange,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> PartnerDetail:
    """Approve, reject, suspend, deactivate or reactivate (reason required to reject or suspend).

    May send an SMS, so it takes ``Idempotency-Key``: a repeat answers with the partner's current detail and
    changes nothing (the stored reply holds no personal data).
    """
    version = expected_version(data.version, if_match)
    fingerprint = idempotency.request_fingerprint(
        {"partner_id": partner_id, "version": version, **data.model_dump(mode="json", exclude={"version"})}
    )
    slot = await idempotency.claim(session, f"admin.partner_status.{admin.id}", idempotency_key, fingerprint)
    if slot.is_replay:
        return await service.partner_detail(session, partner_id)
    result = await service.change_status(session, partner_id, data, version=version, admin=admin, request=request)
    await idempotency.complete(session, slot, 200, {"partner_id": partner_id, "status": result.status.value})
    return result


@router.delete("/{partner_id}", status_code=204, operation_id="admin_partners-delete")
async def delete_partner(request: Request, session: SessionDep, admin: SuperAdmin, partner_id: PartnerId) -> Response:
    """Soft-delete a partner (super admin); refused while it has active assignments."""
    await service.delete_partner(session, partner_id, admin=admin, request=request)
    return Response(status_code=204)


@router.get(
    "/{partner_id}/business-registration",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "image/jpeg": {}, "image/png": {}}}},
    operation_id="admin_partners-business_registration",
    dependencies=[WritesOnRead],
)
async def download_business_registration(
    request: Request, session: SessionDep, storage: StorageDep, admin: CurrentAdmin, partner_id: PartnerId
) -> Response:
    """The business registration file (admins only; every download is audited)."""
    stored, data = await service.open_business_registration(session, storage, partner_id, admin=admin, request=request)
    extension = _EXTENSIONS.get(stored.content_type, "bin")
    fallback = f"business_registration_{partner_id}.{extension}"
    filename = stored.original_name or fallback
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
    return Response(
        data,
        media_type=stored.content_type,
        headers={
            "Content-Disposition": disposition,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get("/{partner_id}/similar-partners", response_model=SimilarPartners, operation_id="admin_partners-similar")
async def similar_partners(session: SessionDep, _: CurrentAdmin, partner_id: PartnerId) -> SimilarPartners:
    """Up to five partners sharing the business number or phone number (possible duplicates)."""
    return await service.find_similar(session, partner_id)


@router.get("/{partner_id}/notes", response_model=list[PartnerNoteOut], operation_id="admin_partners-list_notes")
async def list_notes(session: SessionDep, _: CurrentAdmin, partner_id: PartnerId) -> list[PartnerNoteOut]:
    """Memos and status-change notes, newest first."""
    return await service.list_notes(session, partner_id)


@router.post(
    "/{partner_id}/notes", status_code=201, response_model=PartnerNoteOut, operation_id="admin_partners-add_note"
)
async def add_note(
    request: Request, session: SessionDep, admin: CurrentAdmin, partner_id: PartnerId, data: PartnerNoteCreate
) -> PartnerNoteOut:
    """Add a memo."""
    return await service.add_note(session, partner_id, data, admin=admin, request=request)


@router.delete("/{partner_id}/notes/{note_id}", status_code=204, operation_id="admin_partners-delete_note")
async def delete_note(
    request: Request, session: SessionDep, admin: CurrentAdmin, partner_id: PartnerId, note_id: NoteId
) -> Response:
    """Delete a memo (own, or any as super admin)."""
    await service.delete_note(session, partner_id, note_id, admin=admin, request=request)
    return Response(status_code=204)
