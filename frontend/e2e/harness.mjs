// End-to-end harness: the REAL server on a fresh data directory, driven by Debian's chromium via playwright-core.
// Nothing is built here: `make test-e2e` builds frontend/dist first and the server serves it at "/".
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FRONTEND = path.resolve(HERE, '..');
const REPO = path.resolve(FRONTEND, '..');
const JIBSA = process.env.JIBSA_BIN ?? path.join(REPO, '.venv', 'bin', 'jibsa');
export const RESULTS = path.join(FRONTEND, 'test-results', 'e2e');

export const ADMIN = { email: 'e2e@jibsa.kr', password: 'e2e-pass-1234!' };
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--lang=ko-KR',
];

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** First free port from E2E_PORT_BASE (default 8650, 50 tries), else one the OS picks. */
async function freePort() {
  const base = Number(process.env.E2E_PORT_BASE ?? 8650);
  for (let p = base; p < base + 50; p += 1) if (await portIsFree(p)) return p;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before /health answered`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url}/health within ${timeoutMs} ms`);
}

/**
 * migrate → seed-demo → create-admin → serve on a free port; resolves once /health answers.
 * The returned stop() kills the server's process group and removes the data directory; it also runs on exit
 * and on SIGINT/SIGTERM so an aborted run never leaves a server behind.
 */
export async function startServer() {
  if (!existsSync(JIBSA)) throw new Error(`${JIBSA} is missing: run 'make install' first`);
  if (!existsSync(path.join(FRONTEND, 'dist', 'index.html'))) throw new Error('frontend/dist is missing: run npm run build first');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jibsa-e2e-'));
  // A throwaway SQLite database in dataDir: never the PostgreSQL or Redis a CI job may have configured.
  const env = { ...process.env, JIBSA_DATA_DIR: dataDir, JIBSA_ENV: 'development' };
  delete env.JIBSA_DATABASE_URL;
  delete env.JIBSA_REDIS_URL;
  const run = (...args) => execFileSync(JIBSA, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  run('migrate');
  run('seed-demo');
  run('create-admin', '--email', ADMIN.email, '--password', ADMIN.password, '--name', '검수관리자');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(JIBSA, ['serve', '--port', String(port)], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    await waitForHealth(url, child);
  } catch (error) {
    stop();
    throw new Error(`${error.message}\n--- server log ---\n${log}`);
  }
  return { url, port, dataDir, stop, log: () => log };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page that fails the test on uncaught page errors and records console errors. */
export async function newPage(browser, baseURL, { width = 1280, height = 800, initScript } = {}) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width, height },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
  context.setDefaultTimeout(10_000);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage });
}

export function cleanResults() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
}

/** Logs in through the login screen and waits for the admin shell. */
export async function adminLogin(page, { email = ADMIN.email, password = ADMIN.password } = {}) {
  await page.goto('/admin/login');
  await page.getByLabel(/^이메일/).fill(email);
  await page.getByLabel(/^비밀번호/).fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('navigation', { name: '관리자 메뉴' }).first().waitFor();
}
