import type { Network } from '@/lib/contract/common';
import type { Candidate, ComposerReport, Described, Outcome, PageReport } from '@/lib/compose/page-check';
import { t } from '@/lib/i18n';
import { DataTable } from './DataTable';

/** A finished check: the report, and which profile it was made with. */
export interface PageCheckDone {
  report: PageReport;
  network: Network;
  version: number;
  draft: boolean;
  /** The host of the page's address when the profile does not list it. */
  otherHost: string | null;
}

/** What the curator runs in the console of the live page to save it with its open shadow roots. */
export const SAVE_WITH_SHADOW_ROOTS =
  "copy('<!doctype html><!-- saved from url=(0000)' + location.href + ' -->' + document.documentElement.getHTML({ shadowRoots: [...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : [])) }))";

const STATUS_KEYS = {
  found: 'pageCheck.status.found',
  ignored: 'pageCheck.status.ignored',
  notFound: 'pageCheck.status.notFound',
} as const;

/** The check's one-line summary (a status region, present before there is one) and each composer's findings. */
export function PageCheckReport({
  done,
  networkNames,
}: {
  done: PageCheckDone | null;
  networkNames: Record<Network, string>;
}) {
  const found = done ? done.report.composers.filter((c) => c.status === 'found').length : 0;
  return (
    <>
      <div role="status">
        {done && (
          <p>
            {t(done.draft ? 'pageCheck.summaryDraft' : 'pageCheck.summary', {
              network: networkNames[done.network],
              version: String(done.version),
              path: done.report.path,
              found: String(found),
              total: String(done.report.composers.length),
            })}
          </p>
        )}
      </div>
      {done && (
        <section class="page-check" aria-labelledby="page-check-results">
          <h4 id="page-check-results">{t('pageCheck.results')}</h4>
          {done.otherHost && (
            <p class="notice">
              {t('pageCheck.otherHost', { host: done.otherHost, network: networkNames[done.network] })}
            </p>
          )}
          {done.report.composers.map((c) => (
            <ComposerResult key={c.name} report={c} />
          ))}
        </section>
      )}
    </>
  );
}

function ComposerResult({ report }: { report: ComposerReport }) {
  const id = `page-check-${report.name}`;
  return (
    <div class="report" role="group" aria-labelledby={id}>
      <h5 id={id}>{t('pageCheck.composer', { name: report.name })}</h5>
      <p>
        <strong>{t(STATUS_KEYS[report.status])}</strong>
      </p>
      {report.emptyShadowHosts.map((host) => (
        <div key={described(host)} class="notice">
          <p>{t('pageCheck.emptyHost', { host: described(host) })}</p>
          <p>{t('pageCheck.emptyHostHow')}</p>
          <pre class="json">
            <code>{SAVE_WITH_SHADOW_ROOTS}</code>
          </pre>
        </div>
      ))}
      {report.candidates.length === 0 ? (
        <p>{t('pageCheck.none')}</p>
      ) : (
        <DataTable
          caption={t('pageCheck.caption', { name: report.name })}
          columns={[
            t('pageCheck.column.element'),
            t('pageCheck.column.selector'),
            t('pageCheck.column.result'),
            t('pageCheck.column.postButton'),
          ]}
        >
          {report.candidates.map((c, i) => (
            <tr key={i}>
              <td>
                <code>{described(c)}</code>
              </td>
              <td>
                <code>{c.selector}</code>
              </td>
              <td>{outcomeText(c.outcome)}</td>
              <td>{postButtonText(c)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

/** An element's description, with the shadow roots it is in. */
function described(d: Described): string {
  return [d.element, ...d.inShadowOf.map((host) => t('pageCheck.inShadowOf', { host }))].join(' ');
}

function outcomeText(o: Outcome): string {
  switch (o.kind) {
    case 'panel':
      return t('pageCheck.outcome.panel');
    case 'ignored':
      return o.reason
        ? t('pageCheck.outcome.ignored', { number: String(o.rule), reason: o.reason })
        : t('pageCheck.outcome.ignoredUnnamed', { number: String(o.rule) });
    case 'outsideWithin':
      return t('pageCheck.outcome.outsideWithin');
    case 'pathNotListed':
      return t('pageCheck.outcome.pathNotListed', { paths: o.paths.join(', ') });
    case 'otherComposer':
      return t('pageCheck.outcome.otherComposer', { name: o.name });
    case 'unwatchedShadow':
      return t('pageCheck.outcome.unwatchedShadow', { host: o.host });
  }
}

function postButtonText(c: Candidate): string {
  const b = c.postButton;
  if (b === undefined) return t('pageCheck.post.notLooked');
  if (b === null) return t('pageCheck.post.notFound');
  return 'selector' in b
    ? t('pageCheck.post.bySelector', { selector: b.selector, element: described(b) })
    : t('pageCheck.post.byText', { text: b.text, element: described(b) });
}
