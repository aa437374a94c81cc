/** Typed API errors. The backend renders every error as `{code, message, details}` with a Korean message. */

export interface FieldError {
  field: string;
  message: string;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '요청 내용을 확인해 주세요.',
  401: '로그인이 필요합니다.',
  403: '접근 권한이 없습니다.',
  404: '요청한 정보를 찾을 수 없습니다.',
  409: '다른 곳에서 먼저 변경되었습니다. 새로고침 후 다시 시도해 주세요.',
  413: '파일 크기가 너무 큽니다.',
  422: '입력한 내용을 확인해 주세요.',
  429: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  500: '서버에 일시적인 문제가 있습니다. 잠시 후 다시 시도해 주세요.',
  502: '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  503: '서비스 점검 중입니다. 잠시 후 다시 시도해 주세요.',
};

export const NETWORK_ERROR_MESSAGE = '인터넷 연결을 확인한 뒤 다시 시도해 주세요.';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds to wait, from `Retry-After` on 429/503. */
  readonly retryAfter: number | null;

  constructor(opts: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    retryAfter?: number | null;
  }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.details = opts.details ?? null;
    this.retryAfter = opts.retryAfter ?? null;
  }

  /** status 0 = the request never got an HTTP answer. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  /** 422 details as a list of field errors (empty when the body had another shape). */
  get fieldErrors(): FieldError[] {
    return parseFieldErrors(this.details);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}

function parseFieldErrors(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  const out: FieldError[] = [];
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const rec = item as Record<string, unknown>;
    const message = typeof rec.message === 'string' ? rec.message : typeof rec.msg === 'string' ? rec.msg : null;
    let field: string | null = null;
    if (typeof rec.field === 'string') field = rec.field;
    else if (Array.isArray(rec.loc)) {
      // FastAPI style loc: ["body", "customer_name"] — keep the last string part.
      const parts = rec.loc.filter((p): p is string => typeof p === 'string' && p !== 'body');
      field = parts.at(-1) ?? null;
    }
    if (field && message) out.push({ field, message });
  }
  return out;
}

function parseRetryAfter(response: Response | undefined): number | null {
  const raw = response?.headers.get('Retry-After');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Builds an ApiError from whatever the HTTP client handed us (parsed JSON body, text, or a thrown fetch error). */
export function toApiError(body: unknown, response: Response | undefined): ApiError {
  if (!response) {
    return new ApiError({ status: 0, code: 'network_error', message: NETWORK_ERROR_MESSAGE, details: String(body) });
  }
  const status = response.status;
  const fallback = STATUS_MESSAGES[status] ?? (status >= 500 ? STATUS_MESSAGES[500]! : STATUS_MESSAGES[400]!);
  const retryAfter = parseRetryAfter(response);
  if (typeof body === 'object' && body !== null) {
    const rec = body as Record<string, unknown>;
    if (typeof rec.code === 'string' || typeof rec.message === 'string') {
      return new ApiError({
        status,
        code: typeof rec.code === 'string' ? rec.code : `http_${status}`,
        message: typeof rec.message === 'string' && rec.message ? rec.message : fallback,
        details: rec.details,
        retryAfter,
      });
    }
    // FastAPI's default `{detail: ...}` shape, in case an error escapes the backend's handler.
    if ('detail' in rec) {
      const detail = rec.detail;
      return new ApiError({
        status,
        code: `http_${status}`,
        message: typeof detail === 'string' ? detail : fallback,
        details: Array.isArray(detail) ? detail : null,
        retryAfter,
      });
    }
  }
  return new ApiError({ status, code: `http_${status}`, message: fallback, retryAfter });
}

/** A Korean message for any thrown value, for display. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return '알 수 없는 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.';
}
