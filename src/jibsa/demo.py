"""Demo data for a fresh installation: the reference company's profile, partners and applications.

Everything goes through the same models, encryption and blind indexes as production data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.applications.intake import PhoneIndexes, _customer_id
from jibsa.applications.numbering import format_number, next_sequence
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.korean import KST, now_utc, today_kst
from jibsa.events import ApplicationStatusChanged, AssignmentCreated, Event, publish
from jibsa.messaging.worker import import_task_modules
from jibsa.models import (
    Application,
    ApplicationNote,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    CompanyProfile,
    MessageStatus,
    Partner,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
    ServiceType,
    SmsMessage,
    VatMode,
)
from jibsa.partners.registration import company_key, phone_company_index

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = [
    "민준",
    "서연",
    "도윤",
    "지우",
    "하준",
    "서윤",
    "은우",
    "지민",
    "수아",
    "예준",
    "영숙",
    "정희",
    "순자",
    "상철",
    "명수",
    "경자",
    "미경",
    "성호",
    "현정",
    "동현",
    "재훈",
    "혜진",
    "광수",
    "옥순",
    "진호",
]
PLACES = [
    (
        "41830",
        "경기도 양평군",
        [
            "양평읍",
            "강상면",
            "강하면",
            "양서면",
            "옥천면",
            "서종면",
            "단월면",
            "청운면",
            "양동면",
            "지평면",
            "용문면",
        ],
    ),
    ("41820", "경기도 가평군", ["가평읍", "설악면", "청평면", "상면", "조종면", "북면"]),
]
ROADS = ["강변로", "중앙로", "용문산로", "북한강로", "은행나무길", "숲속길", "전원마을길", "햇살로"]
COMPANY_WORDS = ["푸른", "한결", "든든", "늘봄", "초록", "반듯", "새솔", "다온", "믿음", "솜씨"]
COMPANY_KINDS = ["조경", "환경", "건설", "인테리어", "설비", "전기", "창호", "홈케어"]
DESCRIPTIONS = {
    "WEEDING": "마당 잔디밭과 텃밭 주변 제초 부탁드립니다. 약 100평 정도이고 차량 진입 가능합니다.",
    "SNOW_REMOVAL": "진입로 눈 치우기가 필요합니다. 경사가 있어 제설제도 함께 부탁드려요.",
    "TREE_PRUNING": "정원 소나무 3그루, 단풍나무 2그루 전지 작업 원합니다.",
    "DECK_WORK": "데크 오일스테인 재도장과 일부 썩은 판재 교체가 필요합니다.",
    "PLUMBING_LEAK": "보일러실 배관에서 물이 샙니다. 빠른 방문 부탁드립니다.",
    "BATHROOM_PARTIAL": "욕실 세면대와 수전 교체, 실리콘 재시공 원합니다.",
    "PAINT_EXTERIOR": "외벽 페인트가 벗겨져서 전체 재도장 견적 받고 싶습니다.",
    "WASP_NEST": "처마 밑에 말벌집이 생겼어요. 아이들이 있어 빨리 제거 부탁드립니다.",
}
TIMES = ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00", "오전", "오후", "종일"]


def _phone(rng: random.Random) -> str:
    return f"010{rng.randint(1000, 9999)}{rng.randint(1000, 9999)}"


def _address(rng: random.Random) -> tuple[str, str, str]:
    district, county, towns = rng.choice(PLACES)
    return (
        district,
        f"{county} {rng.choice(towns)} {rng.choice(ROADS)} {rng.randint(1, 300)}",
        f"{rng.randint(1, 3)}동",
    )


async def seed_company(session: AsyncSession) -> None:
    profile = await session.get(CompanyProfile, 1) or CompanyProfile(id=1)
    profile.name = "전방홈케어"
    profile.phone = "1551-6640"
    profile.sms_prefix = "[전방홈케어]"
    profile.address = "경기도 양평군 양평읍 중앙로 1"
    profile.business_number = "1234567891"
    profile.representative = "김전방"
    profile.email = "info@geonbang.com"
    profile.bank_account = "농협 000-0000-0000-00 (전방홈케어)"
    profile.stamp_text = "전방홈케어"
    profile.tagline = "전원주택 관리의 새로운 기준"
    profile.vat_mode = VatMode.INCLUDED
    session.add(profile)
    await session.flush()


async def seed_demo(
    session: AsyncSession,
    *,
    partners: int = 20,
    applications: int = 200,
    seed: int = 2026,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Seed the demo company; returns counts. Refuses to seed twice."""
    if await session.scalar(select(func.count()).select_from(Application)):
        return {"partners": 0, "applications": 0, "messages": 0}
    rng = random.Random(seed)
    await seed_company(session)
    services = (
        await session.scalars(select(ServiceType).order_by(ServiceType.category_code, ServiceType.sort_order))
    ).all()
    codes = [s.code for s in services]
    now = now_utc()

    partner_rows: list[Partner] = []
    statuses = (
        [PartnerStatus.APPROVED] * 12
        + [PartnerStatus.PENDING] * 4
        + [PartnerStatus.REJECTED, PartnerStatus.SUSPENDED, PartnerStatus.INACTIVE, PartnerStatus.PENDING]
    )
    for i in range(partners):
        company = f"{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_KINDS)}"
        if i >= len(COMPANY_WORDS):
            company += f" {i}호점"
        representative = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = _phone(rng)
        offered = rng.sample(codes, rng.randint(3, 8))
        district, address, detail = _address(rng)
        status = statuses[i % len(statuses)]
        partner = Partner(
            company_name=company,
            company_name_bidx=blind_index("company", company_key(company)),
            representative_name=representative,
            name_bidx=blind_index("name", normalise_name(representative)),
            contact_phone=phone,
            phone_bidx=blind_index("phone", phone),
            phone_last4_bidx=blind_index("phone_last4", phone[-4:]),
            phone_company_bidx=phone_company_index(phone, company),
            address=address,
            address_detail=detail,
            introduction=f"{company}입니다. 양평·가평 지역 전원주택 작업 경험이 많습니다.",
            experience=f"경력 {rng.randint(2, 20)}년",
            status=status,
            status_reason="서류 미비" if status == PartnerStatus.REJECTED else None,
            approved_at=now - timedelta(days=rng.randint(1, 90)) if status == PartnerStatus.APPROVED else None,
            privacy_consent_at=now,
            terms_consent_at=now,
            created_at=now - timedelta(days=rng.randint(1, 120)),
            services=[PartnerService(service_code=c, position=k) for k, c in enumerate(offered)],
            regions=[PartnerRegion(province_code="41", district_code=district)],
        )
        session.add(partner)
        partner_rows.append(partner)
    await session.flush()
    approved = [p for p in partner_rows if p.status == PartnerStatus.APPROVED]
    offered_by = {p.id: set(p.service_codes) for p in approved}

    weights = [
        (ApplicationStatus.NEW, 20),
        (ApplicationStatus.CONSULTING, 20),
        (ApplicationStatus.ASSIGNED, 15),
        (ApplicationStatus.SCHEDULED, 20),
        (ApplicationStatus.COMPLETED, 20),
        (ApplicationStatus.CANCELLED, 5),
    ]
    population = [s for s, w in weights for _ in range(w)]
    history: list[tuple[Application, Assignment | None]] = []
    created: list[tuple[datetime, int]] = sorted(
        (now - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440)), i) for i in range(applications)
    )
    for done, (created_at, _) in enumerate(created):
        app_status = rng.choice(population)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = _phone(rng) if rng.random() > 0.1 or done == 0 else _phone(random.Random(seed))
        district, address, detail = _address(rng)
        chosen = rng.sample(codes, rng.randint(1, 3))
        day = created_at.astimezone(KST).date()
        indexes = PhoneIndexes.of(phone)
        application = Application(
            number=format_number(day, await next_sequence(session, day)),
            customer_id=await _customer_id(session, indexes.full),
            customer_name=name,
            customer_phone=phone,
            address=address,
            address_detail=detail,
            phone_bidx=indexes.full,
            phone_last4_bidx=indexes.last4,
            name_bidx=blind_index("name", normalise_name(name)),
            district_code=district,
            description=DESCRIPTIONS.get(chosen[0], "작업 범위와 비용 상담을 원합니다. 현장 확인 부탁드립니다."),
            preferred_work_date=today_kst() + timedelta(days=rng.randint(1, 30)) if rng.random() > 0.4 else None,
            status=app_status,
            status_changed_at=created_at,
            privacy_consent_at=created_at,
            created_at=created_at,
            updated_at=created_at,
            cancelled_at=created_at + timedelta(days=1) if app_status == ApplicationStatus.CANCELLED else None,
            cancel_reason="고객 요청" if app_status == ApplicationStatus.CANCELLED else None,
            services=[ApplicationService(service_code=c, position=k) for k, c in enumerate(chosen)],
        )
        session.add(application)
        await session.flush()
        session.add(
            ApplicationStatusChange(
                application_id=application.id,
                to_status=ApplicationStatus.NEW,
                source="public",
                created_at=created_at,
            )
        )
        if app_status != ApplicationStatus.NEW:
            session.add(
                ApplicationStatusChange(
                    application_id=application.id,
                    from_status=ApplicationStatus.NEW,
                    to_status=app_status,
                    source="admin",
                    created_at=created_at + timedelta(hours=3),
                )
            )
        assignment = None
        if app_status in (ApplicationStatus.ASSIGNED, ApplicationStatus.SCHEDULED, ApplicationStatus.COMPLETED):
            assignment = _add_assignment(
                session, rng, application, chosen, approved, offered_by, app_status, created_at
            )
        history.append((application, assignment))
        if rng.random() < 0.3:
            session.add(
                ApplicationNote(
                    application_id=application.id,
                    admin_name="시스템",
                    content="고객과 통화 완료. 현장 방문 일정 조율 중.",
                    created_at=created_at + timedelta(hours=5),
                )
            )
        if progress:
            progress(done + 1)
    await session.flush()
    messages = await _message_history(session, rng, history)
    return {"partners": len(partner_rows), "applications": applications, "messages": messages}


