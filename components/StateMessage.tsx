import type { ComponentChildren } from 'preact';
import './StateMessage.css';

export interface StateMessageProps {
  title: string;
  children?: ComponentChildren;
  tone?: 'neutral' | 'error' | 'busy';
}

/** The designed empty, loading, first-run and error states. */
export function StateMessage({ title, children, tone = 'neutral' }: StateMessageProps) {
  return (
    <div class={`state state-${tone}`} role={tone === 'error' ? 'alert' : undefined} aria-busy={tone === 'busy'}>
      {tone === 'busy' && <span class="spinner" aria-hidden />}
      <p class="state-title">{title}</p>
      {children}
    </div>
  );
}
