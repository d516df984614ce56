import { t } from '@/utils/ui/i18n';
import './UndoBar.css';
export interface UndoBarProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** A short-lived notice with Undo (the parent removes it after a few seconds). */
export function UndoBar({ message, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div class="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="dismiss" onClick={onDismiss} aria-label={t('dismiss')}>
        ×
      </button>
    </div>
  );
}
