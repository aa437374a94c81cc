/**
 * The one HTTP client: the generated hey-api fetch client, configured here.
 *
 * - every error becomes an `ApiError` (status, code, Korean message, details); fetch failures become a
 *   network ApiError, aborts stay AbortErrors so TanStack Query treats them as cancellations;
 * - admin calls get the bearer token, and a 401 triggers one refresh and one retry (`authFetch`);
 * - callers pass TanStack's `signal` through the generated functions' options.
 */
import { client } from '@/client/client.gen';
import { env } from '@/config/env';

import { postRefresh } from './admin-auth-api';
import { authSession } from './auth-session';
import { isAbortError, toApiError } from './errors';

const ADMIN_PREFIX = '/api/v1/admin/';
const PUBLIC_ADMIN_PATHS = new Set(['/api/v1/admin/auth/login', '/api/v1/admin/auth/refresh']);

function needsAuth(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return path.startsWith(ADMIN_PREFIX) && !PUBLIC_ADMIN_PATHS.has(path);
}

function withToken(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/** fetch with the admin token and the single 401 → refresh → retry path. */
export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  if (!needsAuth(request)) return fetch(request);
  // Keep an unread copy: a body can be sent only once.
  const spare = request.clone();
  const response = await fetch(withToken(request, await authSession.getAccessToken()));
  if (response.status !== 401 || !authSession.getRefreshToken()) return response;
  const fresh = await authSession.refresh();
  if (!fresh) return response;
  return fetch(withToken(spare, fresh));
}

function resolveBaseUrl(): string {
  if (env.apiBaseUrl) return env.apiBaseUrl;
  // Absolute origin so Request() also works outside a browser page (tests).
  return typeof window !== 'undefined' ? window.location.origin : '';
}

let configured = false;

export function configureApiClient(): void {
  if (configured) return;
  configured = true;
  client.setConfig({ baseUrl: resolveBaseUrl(), fetch: authFetch });
  client.interceptors.error.use((error, response) => {
    if (!response && isAbortError(error)) return error;
    return toApiError(error, response);
  });
  authSession.setRefresher(postRefresh);
}

configureApiClient();

export { client };
