import type { ItemCreate } from '../../lib/contract';

/**
 * Queue content for end-to-end tests: several topics, both networks, and captions that are not English
 * (Catalan with its punt volat, Russian in Cyrillic, Spanish, emoji outside the BMP), so the
 * extension is shown to keep text intact from the REST API through IndexedDB to the page.
 */
export const sampleItems = [
  {
    url: 'https://example.com/blog/annual-report-2026?ref=newsletter',
    title: 'Our annual report 2026',
    summary: 'Highlights of the year.',
    topics: ['company', 'finance'],
    contentType: 'owned',
    campaign: 'annual-report',
    captions: [
      { network: 'linkedin', text: 'Proud of what our team achieved this year 🚀', language: 'en' },
      { network: 'linkedin', text: "L'informe anual és aquí: col·laboració i creixement 🎉", language: 'ca' },
      { network: 'x', text: 'Our year in numbers 📈', language: 'en' },
    ],
  },
  {
    url: 'https://example.org/engineering/open-source',
    title: 'Почему мы открываем исходный код',
    topics: ['engineering', 'open-source'],
    contentType: 'curated',
    captions: [
      { network: 'linkedin', text: 'Мы открыли исходный код нашего инструмента — присоединяйтесь!', language: 'ru' },
      { network: 'x', text: 'Código abierto, para todos 👩‍💻', language: 'es' },
    ],
  },
  {
    url: 'https://example.net/careers',
    title: 'We are hiring engineers',
    topics: ['hiring'],
    contentType: 'promotional',
    captions: [{ network: 'x', text: 'Join us! We are hiring 🙌 #hiring', language: 'en' }],
  },
] satisfies ItemCreate[];
