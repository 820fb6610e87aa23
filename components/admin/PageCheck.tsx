import { useRef, useState } from 'preact/hooks';
import { networks, type Network } from '@/lib/contract/common';
import type { SiteProfile } from '@/lib/contract/site-profiles';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { Field } from './Field';
import { PageCheckReport, type PageCheckDone } from './PageCheckReport';
import { loadTools, readSavedPage } from './read-saved-page';

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

const DEFAULT_ADDRESS: Record<Network, string> = {
  linkedin: 'https://www.linkedin.com/feed/',
  x: 'https://x.com/home',
};

/** The page's address and where it came from: a network's default (follows the profile chosen), typed, or read from the file. */
interface Address {
  value: string;
  source: 'default' | 'typed' | 'file';
}

type Problem = { field: 'profile' | 'file' | 'address'; text: string };

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

/** The site-profile page's check of a profile against a page the curator saved from the live site. */
export function PageCheck({ networkNames, profileFor, draft }: Props) {
  const [choice, setChoice] = useState<Choice>('linkedin');
  const [address, setAddress] = useState<Address>({ value: DEFAULT_ADDRESS.linkedin, source: 'default' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PageCheckDone | null>(null);
  const loaded = useRef<Document | null>(null);
  // A newer file choice makes the answer of an older, slower read irrelevant.
  const reading = useRef(0);

  const choose = (c: Choice) => {
    setChoice(c);
    const n = c === 'draft' ? draft?.network : c;
    if (n && address.source === 'default') setAddress({ value: DEFAULT_ADDRESS[n], source: 'default' });
  };

  const onFile = (input: HTMLInputElement) => {
    const round = ++reading.current;
    loaded.current = null;
    setDone(null);
    setAddress((a) => (a.source === 'file' ? { ...a, source: 'default' } : a));
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
          setAddress({ value: url.href, source: 'file' });
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
    const path = tools.pathOfAddress(address.value);
    if (path === null) {
      setProblem({ field: 'address', text: t('pageCheck.problem.address', { value: address.value.trim() }) });
      return;
    }
    const profile = choice === 'draft' ? draft : profileFor(choice).profile;
    if (!profile) {
      setProblem({ field: 'profile', text: t('pageCheck.draftProblem') });
      return;
    }
    setProblem(null);
    const host = addressHost(address.value);
    setDone({
      report: check.checkPage(loaded.current, profile, path),
      network: profile.network,
      version: profile.version,
      draft: choice === 'draft',
      otherHost: host && !profile.hosts.includes(host) ? host : null,
    });
  };

  const fromFile = address.source === 'file' ? address.value : null;
  return (
    <>
      <form class="page-check-form" onSubmit={onSubmit} aria-label={t('pageCheck.form')} noValidate>
        <h3>{t('pageCheck.heading')}</h3>
        <p class="muted">{t('pageCheck.intro')}</p>
        <Field id="check-profile" label={t('pageCheck.profile')}>
          <select
            id="check-profile"
            value={choice}
            aria-invalid={problem?.field === 'profile'}
            onChange={(e) => choose(e.currentTarget.value as Choice)}
          >
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
        </Field>
        <Field id="check-file" label={t('pageCheck.file')} hint={t('pageCheck.fileHint')}>
          <input
            id="check-file"
            type="file"
            accept=".html,.htm,.xhtml,text/html,application/xhtml+xml"
            aria-describedby="check-file-hint"
            aria-invalid={problem?.field === 'file'}
            onChange={(e) => onFile(e.currentTarget)}
          />
        </Field>
        <div class="field">
          <label for="check-address">{t('pageCheck.address')}</label>
          <input
            id="check-address"
            type="text"
            spellcheck={false}
            value={address.value}
            aria-describedby={fromFile ? 'check-address-hint check-address-source' : 'check-address-hint'}
            aria-invalid={problem?.field === 'address'}
            onInput={(e) => setAddress({ value: e.currentTarget.value, source: 'typed' })}
          />
          <span id="check-address-hint" class="hint">
            {t('pageCheck.addressHint')}
          </span>
          {fromFile && (
            <span id="check-address-source" class="hint">
              {t('pageCheck.addressFromFile', { url: fromFile })}
            </span>
          )}
        </div>
        <Notice role="alert" tone="error">
          {problem?.text}
        </Notice>
        <button type="submit" class="button" disabled={busy}>
          {t('pageCheck.submit')}
        </button>
      </form>
      <PageCheckReport done={done} networkNames={networkNames} />
    </>
  );
}
