/** Telling what a text given to check is, shared by the command line and the check page. */

/** True when the input looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string, file: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return (
    head.startsWith('<') && /<\/?(?:head|body|article|main|p|div)[\s>]/i.test(text.slice(0, 65536))
  );
}
