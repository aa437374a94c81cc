import type { ReactNode } from 'react';

import { Alert } from './alert';
import { Button, type ButtonVariant } from './button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for destructive actions (delete, cancel a send). */
  tone?: Extract<ButtonVariant, 'primary' | 'danger'>;
  pending?: boolean;
  /** The server's refusal, shown inside the dialog so the admin sees why nothing happened. */
  error?: string | null | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** A yes/no question before an action that cannot be undone; keeps open with the server's message on refusal. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = '닫기',
  tone = 'primary',
  pending = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="flex flex-col gap-4">
        <div className="text-base text-slate-800">{children}</div>
        {error && (
          <Alert tone="error" live>
            {error}
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" size="lg" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button variant={tone} size="lg" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
