// The admin back office end to end (issue 6): find a new application by its number, move it to 상담중 through the
// confirmation dialog, assign an approved partner from the ranked picker with a date and a time, see 일정확정, and
// find the visit in the schedule's day panel.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { uniquePhone } from './fixtures.mjs';
import { screenshot } from './harness.mjs';

/** YYYY-MM-DD in Seoul, `days` from today. */
export function seoulDate(days = 0) {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A new application through the public API (used when the apply-wizard test did not leave one). Returns its number. */
export async function createApplicationViaApi(baseURL, seed = 3) {
  const form = new FormData();
  form.set('customer_name', '검수고객');
  form.set('customer_phone', uniquePhone(seed));
  form.set('address', '경기도 양평군 서종면 문호리 123');
  form.set('district_code', '41830');
  form.set('selected_services', JSON.stringify(['WEEDING']));
  form.set('description', '마당 잡초 제거를 부탁드립니다. 약 100평입니다.');
  form.set('privacy_consent', 'true');
  const res = await fetch(`${baseURL}/api/v1/applications`, { method: 'POST', body: form, headers: { 'Idempotency-Key': randomUUID() } });
  const body = await res.json();
  assert.equal(res.status, 201, `POST /applications answered ${res.status}: ${JSON.stringify(body)}`);
  return body.application_number;
}

// The admin shell's sidebar is fixed: full-page captures smear it, so these are viewport captures.
const VIEWPORT = { fullPage: false };
const adminNav = (page) => page.getByRole('navigation', { name: '관리자 메뉴' });

/**
 * From a logged-in admin shell: unified search → detail → 신규 → 상담중 → assignment with a date `daysAhead` days
 * from now at 14:00 → 일정확정 → schedule month → day panel. Returns {date, partner}.
 */
export async function adminApplicationFlow(page, number, { daysAhead = 4 } = {}) {
  // 1. Unified search by the application number.
  await adminNav(page).getByRole('link', { name: '신청 관리' }).click();
  const search = page.getByRole('search');
  await search.getByRole('searchbox', { name: '신청 검색' }).fill(number);
  await search.getByText('신청번호로 찾습니다.').waitFor();
  const searched = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/admin/applications/search',
  );
  await search.getByRole('button', { name: '검색', exact: true }).click();
  assert.equal((await searched).status(), 200);
  // The term travels in the request body and the history entry's state, never in an address.
  assert.ok(!page.url().includes(number.slice(0, 8)), `the search term leaked into the URL: ${page.url()}`);
  const table = page.getByRole('table', { name: '신청 목록' });
  const oneResult = async () => {
    // The previous page stays on screen (dimmed) until the search answers: wait for the count first.
    await page.getByText(/^1\s*건/).first().waitFor();
    await table.getByRole('link', { name: number }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1, 'the number search should find exactly one application');
  };
  await oneResult();
  // Reloading the tab keeps the search (the browser keeps each history entry's state).
  await page.reload();
  await oneResult();
  assert.equal(await search.getByRole('searchbox', { name: '신청 검색' }).inputValue(), number);
  await screenshot(page, 'admin-1-search', VIEWPORT);

  // 2. The detail screen.
  await table.getByRole('link', { name: number }).click();
  const title = page.getByRole('heading', { level: 2, name: number });
  await title.waitFor();
  const header = page.locator('header', { has: title });
  await header.getByText('신규', { exact: true }).waitFor();
  await page.getByText('아직 배정된 협력사가 없습니다.').waitFor();
  await screenshot(page, 'admin-2-detail', VIEWPORT);

  // 3. 신규 → 상담중 through the confirmation dialog (with the customer text the plan sends on this move).
  await header.getByRole('button', { name: '상담중으로 변경' }).click();
  const statusDialog = page.getByRole('dialog', { name: '상태 변경' });
  await statusDialog.getByText('상담중으로 바꿉니다.').waitFor();
  await statusDialog.getByRole('checkbox', { name: /고객에게 문자 보내기/ }).waitFor();
  await screenshot(page, 'admin-3-status-dialog', VIEWPORT);
  await statusDialog.getByRole('button', { name: '상태 변경' }).click();
  await statusDialog.waitFor({ state: 'hidden' });
  await header.getByText('상담중', { exact: true }).waitFor();
  await page.getByText("상태를 '상담중'으로 바꿨습니다").waitFor();
  // The server's answer brings the next allowed moves back.
  await header.getByRole('button', { name: '신청 취소' }).waitFor();
  await screenshot(page, 'admin-4-consulting', VIEWPORT);

  // 4. Assignment: the first recommended approved partner of the ranked picker, a date and a time.
  const date = seoulDate(daysAhead);
  await page.getByRole('button', { name: '배정 추가' }).click();
  const assign = page.getByRole('dialog', { name: '협력사 배정' });
  const option = assign.locator('label').filter({ has: page.getByRole('radio') }).filter({ hasText: '추천' }).first();
  await option.waitFor();
  // The option's first text node is the company name (then the representative and the badges).
  const partner = (await option.evaluate((el) => el.querySelector('span > span')?.firstChild?.textContent ?? '')).trim();
  assert.ok(partner, 'the recommended option names its partner');
  await option.getByRole('radio').check();
  assert.ok(await assign.getByRole('checkbox', { name: /제초 작업/ }).isChecked(), 'the partner\'s service is preselected');
  await assign.getByLabel('작업 날짜').fill(date);
  await assign.getByLabel('시간').selectOption('14:00');
  await screenshot(page, 'admin-5-assign-dialog', VIEWPORT);
  await assign.getByRole('button', { name: '배정하기' }).click();
  await assign.waitFor({ state: 'hidden' });

  // 5. The assignment with a date is 일정확정, and so is the application once the server answers.
  const card = page.getByRole('listitem').filter({ hasText: partner }).filter({ hasText: '14:00' }).first();
  await card.getByText('일정확정', { exact: true }).first().waitFor();
  await header.getByText('일정확정', { exact: true }).waitFor({ timeout: 15_000 });
  // The optimistic card is replaced by the server's: scroll by the section heading, then check the card again.
  await page.getByRole('heading', { name: /^협력사 배정/ }).scrollIntoViewIfNeeded();
  await card.getByText('일정확정', { exact: true }).first().waitFor();
  await screenshot(page, 'admin-6-scheduled', VIEWPORT);

  // 6. The schedule: to that month, that day; the visit is in the day panel.
  await adminNav(page).getByRole('link', { name: '일정 관리' }).click();
  const [y, m, d] = date.split('-').map(Number);
  const wanted = `${y}년 ${m}월`;
  const shownMonth = page.getByRole('heading', { name: /^\d{4}년 \d{1,2}월$/ });
  // Wait for the calendar before reading its month (checking too early once read "not there yet" as "another
  // month" and stepped past it), then step one month at a time, each time until the heading has changed.
  await shownMonth.waitFor();
  for (let i = 0; i < 3 && (await shownMonth.innerText()) !== wanted; i += 1) {
    const before = await shownMonth.innerText();
    await page.getByRole('button', { name: '다음 달' }).click();
    await page.getByRole('heading', { name: new RegExp(`^(?!${before}$)\\d{4}년 \\d{1,2}월$`) }).waitFor();
  }
  await page.getByRole('heading', { name: wanted }).waitFor();
  const grid = page.getByRole('grid', { name: `${y}년 ${m}월 일정` });
  const day = grid.getByRole('button', { name: new RegExp(`^${String(m).padStart(2, '0')}월 ${d}일, 일정 [1-9]`) });
  await day.click();
  const panel = page.getByRole('region', { name: new RegExp(`일정$`) }).filter({ hasText: number });
  const entry = panel.getByRole('link').filter({ hasText: number });
  await entry.waitFor();
  const text = await entry.innerText();
  assert.match(text, /14:00/);
  assert.ok(text.includes(partner), `the day panel names the partner ${partner}: ${text}`);
  assert.ok(text.includes('검수고객'), `the day panel names the customer: ${text}`);
  await screenshot(page, 'admin-7-schedule-day', VIEWPORT);
  return { date, partner };
}

