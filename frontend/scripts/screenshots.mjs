// Screenshots of the public screens at phone and desktop widths, for a human to look at.
// Usage: BASE_URL=http://127.0.0.1:8101 node scripts/screenshots.mjs  (writes test-results/screens/)
import { mkdir } from 'node:fs/promises';

import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:5173';
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

const shot = async (page, name, full = true) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: full });
  console.log('saved', name);
};

for (const vp of WIDTHS) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));

  await page.goto(`${BASE}/`);
  await page.getByRole('heading', { name: '서비스 안내' }).waitFor();
  await page.getByText('제초 작업').first().waitFor();
  await shot(page, `${vp.name}-landing`);

  for (const path of ['about', 'faq', 'privacy']) {
    await page.goto(`${BASE}/${path}`);
    await page.locator('h1').first().waitFor();
    await shot(page, `${vp.name}-${path}`, path !== 'privacy');
  }

  // Apply wizard: empty step 1 error, then each step.
  await page.goto(`${BASE}/apply`);
  await page.getByRole('heading', { name: '어떤 서비스가 필요하세요?' }).waitFor();
  await shot(page, `${vp.name}-apply-1`, false);
  await page.getByRole('button', { name: /^다음/ }).click();
  await shot(page, `${vp.name}-apply-1-error`, false);
  await page.getByRole('checkbox', { name: /제초 작업/ }).click();
  await page.getByRole('checkbox', { name: /마당 청소/ }).click();
  await page.getByRole('button', { name: /^다음/ }).click();
  await page.getByRole('heading', { name: '연락처와 주소를 알려 주세요' }).waitFor();
  await page.getByRole('button', { name: /^다음/ }).click();
  await shot(page, `${vp.name}-apply-2-errors`);
  await page.getByLabel(/^이름/).fill('홍길동');
  await page.getByLabel(/^연락처/).pressSequentially('01012345678');
  await page.getByRole('combobox', { name: '시/도' }).selectOption('41');
  await page.getByRole('combobox', { name: '시/군/구' }).selectOption('41830');
  await page.getByLabel(/^주소/).pressSequentially('서종면 문호리 123');
  await shot(page, `${vp.name}-apply-2`);
  await page.getByRole('button', { name: /^다음/ }).click();
  await page.getByRole('heading', { name: '요청 내용을 적어 주세요' }).waitFor();
  await page.getByLabel(/^요청 내용/).fill('마당 잡초 제거와 낙엽 청소를 부탁드립니다. 약 100평입니다.');
  await shot(page, `${vp.name}-apply-3`);
  await page.getByRole('button', { name: /^다음/ }).click();
  await page.getByRole('heading', { name: '입력하신 내용을 확인해 주세요' }).waitFor();
  await shot(page, `${vp.name}-apply-4`);
  if (vp.name === 'phone') {
    await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
    await page.getByRole('button', { name: '견적 요청하기' }).click();
    await page.getByText('견적 요청이 접수되었습니다').waitFor();
    await shot(page, `${vp.name}-apply-success`);
  }

  // Partner wizard: step 1 and the region step.
  await page.goto(`${BASE}/partner`);
  await page.getByRole('heading', { name: '어떤 작업을 하시나요?' }).waitFor();
  await shot(page, `${vp.name}-partner-1`, false);
  await page.getByRole('checkbox', { name: /제초 작업/ }).click();
  await page.getByRole('button', { name: /^다음/ }).click();
  await page.getByLabel(/^업체명/).fill('푸른조경');
  await page.getByLabel(/^대표자 이름/).fill('김대표');
  await page.getByLabel(/^사업자등록번호/).pressSequentially('1234567890');
  await page.getByRole('button', { name: /^다음/ }).click();
  await shot(page, `${vp.name}-partner-2-error`, false);
  await page.getByLabel(/^사업자등록번호/).fill('');
  await page.getByRole('button', { name: /^다음/ }).click();
  await page.getByRole('heading', { name: '연락처와 작업 지역' }).waitFor();
  await page.getByRole('button', { name: /경기 양평군/ }).click();
  await shot(page, `${vp.name}-partner-3`);

  await page.goto(`${BASE}/admin/login`);
  await page.getByRole('heading', { name: '관리자 로그인' }).waitFor();
  await shot(page, `${vp.name}-admin-login`, false);
  await context.close();
}
await browser.close();
