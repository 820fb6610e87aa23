import { signal } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { employeeItem, serverUrlItem, tokenItem } from '@/lib/settings';
import { createAdminApi, type AdminApi } from '@/lib/api/admin';
import { useStorageItem } from '@/components/hooks';
import { Notice } from '@/components/Notice';
import { ItemsSection } from '@/components/admin/ItemsSection';
import { SuggestionsSection } from '@/components/admin/SuggestionsSection';
import { PeopleSection } from '@/components/admin/PeopleSection';
import { PolicySection } from '@/components/admin/PolicySection';
import { SiteProfilesSection } from '@/components/admin/SiteProfilesSection';
import { rich } from '@/components/admin/rich';
import { t, type MessageKey } from '@/lib/i18n';

// uPlot and the charts load only when someone opens Analytics.
const AnalyticsSection = lazy(() =>
  import('@/components/admin/AnalyticsSection').then((m) => ({ default: m.AnalyticsSection })),
);

const sections = [
  { id: 'items', label: 'admin.tabs.items' },
  { id: 'suggestions', label: 'admin.tabs.suggestions' },
  { id: 'people', label: 'admin.tabs.people' },
  { id: 'policy', label: 'admin.tabs.policy' },
  { id: 'site-profiles', label: 'admin.tabs.siteProfiles' },
  { id: 'analytics', label: 'admin.tabs.analytics' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type SectionId = (typeof sections)[number]['id'];

const sectionFromHash = (): SectionId => {
  const id = location.hash.replace(/^#/, '');
  return sections.some((s) => s.id === id) ? (id as SectionId) : 'items';
};

/** The section shown follows the address's hash, so links, history and reloads all land on it. */
const shownSection = signal(sectionFromHash());
addEventListener('hashchange', () => (shownSection.value = sectionFromHash()));

const openSettings = () => void browser.runtime.openOptionsPage();

export function App() {
  const serverUrl = useStorageItem(serverUrlItem);
  const token = useStorageItem(tokenItem);
  const employee = useStorageItem(employeeItem);
  const section = shownSection.value;
  const api = useMemo(() => (serverUrl && token ? createAdminApi({ serverUrl, token }) : null), [serverUrl, token]);

  if (serverUrl === undefined || token === undefined || employee === undefined)
    return <p class="admin-loading">{t('admin.loading')}</p>;
  if (!api || !employee) {
    return (
      <main class="admin-gate">
        <h1>{t('admin.title')}</h1>
        <Notice role="alert" tone="error">
          {t('admin.notConnected')}
        </Notice>
        <button type="button" class="button" onClick={openSettings}>
          {t('admin.openSettings')}
        </button>
      </main>
    );
  }
  if (employee.role !== 'admin') {
    return (
      <main class="admin-gate">
        <h1>{t('admin.title')}</h1>
        <Notice role="alert" tone="error">
          {t('admin.notCurator', { name: employee.name })}
        </Notice>
      </main>
    );
  }

  return (
    <div class="admin">
      <header class="admin-header">
        <h1>{t('admin.title')}</h1>
        <p class="muted">
          {rich(t('admin.signedInAs', { server: serverUrl ?? '' }), { name: <span dir="auto">{employee.name}</span> })}
        </p>
      </header>
      <nav class="admin-nav" aria-label={t('admin.sections')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={section === s.id ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SectionFrame key={section} title={t(sections.find((s) => s.id === section)!.label)}>
        <Section id={section} api={api} selfId={employee.id} />
      </SectionFrame>
    </div>
  );
}

function Section({ id, api, selfId }: { id: SectionId; api: AdminApi; selfId: string }) {
  switch (id) {
    case 'items':
      return <ItemsSection api={api} />;
    case 'suggestions':
      return <SuggestionsSection api={api} />;
    case 'people':
      return <PeopleSection api={api} selfId={selfId} />;
    case 'policy':
      return <PolicySection api={api} />;
    case 'site-profiles':
      return <SiteProfilesSection api={api} />;
    case 'analytics':
      return (
        <Suspense fallback={<p>{t('admin.loadingAnalytics')}</p>}>
          <AnalyticsSection api={api} />
        </Suspense>
      );
  }
}

/** The section's heading takes focus when the section changes, so keyboard and screen-reader users land on it. */
function SectionFrame({ title, children }: { title: string; children: preact.ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && !location.hash) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <main class="admin-main" aria-labelledby="section-title">
      <h2 id="section-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </main>
  );
}
