/** The popup's states other than a report: each says what happened and offers the way on. */
import type { ComponentChildren } from 'preact';

/** Props of StatusView. */
export interface StatusViewProps {
  title: string;
  body?: string;
  tone?: 'info' | 'error' | 'busy';
  /** h2 when the state sits under another heading (an article without matches). */
  heading?: 'h1' | 'h2';
  children?: ComponentChildren;
}

/** A titled message with optional actions. */
export function StatusView({
  title,
  body,
  tone = 'info',
  heading: Heading = 'h1',
  children,
}: StatusViewProps) {
  return (
    // Announced when it appears: an error at once, other states politely. The report itself is
    // not a live region, so a screen reader does not read all of it again on every update.
    <section class={`status status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'busy' && <div class="spinner" aria-hidden="true" />}
      <Heading class="status-title">{title}</Heading>
      {body && <p class="status-body">{body}</p>}
      {children && <div class="status-actions">{children}</div>}
    </section>
  );
}
