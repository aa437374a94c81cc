import { isApiError } from '@/lib/errors';

/** 409 `version_conflict`: someone saved the record after this screen read it. */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'version_conflict';
}

export const CONFLICT_TITLE = '다른 관리자가 먼저 수정했습니다';
