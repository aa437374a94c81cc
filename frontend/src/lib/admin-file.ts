/**
 * Admin-only files (application photos, business registrations) need the bearer header, so an <img src> or
 * a plain link cannot load them: they are fetched as blobs through the authenticated client and shown
 * through object URLs, which the caller revokes when it is done.
 */
import { client } from '@/client/client.gen';

import { authFetch } from './api-client';
import { toApiError } from './errors';

function absolute(url: string): string {
  const base = client.getConfig().baseUrl || (typeof window !== 'undefined' ? window.location.origin : '');
  return new URL(url, base || 'http://localhost').toString();
}

export async function fetchAdminBlob(url: string, signal?: AbortSignal): Promise<Blob> {
  const response = await authFetch(absolute(url), signal ? { signal } : undefined);
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    throw toApiError(body, response);
  }
  return response.blob();
}

/** The file name from `Content-Disposition` (RFC 6266 `filename*` first). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Downloads an admin file: blob → object URL → a temporary link → revoke. */
export async function downloadAdminFile(url: string, fallbackName: string): Promise<void> {
  const response = await authFetch(absolute(url));
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    throw toApiError(body, response);
  }
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  const objectUrl = URL.createObjectURL(await response.blob());
  try {
    const a = document.createElement('a');
    a.href = objectUrl;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the URL dies.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }
}
