import type {
  ApplicationDetail,
  ApplicationDetailView,
  ApplicationList,
  ApplicationListItem,
  AssignmentOut,
  PartnerDetail,
  PartnerDetailView,
  PartnerList,
} from '@/client/types.gen';

export function assignmentFixture(overrides: Partial<AssignmentOut> = {}): AssignmentOut {
  return {
    id: 11,
    application_id: 1,
    partner_id: 4,
    partner_name: '믿음설비',
    partner_representative: '신현정',
    partner_phone: '01088519404',
    services: [{ code: 'SINK', name: '씽크대' }],
    status: 'pending',
    status_label: '대기',
    scheduled_date: null,
    scheduled_time: null,
    estimated_cost: 160000,
    final_cost: null,
    estimate_note: null,
    note: null,
    quote_status: 'none',
    quote_sent_at: null,
    quote_viewed_at: null,
    assigned_by: null,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    created_at: '2026-11-27T21:06:14Z',
    updated_at: '2026-11-27T21:06:14Z',
    version: 1,
    ...overrides,
  };
}

export function applicationFixture(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    id: 1,
    number: '20261127-004',
    customer_name: '윤현정',
    customer_phone: '010-8601-2063',
    address: '경기도 양평군 양평읍 중앙로 231',
    address_detail: '1동',
    district_code: '41830',
    district_name: '경기 양평군',
    description: '작업 범위와 비용 상담을 원합니다.',
    services: [
      { code: 'SINK', name: '씽크대' },
      { code: 'DECK_WORK', name: '데크 공사' },
    ],
    photos: [],
    preferred_consultation_date: null,
    preferred_work_date: '2026-12-05',
    status: 'new',
    status_label: '신규',
    allowed_transitions: ['consulting', 'cancelled'],
    status_changed_at: null,
    first_assigned_at: null,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    assigned_admin_id: null,
    created_at: '2026-11-27T14:06:14Z',
    updated_at: '2026-11-27T14:06:14Z',
    version: 3,
    assignments: [],
    notes_count: 0,
    status_history: [
      { from_status: null, to_status: 'new', reason: null, source: 'public', admin_id: null, admin_name: null, created_at: '2026-11-27T14:06:14Z' },
    ],
    ...overrides,
  };
}

export function listItemFixture(id: number, overrides: Partial<ApplicationListItem> = {}): ApplicationListItem {
  return {
    id,
    number: `20261127-${String(id).padStart(3, '0')}`,
    customer_name: '홍길동',
    customer_phone: '010-1234-5678',
    address: '경기도 양평군',
    district_code: '41830',
    services: [{ code: 'SINK', name: '씽크대' }],
    status: 'new',
    status_label: '신규',
    partners: [],
    next_scheduled_date: null,
    preferred_consultation_date: null,
    preferred_work_date: null,
    created_at: '2026-11-27T14:06:14Z',
    updated_at: '2026-11-27T14:06:14Z',
    version: 1,
    ...overrides,
  };
}

export function applicationListFixture(page: number, totalPages = 3, items?: ApplicationListItem[]): ApplicationList {
  return {
    items: items ?? [listItemFixture(page * 100 + 1), listItemFixture(page * 100 + 2)],
    total: totalPages * 20,
    page,
    page_size: 20,
    total_pages: totalPages,
    counts: { total: 60, new: 10, consulting: 10, assigned: 10, scheduled: 10, completed: 10, cancelled: 10 },
  };
}

export function partnerFixture(overrides: Partial<PartnerDetail> = {}): PartnerDetail {
  return {
    id: 20,
    company_name: '믿음창호',
    representative_name: '장하준',
    business_number: null,
    contact_phone: '01047391382',
    contact_email: null,
    address: '경기도 가평군',
    address_detail: null,
    introduction: null,
    experience: null,
    remarks: null,
    services: [{ code: 'SASH', name: '샷시' }],
    work_regions: [],
    business_registration: null,
    status: 'pending',
    status_label: '대기중',
    status_reason: null,
    status_changed_at: null,
    allowed_transitions: ['approved', 'rejected'],
    approved_by: null,
    approved_by_name: null,
    approved_at: null,
    notes_count: 0,
    active_assignments: 0,
    created_at: '2026-11-23T10:46:14Z',
    updated_at: '2026-11-23T10:46:14Z',
    version: 2,
    ...overrides,
  };
}

export function partnerListFixture(page = 1, totalPages = 2): PartnerList {
  return {
    items: [
      {
        id: 20,
        company_name: '믿음창호',
        representative_name: '장하준',
        contact_phone: '01047391382',
        services: [{ code: 'SASH', name: '샷시' }],
        status: 'pending',
        status_label: '대기중',
        created_at: '2026-11-23T10:46:14Z',
        approved_at: null,
        version: 2,
      },
    ],
    total: totalPages * 20,
    page,
    page_size: 20,
    total_pages: totalPages,
    status_counts: { pending: 1, approved: 0, rejected: 0, suspended: 0, inactive: 0 },
  };
}

/** A promise the test resolves by hand: holds a mocked response until the optimistic state is checked. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** GET /admin/applications/{id}: the detail with the sections it carries (empty unless given). */
export function applicationViewFixture(
  overrides: Partial<ApplicationDetail> = {},
  sections: Partial<Pick<ApplicationDetailView, 'notes' | 'customer_history' | 'activity'>> = {},
): ApplicationDetailView {
  return {
    ...applicationFixture(overrides),
    notes: { items: [], total: 0, page: 1, page_size: 100, total_pages: 0 },
    customer_history: { customer_phone_masked: '010-****-2063', total_applications: 1, applications: [] },
    activity: { items: [], next_cursor: null },
    ...sections,
  };
}

/** GET /admin/partners/{id}: the detail with the sections it carries (empty unless given). */
export function partnerViewFixture(
  overrides: Partial<PartnerDetail> = {},
  sections: Partial<Pick<PartnerDetailView, 'notes' | 'similar' | 'activity'>> = {},
): PartnerDetailView {
  const detail = partnerFixture(overrides);
  return {
    ...detail,
    notes: [],
    similar: { partner_id: detail.id, company_name: detail.company_name, similar_partners: [], total: 0 },
    activity: { items: [], next_cursor: null },
    ...sections,
  };
}
