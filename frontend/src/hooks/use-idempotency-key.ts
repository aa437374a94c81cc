import { useRef } from 'react';

import { uuid } from '@/lib/uuid';

/**
 * One `Idempotency-Key` per submission: retries of the same attempt reuse it (a lost reply is not sent twice),
 * and `renew()` after the server has answered makes the next submission a new one.
 */
export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  return {
    current: () => (key.current ??= uuid()),
    renew: () => {
      key.current = null;
    },
  };
}
