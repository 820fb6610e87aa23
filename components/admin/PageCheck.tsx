import { useRef, useState } from 'preact/hooks';
import { networks, type Network } from '@/lib/contract/common';
import type { SiteProfile } from '@/lib/contract/site-profiles';
import type { Candidate, ComposerReport, Described, Outcome, PageReport } from '@/lib/compose/page-check';
import type { SavedPageProblem } from '@/lib/admin/saved-page';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';

/*
 * The site-profile page's check of a profile against a page the curator saved from the live site. The file is
 * read and checked here, in the console's own page, and never sent anywhere. The parsing and the detection code
 * load only when a file is chosen (admin.html's byte budget).
 */

export interface ProfileInUse {
  profile: SiteProfile;
  published: boolean;
}

interface Props {
  networkNames: Record<Network, string>;
  profileFor: (n: Network) => ProfileInUse;
  /** The profile being edited in the publish form, when it is a valid one (so a fix is checked before it ships). */
  draft: SiteProfile | null;
}

/** A network's profile in use, or the draft being edited. */
type Choice = Network | 'draft';

const DEFAULT_ADDRESS: Record<Network, string> = { linkedin: 'https://www.linkedin.com/feed/', x: 'https://x.com/home' };

/** What the curator runs in the console of the live page to save it with its open shadow roots. */
export const SAVE_WITH_SHADOW_ROOTS =
  "copy('<!doctype html><!-- saved from url=(0000)' + location.href + ' -->' + document.documentElement.getHTML({ shadowRoots: [...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : [])) }))";

const loadTools = () => Promise.all([import('@/lib/admin/saved-page'), import('@/lib/compose/page-check')]);

interface Done {
  report: PageReport;
  network: Network;
  version: number;
  draft: boolean;
  otherHost: string | null;
}

type Problem = { field: 'profile' | 'file' | 'address'; text: string };

function problemText(p: SavedPageProblem): string {
  switch (p.kind) {
    case 'empty':
      return t('pageCheck.problem.empty');
    case 'tooLarge':
      // Rounded up, so a file just over the limit never reads as the limit itself.
      return t('pageCheck.problem.tooLarge', { size: Math.ceil((p.bytes / 1024 / 1024) * 10) / 10 });
    case 'mhtml':
      return t('pageCheck.problem.mhtml');
    case 'notHtml':
      return t('pageCheck.problem.notHtml');
  }
}

/** The chosen file as a parsed page and the address it was saved from, or what is wrong with it. */
async function readSavedPage(file: File): Promise<{ doc: Document; address: URL | null } | string> {
  const [tools] = await loadTools();
  const before = tools.checkSavedFile(file);
  if (before) return problemText(before);
  let html: string;
  try {
    html = await file.text();
  } catch (err) {
    return t('pageCheck.problem.unreadable', { reason: (err as Error).message });
  }
  const after = tools.checkSavedText(html);
  if (after) return problemText(after);
  const doc = tools.parseSavedPage(html);
  return { doc, address: tools.savedPageAddress(html, doc)?.url ?? null };
}

/** The host name of an address the curator typed or the file named, when it is one. */
function addressHost(address: string): string | null {
  const value = address.trim();
  if (value.startsWith('/')) return null;
  for (const candidate of [value, `https://${value}`]) {
    try {
      return new URL(candidate).hostname;
    } catch {
      // not this way
    }
  }
  return null;
}

