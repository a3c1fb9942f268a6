/**
 * The link as a URL that may be handed to the system browser, or undefined: only absolute http and https URLs
 * qualify, so a crafted argument cannot open a local file or run a command URI.
 */
export function externalLink(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
