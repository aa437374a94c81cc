"""Assignments: create, change, cancel, batch status, bulk assign, partner ranking and manual notices.

Every path locks the application row first (PostgreSQL ``FOR UPDATE``; SQLite writers are serialised anyway), so
the "no service twice" rule and the derived application status hold under concurrent admins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa import events
from jibsa.applications import repository as app_repo
from jibsa.applications import state
from jibsa.applications.exceptions import ApplicationClosed, ApplicationNotFound, InvalidTransition, UnknownService
from jibsa.applications.versioning import check_version, flush_or_conflict
from jibsa.assignments import repository as repo
from jibsa.assignments.conflicts import schedule_conflicts
from jibsa.assignments.exceptions import (
    AssignmentClosed,
    AssignmentNotFound,
    PartnerNotApproved,
    ServiceAlreadyAssigned,
    ServicesNotCovered,
    TemplateInactive,
)
from jibsa.assignments.schemas import (
    AssignmentCancel,
    AssignmentCreate,
    AssignmentOut,
    AssignmentResult,
    AssignmentUpdate,
    BatchItemResult,
    BatchStatusResult,
    BatchStatusUpdate,
    BulkAssign,
    BulkAssignResult,
    BulkItemResult,
    PartnerRank,
    PartnerRanking,
    RegionOut,
    ServiceRef,
    SmsQueued,
)
from jibsa.assignments.views import present, present_for_application
from jibsa.audit.service import record
from jibsa.catalog import repository as catalog
from jibsa.core.korean import format_phone, mask_phone, repr_ko, with_ro
from jibsa.messaging.outbox import enqueue_template
from jibsa.messaging.text import summarise_services
from jibsa.models import (
    ASSIGNMENT_STATUS_LABELS,
    Admin,
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    Partner,
    PartnerStatus,
    TriggerSource,
)
from jibsa.partners.exceptions import PartnerNotFound

S = AssignmentStatus
# What may still change on a completed application: bookkeeping, not the work itself.
BOOKKEEPING_FIELDS = frozenset({"estimated_cost", "final_cost", "estimate_note", "note"})


async def _application_for_change(
    session: AsyncSession, application_id: int, *, allow_completed: bool = False
) -> Application:
    application = await app_repo.get_application(session, application_id, for_update=True)
    if application is None:
        raise ApplicationNotFound()
    closed = {ApplicationStatus.CANCELLED} | (set() if allow_completed else {ApplicationStatus.COMPLETED})
    if application.status in closed:
        raise ApplicationClosed(details={"status": application.status})
    return application


async def _assignment(session: AsyncSession, application_id: int, assignment_id: int) -> Assignment:
    assignment = await repo.get_assignment(session, application_id, assignment_id, for_update=True)
    if assignment is None:
        raise AssignmentNotFound()
    return assignment


async def _approved_partner(session: AsyncSession, partner_id: int) -> Partner:
    partner = await repo.get_partner(session, partner_id)
    if partner is None:
        raise PartnerNotFound()
    if partner.status != PartnerStatus.APPROVED:
        raise PartnerNotApproved(details={"partner_id": partner.id, "status": partner.status})
    return partner


def _taken_services(assignments: Sequence[Assignment], *, exclude_id: int | None = None) -> set[str]:
    return {code for a in assignments if a.status != S.CANCELLED and a.id != exclude_id for code in a.service_codes}


async def _check_services(
    session: AsyncSession,
    application: Application,
    partner: Partner,
    codes: Sequence[str],
    *,
    exclude_id: int | None = None,
) -> None:
    """Services must exist, be requested, be offered by the partner and not be assigned to anyone else."""
    known = await catalog.get_services_by_codes(session, codes)
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise UnknownService(
            details=[{"field": "service_codes", "message": f"알 수 없는 서비스: {', '.join(unknown)}"}]
        )
    not_requested = [code for code in codes if code not in application.service_codes]
    not_offered = [code for code in codes if code not in partner.service_codes]
    if not_requested or not_offered:
        raise ServicesNotCovered(
            details={
                "not_requested": not_requested,
                "not_offered_by_partner": not_offered,
                "application_services": application.service_codes,
                "partner_services": partner.service_codes,
            }
        )
    siblings = await repo.list_assignments(session, [application.id])
    twice = [code for code in codes if code in _taken_services(siblings, exclude_id=exclude_id)]
    if twice:
        names = [known[code].name for code in twice]
        raise ServiceAlreadyAssigned(
            f"이미 다른 배정에 포함된 서비스입니다: {', '.join(names)}", details={"services": twice}
        )


async def _result(session: AsyncSession, application: Application, assignment: Assignment) -> AssignmentResult:
    (out,) = await present(session, [assignment])
    return AssignmentResult(
        assignment=out,
        application_status=application.status,
        application_version=application.version,
        schedule_conflicts=await schedule_conflicts(session, assignment),
    )


async def list_for_application(session: AsyncSession, application_id: int) -> list[AssignmentOut]:
    """Every assignment of the application (cancelled ones included), oldest first."""
    if await app_repo.get_application(session, application_id) is None:
        raise ApplicationNotFound()
    return await present_for_application(session, application_id)


async def _add_assignment(
    session: AsyncSession,
    application: Application,
    partner: Partner,
    codes: Sequence[str],
    *,
    admin: Admin,
    data: AssignmentCreate | None,
    send_sms: bool,
    request: Request | None,
    summary_prefix: str = "",
    schedule: tuple[date | None, str | None] = (None, None),
) -> Assignment:
    """``data`` carries a single assignment's details; a bulk assignment has none but may carry a ``schedule``."""
    scheduled_date, scheduled_time = (data.scheduled_date, data.scheduled_time) if data else schedule
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=S.SCHEDULED if scheduled_date else S.PENDING,
        scheduled_date=scheduled_date,
        scheduled_time=scheduled_time,
        estimated_cost=data.estimated_cost if data else None,
        estimate_note=data.estimate_note if data else None,
        note=data.note if data else None,
        assigned_by=admin.id,
        services=[AssignmentService(service_code=code, position=i) for i, code in enumerate(codes)],
    )
    session.add(assignment)
    await session.flush()
    await record(
        session,
        action="create",
        entity_type="assignment",
        entity_id=assignment.id,
        summary=(
            f"{summary_prefix}신청 {application.number}에 협력사 '{partner.company_name}' 배정 ({', '.join(codes)})"
        ),
        admin=admin,
        after={
            "application_id": application.id,
            "partner_id": partner.id,
            "service_codes": list(codes),
            "status": assignment.status,
            "scheduled_date": assignment.scheduled_date.isoformat() if assignment.scheduled_date else None,
            "scheduled_time": assignment.scheduled_time,
            "estimated_cost": assignment.estimated_cost,
        },
        request=request,
    )
    await events.publish(
        session,
        events.AssignmentCreated(
            application_id=application.id, assignment_id=assignment.id, admin_id=admin.id, send_sms=send_sms
        ),
    )
    await state.sync_application_status(session, application, admin=admin, request=request)
    return assignment


