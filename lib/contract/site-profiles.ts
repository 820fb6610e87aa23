import { z } from 'zod';
import { Network } from './common';

/*
 * How Relay finds a network's post composers, as data, so that a site's redesign is fixed by publishing a
 * profile rather than a store release. Strings, arrays and enums only: nothing here is evaluated as code or
 * as a regular expression.
 */

/** One CSS selector. Invalid selectors are skipped at run time (querySelector throwing is caught). */
export const CssSelector = z.string().trim().min(1).max(500);

/** Selectors tried in order: the first that matches wins (fallbacks for when a site renames things). */
export const Selectors = z.array(CssSelector).min(1).max(20);

/**
 * A path pattern matched against `location.pathname` segment by segment: `*` matches one segment,
 * a final `**` matches any rest (including nothing). `/home`, `/messages/**`, `/* /status/**` (without the space).
 */
export const PathPattern = z
  .string()
  .max(200)
  .regex(/^\/[^\s?#]*$/, 'must be a path starting with "/", without query or fragment');

/**
 * How the text goes into the editor:
 * - `draft`: Draft.js (X) takes a synthetic paste;
 * - `quill`: Quill 1 and 2 (LinkedIn) take execCommand('insertText');
 * - `prosemirror`: ProseMirror and TipTap (LinkedIn's share box for a while) take execCommand('insertText') too;
 * - `textarea`: a plain <textarea>, native value setter plus an input event;
 * - `auto`: decide from the element (textarea, .public-DraftEditor-content, .ql-editor, .ProseMirror, else
 *   contenteditable).
 */
export const editorKinds = ['draft', 'quill', 'prosemirror', 'textarea', 'auto'] as const;
export const EditorKind = z.enum(editorKinds);
export type EditorKind = z.infer<typeof EditorKind>;

/** Where the panel goes relative to the anchor element (as WXT's `append` option). */
export const anchorPositions = ['before', 'after', 'first', 'last'] as const;
export const AnchorPosition = z.enum(anchorPositions);
export type AnchorPosition = z.infer<typeof AnchorPosition>;

export const Anchor = z.object({
  /**
   * The anchor is the editor's nearest ancestor (or the editor itself) matching the first of these selectors
   * that matches; the editor itself when none does. Never anchor inside a rich editor's own DOM.
   */
  closest: Selectors.optional(),
  position: AnchorPosition,
});
export type Anchor = z.infer<typeof Anchor>;

export const PostButton = z.object({
  /** The button is the one nearest to the editor (searching outwards from it) matching these selectors. */
  selectors: Selectors,
  /**
   * Fallback when no selector matches: a <button> or [role=button] whose trimmed text equals one of these,
   * case-insensitively (e.g. "Post", "Publicar"). Searched outwards from the editor like `selectors`.
   */
  texts: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type PostButton = z.infer<typeof PostButton>;

export const ComposerProfile = z.object({
  /** Stable name, reported in logs and used by tests, e.g. 'x-home-inline', 'linkedin-share-dialog'. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
  /** The editable element itself (contenteditable or textarea). */
  editor: Selectors,
  editorKind: EditorKind,
  /** When set, the editor must be inside an element matching one of these (e.g. `[role="dialog"]`). */
  within: Selectors.optional(),
  /** When set, the composer only counts on these paths (e.g. X's home composer on `/home`). */
  paths: z.array(PathPattern).max(50).optional(),
  /** Hosts of open shadow roots that may contain this composer (e.g. LinkedIn's `#interop-outlet`). */
  shadowHosts: Selectors.optional(),
  anchor: Anchor,
  postButton: PostButton,
});
export type ComposerProfile = z.infer<typeof ComposerProfile>;

/**
 * Editors that must never get a panel (replies, direct messages, comments, messaging), even when they use the
 * same editor as a post composer. An editor is ignored when ANY rule matches; inside a rule, every field given
 * must match:
 * - `closest`: the editor or one of its ancestors (across shadow-root boundaries) matches one of these;
 * - `has` (with optional `within`): the editor's nearest ancestor matching `within` (or, without `within`,
 *   the composer's own `within` container) contains an element matching one of these;
 * - `paths`: the page's path matches one of these.
 */
export const IgnoreRule = z
  .object({
    /** Free text saying what the rule is for (e.g. "X direct messages"). */
    reason: z.string().max(200).optional(),
    closest: Selectors.optional(),
    within: Selectors.optional(),
    has: Selectors.optional(),
    paths: z.array(PathPattern).min(1).max(50).optional(),
  })
  .refine((r) => r.closest || r.has || r.paths, {
    message: 'an ignore rule needs at least one of closest, has or paths',
  });
export type IgnoreRule = z.infer<typeof IgnoreRule>;

const Hostname = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'must be a lower-case host name');

export const SiteProfile = z.object({
  /** Increases with every published change; the extension keeps the bundled profile unless this is newer. */
  version: z.number().int().nonnegative(),
  network: Network,
  hosts: z.array(Hostname).min(1).max(20),
  composers: z.array(ComposerProfile).min(1).max(20),
  ignore: z.array(IgnoreRule).max(50),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

/** GET /v1/site-profiles: the newest published profile of each network (networks without one are left out). */
export const SiteProfilesResponse = z.object({
  profiles: z.array(SiteProfile).max(10),
});
export type SiteProfilesResponse = z.infer<typeof SiteProfilesResponse>;