/**
 * From a logged-in admin shell: two fresh applications (the newest two rows) → select both → 일괄 배정 to a partner
 * that can take both → per-application results → both rows show 배정완료.
 */
export async function adminBulkAssignFlow(page, numbers) {
  await adminNav(page).getByRole('link', { name: '신청 관리' }).click();
  const table = page.getByRole('table', { name: '신청 목록' });
  for (const number of numbers) await table.getByRole('checkbox', { name: `${number} 선택` }).check();
  const bar = page.getByRole('region', { name: '선택한 신청' });
  await bar.getByText(`${numbers.length}건 선택`).waitFor();
  await screenshot(page, 'admin-8-selection', VIEWPORT);

  await bar.getByRole('button', { name: '일괄 배정' }).click();
  const sheet = page.getByRole('dialog', { name: '일괄 배정' });
  const option = sheet.locator('label').filter({ has: page.getByRole('radio') }).filter({ hasText: `${numbers.length}건 중 ${numbers.length}건` }).first();
  await option.getByRole('radio').check();
  await screenshot(page, 'admin-9-bulk-assign', VIEWPORT);
  await sheet.getByRole('button', { name: `${numbers.length}건 배정하기` }).click();
  const results = sheet.getByRole('list', { name: '신청별 결과' });
  for (const number of numbers) await results.getByRole('listitem').filter({ hasText: number }).getByText('배정됨').waitFor();
  await sheet.getByRole('button', { name: '닫기' }).last().click();
  await sheet.waitFor({ state: 'hidden' });

  // The list is refetched: both rows now carry the assigned status, and nothing is left selected.
  for (const number of numbers) {
    await table.getByRole('row').filter({ hasText: number }).getByText('배정완료', { exact: true }).waitFor();
  }
  assert.equal(await bar.count(), 0, 'a fully successful bulk assignment leaves nothing selected');
}
