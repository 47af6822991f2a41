import { describe, expect, it } from 'vitest';
import { addDays, durationText, zonedDate, zonedInstant } from '../../src/reminders/time';

const iso = (d: Date) => d.toISOString();

describe('zonedInstant', () => {
  it('09:00 UTC is 09:00Z', () => {
    expect(iso(zonedInstant('2024-11-28', '09:00', 'UTC'))).toBe('2024-11-28T09:00:00.000Z');
  });

  it('09:00 Europe/London on the spring-forward day (31 March 2024) is 08:00Z, BST', () => {
    expect(iso(zonedInstant('2024-03-31', '09:00', 'Europe/London'))).toBe('2024-03-31T08:00:00.000Z');
    // the day before is still GMT
    expect(iso(zonedInstant('2024-03-30', '09:00', 'Europe/London'))).toBe('2024-03-30T09:00:00.000Z');
  });

  it('09:00 Europe/London on the fall-back day (27 October 2024) is 09:00Z, GMT', () => {
    expect(iso(zonedInstant('2024-10-27', '09:00', 'Europe/London'))).toBe('2024-10-27T09:00:00.000Z');
    expect(iso(zonedInstant('2024-10-26', '09:00', 'Europe/London'))).toBe('2024-10-26T08:00:00.000Z');
  });

  it('a wall time in the spring-forward gap moves forward by the gap', () => {
    // 01:30 does not exist in London on 31 March 2024 (01:00 GMT → 02:00 BST): posts at 02:30 BST.
    expect(iso(zonedInstant('2024-03-31', '01:30', 'Europe/London'))).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(zonedInstant('2024-03-10', '02:30', 'America/New_York'))).toBe('2024-03-10T07:30:00.000Z');
  });

  it('a wall time that occurs twice (fall-back) means the first occurrence', () => {
    expect(iso(zonedInstant('2024-10-27', '01:30', 'Europe/London'))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('handles zones east of UTC and non-hour offsets (the instant is on the previous UTC day)', () => {
    expect(iso(zonedInstant('2024-11-28', '09:00', 'Asia/Kolkata'))).toBe('2024-11-28T03:30:00.000Z');
    expect(iso(zonedInstant('2024-11-28', '09:00', 'Pacific/Chatham'))).toBe('2024-11-27T19:15:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('zonedDate reads the local calendar day', () => {
    expect(zonedDate(new Date('2024-11-27T23:30:00Z'), 'Asia/Tokyo')).toBe('2024-11-28');
    expect(zonedDate(new Date('2024-11-27T23:30:00Z'), 'UTC')).toBe('2024-11-27');
  });

  it('addDays crosses month and year ends', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('durationText rounds to minutes, hours, days', () => {
    expect(durationText(2 * 3_600_000 + 5 * 60_000)).toBe('2 h');
    expect(durationText(45 * 60_000)).toBe('45 min');
    expect(durationText(27 * 3_600_000)).toBe('1 day 3 h');
  });
});
