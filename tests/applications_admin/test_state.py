"""The state machine's rules as tables (pure functions; the HTTP paths are tested elsewhere)."""

from __future__ import annotations

import pytest

from jibsa.applications.state import allowed_targets, derive_status, derived_target, requires_reason
from jibsa.models import Admin, AdminRole, ApplicationStatus

A = ApplicationStatus
P, S, C, X = "pending", "scheduled", "completed", "cancelled"


class TestDeriveStatus:
    @pytest.mark.parametrize(
        ("assignments", "expected"),
        [
            ((), A.CONSULTING),
            ((X,), A.CONSULTING),
            ((X, X), A.CONSULTING),
            ((P,), A.ASSIGNED),
            ((P, X), A.ASSIGNED),
            ((P, P), A.ASSIGNED),
            ((S,), A.SCHEDULED),
            ((P, S), A.SCHEDULED),
            ((S, C), A.SCHEDULED),
            ((P, C), A.ASSIGNED),
            ((C,), A.COMPLETED),
            ((C, C), A.COMPLETED),
            ((C, X), A.COMPLETED),
            ((S, X, C), A.SCHEDULED),
        ],
    )
    def test_status_implied_by_assignments(self, assignments: tuple[str, ...], expected: ApplicationStatus) -> None:
        assert derive_status(assignments) == expected


class TestDerivedTarget:
    @pytest.mark.parametrize(
        ("current", "assignments", "expected"),
        [
            (A.NEW, (P,), A.ASSIGNED),  # creating an assignment on a new application moves it on
            (A.NEW, (S,), A.SCHEDULED),
            (A.NEW, (), None),  # nothing to derive from: new stays new
            (A.CONSULTING, (P,), A.ASSIGNED),
            (A.ASSIGNED, (S,), A.SCHEDULED),
            (A.SCHEDULED, (P,), A.ASSIGNED),
            (A.SCHEDULED, (C,), A.COMPLETED),
            (A.ASSIGNED, (X,), A.CONSULTING),
            (A.SCHEDULED, (S,), None),
            (A.CANCELLED, (P,), None),  # never overrides cancelled
            (A.CANCELLED, (C,), None),
            (A.COMPLETED, (P,), None),  # completed only reopens by a super admin
        ],
    )
    def test_move_after_assignment_change(
        self, current: ApplicationStatus, assignments: tuple[str, ...], expected: ApplicationStatus | None
    ) -> None:
        assert derived_target(current, assignments) == expected


class TestAllowedTargets:
    @pytest.mark.parametrize(
        ("current", "expected"),
        [
            (A.NEW, [A.CONSULTING, A.CANCELLED]),
            (A.CONSULTING, [A.ASSIGNED, A.CANCELLED]),
            (A.ASSIGNED, [A.SCHEDULED, A.COMPLETED, A.CANCELLED]),
            (A.SCHEDULED, [A.COMPLETED, A.CANCELLED]),
            (A.CANCELLED, [A.CONSULTING]),
            (A.COMPLETED, []),
        ],
    )
    def test_for_an_admin(self, current: ApplicationStatus, expected: list[ApplicationStatus]) -> None:
        assert allowed_targets(current, Admin(role=AdminRole.ADMIN)) == expected

    def test_super_admin_may_reopen_completed(self) -> None:
        assert allowed_targets(A.COMPLETED, Admin(role=AdminRole.SUPER_ADMIN)) == [A.CONSULTING]


class TestRequiresReason:
    @pytest.mark.parametrize(
        ("current", "target", "expected"),
        [
            (A.NEW, A.CANCELLED, True),
            (A.SCHEDULED, A.CANCELLED, True),
            (A.CANCELLED, A.CONSULTING, True),
            (A.COMPLETED, A.CONSULTING, True),
            (A.NEW, A.CONSULTING, False),
            (A.SCHEDULED, A.COMPLETED, False),
        ],
    )
    def test_cancel_and_reopen_need_a_reason(
        self, current: ApplicationStatus, target: ApplicationStatus, expected: bool
    ) -> None:
        assert requires_reason(current, target) is expected
