import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks';
import { getDb } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import {
  chosenCaptionLanguage,
  defaultCaptionLanguage,
  displayNameItem,
  personalTouchesItem,
  preferredLanguageItem,
  topicsItem,
  type PersonalTouches,
} from '@/lib/settings';
import { Field, focusFirstInvalid } from './Field';
import { MAX_TOPICS, checkDisplayName, checkLanguage, checkTouch, normaliseTopic } from './validate';

type Net = 'linkedin' | 'x';
const NETS: ReadonlyArray<[Net, string]> = [
  ['linkedin', 'LinkedIn'],
  ['x', 'X'],
];

interface Draft {
  name: string;
  touches: PersonalTouches;
  language: string;
  topics: string[];
}

/** "català" for "ca", in the language shown; the code itself where the browser has no name for it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(uiLocale(), { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Display name, opening line and signature per network, caption language and topics: kept in this browser. */
export function VoiceSection() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [newTopic, setNewTopic] = useState('');
  const [topicError, setTopicError] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The caption language as chosen (empty when the person chose none: then the browser's applies).
    void Promise.all([displayNameItem.getValue(), personalTouchesItem.getValue(), chosenCaptionLanguage(), topicsItem.getValue()]).then(
      ([name, touches, language, topics]) => setDraft({ name: name ?? '', touches, language: language ?? '', topics }),
    );
  }, []);

  // Topics and languages of the cached queue: the chips to choose from, and language suggestions.
  const offered = useLiveQuery(async () => {
    const db = getDb();
    const [topics, rows] = await Promise.all([db.queue.orderBy('topics').uniqueKeys(), db.queue.toArray()]);
    const languages = new Set(rows.flatMap((r) => r.captions.map((c) => c.language)));
    return { topics: topics.map(String), languages: [...languages].sort() };
  });

  if (!draft) return null;
  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setStatus('');
  };
  const setTouch = (net: Net, key: 'openingLine' | 'signature', value: string) =>
    update({ touches: { ...draft.touches, [net]: { ...draft.touches[net], [key]: value } } });
  const toggleTopic = (topic: string) =>
    update({ topics: draft.topics.includes(topic) ? draft.topics.filter((t) => t !== topic) : [...draft.topics, topic] });

  function addTopic() {
    const checked = normaliseTopic(newTopic);
    if (!checked.ok) return setTopicError(checked.error);
    if (!draft!.topics.includes(checked.value)) {
      if (draft!.topics.length >= MAX_TOPICS) return setTopicError(t('options.voice.tooManyTopics', { max: MAX_TOPICS }));
      update({ topics: [...draft!.topics, checked.value] });
    }
    setTopicError('');
    setNewTopic('');
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const d = draft!;
    const found: Record<string, string> = {};
    const name = checkDisplayName(d.name);
    if (!name.ok) found['display-name'] = name.error;
    const language = checkLanguage(d.language);
    if (!language.ok) found['caption-language'] = language.error;
    const touches: PersonalTouches = { linkedin: { openingLine: '', signature: '' }, x: { openingLine: '', signature: '' } };
    for (const [net] of NETS) {
      const opening = checkTouch(d.touches[net].openingLine, 'opening line');
      const signature = checkTouch(d.touches[net].signature, 'signature');
      if (opening.ok) touches[net].openingLine = opening.value;
      else found[`${net}-opening`] = opening.error;
      if (signature.ok) touches[net].signature = signature.value;
      else found[`${net}-signature`] = signature.error;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus(t('options.notSaved'));
      // After the error texts are in the page, so they are read with the field.
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    await Promise.all([
      displayNameItem.setValue(name.ok ? name.value : null),
      personalTouchesItem.setValue(touches),
      preferredLanguageItem.setValue(language.ok ? language.value : null),
      topicsItem.setValue(d.topics),
    ]);
    setStatus(t('options.voice.saved'));
  }

  const defaultLanguage = defaultCaptionLanguage();
  const chips = [...new Set([...(offered?.topics ?? []), ...draft.topics])].sort((a, b) => a.localeCompare(b, uiLocale()));

  return (
    <section id="voice" aria-labelledby="voice-heading" class="panel" tabIndex={-1}>
      <h2 id="voice-heading">{t('options.voice.heading')}</h2>
      <p class="muted">{t('options.voice.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Field
          id="display-name"
          label={t('options.voice.displayName')}
          hint={t('options.voice.displayNameHint')}
          value={draft.name}
          onInput={(v) => update({ name: v })}
          error={errors['display-name']}
          freeText
          autoComplete="name"
        />
        {NETS.map(([net, label]) => (
          <fieldset key={net} class="fieldset">
            <legend>{label}</legend>
            <Field
              id={`${net}-opening`}
              label={t('options.voice.opening', { network: label })}
              hint={t('options.voice.openingHint')}
              value={draft.touches[net].openingLine}
              onInput={(v) => setTouch(net, 'openingLine', v)}
              error={errors[`${net}-opening`]}
              freeText
            />
            <Field
              id={`${net}-signature`}
              label={t('options.voice.signature', { network: label })}
              hint={t('options.voice.signatureHint')}
              value={draft.touches[net].signature}
              onInput={(v) => setTouch(net, 'signature', v)}
              error={errors[`${net}-signature`]}
              freeText
            />
          </fieldset>
        ))}
        <Field
          id="caption-language"
          label={t('options.voice.language')}
          hint={t('options.voice.languageHint', { language: languageName(defaultLanguage) })}
          placeholder={defaultLanguage}
          value={draft.language}
          onInput={(v) => update({ language: v })}
          error={errors['caption-language']}
          list="caption-languages"
          maxLength={35}
        />
        <datalist id="caption-languages">
          {(offered?.languages ?? []).map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <fieldset class="fieldset">
          <legend>{t('options.voice.topics')}</legend>
          <p class="hint" id="topics-hint">
            {t('options.voice.topicsHint')}
          </p>
          {chips.length > 0 ? (
            <ul class="chips" aria-describedby="topics-hint">
              {chips.map((t) => (
                <li key={t}>
                  <button type="button" class="chip" aria-pressed={draft.topics.includes(t)} onClick={() => toggleTopic(t)} dir="auto">
                    {t}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('options.voice.noTopics')}</p>
          )}
          <div class="add-topic">
            <Field id="new-topic" label={t('options.voice.newTopic')} value={newTopic} onInput={(v) => (setNewTopic(v), setTopicError(''))} onEnter={addTopic} error={topicError} freeText />
            <button type="button" class="button secondary" onClick={addTopic}>
              {t('options.voice.addTopic')}
            </button>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button">
            {t('options.voice.save')}
          </button>
        </div>
        <p role="status" class="save-status">
          {status}
        </p>
      </form>
    </section>
  );
}
