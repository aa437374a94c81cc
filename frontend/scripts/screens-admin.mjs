// Screenshots of the admin screens of fe-e2e (SMS, templates, audit, settings, QR) at phone and desktop widths.
// Usage: BASE_URL=http://127.0.0.1:8650 ADMIN_EMAIL=… ADMIN_PASSWORD=… node scripts/screens-admin.mjs
import { mkdir } from 'node:fs/promises';

import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8650';
const EMAIL = process.env.ADMIN_EMAIL ?? 'admin@jibsa.kr';
const PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin-pass-1234';
const ONLY = process.env.ONLY?.split(',');
const OUT = new URL('../test-results/screens/', import.meta.url).pathname;
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=ko-KR'],
});
const shot = async (page, name, full = true) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: full });
  console.log('saved', name);
};
const want = (n) => !ONLY || ONLY.includes(n);

for (const vp of WIDTHS) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await page.goto(`${BASE}/admin/login`);
  await page.getByLabel(/^이메일/).fill(EMAIL);
  await page.getByLabel(/^비밀번호/).fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
  const nav = async (label) => {
    if (vp.name === 'phone') await page.getByRole('button', { name: '메뉴 열기' }).click();
    await page.getByRole('link', { name: label }).first().click();
  };

  if (want('sms')) {
    await nav('문자 관리');
    await page.getByRole('button', { name: '문자 발송' }).waitFor();
    await page.getByText('오늘 발송').waitFor();
    await page.waitForTimeout(500);
    await shot(page, `${vp.name}-sms`);
    await page.getByRole('button', { name: /안녕하세요/ }).first().click();
    await page.getByRole('dialog', { name: '문자 상세' }).getByText('받는 분').waitFor();
    await shot(page, `${vp.name}-sms-detail`, false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '문자 발송' }).click();
    await page.getByRole('checkbox').first().check();
    await page.getByRole('dialog', { name: '문자 발송' }).getByRole('textbox', { name: /메시지/ }).fill('안녕하세요. 내일 오후 2시에 방문 예정입니다. 문의는 1551-6640으로 연락 주세요.');
    await page.getByTestId('server-bytes').waitFor();
    await shot(page, `${vp.name}-sms-send`, false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '복수 발송' }).click();
    await page.getByText(/대상 \d/).waitFor();
    await shot(page, `${vp.name}-sms-bulk`, false);
    await page.keyboard.press('Escape');
  }
  if (want('templates')) {
    await page.goto(`${BASE}/admin/sms/templates`);
    await page.getByRole('heading', { name: '문자 템플릿' }).waitFor();
    await page.getByRole('button', { name: '내용 수정' }).first().click();
    await page.getByText(/\d+바이트/).first().waitFor();
    await shot(page, `${vp.name}-sms-templates`);
  }
  if (want('audit')) {
    await nav('감사 로그');
    await page.getByRole('list', { name: '감사 로그' }).waitFor();
    await shot(page, `${vp.name}-audit`);
  }
  if (want('settings')) {
    await nav('설정');
    await page.getByRole('tab', { name: '내 정보' }).waitFor();
    await shot(page, `${vp.name}-settings-profile`);
    await page.getByRole('tab', { name: '비밀번호' }).click();
    await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
    await shot(page, `${vp.name}-settings-password`);
    await page.getByRole('tab', { name: '관리자 계정' }).click();
    await page.getByRole('list', { name: '관리자 계정' }).waitFor();
    await page.getByRole('combobox', { name: /권한/ }).first().selectOption('admin');
    await page.getByRole('alert').first().waitFor();
    await shot(page, `${vp.name}-settings-admins`);
    await page.getByRole('tab', { name: '회사 정보' }).click();
    await page.getByText('문자 머리말').waitFor();
    await shot(page, `${vp.name}-settings-company`);
  }
  if (want('qr')) {
    await nav('QR코드 생성');
    await page.getByPlaceholder('https://jibsa.kr/apply').fill('https://jibsa.kr/apply');
    await page.locator('canvas').waitFor();
    await shot(page, `${vp.name}-qr`);
  }
  await context.close();
}
await browser.close();
