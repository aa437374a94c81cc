"""The state machine: the one module that changes application and assignment statuses.

Application: ``new → consulting → assigned → scheduled → completed``; ``cancelled`` from any non-final state
(reason required); ``cancelled → consulting`` (reopen, reason required); ``completed`` is final except a
super-admin reopen to ``consulting`` (reason required). Admin moves to ``scheduled``/``completed``/``cancelled``
are pushed down to the open assignments. After any assignment change the application's status is derived from
its assignments (cancelled ones ignored): none → consulting, all completed → completed, any scheduled →
scheduled, else assigned. Derivation never touches a cancelled or completed application, and leaves ``new``
alone when there is nothing to derive from.

Every transition writes an ``ApplicationStatusChange`` row and an audit row, sets the timestamps and publishes
an event in the same transaction.

SMS convention for subscribers: the decision to notify (``send_sms``) rides on exactly one event, the one that
describes the admin's action. Consequences of that action (a status derived from assignments, assignments
changed by a push-down) publish their events with ``send_sms=False`` so that no message goes out twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.applications.exceptions import InvalidTransition, ReasonRequired
from jibsa.audit.service import record
from jibsa.core.errors import Forbidden
from jibsa.core.korean import now_utc, repr_ko, with_ro
from jibsa.models import (
    APPLICATION_STATUS_LABELS,
    ASSIGNMENT_STATUS_LABELS,
    Actor,
    Admin,
    AdminRole,
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    Assignment,
    AssignmentStatus,
)

A = ApplicationStatus
S = AssignmentStatus

ADMIN_TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    A.NEW: frozenset({A.CONSULTING, A.CANCELLED}),
    A.CONSULTING: frozenset({A.ASSIGNED, A.CANCELLED}),
    A.ASSIGNED: frozenset({A.SCHEDULED, A.COMPLETED, A.CANCELLED}),
    A.SCHEDULED: frozenset({A.COMPLETED, A.CANCELLED}),
    A.COMPLETED: frozenset({A.CONSULTING}),
    A.CANCELLED: frozenset({A.CONSULTING}),
}
SUPER_ADMIN_ONLY = frozenset({(A.COMPLETED, A.CONSULTING)})
# Statuses that claim work exists: an admin may only move there when an active assignment does.
NEEDS_ASSIGNMENT = frozenset({A.ASSIGNED, A.SCHEDULED, A.COMPLETED})
FINAL = frozenset({A.COMPLETED, A.CANCELLED})

ASSIGNMENT_TRANSITIONS: dict[AssignmentStatus, frozenset[AssignmentStatus]] = {
    S.PENDING: frozenset({S.SCHEDULED, S.COMPLETED, S.CANCELLED}),
    S.SCHEDULED: frozenset({S.PENDING, S.COMPLETED, S.CANCELLED}),
    S.COMPLETED: frozenset({S.SCHEDULED}),
    S.CANCELLED: frozenset(),
}
OPEN_ASSIGNMENT = frozenset({S.PENDING, S.SCHEDULED})
# An admin move of the application to these statuses is copied onto its open assignments.
PUSH_DOWN: dict[ApplicationStatus, AssignmentStatus] = {
    A.SCHEDULED: S.SCHEDULED,
    A.COMPLETED: S.COMPLETED,
    A.CANCELLED: S.CANCELLED,
}


def requires_reason(current: ApplicationStatus, target: ApplicationStatus) -> bool:
    """Cancelling and reopening need a reason."""
    return target == A.CANCELLED or (current in FINAL and target == A.CONSULTING)


def allowed_targets(current: ApplicationStatus, admin: Actor | None = None) -> list[ApplicationStatus]:
    """Where an admin may move an application from ``current`` (super-admin-only moves only for them)."""
    is_super = admin is not None and admin.role == AdminRole.SUPER_ADMIN
    targets = ADMIN_TRANSITIONS[current]
    return [t for t in A if t in targets and (is_super or (current, t) not in SUPER_ADMIN_ONLY)]


def derive_status(assignment_statuses: Iterable[str]) -> ApplicationStatus:
    """The application status its assignments imply (cancelled assignments ignored)."""
    active = [S(s) for s in assignment_statuses if s != S.CANCELLED]
    if not active:
        return A.CONSULTING
    if all(s == S.COMPLETED for s in active):
        return A.COMPLETED
    if any(s == S.SCHEDULED for s in active):
        return A.SCHEDULED
    return A.ASSIGNED


def derived_target(current: ApplicationStatus, assignment_statuses: Iterable[str]) -> ApplicationStatus | None:
    """The status to move to after an assignment change, or ``None`` to stay."""
    if current in FINAL:
        return None
    target = derive_status(assignment_statuses)
    if target == current or (current == A.NEW and target == A.CONSULTING):
        return None
    return target


def _clean_reason(reason: str | None) -> str | None:
    reason = (reason or "").strip()
    return reason[:500] or None


async def _assignments_of(session: AsyncSession, application_id: int) -> Sequence[Assignment]:
    stmt = select(Assignment).where(Assignment.application_id == application_id).order_by(Assignment.id)
    return (await session.scalars(stmt)).all()


async def _transition(
    session: AsyncSession,
    application: Application,
    target: ApplicationStatus,
    *,
    admin: Admin | None,
    reason: str | None,
    source: str,
    send_sms: bool,
    request: Request | None,
) -> None:
    current = A(application.status)
    now = now_utc()
    application.status = target
    application.status_changed_at = now
    if admin is not None and source == "admin":
        application.assigned_admin_id = admin.id
    if target == A.COMPLETED:
        application.completed_at = now
    elif current == A.COMPLETED:
        application.completed_at = None
    if target == A.CANCELLED:
        application.cancelled_at = now
        application.cancel_reason = reason
    elif current == A.CANCELLED:
        application.cancelled_at = None
        application.cancel_reason = None
    if target in NEEDS_ASSIGNMENT and application.first_assigned_at is None:
        application.first_assigned_at = now
    session.add(
        ApplicationStatusChange(
            application_id=application.id,
            from_status=current,
            to_status=target,
            reason=reason,
            admin_id=admin.id if admin else None,
            source=source,
            created_at=now,
        )
    )
    suffix = " (배정 상태에 따라 자동)" if source == "derived" else ""
    await record(
        session,
        action="status_change",
        entity_type="application",
        entity_id=application.id,
        summary=(
            f"신청 {application.number} 상태 변경: {APPLICATION_STATUS_LABELS[current]} → "
            f"{APPLICATION_STATUS_LABELS[target]}{suffix}" + (f" · 사유: {reason}" if reason else "")
        ),
        admin=admin,
        before={"status": current},
        after={"status": target, "reason": reason, "source": source},
        request=request,
    )
    await events.publish(
        session,
        events.ApplicationStatusChanged(
            application_id=application.id,
            from_status=current,
            to_status=target,
            reason=reason,
            derived=source == "derived",
            admin_id=admin.id if admin else None,
            send_sms=send_sms,
        ),
    )


async def change_application_status(
    session: AsyncSession,
    application: Application,
    target: ApplicationStatus,
    *,
    admin: Admin,
    reason: str | None = None,
    send_sms: bool = False,
    request: Request | None = None,
) -> None:
    """An admin moves an application; refused moves are 409 ``invalid_transition`` with the allowed targets."""
    current = A(application.status)
    if target == current:
        return
    allowed = allowed_targets(current, admin)
    if target not in ADMIN_TRANSITIONS[current]:
        raise InvalidTransition(
            f"'{APPLICATION_STATUS_LABELS[current]}' 상태에서 "
            f"{with_ro(repr_ko(APPLICATION_STATUS_LABELS[target]))} 바꿀 수 없습니다.",
            details={"from": current, "to": target, "allowed": allowed},
        )
    if (current, target) in SUPER_ADMIN_ONLY and admin.role != AdminRole.SUPER_ADMIN:
        raise Forbidden("완료된 신청은 최고관리자만 다시 열 수 있습니다.", code="super_admin_required")
    reason = _clean_reason(reason)
    if requires_reason(current, target) and reason is None:
        raise ReasonRequired("취소하거나 다시 열려면 사유를 입력해 주세요.")
    assignments = await _assignments_of(session, application.id)
    open_assignments = [a for a in assignments if a.status in OPEN_ASSIGNMENT]
    if target in NEEDS_ASSIGNMENT and not any(a.status != S.CANCELLED for a in assignments):
        raise InvalidTransition(
            "배정된 협력사가 없어 그 상태로 바꿀 수 없습니다. 먼저 협력사를 배정해 주세요.",
            details={"from": current, "to": target, "allowed": [t for t in allowed if t not in NEEDS_ASSIGNMENT]},
        )
    await _transition(
        session, application, target, admin=admin, reason=reason, source="admin", send_sms=send_sms, request=request
    )
    pushed = PUSH_DOWN.get(target)
    if pushed is None:
        return
    for assignment in open_assignments:
        if assignment.status != pushed:
            await change_assignment_status(
                session,
                assignment,
                pushed,
                application=application,
                admin=admin,
                reason=reason,
                send_sms=False,
                request=request,
            )


async def sync_application_status(
    session: AsyncSession,
    application: Application,
    *,
    admin: Admin | None,
    request: Request | None = None,
    notify_completion: bool = False,
) -> ApplicationStatus | None:
    """Re-derive the application's status from its assignments; returns the new status when it moved.

    A derived completion is the moment the customer's work is done: when the admin's action asked for messages
    (``notify_completion``), the completion carries ``send_sms`` so that ``service_completed`` goes out. Other
    derived moves stay silent: the assignment events of the same action already carry their own messages.
    """
    assignments = await _assignments_of(session, application.id)
    target = derived_target(A(application.status), (a.status for a in assignments))
    if target is None:
        return None
    send_sms = notify_completion and target == A.COMPLETED
    await _transition(
        session, application, target, admin=admin, reason=None, source="derived", send_sms=send_sms, request=request
    )
    return target


async def change_assignment_status(
    session: AsyncSession,
    assignment: Assignment,
    target: AssignmentStatus,
    *,
    application: Application,
    admin: Admin | None,
    send_sms: bool = False,
    reason: str | None = None,
    request: Request | None = None,
) -> None:
    """Move one assignment (``pending → scheduled → completed``, ``cancelled``); the caller re-derives."""
    current = S(assignment.status)
    if target == current:
        return
    if target not in ASSIGNMENT_TRANSITIONS[current]:
        raise InvalidTransition(
            f"배정 상태를 '{ASSIGNMENT_STATUS_LABELS[current]}'에서 "
            f"{with_ro(repr_ko(ASSIGNMENT_STATUS_LABELS[target]))} 바꿀 수 없습니다.",
            details={
                "assignment_id": assignment.id,
                "from": current,
                "to": target,
                "allowed": [s for s in S if s in ASSIGNMENT_TRANSITIONS[current]],
            },
        )
    reason = _clean_reason(reason)
    if target == S.CANCELLED and reason is None:
        raise ReasonRequired("배정을 취소하려면 사유를 입력해 주세요.")
    now = now_utc()
    assignment.status = target
    if target == S.COMPLETED:
        assignment.completed_at = now
    elif current == S.COMPLETED:
        assignment.completed_at = None
    if target == S.CANCELLED:
        assignment.cancelled_at = now
        assignment.cancel_reason = reason
    await record(
        session,
        action="cancel" if target == S.CANCELLED else "status_change",
        entity_type="assignment",
        entity_id=assignment.id,
        summary=(
            f"신청 {application.number} 배정 #{assignment.id} 상태 변경: {ASSIGNMENT_STATUS_LABELS[current]} → "
            f"{ASSIGNMENT_STATUS_LABELS[target]}" + (f" · 사유: {reason}" if reason else "")
        ),
        admin=admin,
        before={"status": current},
        after={"status": target, "reason": reason},
        request=request,
    )
    application_id, assignment_id = assignment.application_id, assignment.id
    admin_id = admin.id if admin else None
    event: events.Event
    if target == S.SCHEDULED and current == S.PENDING:
        event = events.AssignmentScheduled(
            application_id=application_id, assignment_id=assignment_id, admin_id=admin_id, send_sms=send_sms
        )
    elif target == S.COMPLETED:
        event = events.AssignmentCompleted(
            application_id=application_id, assignment_id=assignment_id, admin_id=admin_id, send_sms=send_sms
        )
    elif target == S.CANCELLED:
        event = events.AssignmentCancelled(
            application_id=application_id,
            assignment_id=assignment_id,
            reason=reason,
            admin_id=admin_id,
            send_sms=send_sms,
        )
    else:
        event = events.AssignmentChanged(
            application_id=application_id, assignment_id=assignment_id, admin_id=admin_id, send_sms=send_sms
        )
    await events.publish(session, event)
