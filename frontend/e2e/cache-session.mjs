// Measured caching: a scripted admin session of screen visits, counting query reads (the app's dormant stats
// hook, switched on by defining window.__jibsaQueryStats before the app loads) against the GET requests the
// browser actually sends to /api/v1/.  cache hit rate = reads served without a request ÷ all reads.

/** What each screen shows once its data is in. */
const READY = {
  sms: (page) => page.locator('table tbody tr').first(),
  templates: (page) => page.getByRole('button', { name: '내용 수정' }).first(),
  audit: (page) => page.getByRole('list', { name: '감사 로그' }),
  settings: (page) => page.getByRole('tab', { name: '내 정보' }),
  admins: (page) => page.getByRole('list', { name: '관리자 계정' }),
  company: (page) => page.getByText('문자 머리말'),
  qr: (page) => page.getByText('내용을 입력하면 QR코드가 나타납니다.'),
};

const NAV = { sms: '문자 관리', audit: '감사 로그', settings: '설정', qr: 'QR코드 생성' };

export function sessionSteps() {
  const history = [];
  let current = null;
  const steps = [];
  const go = (screen, how, { replace = false } = {}) =>
    steps.push({
      name: `→ ${screen}`,
      run: async (page) => {
        await how(page);
        await READY[screen](page).waitFor();
        if (current && !replace) history.push(current);
        current = screen;
      },
    });
  const nav = (screen) => go(screen, (page) => page.getByRole('navigation', { name: '관리자 메뉴' }).getByRole('link', { name: NAV[screen] }).click());
  const back = () =>
    steps.push({
      name: '← back',
      run: async (page) => {
        const previous = history.pop();
        await page.goBack();
        await READY[previous](page).waitFor();
        current = previous;
      },
    });
  // Settings tabs replace the history entry (?tab=…), so "back" leaves the settings screen.
  const tab = (screen, label) => go(screen, (page) => page.getByRole('tab', { name: label }).click(), { replace: true });
  const smsDetail = () =>
    steps.push({
      name: '→ sms detail',
      run: async (page) => {
        await page.locator('table').getByRole('button').first().click();
        const dialog = page.getByRole('dialog', { name: '문자 상세' });
        await dialog.getByText('받는 분').waitFor();
        await dialog.getByRole('button', { name: '닫기' }).click();
      },
    });
  const templates = () => go('templates', (page) => page.getByRole('link', { name: '템플릿 관리' }).click());

  // A morning's round: the message log, a message, templates, the audit trail, settings, and back again.
  for (let round = 0; round < 3; round += 1) {
    nav('sms');
    smsDetail();
    templates();
    back();
    smsDetail();
    nav('audit');
    back();
    nav('settings');
    tab('admins', '관리자 계정');
    tab('company', '회사 정보');
    back();
    nav('qr');
    nav('audit');
  }
  return steps;
}

/** Runs the session on a logged-in page; returns {visits, reads, requests, hitRate, stats}. */
export async function measureSession(page, steps = sessionSteps()) {
  const requests = [];
  const onRequest = (req) => {
    const url = new URL(req.url());
    if (req.method() === 'GET' && url.pathname.startsWith('/api/v1/')) requests.push(url.pathname + url.search);
  };
  await page.waitForFunction(() => window.__jibsaQueryStats && typeof window.__jibsaQueryStats.reset === 'function');
  await page.evaluate(() => window.__jibsaQueryStats.reset());
  page.on('request', onRequest);
  for (const step of steps) await step.run(page);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  page.off('request', onRequest);
  const stats = await page.evaluate(() => window.__jibsaQueryStats.get());
  const visits = steps.filter((s) => s.name.startsWith('→') || s.name.startsWith('←')).length;
  const hits = Math.max(0, stats.reads - requests.length);
  const hitRate = stats.reads ? (100 * hits) / stats.reads : 0;
  return { visits, reads: stats.reads, freshReads: stats.freshReads, requests, hitRate, stats };
}