async def create_assignment(
    session: AsyncSession, application_id: int, data: AssignmentCreate, *, admin: Admin, request: Request | None
) -> AssignmentResult:
    """Assign a partner to some of the application's services; the application's status follows."""
    application = await _application_for_change(session, application_id)
    partner = await _approved_partner(session, data.partner_id)
    await _check_services(session, application, partner, data.service_codes)
    assignment = await _add_assignment(
        session,
        application,
        partner,
        data.service_codes,
        admin=admin,
        data=data,
        send_sms=data.send_sms,
        request=request,
    )
    await flush_or_conflict(session)
    return await _result(session, application, assignment)


def _snapshot(assignment: Assignment) -> dict[str, object]:
    return {
        "partner_id": assignment.partner_id,
        "service_codes": list(assignment.service_codes),
        "scheduled_date": assignment.scheduled_date.isoformat() if assignment.scheduled_date else None,
        "scheduled_time": assignment.scheduled_time,
        "estimated_cost": assignment.estimated_cost,
        "final_cost": assignment.final_cost,
        "estimate_note": assignment.estimate_note,
        "note": assignment.note,
    }


def _replace_services(assignment: Assignment, codes: Sequence[str]) -> None:
    """Keep rows of services that stay (their primary key is the service), drop the others, add the new ones."""
    kept = {s.service_code: s for s in assignment.services if s.service_code in codes}
    rows = []
    for position, code in enumerate(codes):
        row = kept.get(code) or AssignmentService(service_code=code)
        row.position = position
        rows.append(row)
    assignment.services = rows


