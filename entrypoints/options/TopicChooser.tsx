import { useSignal } from '@preact/signals';
import { t, uiLocale } from '@/lib/i18n';
import { Field } from './Field';
import { MAX_TOPICS, normaliseTopic } from './validate';

interface TopicChooserProps {
  chosen: string[];
  /** Topics of the cached queue, offered beside the chosen ones. */
  offered: string[];
  onChange: (topics: string[]) => void;
}

/** The topics a person follows: the queue's and their own as toggle chips, and a field to add one of their own. */
export function TopicChooser({ chosen, offered, onChange }: TopicChooserProps) {
  const newTopic = useSignal('');
  const error = useSignal('');

  const toggle = (topic: string) =>
    onChange(chosen.includes(topic) ? chosen.filter((c) => c !== topic) : [...chosen, topic]);

  function add() {
    const checked = normaliseTopic(newTopic.value);
    if (!checked.ok) {
      error.value = checked.error;
      return;
    }
    if (!chosen.includes(checked.value)) {
      if (chosen.length >= MAX_TOPICS) {
        error.value = t('options.voice.tooManyTopics', { max: MAX_TOPICS });
        return;
      }
      onChange([...chosen, checked.value]);
    }
    error.value = '';
    newTopic.value = '';
  }

  const chips = [...new Set([...offered, ...chosen])].sort((a, b) => a.localeCompare(b, uiLocale()));
  return (
    <fieldset class="fieldset">
      <legend>{t('options.voice.topics')}</legend>
      <p class="hint" id="topics-hint">
        {t('options.voice.topicsHint')}
      </p>
      {chips.length > 0 ? (
        <ul class="chips" aria-describedby="topics-hint">
          {chips.map((topic) => (
            <li key={topic}>
              <button
                type="button"
                class="toggle-chip chip"
                aria-pressed={chosen.includes(topic)}
                onClick={() => toggle(topic)}
                dir="auto"
              >
                {topic}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('options.voice.noTopics')}</p>
      )}
      <div class="add-topic">
        <Field
          id="new-topic"
          label={t('options.voice.newTopic')}
          value={newTopic.value}
          onInput={(v) => {
            newTopic.value = v;
            error.value = '';
          }}
          onEnter={add}
          error={error.value}
          freeText
        />
        <button type="button" class="button secondary" onClick={add}>
          {t('options.voice.addTopic')}
        </button>
      </div>
    </fieldset>
  );
}
