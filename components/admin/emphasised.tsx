/**
 * A translated sentence with one figure in bold ("<strong>3</strong> invited"), wherever the language puts it:
 * the message is filled with MARK where the figure goes, and the figure is set in its place.
 */
export function Emphasised({ text, value }: { text: string; value: string }) {
  const at = text.indexOf(Emphasised.MARK);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <strong>{value}</strong>
      {text.slice(at + Emphasised.MARK.length)}
    </>
  );
}
/** Stands for the figure in the filled message (a private-use character no message contains). */
Emphasised.MARK = '\uE000';
