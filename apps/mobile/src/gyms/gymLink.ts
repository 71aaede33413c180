/** A gym's link, `/g/<slug>` on the server that serves the web app: it opens the gym's page. */
export function gymLink(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, '')}/g/${encodeURIComponent(slug)}`;
}
