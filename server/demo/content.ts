import type { ItemCreate } from '../../lib/contract/items';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A demo item with its dates relative to the moment of seeding, so the demo never starts stale. */
export interface DemoItem extends Omit<ItemCreate, 'publishAt' | 'expiresAt'> {
  publishIn: number;
  expiresIn?: number;
}

/**
 * A fortnight of content for a made-up company, Tidewater: mostly third-party reading (6-3-1 rule),
 * captions in the languages its people write in. URLs are on reserved example domains.
 */
export const demoItems: DemoItem[] = [
  {
    url: 'https://engineering.example.com/blog/cutting-build-times-in-half',
    title: 'How we cut our build times in half',
    summary: 'Remote caching, smaller test shards and one stubborn dependency: the story of a year-long cleanup.',
    topics: ['engineering'],
    contentType: 'owned',
    campaign: 'eng-blog',
    pinned: true,
    publishIn: -2 * HOUR,
    captions: [
      {
        network: 'linkedin',
        text: 'Our builds used to take 38 minutes. Today they take 17. No silver bullet: remote caching, smaller test shards, and finally saying goodbye to a dependency we had outgrown years ago. Our platform team wrote up what worked and what did not.',
      },
      {
        network: 'linkedin',
        text: 'Slow builds are a tax everybody pays and nobody budgets for. Proud of the team that spent a year paying it down — the write-up is honest about the dead ends too.',
      },
      {
        network: 'x',
        text: "Builds: 38 min → 17 min. Remote caching, smaller shards, one dependency retired. Our platform team on what worked (and what didn't):",
      },
      { network: 'x', text: 'Hem reduït el temps de compilació a la meitat. Així ho hem fet:', language: 'ca' },
    ],
  },
  {
    url: 'https://careers.example.com/jobs/senior-backend-engineer?ref=relay&team=payments',
    title: 'We are hiring: Senior Backend Engineer, Payments',
    summary: 'Remote within Europe or in our Barcelona office. Go, PostgreSQL, and a lot of care for correctness.',
    topics: ['hiring', 'engineering'],
    contentType: 'owned',
    campaign: 'hiring-q4',
    pinned: true,
    publishIn: -5 * HOUR,
    expiresIn: 40 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'My team is looking for a senior backend engineer to work on payments. You would join people who care about getting money right to the cent, write tests first, and take their holidays. Remote within Europe or with us in Barcelona. Happy to answer questions by DM.',
      },
      {
        network: 'x',
        text: "We're hiring a senior backend engineer for Payments (Go, PostgreSQL). Remote in Europe or Barcelona. DMs open if you want the honest version of the job ad.",
      },
      {
        network: 'linkedin',
        text: "Busquem una persona sènior de backend per a l'equip de pagaments. Feina en remot des d'Europa o a la nostra oficina de Barcelona. Si tens preguntes, escriu-me.",
        language: 'ca',
      },
      {
        network: 'x',
        text: 'Buscamos backend sénior para el equipo de pagos. Remoto en Europa o en Barcelona. ¿Te animas?',
        language: 'es',
      },
    ],
  },
  {
    url: 'https://research.example.org/reports/state-of-developer-experience-2026',
    title: 'The state of developer experience, 2026',
    summary: 'A survey of 9,000 developers on flow, interruptions and what actually makes teams faster.',
    topics: ['engineering', 'culture'],
    contentType: 'curated',
    publishIn: -1 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: "The finding that stuck with me from this year's developer experience survey: teams with fewer meetings were not faster, but teams with predictable meetings were. Worth a read if you manage an engineering calendar.",
      },
      {
        network: 'x',
        text: "Not fewer meetings — predictable ones. The most interesting finding in this year's developer experience survey:",
      },
      {
        network: 'linkedin',
        text: "Interessante rapporto sull'esperienza degli sviluppatori: non conta quante riunioni fai, ma quanto sono prevedibili.",
        language: 'it',
      },
    ],
  },
  {
    url: 'https://news.example.net/2026/11/offices-that-run-on-heat-pumps',
    title: 'Offices that run on heat pumps: lessons from five retrofits',
    summary: 'What changed in energy bills and comfort when five mid-size offices replaced gas boilers.',
    topics: ['sustainability'],
    contentType: 'curated',
    publishIn: -26 * HOUR,
    captions: [
      {
        network: 'linkedin',
        text: 'We moved our Rotterdam office to heat pumps last winter, so this comparison of five retrofits was close to home. The comfort numbers surprised me more than the energy ones.',
      },
      {
        network: 'x',
        text: 'Five office retrofits from gas to heat pumps, with real bills and comfort data. Useful if your facilities team is weighing it up.',
      },
      {
        network: 'linkedin',
        text: 'Vijf kantoren stapten over van gas op warmtepompen. Wat het kostte, wat het opleverde en hoe het er nu binnen aanvoelt.',
        language: 'nl',
      },
      { network: 'x', text: 'Van gasketel naar warmtepomp: vijf kantoren, echte cijfers.', language: 'nl' },
    ],
  },
  {
    url: 'https://www.example.com/sustainability/impact-report-2026?utm_source=newsletter&lang=en',
    title: 'Tidewater impact report 2026',
    summary: 'Our emissions, supplier audits and the targets we missed, published in full.',
    topics: ['sustainability'],
    contentType: 'owned',
    campaign: 'impact-2026',
    publishIn: -3 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'Our impact report is out, including the two targets we missed and why. I like working somewhere that publishes the misses next to the wins.',
      },
      { network: 'x', text: 'Our 2026 impact report is out — misses included. Scope 3 is still the hard part.' },
      {
        network: 'x',
        text: 'Наш отчёт о влиянии на окружающую среду за 2026 год — с честным рассказом о том, что не получилось.',
        language: 'ru',
      },
    ],
  },
  {
    url: 'https://events.example.org/tidewater-open-day-barcelona',
    title: 'Open day at our Barcelona office',
    summary: 'Talks, office tours and paella on the terrace. Free, registration required.',
    topics: ['events', 'hiring'],
    contentType: 'promotional',
    campaign: 'open-day-bcn',
    publishIn: -4 * HOUR,
    expiresIn: 20 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'We are opening the doors of our Barcelona office for an afternoon: short talks from the teams, a tour, and paella on the terrace. Come and say hello if you are in town.',
      },
      {
        network: 'x',
        text: 'Open day at our Barcelona office: talks, tours, paella on the terrace. Free, just register.',
      },
      {
        network: 'linkedin',
        text: 'Jornada de portes obertes a la nostra oficina de Barcelona: xerrades, visita i paella a la terrassa. Us hi esperem!',
        language: 'ca',
      },
      {
        network: 'x',
        text: 'Jornada de puertas abiertas en Barcelona: charlas, visita y paella. ¡Apúntate!',
        language: 'es',
      },
    ],
  },
  {
    url: 'https://magazine.example.com/product/why-the-best-roadmaps-say-no',
    title: 'Why the best product roadmaps say no',
    summary: 'An essay on saying no to good ideas so the great ones get shipped.',
    topics: ['product'],
    contentType: 'curated',
    publishIn: -2 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'A roadmap is a list of things you decided not to do yet. This essay puts it better than I can, with examples from teams that shipped less and got further.',
      },
      { network: 'x', text: '"A roadmap is mostly a list of good ideas you said no to." Worth the ten minutes.' },
      {
        network: 'linkedin',
        text: 'Una roadmap è soprattutto un elenco di buone idee a cui hai detto di no. Un saggio che vale i dieci minuti di lettura.',
        language: 'it',
      },
    ],
  },
  {
    url: 'https://blog.example.net/remote-onboarding-checklist',
    title: 'A remote onboarding checklist that new hires actually like',
    summary: 'Thirty small things that make the first two weeks in a distributed team less lonely.',
    topics: ['culture', 'hiring'],
    contentType: 'curated',
    publishIn: -4 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'Onboarding remotely is mostly about not letting someone feel alone in week one. This checklist has a few ideas we are going to steal, starting with the "ask me anything" buddy.',
      },
      {
        network: 'x',
        text: 'The best remote onboarding tip I\'ve read in a while: give every new hire a buddy whose only job is answering "silly" questions.',
      },
      {
        network: 'x',
        text: 'Лучший совет по удалённому онбордингу: у каждого новичка должен быть наставник для «глупых» вопросов.',
        language: 'ru',
      },
    ],
  },
  {
    url: 'https://www.example.org/standards/accessibility-in-product-design',
    title: 'Accessibility is a product decision, not a checklist',
    summary: 'How three product teams moved accessibility from audit findings into their definition of done.',
    topics: ['product', 'engineering'],
    contentType: 'curated',
    publishIn: -5 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'Accessibility work goes better when it is part of "done", not a report that arrives after launch. Three teams explain how they made that switch, including what it cost them.',
      },
      {
        network: 'x',
        text: 'Accessibility belongs in your definition of done, not in an audit after launch. Three teams on how they switched:',
      },
      {
        network: 'linkedin',
        text: 'Toegankelijkheid hoort bij je definitie van "klaar", niet in een audit na de lancering.',
        language: 'nl',
      },
    ],
  },
  {
    url: 'https://conference.example.com/2026/talks/observability-on-a-budget',
    title: 'Talk: observability on a budget',
    summary: 'Our SRE lead on getting useful traces and alerts without a six-figure bill.',
    topics: ['events', 'engineering'],
    contentType: 'owned',
    campaign: 'conference-talks',
    publishIn: -6 * DAY,
    expiresIn: 25 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'My colleague Marta is speaking about observability on a budget: sampling that keeps the interesting traces, alerts people trust, and what we stopped paying for. The recording is now online.',
      },
      { network: 'x', text: "Useful traces and alerts without a six-figure bill: our SRE lead's talk is online." },
      {
        network: 'x',
        text: 'La charla de Marta sobre observabilidad con poco presupuesto ya está en línea.',
        language: 'es',
      },
    ],
  },
  {
    url: 'https://workplace.example.com/2026/10/four-day-week-results',
    title: 'The four-day week, two years on',
    summary: 'Follow-up data from companies that kept, adapted or dropped a four-day working week.',
    topics: ['culture'],
    contentType: 'curated',
    publishIn: -7 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'Two years after the big four-day-week pilots, most companies kept some version of it, and the ones that dropped it explain why. A balanced read whatever your view.',
      },
      { network: 'x', text: 'Two years on: who kept the four-day week, who dropped it, and why.' },
      {
        network: 'linkedin',
        text: "La setmana de quatre dies, dos anys després: qui l'ha mantinguda i qui no, i per què.",
        language: 'ca',
      },
    ],
  },
  {
    url: 'https://engineering.example.com/blog/postgres-upgrade-zero-downtime',
    title: 'Upgrading PostgreSQL with zero downtime (coming soon)',
    summary: 'Logical replication, a rehearsal environment and a very boring cut-over.',
    topics: ['engineering'],
    contentType: 'curated',
    publishIn: 3 * DAY,
    captions: [
      {
        network: 'linkedin',
        text: 'The best database upgrade is a boring one. A good walk-through of a major PostgreSQL upgrade with logical replication and a rehearsed cut-over.',
      },
      {
        network: 'x',
        text: 'A major PostgreSQL upgrade with zero downtime: logical replication, a rehearsal, and a very boring cut-over.',
      },
    ],
  },
];