async def update_assignment(
    session: AsyncSession,
    application_id: int,
    assignment_id: int,
    data: AssignmentUpdate,
    *,
    expected_version: int,
    admin: Admin,
    request: Request | None,
) -> AssignmentResult:
    """Change partner, services, schedule, costs, notes or status (a first date promotes pending → scheduled)."""
    application = await _application_for_change(session, application_id, allow_completed=True)
    assignment = await _assignment(session, application_id, assignment_id)
    check_version(assignment.version, expected_version)
    fields = data.model_fields_set - {"version", "send_sms"}
    if application.status == ApplicationStatus.COMPLETED and fields - BOOKKEEPING_FIELDS:
        raise ApplicationClosed("완료된 신청의 배정은 비용과 메모만 고칠 수 있습니다.", details={"status": "completed"})
    if assignment.status == S.CANCELLED:
        raise AssignmentClosed("취소된 배정은 바꿀 수 없습니다.")
    if assignment.status == S.COMPLETED and fields & {"partner_id", "service_codes"}:
        raise AssignmentClosed("완료된 배정의 협력사나 서비스는 바꿀 수 없습니다.")

    before = _snapshot(assignment)
    was = S(assignment.status)
    partner_changed = data.partner_id is not None and data.partner_id != assignment.partner_id
    codes = data.service_codes if data.service_codes is not None else assignment.service_codes
    services_changed = list(codes) != assignment.service_codes
    if partner_changed or services_changed:
        partner = await _approved_partner(session, data.partner_id or assignment.partner_id)
        await _check_services(session, application, partner, codes, exclude_id=assignment.id)
        assignment.partner_id = partner.id
        if services_changed:
            _replace_services(assignment, codes)
    for name in ("scheduled_date", "scheduled_time", "estimated_cost", "final_cost", "estimate_note", "note"):
        if name in fields:
            setattr(assignment, name, getattr(data, name))

    target = S(data.status) if data.status is not None else None
    if target is None and was == S.PENDING and assignment.scheduled_date is not None and "scheduled_date" in fields:
        target = S.SCHEDULED
    if target is not None and target != was:
        await state.change_assignment_status(
            session, assignment, target, application=application, admin=admin, send_sms=data.send_sms, request=request
        )

    after = _snapshot(assignment)
    changed = {key: value for key, value in after.items() if before[key] != value}
    if changed:
        await record(
            session,
            action="update",
            entity_type="assignment",
            entity_id=assignment.id,
            summary=f"신청 {application.number} 배정 #{assignment.id} 수정 ({', '.join(changed)})",
            admin=admin,
            before={key: before[key] for key in changed},
            after=changed,
            request=request,
        )
    moved = {"scheduled_date", "scheduled_time"} & changed.keys()
    if was == S.SCHEDULED and assignment.status == S.SCHEDULED and moved:
        await events.publish(
            session,
            events.AssignmentRescheduled(
                application_id=application.id,
                assignment_id=assignment.id,
                old_date=assignment_date(before["scheduled_date"]),
                old_time=before["scheduled_time"] if isinstance(before["scheduled_time"], str) else None,
                admin_id=admin.id,
                send_sms=data.send_sms,
            ),
        )
    if {"partner_id", "service_codes", "estimated_cost"} & changed.keys():
        await events.publish(
            session,
            events.AssignmentChanged(
                application_id=application.id, assignment_id=assignment.id, admin_id=admin.id, send_sms=data.send_sms
            ),
        )
    if target is not None and target != was:
        await state.sync_application_status(
            session, application, admin=admin, request=request, notify_completion=data.send_sms
        )
    await flush_or_conflict(session)
    return await _result(session, application, assignment)


