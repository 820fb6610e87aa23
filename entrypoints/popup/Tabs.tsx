import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/**
 * ARIA tabs, the first selected: one tab stop for the list (roving tabindex), ←/→ move and select, Home/End
 * jump. Panels are kept mounted once visited (hidden, not removed) so a filter or a half-written caption
 * survives a visit to the other tab.
 */
export function Tabs<K extends string>({
  tabs,
  render,
  label,
}: {
  tabs: TabDef<K>[];
  render: (key: K) => ComponentChildren;
  label: string;
}) {
  const [selected, onSelect] = useState(tabs[0]!.key);
  const visited = useRef(new Set<K>()).current.add(selected);
  const refs = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});
  function onKeyDown(e: KeyboardEvent) {
    const i = tabs.findIndex((t) => t.key === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const key = tabs[next]!.key;
    onSelect(key);
    refs.current[key]?.focus();
  }
  return (
    <>
      <div role="tablist" aria-label={label} class="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={t.key === selected}
            aria-controls={`panel-${t.key}`}
            tabIndex={t.key === selected ? 0 : -1}
            class="tab"
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`panel-${t.key}`}
          aria-labelledby={`tab-${t.key}`}
          hidden={t.key !== selected}
          class="tab-panel"
        >
          {visited.has(t.key) && render(t.key)}
        </div>
      ))}
    </>
  );
}
