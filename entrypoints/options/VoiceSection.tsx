import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks';
import { getDb } from '@/lib/db';
import { displayNameItem, personalTouchesItem, preferredLanguageItem, topicsItem, type PersonalTouches } from '@/lib/settings';
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

/** Display name, opening line and signature per network, caption language and topics: kept in this browser. */
export function VoiceSection() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [newTopic, setNewTopic] = useState('');
  const [topicError, setTopicError] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void Promise.all([displayNameItem.getValue(), personalTouchesItem.getValue(), preferredLanguageItem.getValue(), topicsItem.getValue()]).then(
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
      if (draft!.topics.length >= MAX_TOPICS) return setTopicError(`Choose at most ${MAX_TOPICS} topics.`);
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
      setStatus('Not saved: please correct the fields marked below.');
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
    setStatus('Saved. Captions will use your personal touches from now on.');
  }

  const chips = [...new Set([...(offered?.topics ?? []), ...draft.topics])].sort((a, b) => a.localeCompare(b));

  return (
    <section id="voice" aria-labelledby="voice-heading" class="panel" tabIndex={-1}>
      <h2 id="voice-heading">Your voice</h2>
      <p class="muted">Kept in this browser only. Relay adds your opening line and signature to the captions it suggests.</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Field
          id="display-name"
          label="Display name"
          hint="How Relay greets you. Leave empty to use the name your organisers entered."
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
              label={`Opening line on ${label}`}
              hint="Put before every caption, e.g. “Proud of my team:”."
              value={draft.touches[net].openingLine}
              onInput={(v) => setTouch(net, 'openingLine', v)}
              error={errors[`${net}-opening`]}
              freeText
            />
            <Field
              id={`${net}-signature`}
              label={`Signature on ${label}`}
              hint="Put after every caption, before the link."
              value={draft.touches[net].signature}
              onInput={(v) => setTouch(net, 'signature', v)}
              error={errors[`${net}-signature`]}
              freeText
            />
          </fieldset>
        ))}
        <Field
          id="caption-language"
          label="Preferred caption language"
          hint="A language code such as en, ca, es or pt-BR. Captions in it are offered first; leave empty for no preference."
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
          <legend>Topics</legend>
          <p class="hint" id="topics-hint">
            Items on the topics you choose come first in your queue. Press a topic to choose it or to remove it.
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
            <p class="muted">No topics in your queue yet: add your own below.</p>
          )}
          <div class="add-topic">
            <Field id="new-topic" label="Add a topic" value={newTopic} onInput={(v) => (setNewTopic(v), setTopicError(''))} onEnter={addTopic} error={topicError} freeText />
            <button type="button" class="button secondary" onClick={addTopic}>
              Add topic
            </button>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button">
            Save your voice
          </button>
        </div>
        <p role="status" class="save-status">
          {status}
        </p>
      </form>
    </section>
  );
}
