// Screenshots of the admin screens at phone and desktop widths, for a human to look at.
// Usage: BASE_URL=http://127.0.0.1:8601 ADMIN_EMAIL=… ADMIN_PASSWORD=… node scripts/admin-screenshots.mjs
// Optional: ONLY=dashboard,applications,… APP_ID=199 NEW_APP_ID=200 PARTNER_ID=5 PENDING_PARTNER_ID=20
import { mkdir } from 'node:fs/promises';

import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:5173';
const OUT = new URL('../test-results/screens/', import.meta.url).pathname;
const EMAIL = process.env.ADMIN_EMAIL ?? 'admin@jibsa.kr';
const PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin-pass-1234';
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : null;
const APP_ID = process.env.APP_ID ?? '199';
const NEW_APP_ID = process.env.NEW_APP_ID ?? '200';
const PARTNER_ID = process.env.PARTNER_ID ?? '5';
const PENDING_PARTNER_ID = process.env.PENDING_PARTNER_ID ?? '20';
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const want = (name) => !ONLY || ONLY.has(name);

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

const shot = async (page, name, full = true) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}admin-${name}.png`, fullPage: full });
  console.log('saved', name);
};

for (const vp of WIDTHS) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));

  await page.goto(`${BASE}/admin/login`);
  await page.getByLabel(/이메일/).fill(EMAIL);
  await page.getByLabel(/비밀번호/).fill(PASSWORD);
  await page.getByRole('button', { name: /로그인/ }).click();
  await page.waitForURL(`${BASE}/admin`);

  if (want('dashboard')) {
    await page.getByText('최근 신청').first().waitFor();
    await shot(page, `${vp.name}-dashboard`);
  }

  if (want('applications')) {
    await page.goto(`${BASE}/admin/applications`);
    await page.locator('a[href^="/admin/applications/"]:visible').first().waitFor();
    await shot(page, `${vp.name}-applications`);
    await page.getByRole('button', { name: /상세 필터/ }).click();
    await page.getByRole('button', { name: '제초 작업' }).first().click();
    await page.getByRole('searchbox', { name: '신청 검색' }).fill('2026');
    await shot(page, `${vp.name}-applications-filters`);
    await page.goto(`${BASE}/admin/applications?status=new&page=2`);
    await page.locator('a[href^="/admin/applications/"]:visible').first().waitFor();
    await page.getByRole('searchbox', { name: '신청 검색' }).fill('5239');
    await shot(page, `${vp.name}-applications-page2`, false);
  }

  if (want('detail')) {
    await page.goto(`${BASE}/admin/applications/${APP_ID}`);
    await page.getByRole('heading', { name: '협력사 배정' }).waitFor();
    await page.getByText('처리 이력').waitFor();
    await shot(page, `${vp.name}-application-detail`);
    await page.goto(`${BASE}/admin/applications/${NEW_APP_ID}`);
    await page.getByRole('heading', { name: '협력사 배정' }).waitFor();
    await shot(page, `${vp.name}-application-new`);
    await page.getByRole('button', { name: '신청 취소' }).click();
    await shot(page, `${vp.name}-application-cancel-dialog`, false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /상담중\(으\)로 변경/ }).click();
    await shot(page, `${vp.name}-application-status-dialog`, false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '배정 추가' }).click();
    await page.getByText('협력사 전달 메모').waitFor();
    await shot(page, `${vp.name}-assignment-dialog`, false);
    await page.keyboard.press('Escape');
  }

  if (want('partners')) {
    await page.goto(`${BASE}/admin/partners`);
    await page.locator('a[href^="/admin/partners/"]:visible').first().waitFor();
    await shot(page, `${vp.name}-partners`);
    await page.locator('button:visible', { hasText: '승인/거절' }).first().click();
    await shot(page, `${vp.name}-partners-approve-dialog`, false);
    await page.keyboard.press('Escape');
    await page.goto(`${BASE}/admin/partners/${PARTNER_ID}`);
    await page.getByText('기본 정보').waitFor();
    await shot(page, `${vp.name}-partner-detail`);
    await page.goto(`${BASE}/admin/partners/${PENDING_PARTNER_ID}`);
    await page.getByText('기본 정보').waitFor();
    await page.getByRole('button', { name: '상태 변경' }).click();
    await shot(page, `${vp.name}-partner-status-dialog`, false);
    await page.keyboard.press('Escape');
  }

  if (want('schedule')) {
    await page.goto(`${BASE}/admin/schedule?month=2026-12`);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: /12월 22일/ }).click();
    await page.getByRole('region', { name: /일정$/ }).waitFor();
    await shot(page, `${vp.name}-schedule`);
  }

  if (want('public')) {
    await page.goto(`${BASE}/about`);
    await page.locator('footer').getByText('사업자등록번호').waitFor();
    await page.locator('footer').screenshot({ path: `${OUT}admin-${vp.name}-public-footer.png` });
    console.log('saved public-footer');
  }
  await context.close();
}
await browser.close();
