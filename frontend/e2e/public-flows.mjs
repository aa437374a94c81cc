// Public wizards end to end against the real server.
import assert from 'node:assert/strict';

import { jpegPhoto, registrationPdf, uniquePhone } from './fixtures.mjs';
import { screenshot } from './harness.mjs';

const next = (page) => page.getByRole('button', { name: /^다음/ }).click();

/** services → contact → details with a photo → review → consent → success with the number. Returns the number. */
export async function applyWizard(page, browser) {
  await page.goto('/apply');
  await page.getByRole('heading', { name: '어떤 서비스가 필요하세요?' }).waitFor();
  await page.getByRole('checkbox', { name: /제초 작업/ }).click();
  await next(page);

  await page.getByRole('heading', { name: '연락처와 주소를 알려 주세요' }).waitFor();
  await page.getByLabel(/^이름/).fill('검수고객');
  await page.getByLabel(/^연락처/).pressSequentially(uniquePhone(1));
  await page.getByRole('combobox', { name: '시/도' }).selectOption('41');
  await page.getByRole('combobox', { name: '시/군/구' }).selectOption('41830');
  await page.getByLabel(/^주소/).pressSequentially('서종면 문호리 123');
  await next(page);

  await page.getByRole('heading', { name: '요청 내용을 적어 주세요' }).waitFor();
  await page.getByLabel(/^요청 내용/).fill('마당 잡초 제거를 부탁드립니다. 약 100평이고 트럭 진입이 가능합니다.');
  await page.locator('input[type="file"]').setInputFiles(await jpegPhoto(browser));
  await page.getByRole('button', { name: '사진 1 삭제' }).waitFor();
  await screenshot(page, 'apply-3-photo');
  await next(page);

  await page.getByRole('heading', { name: '입력하신 내용을 확인해 주세요' }).waitFor();
  await page.getByText('검수고객').first().waitFor();
  await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
  await screenshot(page, 'apply-4-review');
  await page.getByRole('button', { name: '견적 요청하기' }).click();

  await page.getByRole('heading', { name: '견적 요청이 접수되었습니다' }).waitFor({ timeout: 20_000 });
  const number = (await page.getByText(/^\d{8}-\d{3,}$/).first().innerText()).trim();
  assert.match(number, /^\d{8}-\d{3,}$/, `application number looks wrong: ${number}`);
  await screenshot(page, 'apply-success');
  return number;
}

/** services → company → contact and regions → intro with a PDF → review with both consents → success. */
export async function partnerWizard(page) {
  await page.goto('/partner');
  await page.getByRole('heading', { name: '어떤 작업을 하시나요?' }).waitFor();
  await page.getByRole('checkbox', { name: /제초 작업/ }).click();
  await next(page);

  await page.getByRole('heading', { name: '업체 정보를 알려 주세요' }).waitFor();
  await page.getByLabel(/^업체명/).fill('검수조경');
  await page.getByLabel(/^대표자 이름/).fill('김검수');
  await next(page);

  await page.getByRole('heading', { name: '연락처와 작업 지역' }).waitFor();
  await page.getByLabel(/^연락처/).pressSequentially(uniquePhone(2));
  await page.getByLabel(/^사업장 주소/).fill('경기도 양평군 양평읍 중앙로 1');
  await page.getByRole('button', { name: /경기 양평군/ }).click();
  await next(page);

  await page.getByRole('heading', { name: '업체 소개' }).waitFor();
  await page.getByLabel(/^업체 소개/).fill('조경과 제초를 10년째 하고 있습니다.');
  await page.locator('input[type="file"]').setInputFiles(registrationPdf());
  await page.getByRole('button', { name: '첨부 파일 삭제' }).waitFor();
  await screenshot(page, 'partner-4-file');
  await next(page);

  await page.getByRole('heading', { name: '입력하신 내용을 확인해 주세요' }).waitFor();
  await page.getByText('사업자등록증.pdf').waitFor();
  await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
  await page.getByLabel(/협력사 이용약관에 동의합니다/).check();
  await page.getByRole('button', { name: '협력사 신청하기' }).click();
  await page.getByRole('heading', { name: '협력사 신청이 접수되었습니다' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'partner-success');
}
