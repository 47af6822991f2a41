// Reminder subscriptions and scheduled posts, as commands see them. Owned by the reminders feature.
// Placeholder contract: the reminders work fills this in.
export interface ReminderService {
  /** Upcoming reminder posts, soonest first. */
  upcoming(now: Date, limit?: number): { at: Date; description: string; channelId: string }[];
}
