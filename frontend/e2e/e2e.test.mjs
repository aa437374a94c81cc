// The end-to-end suite: one real server for all flows (seeding once keeps the run short), headless chromium.
// Run with `npm run test:e2e` after `npm run build`; the summary line comes from node's test runner.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { adminLogin, cleanResults, launchBrowser, newPage, screenshot, startServer } from './harness.mjs';
import { applyWizard, partnerWizard } from './public-flows.mjs';

let server;
let browser;
const shared = {};

before(async () => {
  cleanResults();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  server?.stop();
});

/** Opens a page, runs body, screenshots the failure state, and fails on page errors. */
async function withPage(name, body, opts) {
  const { context, page, errors } = await newPage(browser, server.url, opts);
  try {
    await body(page);
    assert.deepEqual(errors, [], `${name}: errors in the page`);
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

describe('public', () => {
  test('apply wizard end to end with a photo', async () => {
    await withPage('apply', async (page) => {
      shared.applicationNumber = await applyWizard(page, browser);
    }, { width: 390, height: 844 });
  });

  test('partner wizard end to end with a business registration PDF', async () => {
    await withPage('partner', (page) => partnerWizard(page));
  });
});

describe('admin', () => {
  test('login → logout', async () => {
    await withPage('admin-login', async (page) => {
      await adminLogin(page);
      await page.getByText('검수관리자').first().waitFor();
      await screenshot(page, 'admin-home');
      await page.getByRole('button', { name: '로그아웃' }).click();
      await page.getByRole('heading', { name: '관리자 로그인' }).waitFor();
      // The session is gone: the admin area sends us back to the login screen.
      await page.goto('/admin/sms');
      await page.getByRole('heading', { name: '관리자 로그인' }).waitFor();
    });
  });
});
