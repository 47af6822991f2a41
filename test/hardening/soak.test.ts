// CI's guard on `npm run soak`: a few simulated minutes of the same mix (commands through the router,
// reminder due-scans, feed polls from a local server with new items announced) in this process. No
// unhandled rejection, no internal command error, heap (after forced GC) within 10% of the warm-up figure.
import { describe, expect, it } from 'vitest';
import { runSoak, soakFailures } from '../../scripts/soak';

describe('soak (fast version of npm run soak)', () => {
  it('four simulated minutes of mixed commands, polls and reminders: no unhandled rejection, heap growth under 10%', async () => {
    const report = await runSoak({ minutes: 4 });
    expect(report.commands).toBe(960);
    expect(report.dueScans).toBe(48);
    expect(report.polls).toBe(4);
    expect(report.reminderPosts).toBe(1);
    expect(report.announcements).toBeGreaterThanOrEqual(1);
    expect(report.gc).toBe(true);
    expect(soakFailures(report)).toEqual([]);
  }, 60_000);
});
