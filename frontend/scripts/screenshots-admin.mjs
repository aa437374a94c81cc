// Screenshots of every admin screen (and its main dialogs) at phone and desktop widths, for a human to look at.
// Usage: BASE_URL=http://127.0.0.1:8101 ADMIN_EMAIL=… ADMIN_PASSWORD=… node scripts/screenshots-admin.mjs
// against a server with data (`jibsa seed-demo`); writes test-results/screens/admin-*.png.
import { mkdir } from 'node:fs/promises';

import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:5173';
const EMAIL = process.env.ADMIN_EMAIL;
const PASSWORD = process.env.ADMIN_PASSWORD;
if (!EMAIL || !PASSWORD) {
  console.error('ADMIN_EMAIL and ADMIN_PASSWORD are required');
  process.exit(2);
}
const OUT = new URL('../test-results/screens/', import.meta.url).pathname;
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

let failures = 0;

/** Waits for the screen to stop loading, then saves it. */
async function shot(page, name, { full = true } = {}) {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}admin-${name}.png`, fullPage: full });
  console.log('saved', `admin-${name}`);
}

/** One step; a failing step is reported and the run goes on to the next screen. */
async function step(name, run) {
  try {
    await run();
  } catch (error) {
    failures += 1;
    console.error(`step "${name}" failed: ${error.message.split('\n')[0]}`);
  }
}

for (const vp of WIDTHS) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  const w = vp.name;

  await page.goto(`${BASE}/admin/login`);
  await page.getByLabel(/이메일/).fill(EMAIL);
  await page.getByLabel(/비밀번호/).fill(PASSWORD);
  await page.getByRole('button', { name: /로그인/ }).click();
  await page.waitForURL(/\/admin\/?$/);

  await step('dashboard', async () => {
    await page.getByRole('region', { name: '요약' }).waitFor();
    await shot(page, `${w}-dashboard`);
  });
  if (w === 'phone') {
    await step('drawer', async () => {
      await page.getByRole('button', { name: /메뉴/ }).first().click();
      await shot(page, `${w}-drawer`, { full: false });
      await page.keyboard.press('Escape');
    });
  }
  await step('applications', async () => {
    await page.goto(`${BASE}/admin/applications`);
    await page.getByRole('region', { name: '상태별 신청 수' }).waitFor();
    await page.getByRole('link', { name: /^\d{8}-\d+/ }).first().waitFor();
    await shot(page, `${w}-applications`);
  });
  await step('application detail', async () => {
    await page.goto(`${BASE}/admin/applications`);
    await page.getByRole('link', { name: /^\d{8}-\d+/ }).first().click();
    await page.getByRole('heading', { level: 2, name: /^\d{8}-\d+$/ }).waitFor();
    await shot(page, `${w}-application-detail`);
  });
  await step('application status dialog', async () => {
    await page.getByRole('button', { name: /로 변경$/ }).first().click();
    await page.getByRole('dialog').waitFor();
    await shot(page, `${w}-application-status-dialog`, { full: false });
    await page.keyboard.press('Escape');
  });
  await step('application assign dialog', async () => {
    await page.getByRole('button', { name: /배정 추가|협력사 배정/ }).first().click();
    await page.getByRole('dialog').waitFor();
    await shot(page, `${w}-application-assign-dialog`, { full: false });
    await page.keyboard.press('Escape');
  });
  await step('application message sheet', async () => {
    await page.getByRole('button', { name: '문자 발송' }).first().click();
    await page.getByRole('dialog').waitFor();
    await shot(page, `${w}-application-message-sheet`, { full: false });
    await page.keyboard.press('Escape');
  });
  await step('partners', async () => {
    await page.goto(`${BASE}/admin/partners`);
    await page.getByRole('region', { name: '상태별 협력사 수' }).waitFor();
    await page.locator('a[href^="/admin/partners/"]:visible').first().waitFor();
    await shot(page, `${w}-partners`);
  });
  await step('partner detail', async () => {
    await page.locator('a[href^="/admin/partners/"]:visible').first().click();
    await page.getByRole('heading', { name: '기본 정보' }).waitFor();
    await shot(page, `${w}-partner-detail`);
  });
  await step('schedule', async () => {
    await page.goto(`${BASE}/admin/schedule`);
    await page.getByRole('grid', { name: /일정$/ }).waitFor();
    await shot(page, `${w}-schedule`);
  });
  await step('sms', async () => {
    await page.goto(`${BASE}/admin/sms`);
    await page.getByRole('region', { name: '발송 통계' }).waitFor();
    await shot(page, `${w}-sms`);
  });
  await step('sms templates', async () => {
    await page.goto(`${BASE}/admin/sms/templates`);
    await page.getByRole('button', { name: '내용 수정' }).first().waitFor();
    await shot(page, `${w}-sms-templates`);
  });
  await step('sms bulk jobs', async () => {
    await page.goto(`${BASE}/admin/sms/bulk`);
    await page.locator('main').getByRole('heading').first().waitFor();
    await shot(page, `${w}-sms-bulk-jobs`);
  });
  await step('audit', async () => {
    await page.goto(`${BASE}/admin/audit`);
    await page.getByRole('list', { name: '감사 로그' }).waitFor();
    await shot(page, `${w}-audit`);
  });
  for (const [tab, slug] of [
    ['내 정보', 'settings-profile'],
    ['관리자 계정', 'settings-admins'],
    ['회사 정보', 'settings-company'],
  ]) {
    await step(slug, async () => {
      await page.goto(`${BASE}/admin/settings`);
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(400);
      await shot(page, `${w}-${slug}`);
    });
  }
  await step('qr', async () => {
    await page.goto(`${BASE}/admin/qr-code`);
    await page.getByText('내용을 입력하면 QR코드가 나타납니다.').waitFor();
    await shot(page, `${w}-qr`);
  });
  await context.close();
}

await browser.close();
if (failures) {
  console.error(`${failures} step(s) failed`);
  process.exit(1);
}
