// What one watch (or feed route) posts for an article (pure): the announcement in the watch's format —
// Herald's embed, optionally with the admin's template as its text, or a plain-text message from the
// template — and the watch's role ping, the only mention any announcement can carry.
import type { Reply } from '../core/reply';
import { renderAnnouncement, type AnnouncementInput } from './announcement';
import { DEFAULT_TEXT_TEMPLATE, fillTemplate, placeholderValues, type MessageFormat } from './templates';
import { roleMention } from '../format/parts';

export interface DeliverySettings {
  template: string | null;
  format: MessageFormat;
  pingRoleId: string | null;
}

export const DEFAULT_DELIVERY: DeliverySettings = { template: null, format: 'embed', pingRoleId: null };

export function articleUrl(input: Pick<AnnouncementInput, 'article' | 'origin'>): string | undefined {
  return input.article.meta.url ?? (/^https?:\/\//.test(input.origin) ? input.origin : undefined);
}

export function renderDelivery(input: AnnouncementInput, settings: DeliverySettings): Reply {
  const ping = settings.pingRoleId && /^\d{17,20}$/.test(settings.pingRoleId) ? settings.pingRoleId : null;
  const mention = ping ? roleMention(ping) : '';
  let reply: Reply;
  if (settings.format === 'text') {
    const values = placeholderValues({ article: input.article, url: articleUrl(input), now: input.now, matchedTerms: input.matchedTerms });
    const body = fillTemplate(settings.template ?? DEFAULT_TEXT_TEMPLATE, values) || values.title;
    reply = { content: mention ? `${mention}\n${body}` : body };
  } else {
    reply = renderAnnouncement(input);
    const embed = reply.embeds?.[0];
    if (settings.template && embed) {
      const values = placeholderValues({ article: input.article, url: articleUrl(input), now: input.now, matchedTerms: input.matchedTerms });
      embed.description = fillTemplate(settings.template, values) || undefined;
    }
    if (mention) reply.content = mention;
  }
  if (ping) reply.pingRoleId = ping;
  return reply;
}