async def _message_history(
    session: AsyncSession, rng: random.Random, history: list[tuple[Application, Assignment | None]]
) -> int:
    """The texts these applications' histories would have sent, as already sent (a few failed): the SMS log and
    each application's messages have something to show.

    The real triggers write them (same templates, variables and idempotency keys as in production) from each
    application's events, replayed in the order they happened; in this same transaction every message is then
    marked as delivered by the console gateway at its event's time. Nothing is left queued: no gateway ever sees a
    demo number.
    """
    import_task_modules()  # subscribes the message triggers (a CLI process has not yet)
    latest = now_utc() - timedelta(minutes=1)  # a recent demo assignment may be dated ahead: nothing sent yet
    events: list[tuple[datetime, Event]] = []
    for application, assignment in history:
        status = ApplicationStatus(application.status)
        changed = ApplicationStatusChanged(
            application_id=application.id,
            from_status=ApplicationStatus.NEW,
            to_status=status,
            reason=application.cancel_reason,
            send_sms=True,
        )
        if status in (ApplicationStatus.CONSULTING, ApplicationStatus.CANCELLED):
            events.append((application.created_at + timedelta(hours=3), changed))
        if assignment is not None:
            events.append(
                (
                    assignment.created_at,
                    AssignmentCreated(application_id=application.id, assignment_id=assignment.id, send_sms=True),
                )
            )
            if status == ApplicationStatus.SCHEDULED:
                events.append((assignment.created_at + timedelta(hours=1), changed))
            elif status == ApplicationStatus.COMPLETED and assignment.completed_at is not None:
                events.append((assignment.completed_at, changed))
    events.sort(key=lambda timed: timed[0])
    last = await session.scalar(select(func.coalesce(func.max(SmsMessage.id), 0))) or 0
    sent = 0
    for moment, event in events:
        await publish(session, event)
        await session.flush()
        at = min(moment, latest)
        for message in (await session.scalars(select(SmsMessage).where(SmsMessage.id > last))).all():
            _delivered(message, at, failed=rng.random() < 0.04)
            last = max(last, message.id)
            sent += 1
    await session.flush()
    return sent


