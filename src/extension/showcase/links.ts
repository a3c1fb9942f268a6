import { externalLink } from '../../shared/webLink';

/** A form of a link for comparing two links to the same page: http and https, case of the host, a final slash. */
export function linkKey(link: string): string {
  const url = externalLink(link);
  if (!url) return link.trim();
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}
