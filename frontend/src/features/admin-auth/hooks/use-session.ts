import { useSyncExternalStore } from 'react';

import { authSession } from '@/lib/auth-session';

/** Re-renders when the admin session starts or ends. */
export function useHasSession(): boolean {
  return useSyncExternalStore(
    (cb) => authSession.subscribe(cb),
    () => authSession.hasSession(),
    () => false,
  );
}
