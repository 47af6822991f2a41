// /source: where an article came from and how far to trust it: who reported it and on what basis,
// the file or URL, when Herald ingested it, and how its publication date was worked out.
import { basename } from 'node:path';
import type { TrackedArticle } from '../articles/library';
import { yearIsCertain, type Published } from '../articles/model';
import type { EmbedField, Reply } from '../core/reply';
import { sentenceText } from './events';
import { HERALD_COLOR } from '../format/text';
import { bold, quote, safe } from '../format/parts';
import { dayText, timestampPart } from '../format/dates';
import { publishedDateText } from '../articles/date-text';
import { attributionLine } from './who';

const MAX_ATTRIBUTIONS = 10;

/** A URL as given; a file by its name only, so the server's folders are not shown to the world. */
export function originText(tracked: TrackedArticle): string {
  const url = tracked.article.meta.url ?? (/^https?:\/\//i.test(tracked.origin) ? tracked.origin : undefined);
  // "@everyone"/"@here" in a link would still read as a mass mention: percent-encode the "@" (same URL path).
  if (url && /^https?:\/\/[^\s<>]+$/i.test(url)) return `<${url.replace(/@(everyone|here)/gi, '%40$1')}>`;
  if (url) return safe(url, { max: 512 });
  return `File ${safe(basename(tracked.origin), { max: 256 })}`;
}

const BASIS_TEXT: Record<NonNullable<Published['basis']>, string> = {
  'front-matter': 'given in the front matter',
  feed: "from the feed item's date",
  page: "from the page's metadata",
  url: 'from the date in the URL',
  dateline: 'from the dateline',
  text: 'inferred from the text',
  none: 'given',
};

export function publishedText(tracked: TrackedArticle): string {
  const { published, meta } = tracked.article;
  if (!published.date) return `Unknown. ${safe(published.reason)}`;
  const how = BASIS_TEXT[published.basis ?? (published.inferred ? 'text' : meta.published ? 'front-matter' : 'none')];
  const reason = published.reason.charAt(0).toUpperCase() + published.reason.slice(1);
  const certainty = yearIsCertain(published) ? 'year certain' : 'year not certain';
  const lines = [`${bold(publishedDateText(published) ?? dayText(published.date))}, ${how} (confidence ${Math.round(published.confidence * 100)}%, ${certainty})`, safe(reason)];
  const from = published.sentence !== undefined ? sentenceText(tracked.article, published.sentence) : undefined;
  if (from) lines.push(quote(from, 300));
  return lines.join('\n');
}

export function sourceReply(tracked: TrackedArticle): Reply {
  const { article } = tracked;
  // One field per attribution: who and how in the name, the sentence it rests on as the value.
  const reported: EmbedField[] = article.attributions.slice(0, MAX_ATTRIBUTIONS).map((a) => {
    const text = sentenceText(article, a.sentence);
    return { name: attributionLine(a, false, false), value: text ? quote(text, 400) : safe(a.claim ?? '(no sentence)') };
  });
  const fields: EmbedField[] = [
    ...(reported.length ? reported : [{ name: 'Reported by', value: 'The article names no source for its report.' }]),
    { name: 'Origin', value: originText(tracked), inline: true },
    ...(article.encoding ? [{ name: 'Encoding', value: article.encoding, inline: true }] : []),
    ...(article.meta.source ? [{ name: 'Publisher', value: safe(article.meta.source), inline: true }] : []),
    { name: 'Added to Herald', value: `${timestampPart(tracked.ingestedAt, 'f')} (${timestampPart(tracked.ingestedAt, 'R')})`, inline: true },
    { name: 'Publication date', value: publishedText(tracked) },
  ];
  return { embeds: [{ title: `Source: ${safe(article.headline)}`, fields, footer: `Article id: ${article.id}`, color: HERALD_COLOR }] };
}