def assignment_date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


async def cancel_assignment(
    session: AsyncSession,
    application_id: int,
    assignment_id: int,
    data: AssignmentCancel,
    *,
    admin: Admin,
    request: Request | None,
) -> AssignmentResult:
    """Cancel (soft) an open assignment with a reason; its services become assignable again."""
    application = await _application_for_change(session, application_id)
    assignment = await _assignment(session, application_id, assignment_id)
    if data.version is not None:
        check_version(assignment.version, data.version)
    if assignment.status not in state.OPEN_ASSIGNMENT:
        raise AssignmentClosed(
            "이미 완료되었거나 취소된 배정은 취소할 수 없습니다.", details={"status": assignment.status}
        )
    await state.change_assignment_status(
        session,
        assignment,
        S.CANCELLED,
        application=application,
        admin=admin,
        send_sms=data.send_sms,
        reason=data.reason,
        request=request,
    )
    await state.sync_application_status(session, application, admin=admin, request=request)
    await flush_or_conflict(session)
    return await _result(session, application, assignment)


async def batch_status(
    session: AsyncSession, application_id: int, data: BatchStatusUpdate, *, admin: Admin, request: Request | None
) -> BatchStatusResult:
    """Move several assignments of one application to one status; each item succeeds or fails on its own."""
    application = await _application_for_change(session, application_id)
    ids = list(dict.fromkeys(data.assignment_ids))
    found = {a.id: a for a in await repo.list_assignments(session, [application.id], ids=ids)}
    target = S(data.status)
    results: list[BatchItemResult] = []
    for assignment_id in ids:
        assignment = found.get(assignment_id)
        if assignment is None:
            results.append(
                BatchItemResult(
                    assignment_id=assignment_id, success=False, code="assignment_not_found", message="배정이 없습니다."
                )
            )
            continue
        old = S(assignment.status)
        try:
            await state.change_assignment_status(
                session,
                assignment,
                target,
                application=application,
                admin=admin,
                send_sms=data.send_sms,
                request=request,
            )
        except InvalidTransition as exc:
            results.append(
                BatchItemResult(
                    assignment_id=assignment_id, success=False, code=exc.code, message=exc.message, old_status=old
                )
            )
            continue
        results.append(
            BatchItemResult(
                assignment_id=assignment_id,
                success=True,
                message="변경 없음" if old == target else "변경됨",
                old_status=old,
                new_status=target,
            )
        )
    await state.sync_application_status(
        session, application, admin=admin, request=request, notify_completion=data.send_sms
    )
    await flush_or_conflict(session)
    succeeded = sum(r.success for r in results)
    failed = len(results) - succeeded
    message = f"{succeeded}건을 {with_ro(repr_ko(ASSIGNMENT_STATUS_LABELS[target]))} 변경했습니다."
    if failed:
        message += f" {failed}건은 변경하지 못했습니다."
    return BatchStatusResult(
        message=message,
        success_count=succeeded,
        failed_count=failed,
        results=results,
        application_status=application.status,
        application_version=application.version,
    )