export function PageCheck({ networkNames, profileFor, draft }: Props) {
  const [choice, setChoice] = useState<Choice>('linkedin');
  const [address, setAddress] = useState(DEFAULT_ADDRESS.linkedin);
  const [addressTyped, setAddressTyped] = useState(false);
  const [fromFile, setFromFile] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const loaded = useRef<Document | null>(null);
  // A newer file choice makes the answer of an older, slower read irrelevant.
  const reading = useRef(0);

  const choose = (c: Choice) => {
    setChoice(c);
    const n = c === 'draft' ? draft?.network : c;
    if (n && !addressTyped && !fromFile) setAddress(DEFAULT_ADDRESS[n]);
  };

  const onFile = (input: HTMLInputElement) => {
    const round = ++reading.current;
    loaded.current = null;
    setDone(null);
    setFromFile(null);
    setProblem(null);
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    // The button stays disabled (busy) until the file is read, so a check never runs on a half-chosen page.
    void readSavedPage(file)
      .catch((err: unknown) => t('pageCheck.problem.unreadable', { reason: String(err) }))
      .then((read) => {
        if (round !== reading.current) return;
        setBusy(false);
        if (typeof read === 'string') {
          setProblem({ field: 'file', text: read });
          return;
        }
        loaded.current = read.doc;
        if (read.address) {
          const url = read.address;
          setAddress(url.href);
          setAddressTyped(false);
          setFromFile(url.href);
          const owner = networks.find((n) => profileFor(n).profile.hosts.includes(url.hostname));
          // The page tells which network's profile to check, unless the curator is checking their draft.
          if (owner) setChoice((c) => (c === 'draft' ? c : owner));
        }
      });
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setDone(null);
    if (!loaded.current) {
      if (!problem) setProblem({ field: 'file', text: t('pageCheck.problem.noFile') });
      return;
    }
    const [tools, check] = await loadTools();
    const path = tools.pathOfAddress(address);
    if (path === null) {
      setProblem({ field: 'address', text: t('pageCheck.problem.address', { value: address.trim() }) });
      return;
    }
    const profile = choice === 'draft' ? draft : profileFor(choice).profile;
    if (!profile) {
      setProblem({ field: 'profile', text: t('pageCheck.draftProblem') });
      return;
    }
    setProblem(null);
    const host = addressHost(address);
    setDone({
      report: check.checkPage(loaded.current, profile, path),
      network: profile.network,
      version: profile.version,
      draft: choice === 'draft',
      otherHost: host && !profile.hosts.includes(host) ? host : null,
    });
  };

  const found = done ? done.report.composers.filter((c) => c.status === 'found').length : 0;
  return (
    <>
      <form class="page-check-form" onSubmit={onSubmit} aria-label={t('pageCheck.form')} noValidate>
        <h3>{t('pageCheck.heading')}</h3>
        <p class="muted">{t('pageCheck.intro')}</p>
        <div class="field">
          <label for="check-profile">{t('pageCheck.profile')}</label>
          <select id="check-profile" value={choice} aria-invalid={problem?.field === 'profile'} onChange={(e) => choose(e.currentTarget.value as Choice)}>
            {networks.map((n) => {
              const { profile, published } = profileFor(n);
              return (
                <option key={n} value={n}>
                  {t('pageCheck.profileOption', {
                    network: networkNames[n],
                    version: String(profile.version),
                    source: t(published ? 'pageCheck.sourcePublished' : 'pageCheck.sourceBundled'),
                  })}
                </option>
              );
            })}
            <option value="draft" disabled={!draft && choice !== 'draft'}>
              {draft
                ? t('pageCheck.draftOption', { network: networkNames[draft.network], version: String(draft.version) })
                : t('pageCheck.draftInvalid')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="check-file">{t('pageCheck.file')}</label>
          <input
            id="check-file"
            type="file"
            accept=".html,.htm,.xhtml,text/html,application/xhtml+xml"
            aria-describedby="check-file-hint"
            aria-invalid={problem?.field === 'file'}
            onChange={(e) => onFile(e.currentTarget)}
          />
          <span id="check-file-hint" class="hint">{t('pageCheck.fileHint')}</span>
        </div>
        <div class="field">
          <label for="check-address">{t('pageCheck.address')}</label>
          <input
            id="check-address"
            type="text"
            spellcheck={false}
            value={address}
            aria-describedby={fromFile ? 'check-address-hint check-address-source' : 'check-address-hint'}
            aria-invalid={problem?.field === 'address'}
            onInput={(e) => {
              setAddress(e.currentTarget.value);
              setAddressTyped(true);
              setFromFile(null);
            }}
          />
          <span id="check-address-hint" class="hint">{t('pageCheck.addressHint')}</span>
          {fromFile && <span id="check-address-source" class="hint">{t('pageCheck.addressFromFile', { url: fromFile })}</span>}
        </div>
        <Notice role="alert" tone="error">{problem?.text}</Notice>
        <button type="submit" class="button" disabled={busy}>{t('pageCheck.submit')}</button>
      </form>
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
            <p class="notice">{t('pageCheck.otherHost', { host: done.otherHost, network: networkNames[done.network] })}</p>
          )}
          {done.report.composers.map((c) => <ComposerResult key={c.name} report={c} />)}
        </section>
      )}
    </>
  );
}

const STATUS_KEYS = {
  found: 'pageCheck.status.found',
  ignored: 'pageCheck.status.ignored',
  notFound: 'pageCheck.status.notFound',
} as const;

function ComposerResult({ report }: { report: ComposerReport }) {
  const id = `page-check-${report.name}`;
  return (
    <div class="report" role="group" aria-labelledby={id}>
      <h5 id={id}>{t('pageCheck.composer', { name: report.name })}</h5>
      <p><strong>{t(STATUS_KEYS[report.status])}</strong></p>
      {report.emptyShadowHosts.map((host) => (
        <div key={described(host)} class="notice">
          <p>{t('pageCheck.emptyHost', { host: described(host) })}</p>
          <p>{t('pageCheck.emptyHostHow')}</p>
          <pre class="json"><code>{SAVE_WITH_SHADOW_ROOTS}</code></pre>
        </div>
      ))}
      {report.candidates.length === 0 ? (
        <p>{t('pageCheck.none')}</p>
      ) : (
        <table class="data">
          <caption class="visually-hidden">{t('pageCheck.caption', { name: report.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pageCheck.column.element')}</th>
              <th scope="col">{t('pageCheck.column.selector')}</th>
              <th scope="col">{t('pageCheck.column.result')}</th>
              <th scope="col">{t('pageCheck.column.postButton')}</th>
            </tr>
          </thead>
          <tbody>
            {report.candidates.map((c, i) => (
              <tr key={i}>
                <td><code>{described(c)}</code></td>
                <td><code>{c.selector}</code></td>
                <td>{outcomeText(c.outcome)}</td>
                <td>{postButtonText(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
