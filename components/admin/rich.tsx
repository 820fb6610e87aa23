import { Fragment, type ComponentChildren } from 'preact';

/**
 * A translated sentence with elements in place of some of its `{name}` placeholders, so the words around an
 * element stay in the translator's order (`t()` leaves the placeholders it was not given as they are).
 */
export function rich(text: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return text.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? <Fragment key={i}>{parts[name]}</Fragment> : piece;
  });
}