async def bulk_assign(
    session: AsyncSession, data: BulkAssign, *, admin: Admin, request: Request | None
) -> BulkAssignResult:
    """Assign one partner to many applications: a real assignment per application for the services it can take."""
    partner = await _approved_partner(session, data.partner_id)
    ids = list(dict.fromkeys(data.application_ids))
    stmt = (
        select(Application)
        .where(Application.id.in_(ids), app_repo.ALIVE)
        .options(selectinload(Application.services))
        .order_by(Application.id)
        .with_for_update(of=Application)
        .execution_options(populate_existing=True)
    )
    applications = {a.id: a for a in (await session.scalars(stmt)).all()}
    existing: dict[int, list[Assignment]] = {}
    for assignment in await repo.list_assignments(session, list(applications)):
        existing.setdefault(assignment.application_id, []).append(assignment)
    offered = set(partner.service_codes)
    results: list[BulkItemResult] = []
    for application_id in ids:
        application = applications.get(application_id)
        if application is None:
            results.append(
                BulkItemResult(
                    application_id=application_id,
                    success=False,
                    code="application_not_found",
                    message="신청을 찾을 수 없습니다.",
                )
            )
            continue
        if application.status in state.FINAL:
            results.append(
                BulkItemResult(
                    application_id=application_id,
                    application_number=application.number,
                    success=False,
                    code="application_closed",
                    message="완료되었거나 취소된 신청입니다.",
                )
            )
            continue
        taken = _taken_services(existing.get(application_id, []))
        codes = [c for c in application.service_codes if c in offered and c not in taken]
        if not codes:
            results.append(
                BulkItemResult(
                    application_id=application_id,
                    application_number=application.number,
                    success=False,
                    code="services_not_covered",
                    message="협력사가 맡을 수 있는 미배정 서비스가 없습니다.",
                )
            )
            continue
        assignment = await _add_assignment(
            session,
            application,
            partner,
            codes,
            admin=admin,
            data=None,
            send_sms=data.send_sms,
            request=request,
            summary_prefix="[일괄 배정] ",
            schedule=(data.scheduled_date, data.scheduled_time),
        )
        results.append(
            BulkItemResult(
                application_id=application_id,
                application_number=application.number,
                success=True,
                message="배정했습니다.",
                assignment_id=assignment.id,
                service_codes=codes,
            )
        )
    await flush_or_conflict(session)
    succeeded = sum(r.success for r in results)
    failed = len(results) - succeeded
    return BulkAssignResult(
        message=f"{succeeded}건 배정, {failed}건 실패",
        success_count=succeeded,
        failed_count=failed,
        results=results,
    )


async def partner_ranking(session: AsyncSession, application_id: int, *, include_all: bool = False) -> PartnerRanking:
    """Approved partners by how many still-unassigned services of the application they cover, with regions."""
    application = await app_repo.get_application(session, application_id)
    if application is None:
        raise ApplicationNotFound()
    taken = _taken_services(await repo.list_assignments(session, [application.id]))
    unassigned = [code for code in application.service_codes if code not in taken]
    partners = await repo.approved_partners(session)
    names = await catalog.service_names(session)
    province_codes = {r.province_code for p in partners for r in p.regions}
    district_codes = {r.district_code for p in partners for r in p.regions if r.district_code}
    if application.district_code:
        district_codes.add(application.district_code)
    provinces, districts = await repo.region_names(session, province_codes, district_codes)
    app_province = districts[application.district_code][1] if application.district_code in districts else None
    workload = await repo.open_counts_by_partner(session, [p.id for p in partners])

    ranks: list[PartnerRank] = []
    for partner in partners:
        covered = [code for code in unassigned if code in partner.service_codes]
        if not covered and not include_all:
            continue
        covers_district = None
        if application.district_code:
            covers_district = any(
                r.district_code == application.district_code
                or (r.district_code is None and r.province_code == app_province)
                for r in partner.regions
            )
        ranks.append(
            PartnerRank(
                partner_id=partner.id,
                company_name=partner.company_name,
                representative_name=partner.representative_name,
                covered_services=[ServiceRef(code=c, name=names.get(c, c)) for c in covered],
                covered_count=len(covered),
                unassigned_count=len(unassigned),
                covers_all=bool(unassigned) and len(covered) == len(unassigned),
                covers_district=covers_district,
                regions=[
                    RegionOut(
                        province_code=r.province_code,
                        province_name=provinces.get(r.province_code, r.province_code),
                        district_code=r.district_code,
                        district_name=districts[r.district_code][0] if r.district_code in districts else None,
                    )
                    for r in partner.regions
                ],
                active_assignments=workload.get(partner.id, 0),
            )
        )
    ranks.sort(key=lambda r: (-r.covered_count, not r.covers_district, r.active_assignments, r.company_name))
    return PartnerRanking(
        application_id=application.id,
        district_code=application.district_code,
        unassigned_services=[ServiceRef(code=c, name=names.get(c, c)) for c in unassigned],
        partners=ranks,
    )


