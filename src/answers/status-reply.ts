// /status: how Herald is doing, from a StatusSnapshot taken at `now`.
import type { StatusSnapshot } from '../core/status-snapshot';
import type { EmbedField, Reply } from '../core/reply';
import { HERALD_COLOR } from '../format/text';
import { channelMention, safe } from '../format/parts';
import { timestampPart } from '../format/dates';
import { listField } from './who';

/** 93784000 ms → "1 d 2 h 3 min". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d && `${d} d`, h && `${h} h`, m && `${m} min`].filter(Boolean).join(' ');
}

/** "3,200 of 10,000 files read". */
export function loadingText(p: { done: number; total: number }): string {
  return p.total > 0 ? `${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} files read` : 'listing the articles folder';
}

/** "2 pending · 1 missed · 1 failed"; "None" when there are none of any. */
function memberRemindersText(c: NonNullable<StatusSnapshot['memberReminders']>): string {
  const parts = [c.pending && `${c.pending} pending`, c.missed && `${c.missed} missed`, c.failed && `${c.failed} failed`].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'None';
}

const channel = (id: string) => (/^\d{17,20}$/.test(id) ? channelMention(id) : `#${safe(id)}`);

export function statusReply(s: StatusSnapshot, now: Date): Reply {
  const fields: EmbedField[] = [
    ...(s.postingStopped
      ? [{
          name: 'Posting stopped',
          value: `Since ${timestampPart(s.postingStopped.at, 'f')}: ${safe(s.postingStopped.reason)}. No reminder or announcement is posted (none is marked missed for it) until Herald restarts with a valid token.`,
        }]
      : []),
    { name: 'Up for', value: `${durationText(now.getTime() - s.startedAt.getTime())} (since ${timestampPart(s.startedAt, 'f')})`, inline: true },
    { name: 'Articles tracked', value: s.loading ? `${s.articlesTracked} (still loading: ${loadingText(s.loading)})` : String(s.articlesTracked), inline: true },
    {
      name: 'Next scheduled post',
      value: s.nextPost
        ? `${timestampPart(s.nextPost.at, 'f')} (${timestampPart(s.nextPost.at, 'R')}) in ${channel(s.nextPost.channelId)}: ${safe(s.nextPost.description)}`
        : 'None scheduled',
    },
    { name: 'Missed reminders', value: String(s.missedReminders), inline: true },
    ...(s.memberReminders ? [{ name: 'Member reminders (Remind me)', value: memberRemindersText(s.memberReminders), inline: true }] : []),
    listField('Broken subscriptions', s.brokenSubscriptions.map((b) => `${channel(b.channelId)}: ${safe(b.reason)}`)) ?? {
      name: 'Broken subscriptions',
      value: 'None',
      inline: true,
    },
    listField('Failing feeds', s.failingFeeds.map((f) => `${safe(f.url)}: ${f.failures} failure${f.failures === 1 ? '' : 's'}, last: ${safe(f.lastError)}`)) ?? {
      name: 'Failing feeds',
      value: 'None',
      inline: true,
    },
    ...(s.webhookFallbacks?.length
      ? [listField('Webhooks not used', s.webhookFallbacks.map((w) => `${channel(w.channelId)}: ${safe(w.reason)}`))!]
      : []),
    {
      name: 'Last error',
      value: s.lastError
        ? `${timestampPart(s.lastError.at, 'f')} (${timestampPart(s.lastError.at, 'R')})${s.lastError.id ? ` [id ${safe(s.lastError.id)}]` : ''}: ${safe(s.lastError.message)}`
        : 'None since start',
    },
  ];
  return { embeds: [{ title: 'Herald status', fields, color: HERALD_COLOR }] };
}
