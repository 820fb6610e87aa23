import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
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
import { useSaveStatus } from './save-status';
import { TopicChooser } from './TopicChooser';
import { checkDisplayName, checkLanguage, checkTouch } from './validate';

type Net = 'linkedin' | 'x';
const NETS: ReadonlyArray<[Net, string]> = [
  ['linkedin', 'LinkedIn'],
  ['x', 'X'],
];
/** The personal touches each network has: where they are kept, their fields and their words. */
const TOUCHES = [
  {
    key: 'openingLine',
    id: 'opening',
    what: 'opening line',
    label: 'options.voice.opening',
    hint: 'options.voice.openingHint',
  },
  {
    key: 'signature',
    id: 'signature',
    what: 'signature',
    label: 'options.voice.signature',
    hint: 'options.voice.signatureHint',
  },
] as const;

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
  const draft = useSignal<Draft | null>(null);
  const errors = useSignal<Record<string, string>>({});
  const { status, say } = useSaveStatus(draft);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The caption language as chosen (empty when the person chose none: then the browser's applies).
    void Promise.all([
      displayNameItem.getValue(),
      personalTouchesItem.getValue(),
      chosenCaptionLanguage(),
      topicsItem.getValue(),
    ]).then(
      ([name, touches, language, topics]) =>
        (draft.value = { name: name ?? '', touches, language: language ?? '', topics }),
    );
  }, []);

  // Topics and languages of the cached queue: the chips to choose from, and language suggestions.
  const offered = useLiveQuery(async () => {
    const db = getDb();
    const [topics, rows] = await Promise.all([db.queue.orderBy('topics').uniqueKeys(), db.queue.toArray()]);
    const languages = new Set(rows.flatMap((r) => r.captions.map((c) => c.language)));
    return { topics: topics.map(String), languages: [...languages].sort() };
  });

  const d = draft.value;
  if (!d) return null;
  const update = (patch: Partial<Draft>) => (draft.value = { ...draft.value!, ...patch });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const name = checkDisplayName(d.name);
    if (!name.ok) found['display-name'] = name.error;
    const language = checkLanguage(d.language);
    if (!language.ok) found['caption-language'] = language.error;
    const touches: PersonalTouches = {
      linkedin: { openingLine: '', signature: '' },
      x: { openingLine: '', signature: '' },
    };
    for (const [net] of NETS) {
      for (const touch of TOUCHES) {
        const checked = checkTouch(d.touches[net][touch.key], touch.what);
        if (checked.ok) touches[net][touch.key] = checked.value;
        else found[`${net}-${touch.id}`] = checked.error;
      }
    }
    errors.value = found;
    if (Object.keys(found).length > 0) {
      say({ text: t('options.notSaved') });
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
    say({ text: t('options.voice.saved') });
  };

  const defaultLanguage = defaultCaptionLanguage();
  return (
    <section id="voice" aria-labelledby="voice-heading" class="panel" tabIndex={-1}>
      <h2 id="voice-heading">{t('options.voice.heading')}</h2>
      <p class="muted">{t('options.voice.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Field
          id="display-name"
          label={t('options.voice.displayName')}
          hint={t('options.voice.displayNameHint')}
          value={d.name}
          onInput={(v) => update({ name: v })}
          error={errors.value['display-name']}
          freeText
          autoComplete="name"
        />
        {NETS.map(([net, label]) => (
          <fieldset key={net} class="fieldset">
            <legend>{label}</legend>
            {TOUCHES.map((touch) => (
              <Field
                key={touch.key}
                id={`${net}-${touch.id}`}
                label={t(touch.label, { network: label })}
                hint={t(touch.hint)}
                value={d.touches[net][touch.key]}
                onInput={(v) => update({ touches: { ...d.touches, [net]: { ...d.touches[net], [touch.key]: v } } })}
                error={errors.value[`${net}-${touch.id}`]}
                freeText
              />
            ))}
          </fieldset>
        ))}
        <Field
          id="caption-language"
          label={t('options.voice.language')}
          hint={t('options.voice.languageHint', { language: languageName(defaultLanguage) })}
          placeholder={defaultLanguage}
          value={d.language}
          onInput={(v) => update({ language: v })}
          error={errors.value['caption-language']}
          list="caption-languages"
          maxLength={35}
        />
        <datalist id="caption-languages">
          {(offered?.languages ?? []).map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <TopicChooser chosen={d.topics} offered={offered?.topics ?? []} onChange={(topics) => update({ topics })} />
        <div class="actions">
          <button type="submit" class="button">
            {t('options.voice.save')}
          </button>
        </div>
        <p role="status" class="save-status">
          {status.value?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
