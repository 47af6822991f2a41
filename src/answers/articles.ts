// /articles: the tracked articles, newest first, ten to a page, with Previous/Next buttons whose
// customId is "articles:page:N" (1-based).
import type { TrackedArticle } from '../articles/library';
import type { Button, Reply } from '../core/reply';
import { HERALD_COLOR } from '../format/text';
import { safe } from '../format/parts';
import { dayText, timestampPart } from '../format/dates';
import { publishedDateText } from '../articles/date-text';

export const ARTICLES_PER_PAGE = 10;

export const pageButtonId = (page: number) => `articles:page:${page}`;

/** "articles:page:3" → 3; anything else → undefined. */
export function pageFromButton(customId: string): number | undefined {
  const m = /^articles:page:(\d{1,6})$/.exec(customId);
  return m ? Number(m[1]) : undefined;
}

export function articlesPage(list: TrackedArticle[], requestedPage: number): Reply {
  if (list.length === 0) {
    return { embeds: [{ title: 'Tracked articles', description: 'Herald is not tracking any article yet.', color: HERALD_COLOR }] };
  }
  const pages = Math.ceil(list.length / ARTICLES_PER_PAGE);
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const shown = list.slice((page - 1) * ARTICLES_PER_PAGE, page * ARTICLES_PER_PAGE);
  const fields = shown.map((t) => {
    const a = t.article;
    const date = publishedDateText(a.published);
    const published = date ? `published ${date}` : 'publication date unknown';
    return {
      name: safe(a.headline) || a.id,
      value: `${published} · added ${timestampPart(t.ingestedAt, 'R')} · ${a.events.length} dated event${a.events.length === 1 ? '' : 's'}\nid: ${safe(a.id)}`,
    };
  });
  const buttons: Button[] | undefined =
    pages > 1
      ? [
          { customId: pageButtonId(page - 1), label: '◀ Previous', disabled: page === 1 },
          { customId: pageButtonId(page + 1), label: 'Next ▶', disabled: page === pages },
        ]
      : undefined;
  const footer = pages > 1 ? `Page ${page} of ${pages} · ${list.length} articles · /articles page:N` : `${list.length} article${list.length === 1 ? '' : 's'}`;
  return { embeds: [{ title: 'Tracked articles', fields, footer, color: HERALD_COLOR }], buttons };
}
