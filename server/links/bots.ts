import { isbot } from 'isbot';

/**
 * Link-preview fetchers that unfurl a post's URL. Some are in isbot's list, some are not (or only in
 * some versions); they are named here because counting them would credit every post with clicks that
 * no person made.
 */
const PREVIEW_AGENTS =
  /LinkedInBot|Twitterbot|facebookexternalhit|Facebot|Slackbot|Slack-ImgProxy|Discordbot|WhatsApp|TelegramBot|SkypeUriPreview|Applebot|redditbot|Pinterest|Embedly|Iframely|vkShare|Mastodon|bluesky|Google-PageRenderer|Teams|Outlook-iOS|Snapchat|Viber|Line\//i;

// isbot's pattern is large; the same few agents arrive again and again, so verdicts are remembered.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

/** A request that must not count as a click: no user agent, a known preview agent, or any bot. */
export function isNotAPerson(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  let verdict = verdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = PREVIEW_AGENTS.test(userAgent) || isbot(userAgent);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(userAgent, verdict);
  }
  return verdict;
}
