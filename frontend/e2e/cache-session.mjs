// Measured caching: a scripted admin session of screen visits, counting query reads (the app's dormant stats
// hook, switched on by defining window.__jibsaQueryStats before the app loads) against the GET requests the
// browser actually sends to /api/v1/.  cache hit rate = reads served without a request ÷ all reads.
// Every query GET counts against the rate, prefetches included: a prefetch nobody reads is a cost, not a hit.
// Admin file downloads (/admin/files/…: photo thumbnails fetched as blobs) are not query reads; they are counted
// and reported apart (`fileRequests`).

const table = (page, name) => page.getByRole('table', { name });

/** What each screen shows once its data is in. */
const READY = {
  dashboard: (page) => page.getByRole('region', { name: '요약' }),
  applications: (page) => table(page, '신청 목록').locator('tbody tr').first(),
  application: (page) => page.getByRole('heading', { level: 2, name: /^\d{8}-\d+$/ }),
  schedule: (page) => page.getByRole('grid', { name: /^\d{4}년 \d{1,2}월 일정$/ }),
  partners: (page) => table(page, '협력사 목록').locator('tbody tr').first(),
  partner: (page) => page.getByRole('heading', { name: '기본 정보' }),
  sms: (page) => page.locator('table tbody tr').first(),
  templates: (page) => page.getByRole('button', { name: '내용 수정' }).first(),
  audit: (page) => page.getByRole('list', { name: '감사 로그' }),
  settings: (page) => page.getByRole('tab', { name: '내 정보' }),
  admins: (page) => page.getByRole('list', { name: '관리자 계정' }),
  company: (page) => page.getByText('문자 머리말'),
  qr: (page) => page.getByText('내용을 입력하면 QR코드가 나타납니다.'),
};

const NAV = {
  dashboard: '대시보드',
  applications: '신청 관리',
  partners: '협력사 관리',
  schedule: '일정 관리',
  sms: '문자 관리',
  audit: '감사 로그',
  settings: '설정',
  qr: 'QR코드 생성',
};

/**
 * Waits until no query is fetching (twice, a moment apart, so a prefetch started by an effect right after the
 * data arrived is caught too): an admin reads a screen before leaving it, and leaving mid-fetch would abort it.
 */
async function settle(page) {
  for (let i = 0; i < 2; i += 1) {
    await page.waitForFunction(() => window.__jibsaQueryStats?.idle());
    await page.waitForTimeout(60);
  }
}

export function sessionSteps() {
  const history = [];
  let current = null;
  const steps = [];
  const go = (screen, how, { replace = false, label = screen } = {}) =>
    steps.push({
      name: `→ ${label}`,
      run: async (page) => {
        await how(page);
        await READY[screen](page).waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
        if (current && !replace) history.push(current);
        current = screen;
      },
    });
  const nav = (screen) => go(screen, (page) => page.getByRole('navigation', { name: '관리자 메뉴' }).getByRole('link', { name: NAV[screen], exact: true }).click());
  const back = () =>
    steps.push({
      name: '← back',
      run: async (page) => {
        const previous = history.pop();
        await page.goBack();
        await READY[previous](page).waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
        current = previous;
      },
    });

  // The core screens.
  const applicationDetail = () =>
    go('application', (page) => table(page, '신청 목록').locator('tbody tr').first().getByRole('link').click(), { label: 'application detail' });
  const recentFromDashboard = () =>
    go('application', (page) => page.getByRole('link', { name: /\d{8}-\d+/ }).first().click(), { label: 'application from the dashboard' });
  const nextPage = () => go('applications', (page) => page.getByRole('navigation', { name: '페이지' }).getByRole('button', { name: '2 페이지' }).click(), { label: 'applications page 2' });
  const filterStatus = (label) =>
    go('applications', (page) => page.getByRole('region', { name: '상태별 신청 수' }).getByRole('button', { name: new RegExp(`^${label}`) }).click(), {
      label: `applications ${label}`,
    });
  const nextMonth = () => go('schedule', (page) => page.getByRole('button', { name: '다음 달' }).click(), { label: 'schedule next month' });
  const partnerDetail = () =>
    go('partner', (page) => table(page, '협력사 목록').locator('tbody tr').first().getByRole('link').first().click(), { label: 'partner detail' });

  // Messaging, audit and settings.
  const smsDetail = () =>
    steps.push({
      name: '· sms detail dialog',
      run: async (page) => {
        await page.locator('table').getByRole('button').first().click();
        const dialog = page.getByRole('dialog', { name: '문자 상세' });
        await dialog.getByText('받는 분').waitFor();
        await dialog.getByRole('button', { name: '닫기' }).click();
      },
    });
  const templates = () => go('templates', (page) => page.getByRole('link', { name: '템플릿 관리' }).click());
  // Settings tabs replace the history entry (?tab=…), so "back" leaves the settings screen.
  const tab = (screen, label) => go(screen, (page) => page.getByRole('tab', { name: label }).click(), { replace: true });

  const coreRound = () => {
    nav('dashboard');
    recentFromDashboard();
    back();
    nav('applications');
    applicationDetail();
    back();
    nextPage();
    back();
    filterStatus('상담중');
    applicationDetail();
    back();
    nav('schedule');
    nextMonth();
    back();
    nav('partners');
    partnerDetail();
    back();
  };
  // The earlier session's messaging/audit/settings round, unchanged.
  const officeRound = () => {
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
  };

  // A morning: three rounds of the core screens and of messages, audit and settings, back to the dashboard.
  for (let round = 0; round < 3; round += 1) {
    coreRound();
    officeRound();
  }
  nav('dashboard');
  return steps;
}

/** Runs the session on a logged-in page; returns {visits, reads, requests, fileRequests, hitRate, stats, seconds}. */
export async function measureSession(page, steps = sessionSteps()) {
  const requests = [];
  const fileRequests = [];
  const onRequest = (req) => {
    const url = new URL(req.url());
    if (req.method() !== 'GET' || !url.pathname.startsWith('/api/v1/')) return;
    (url.pathname.startsWith('/api/v1/admin/files/') ? fileRequests : requests).push(url.pathname + url.search);
  };
  await page.waitForFunction(() => window.__jibsaQueryStats && typeof window.__jibsaQueryStats.reset === 'function');
  await settle(page);
  await page.evaluate(() => window.__jibsaQueryStats.reset());
  page.on('request', onRequest);
  const started = Date.now();
  for (const step of steps) {
    try {
      await step.run(page);
      await settle(page);
    } catch (error) {
      error.message = `cache session step "${step.name}": ${error.message}`;
      throw error;
    }
  }
  page.off('request', onRequest);
  const seconds = (Date.now() - started) / 1000;
  const stats = await page.evaluate(() => window.__jibsaQueryStats.get());
  const visits = steps.filter((s) => s.name.startsWith('→') || s.name.startsWith('←')).length;
  const hits = Math.max(0, stats.reads - requests.length);
  const hitRate = stats.reads ? (100 * hits) / stats.reads : 0;
  return { visits, reads: stats.reads, freshReads: stats.freshReads, requests, fileRequests, hitRate, stats, seconds };
}
