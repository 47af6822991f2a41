// What to do with a due reminder, decided from data alone: post it (noting when late), mark it missed
// beyond the grace, cancel it when reminders are off, or fail it when its channel is broken. Pure: the
// due-scan (Reminders.runDue) carries the decision out against the store and Discord.
import type { StoredReminder, Subscription } from './store';
import { durationText } from './time';

/** Posts later than this carry the "Posted … late" line (the scan runs every few seconds). */
export const LATE_NOTE_MS = 60_000;

export type Decision =
  | { kind: 'post'; channelId: string; lateMs: number; late?: { ms: number; cause: 'offline' | 'discord' } }
  | { kind: 'miss'; reason: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'fail'; reason: string };

export function decide(reminder: StoredReminder, subscription: Subscription | undefined, now: Date, graceMs: number): Decision {
  const channelId = reminder.channelId ?? subscription?.channelId;
  if (!channelId) return { kind: 'cancel', reason: 'reminders are off for this subscription' };
  if (subscription?.broken) return { kind: 'fail', reason: `the channel cannot be used: ${subscription.broken.reason}` };
  const t = timing(reminder, now, graceMs);
  return t.kind === 'miss' ? t : { kind: 'post', channelId, lateMs: t.lateMs, ...(t.late ? { late: t.late } : {}) };
}

export type Timing = { kind: 'miss'; reason: string } | { kind: 'in-time'; lateMs: number; late?: { ms: number; cause: 'offline' | 'discord' } };

/**
 * Whether a due reminder (a server's or a member's) may still be sent: missed beyond the grace, else in
 * time, with the late note's figures once it is more than LATE_NOTE_MS late.
 */
export function timing(reminder: Pick<StoredReminder, 'dueAt' | 'lastError' | 'attempts'>, now: Date, graceMs: number): Timing {
  const lateMs = now.getTime() - reminder.dueAt;
  if (lateMs > graceMs) {
    const lastError = reminder.lastError ? `; last error: ${reminder.lastError}` : '';
    // Attempted before with no error recorded: the process died between sending and recording.
    const doubt = reminder.attempts > 0 && !reminder.lastError ? ' (an earlier attempt may have reached Discord before a crash)' : '';
    return { kind: 'miss', reason: `${durationText(lateMs)} late, beyond REMINDER_GRACE (${durationText(graceMs)})${lastError}${doubt}` };
  }
  const late = lateMs > LATE_NOTE_MS ? { ms: lateMs, cause: reminder.lastError ? ('discord' as const) : ('offline' as const) } : undefined;
  return { kind: 'in-time', lateMs, ...(late ? { late } : {}) };
}