def _delivered(message: SmsMessage, at: datetime, *, failed: bool) -> None:
    """``message`` as the console gateway would have left it at ``at`` (or refused, for a few)."""
    message.status = MessageStatus.FAILED if failed else MessageStatus.SENT
    message.attempts = 1
    message.provider = "console"
    message.result_code = "-101" if failed else "console"
    message.result_message = "-101: 수신번호 오류 (데모)" if failed else None
    message.provider_message_id = None if failed else f"console-demo-{message.id}"
    message.sent_at = None if failed else at + timedelta(seconds=2)
    message.next_attempt_at = at
    message.created_at = at
    message.updated_at = at + timedelta(seconds=2)


def _add_assignment(
    session: AsyncSession,
    rng: random.Random,
    application: Application,
    chosen: list[str],
    approved: list[Partner],
    offered_by: dict[int, set[str]],
    status: ApplicationStatus,
    created_at: datetime,
) -> Assignment | None:
    candidates = [p for p in approved if offered_by[p.id] & set(chosen)] or approved
    partner = rng.choice(candidates)
    covered = [c for c in chosen if c in offered_by[partner.id]] or [chosen[0]]
    if covered[0] not in offered_by[partner.id]:
        return None  # no approved partner offers this service: leave it unassigned
    assignment_status = {
        ApplicationStatus.ASSIGNED: AssignmentStatus.PENDING,
        ApplicationStatus.SCHEDULED: AssignmentStatus.SCHEDULED,
        ApplicationStatus.COMPLETED: AssignmentStatus.COMPLETED,
    }[status]
    scheduled: date | None = None
    if assignment_status != AssignmentStatus.PENDING:
        offset = rng.randint(-20, 25) if assignment_status == AssignmentStatus.SCHEDULED else rng.randint(-40, -1)
        scheduled = today_kst() + timedelta(days=offset)
    application.first_assigned_at = created_at + timedelta(hours=rng.randint(2, 72))
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=assignment_status,
        scheduled_date=scheduled,
        scheduled_time=rng.choice(TIMES) if scheduled else None,
        estimated_cost=rng.randint(10, 300) * 10_000,
        completed_at=application.first_assigned_at + timedelta(days=3)
        if assignment_status == AssignmentStatus.COMPLETED
        else None,
        created_at=application.first_assigned_at,
        services=[AssignmentService(service_code=c, position=k) for k, c in enumerate(covered)],
    )
    session.add(assignment)
    return assignment
