import { useEffect, useState } from 'react';

import { fetchAdminBlob } from '@/lib/admin-file';
import { isAbortError } from '@/lib/errors';

type State = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error' };

/**
 * An object URL for an admin file (fetched with the bearer header). The request is aborted and the
 * object URL revoked when the component unmounts or the source changes.
 */
export function useAdminFileUrl(url: string | null | undefined): State {
  const [state, setState] = useState<{ src: string | null | undefined; value: State }>({ src: url, value: { status: 'loading' } });
  if (state.src !== url) setState({ src: url, value: { status: 'loading' } });

  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    let objectUrl: string | null = null;
    fetchAdminBlob(url, controller.signal).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setState({ src: url, value: { status: 'ready', url: objectUrl } });
      },
      (error: unknown) => {
        if (!isAbortError(error)) setState({ src: url, value: { status: 'error' } });
      },
    );
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);

  return state.src === url ? state.value : { status: 'loading' };
}
