/**
 * The URL if it is a web address (http or https), else undefined: the popup and options page link
 * to reports from the corpus, and never render a `javascript:` or other link.
 */
export function webHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
