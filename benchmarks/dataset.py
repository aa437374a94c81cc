"""The benchmark data set: N applications with customers, partners, assignments, notes and SMS log rows.

Rows go through the project's own models, column types (AES-GCM ``EncryptedText``, ``UTCDateTime``), blind indexes,
numbering format and template rendering, exactly as production data does; only the unit of work differs: rows are
inserted in batches with explicit primary keys (ORM bulk INSERT) and committed every batch, so that 100,000
applications load in minutes rather than hours. Partners and the company profile come from ``jibsa.demo``.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.admins.schemas import AdminCreate
from jibsa.admins.service import create_admin
from jibsa.applications.intake import PhoneIndexes
from jibsa.applications.numbering import format_number
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.db import Database
from jibsa.core.korean import KST, format_phone, now_utc
from jibsa.demo import DESCRIPTIONS, GIVEN, PLACES, ROADS, SURNAMES, TIMES, seed_demo
from jibsa.messaging.text import SMS_MAX_BYTES, message_type_for, render, summarise_services, with_prefix
from jibsa.models import (
    Admin,
    AdminRole,
    Application,
    ApplicationNote,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    CompanyProfile,
    Customer,
    DailySequence,
    MessageStatus,
    MessageType,
    Partner,
    PartnerStatus,
    ServiceType,
    SmsMessage,
    SmsTemplate,
    TriggerSource,
)

BATCH = 2_000  # applications per transaction (each brings ~10 more rows)
DAYS_OF_HISTORY = 365
BENCH_ADMIN_EMAIL = "bench@jibsa.kr"
# Tables loaded with explicit ids: PostgreSQL's sequences are moved past them afterwards.
EXPLICIT_ID_TABLES = ("customer", "application", "application_status_change", "application_note", "assignment")
EXPLICIT_ID_TABLES_WITH_SMS = (*EXPLICIT_ID_TABLES, "sms_message")


@dataclass
class LoadReport:
    applications: int
    partners: int
    rows: Counter[str]
    seconds: float
    sample_phone: str  # a loaded customer's phone (for the search-by-phone workload)
    sample_number_prefix: str  # an application number prefix (YYYYMMDD-)
    schedule_month: date  # first day of the month the schedule workload asks for

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass
class _Partner:
    id: int
    name: str
    phone: str
    services: frozenset[str]


@dataclass
class _Batch:
    rows: dict[type[Any], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, model: type[Any], **values: Any) -> None:
        self.rows[model].append(values)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


# Insert order respects foreign keys.
INSERT_ORDER: tuple[type[Any], ...] = (
    Customer,
    Application,
    ApplicationService,
    ApplicationStatusChange,
    ApplicationNote,
    Assignment,
    AssignmentService,
    SmsMessage,
)


def _status_for(rng: random.Random, age_days: float) -> ApplicationStatus:
    """Young applications are mostly open; old ones mostly finished, as in a real back office."""
    s = ApplicationStatus
    if age_days <= 3:
        table = [(s.NEW, 45), (s.CONSULTING, 30), (s.ASSIGNED, 15), (s.SCHEDULED, 5), (s.CANCELLED, 5)]
    elif age_days <= 30:
        table = [
            (s.NEW, 5),
            (s.CONSULTING, 15),
            (s.ASSIGNED, 15),
            (s.SCHEDULED, 35),
            (s.COMPLETED, 20),
            (s.CANCELLED, 10),
        ]
    else:
        table = [(s.NEW, 2), (s.CONSULTING, 4), (s.ASSIGNED, 2), (s.SCHEDULED, 5), (s.COMPLETED, 75), (s.CANCELLED, 12)]
    statuses, weights = zip(*table, strict=True)
    chosen: ApplicationStatus = rng.choices(statuses, weights)[0]
    return chosen


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        *,
        services: dict[str, str],
        partners: list[_Partner],
        templates: dict[str, SmsTemplate],
        profile: CompanyProfile,
        with_sms: bool,
    ) -> None:
        self.rng = rng
        self.services = services
        self.codes = list(services)
        self.templates = templates
        self.profile = profile
        self.with_sms = with_sms
        self.by_service: dict[str, list[_Partner]] = defaultdict(list)
        for partner in partners:
            for code in partner.services:
                self.by_service[code].append(partner)
        self.today = now_utc().astimezone(KST).date()
        self.sequences: Counter[date] = Counter()
        self.phones: list[str] = []
        self.used_phones: set[str] = set()
        self.customer_ids: dict[str, int] = {}
        self.ids: Counter[str] = Counter()

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def phone(self) -> str:
        """A new customer's phone most of the time, a returning customer's one in 15% of requests."""
        if self.phones and self.rng.random() < 0.15:
            return self.rng.choice(self.phones)
        while True:
            candidate = f"010{self.rng.randint(20_000_000, 99_999_999)}"
            if candidate not in self.used_phones:
                self.used_phones.add(candidate)
                self.phones.append(candidate)
                return candidate

    def sms(
        self,
        batch: _Batch,
        key: str,
        recipient: str,
        kind: str,
        variables: dict[str, object],
        app_id: int,
        at: datetime,
    ) -> None:
        template = self.templates.get(key)
        if template is None or not self.with_sms:
            return
        values = {"company_name": self.profile.name, "company_phone": self.profile.phone, **variables}
        body = with_prefix(render(template.content, values), self.profile.sms_prefix)
        failed = self.rng.random() < 0.04
        message_id = self.next_id("sms_message")
        batch.add(
            SmsMessage,
            id=message_id,
            recipient=recipient,
            recipient_bidx=blind_index("phone", recipient),
            recipient_last4_bidx=blind_index("phone_last4", recipient[-4:]),
            recipient_kind=kind,
            text=body,
            subject=template.subject,
            message_type=_message_type(body),
            template_key=key,
            trigger=TriggerSource.SYSTEM,
            reference_type="application",
            reference_id=app_id,
            bulk_job_id=None,
            retry_of_id=None,
            idempotency_key=f"application:{app_id}:{key}:{kind}",
            image_file_ids=[],
            status=MessageStatus.FAILED if failed else MessageStatus.SENT,
            attempts=1,
            next_attempt_at=at,
            lease_until=None,
            claimed_by=None,
            provider="console",
            provider_message_id=None if failed else f"bench-{message_id}",
            provider_group_id=None,
            result_code="-101" if failed else "1",
            result_message="수신번호 오류" if failed else "성공",
            sent_at=None if failed else at + timedelta(seconds=2),
            created_by=None,
            created_at=at,
            updated_at=at + timedelta(seconds=2),
        )

    def application(self, batch: _Batch, created_at: datetime) -> None:
        rng = self.rng
        app_id = self.next_id("application")
        phone = self.phone()
        indexes = PhoneIndexes.of(phone)
        customer_id = self.customer_ids.get(phone)
        if customer_id is None:
            customer_id = self.customer_ids[phone] = self.next_id("customer")
            batch.add(Customer, id=customer_id, phone_bidx=indexes.full, created_at=created_at, updated_at=created_at)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        district, county, towns = rng.choice(PLACES)
        address = f"{county} {rng.choice(towns)} {rng.choice(ROADS)} {rng.randint(1, 300)}"
        chosen = rng.sample(self.codes, rng.randint(1, 3))
        day = created_at.astimezone(KST).date()
        self.sequences[day] += 1
        number = format_number(day, self.sequences[day])
        age = (self.today - day).days
        status = _status_for(rng, age)
        if status in (ApplicationStatus.COMPLETED, ApplicationStatus.SCHEDULED) and age < 2:
            status = ApplicationStatus.ASSIGNED
        changed_at = created_at + timedelta(hours=rng.randint(1, 48)) if status != ApplicationStatus.NEW else created_at
        changed_at = min(changed_at, now_utc())

        partner = self._partner_for(chosen) if status in _ASSIGNED_STATES else None
        if partner is None and status in _ASSIGNED_STATES:
            status = ApplicationStatus.CONSULTING
        first_assigned = created_at + timedelta(hours=rng.randint(1, 24)) if partner else None
        scheduled: date | None = None
        if status in (ApplicationStatus.SCHEDULED, ApplicationStatus.COMPLETED):
            scheduled = day + timedelta(days=rng.randint(2, 21))
            if status == ApplicationStatus.COMPLETED and scheduled >= self.today:
                scheduled = self.today - timedelta(days=1)
        completed_at = (
            datetime(scheduled.year, scheduled.month, scheduled.day, 9, tzinfo=KST)
            if scheduled and status == "completed"
            else None
        )
        cancelled = status == ApplicationStatus.CANCELLED
        batch.add(
            Application,
            id=app_id,
            number=number,
            customer_id=customer_id,
            customer_name=name,
            customer_phone=phone,
            address=address,
            address_detail=f"{rng.randint(1, 3)}동" if rng.random() < 0.5 else None,
            phone_bidx=indexes.full,
            phone_last4_bidx=indexes.last4,
            name_bidx=blind_index("name", normalise_name(name)),
            district_code=district,
            description=DESCRIPTIONS.get(chosen[0], "작업 범위와 비용 상담을 원합니다. 현장 확인 부탁드립니다."),
            preferred_consultation_date=None,
            preferred_work_date=day + timedelta(days=rng.randint(3, 30)) if rng.random() < 0.6 else None,
            status=status,
            status_changed_at=changed_at,
            first_assigned_at=first_assigned,
            completed_at=completed_at,
            cancelled_at=changed_at if cancelled else None,
            cancel_reason="고객 요청" if cancelled else None,
            assigned_admin_id=None,
            privacy_consent_at=created_at,
            version=1,
            deleted_at=None,
            created_at=created_at,
            updated_at=changed_at,
        )
        for position, code in enumerate(chosen):
            batch.add(ApplicationService, application_id=app_id, service_code=code, position=position)
        self._history(batch, app_id, status, created_at, changed_at)
        if rng.random() < 0.3:
            batch.add(
                ApplicationNote,
                id=self.next_id("application_note"),
                application_id=app_id,
                admin_id=None,
                admin_name="관리자",
                content="고객과 통화 완료. 현장 방문 일정 조율 중.",
                deleted_at=None,
                created_at=created_at + timedelta(hours=2),
            )
        names = [self.services[c] for c in chosen]
        self.sms(
            batch,
            "application_received",
            phone,
            "customer",
            {"customer_name": name, "application_number": number},
            app_id,
            created_at,
        )
        if partner is not None and first_assigned is not None:
            self._assignment(batch, app_id, partner, chosen, status, first_assigned, scheduled, completed_at)
            variables: dict[str, object] = {
                "application_number": number,
                "customer_name": name,
                "customer_phone": format_phone(phone),
                "address": address,
                "services": summarise_services(names),
                "partner_name": partner.name,
                "partner_phone": format_phone(partner.phone),
                "scheduled_date": scheduled.isoformat() if scheduled else "",
            }
            self.sms(batch, "partner_notify_assignment", partner.phone, "partner", variables, app_id, first_assigned)
            self.sms(batch, "partner_assigned", phone, "customer", variables, app_id, first_assigned)
            if scheduled is not None:
                self.sms(batch, "schedule_confirmed", phone, "customer", variables, app_id, first_assigned)
            if completed_at is not None:
                self.sms(batch, "service_completed", phone, "customer", variables, app_id, completed_at)
        if cancelled:
            variables = {"customer_name": name, "application_number": number, "cancel_reason": "고객 요청"}
            self.sms(batch, "application_cancelled", phone, "customer", variables, app_id, changed_at)

    def _partner_for(self, chosen: list[str]) -> _Partner | None:
        candidates = [p for code in chosen for p in self.by_service.get(code, [])]
        return self.rng.choice(candidates) if candidates else None

    def _history(
        self, batch: _Batch, app_id: int, status: ApplicationStatus, created_at: datetime, changed_at: datetime
    ) -> None:
        batch.add(
            ApplicationStatusChange,
            id=self.next_id("application_status_change"),
            application_id=app_id,
            from_status=None,
            to_status=ApplicationStatus.NEW,
            reason=None,
            admin_id=None,
            source="public",
            created_at=created_at,
        )
        if status != ApplicationStatus.NEW:
            batch.add(
                ApplicationStatusChange,
                id=self.next_id("application_status_change"),
                application_id=app_id,
                from_status=ApplicationStatus.NEW,
                to_status=status,
                reason="고객 요청" if status == ApplicationStatus.CANCELLED else None,
                admin_id=None,
                source="admin",
                created_at=changed_at,
            )

    def _assignment(
        self,
        batch: _Batch,
        app_id: int,
        partner: _Partner,
        chosen: list[str],
        status: ApplicationStatus,
        assigned_at: datetime,
        scheduled: date | None,
        completed_at: datetime | None,
    ) -> None:
        assignment_id = self.next_id("assignment")
        covered = [c for c in chosen if c in partner.services]
        batch.add(
            Assignment,
            id=assignment_id,
            application_id=app_id,
            partner_id=partner.id,
            status={
                ApplicationStatus.ASSIGNED: AssignmentStatus.PENDING,
                ApplicationStatus.SCHEDULED: AssignmentStatus.SCHEDULED,
                ApplicationStatus.COMPLETED: AssignmentStatus.COMPLETED,
            }[status],
            scheduled_date=scheduled,
            scheduled_time=self.rng.choice(TIMES) if scheduled else None,
            estimated_cost=self.rng.randint(10, 300) * 10_000,
            final_cost=None,
            estimate_note=None,
            note=None,
            assigned_by=None,
            completed_at=completed_at,
            cancelled_at=None,
            cancel_reason=None,
            reminder_sent_for=None,
            version=1,
            created_at=assigned_at,
            updated_at=assigned_at,
        )
        for position, code in enumerate(covered):
            batch.add(AssignmentService, assignment_id=assignment_id, service_code=code, position=position)


def _message_type(body: str) -> MessageType:
    """``message_type_for`` with a fast path: when every character is in CP949, the byte count is one encode."""
    try:
        return MessageType.SMS if len(body.encode("cp949")) <= SMS_MAX_BYTES else MessageType.LMS
    except UnicodeEncodeError:
        return message_type_for(body)


_ASSIGNED_STATES = frozenset({ApplicationStatus.ASSIGNED, ApplicationStatus.SCHEDULED, ApplicationStatus.COMPLETED})


async def _context(
    session: AsyncSession, partners: int
) -> tuple[dict[str, str], list[_Partner], dict[str, SmsTemplate]]:
    await seed_demo(session, partners=partners, applications=0)
    services = {
        s.code: s.name
        for s in (await session.scalars(select(ServiceType).order_by(ServiceType.sort_order))).all()
        if s.is_bookable
    }
    approved = (
        await session.scalars(
            select(Partner).where(Partner.status == PartnerStatus.APPROVED).options(selectinload(Partner.services))
        )
    ).all()
    found = [_Partner(p.id, p.company_name, p.contact_phone, frozenset(p.service_codes)) for p in approved]
    templates = {t.key: t for t in (await session.scalars(select(SmsTemplate))).all()}
    return services, found, templates


async def load(
    db: Database,
    applications: int,
    *,
    seed: int = 7,
    with_sms: bool = True,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load ``applications`` applications (and everything around them) into a freshly migrated database."""
    started = time.perf_counter()
    rng = random.Random(seed)
    partners = max(20, applications // 50)
    async with db.transaction() as session:
        services, partner_rows, templates = await _context(session, partners)
        profile = await session.get(CompanyProfile, 1)
        assert profile is not None
    generator = _Generator(
        rng, services=services, partners=partner_rows, templates=templates, profile=profile, with_sms=with_sms
    )
    now = now_utc()
    stamps = sorted(now - timedelta(seconds=rng.randint(60, DAYS_OF_HISTORY * 86_400)) for _ in range(applications))
    counts: Counter[str] = Counter()

    def generate(chunk: list[datetime]) -> _Batch:
        batch = _Batch()
        for created_at in chunk:
            generator.application(batch, created_at)
        return batch

    async def insert_batch(batch: _Batch, done: int) -> None:
        async with db.transaction() as session:
            for model in INSERT_ORDER:
                rows = batch.rows.get(model)
                if rows:
                    # Core executemany on the model's table: the column types (encryption, UTC) still apply,
                    # without the ORM's per-row bookkeeping.
                    await session.execute(insert(_table(model)), rows)
                    counts[model.__tablename__] += len(rows)
        if progress:
            progress(done)

    # Generate batch k+1 in a thread while batch k is written: the database works on the other core.
    pending: asyncio.Task[None] | None = None
    for start in range(0, applications, BATCH):
        batch = await asyncio.to_thread(generate, stamps[start : start + BATCH])
        if pending is not None:
            await pending
        pending = asyncio.create_task(insert_batch(batch, min(start + BATCH, applications)))
    if pending is not None:
        await pending
    async with db.transaction() as session:
        await session.execute(
            insert(_table(DailySequence)),
            [{"day": d, "last_value": v} for d, v in sorted(generator.sequences.items())],
        )
        counts["daily_sequence"] = len(generator.sequences)
    await _after_load(db)
    counts["partner"] = partners
    sample_phone = rng.choice(generator.phones)
    last_day = max(generator.sequences)
    today = generator.today
    return LoadReport(
        applications=applications,
        partners=partners,
        rows=counts,
        seconds=time.perf_counter() - started,
        sample_phone=sample_phone,
        sample_number_prefix=f"{last_day:%Y%m%d}-",
        schedule_month=today.replace(day=1),
    )


async def _after_load(db: Database) -> None:
    """Move PostgreSQL's sequences past the explicit ids, and collect planner statistics on both engines."""
    async with db.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            for table in EXPLICIT_ID_TABLES_WITH_SMS:
                await connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
                    )
                )
            await connection.commit()
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("ANALYZE"))
        else:
            await connection.execute(text("ANALYZE"))
            await connection.commit()


async def ensure_admin(db: Database, password: str) -> Admin:
    """The benchmark's super admin (no phone, so public submissions queue no admin SMS)."""
    async with db.transaction() as session:
        existing = await session.scalar(select(Admin).where(Admin.email == BENCH_ADMIN_EMAIL))
        if existing is not None:
            return existing
        return await create_admin(
            session,
            AdminCreate(email=BENCH_ADMIN_EMAIL, password=password, name="벤치관리자", role=AdminRole.SUPER_ADMIN),
        )
