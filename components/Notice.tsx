import type { ComponentChildren } from 'preact';

export type NoticeTone = 'info' | 'error' | 'success';

interface NoticeProps {
  tone?: NoticeTone;
  /**
   * `alert` for failures that need attention now, `status` for quiet news. The region is always in the
   * page (empty when there is nothing to say) so screen readers announce changes to it.
   */
  role: 'alert' | 'status';
  children?: ComponentChildren;
  class?: string;
}

export function Notice({ tone = 'info', role, children, class: extra }: NoticeProps) {
  return (
    <div role={role} class={`notice ${tone}${extra ? ` ${extra}` : ''}`}>
      {children}
    </div>
  );
}