def _won(amount: int | None) -> str | None:
    return f"{amount:,}원" if amount is not None else None


async def send_assignment_sms(
    session: AsyncSession,
    application_id: int,
    assignment_id: int,
    target: Literal["customer", "partner"],
    *,
    admin: Admin,
    request: Request | None,
) -> SmsQueued:
    """Queue the assignment notice again: customer ← partner_assigned, partner ← partner_notify_assignment."""
    application = await app_repo.get_application(session, application_id)
    if application is None:
        raise ApplicationNotFound()
    if application.status == ApplicationStatus.CANCELLED:
        raise ApplicationClosed("취소된 신청에는 배정 안내를 보낼 수 없습니다.")
    assignment = await repo.get_assignment(session, application_id, assignment_id)
    if assignment is None:
        raise AssignmentNotFound()
    if assignment.status == S.CANCELLED:
        raise AssignmentClosed("취소된 배정입니다.")
    partner = (await repo.partners_by_ids(session, [assignment.partner_id]))[assignment.partner_id]
    names = await catalog.get_services_by_codes(session, assignment.service_codes)
    schedule = {
        "application_number": application.number,
        "customer_name": application.customer_name,
        "scheduled_date": assignment.scheduled_date.isoformat() if assignment.scheduled_date else None,
        "scheduled_time": assignment.scheduled_time,
    }
    if target == "customer":
        template_key, recipient = "partner_assigned", application.customer_phone
        variables: dict[str, object] = {
            **schedule,
            "partner_name": partner.company_name,
            "partner_phone": format_phone(partner.contact_phone),
            "estimated_cost": _won(assignment.estimated_cost),
        }
    else:
        template_key, recipient = "partner_notify_assignment", partner.contact_phone
        address = " ".join(part for part in (application.address, application.address_detail) if part)
        variables = {
            **schedule,
            "customer_phone": format_phone(application.customer_phone),
            "address": address[:30],
            "services": summarise_services([names[c].name for c in assignment.service_codes if c in names]),
            "view_url": None,  # the partner portal link arrives with the portals issue
        }
    message = await enqueue_template(
        session,
        template_key=template_key,
        recipient=recipient,
        variables=variables,
        recipient_kind=target,
        trigger=TriggerSource.MANUAL,
        reference=("assignment", assignment.id),
        created_by=admin.id,
    )
    if message is None:
        raise TemplateInactive(details={"template_key": template_key})
    await session.flush()
    who = "고객" if target == "customer" else "협력사"
    await record(
        session,
        action="sms_send",
        entity_type="assignment",
        entity_id=assignment.id,
        summary=f"신청 {application.number} 배정 #{assignment.id} 안내 문자 재발송 ({who})",
        admin=admin,
        after={"template_key": template_key, "target": target, "sms_message_id": message.id},
        request=request,
    )
    return SmsQueued(
        message_id=message.id,
        target=target,
        recipient_masked=mask_phone(recipient),
        template_key=template_key,
        message_type=message.message_type,
        status=message.status,
    )
