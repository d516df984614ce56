import { describe, expect, it } from 'vitest';
import { planNotices, type NoticeStory, type PlanInput } from '@/utils/feed/notification-plan';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const s = (n: number): NoticeStory => ({ id: `p${n}`, headline: `Headline ${n}`, sponsor: 'smileband' });
// Local time (no zone): quiet hours follow the reader's own clock.
const at = (time: string) => new Date(`2026-02-03T${time}:00`);
const base: PlanInput = {
  added: [],
  pending: [],
  firstRun: false,
  settings: DEFAULT_SETTINGS,
  now: at('12:00'),
  lastSuccessAt: at('11:45').toISOString(),
  cap: 3,
};
const quiet = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00' } };

describe('planNotices', () => {
  it('shows one notification per new story up to the cap, the cap itself included', () => {
    expect(planNotices({ ...base, added: [s(1), s(2), s(3)] })).toEqual({
      notices: [
        { kind: 'story', story: s(1) },
        { kind: 'story', story: s(2) },
        { kind: 'story', story: s(3) },
      ],
      pending: [],
    });
  });

  it('turns more than the cap into one summary', () => {
    const plan = planNotices({ ...base, added: [s(1), s(2), s(3), s(4), s(5)] });
    expect(plan).toEqual({
      notices: [{ kind: 'summary', away: false, stories: [s(1), s(2), s(3), s(4), s(5)] }],
      pending: [],
    });
  });

  it('stays silent on the first poll: the backlog is not news', () => {
    expect(planNotices({ ...base, firstRun: true, added: [s(1)] })).toEqual({ notices: [], pending: [] });
  });

  it('stays silent, and forgets, when notifications are off', () => {
    const settings = { ...DEFAULT_SETTINGS, notifications: false };
    expect(planNotices({ ...base, settings, added: [s(1)], pending: [s(0)] })).toEqual({ notices: [], pending: [] });
  });

  it('holds stories during quiet hours, across midnight', () => {
    expect(planNotices({ ...base, settings: quiet, now: at('23:30'), added: [s(1)] })).toEqual({
      notices: [],
      pending: ['p1'],
    });
    expect(planNotices({ ...base, settings: quiet, now: at('06:59'), added: [s(2)], pending: [s(1)] })).toEqual({
      notices: [],
      pending: ['p2', 'p1'],
    });
  });

  it('gives one digest when quiet hours end', () => {
    const plan = planNotices({ ...base, settings: quiet, now: at('07:05'), added: [s(3)], pending: [s(2), s(1)] });
    expect(plan).toEqual({
      notices: [{ kind: 'summary', away: true, stories: [s(3), s(2), s(1)] }],
      pending: [],
    });
  });

  it('gives the same digest after the computer slept through several polls', () => {
    const plan = planNotices({ ...base, lastSuccessAt: at('06:00').toISOString(), added: [s(1), s(2)] });
    expect(plan.notices).toEqual([{ kind: 'summary', away: true, stories: [s(1), s(2)] }]);
  });

  it('counts as away only after more than three missed polls', () => {
    const gap = 3 * DEFAULT_SETTINGS.intervalMinutes * 60e3;
    const since = (ms: number) => new Date(at('12:00').getTime() - ms).toISOString();
    const two = [s(1), s(2)];
    expect(planNotices({ ...base, lastSuccessAt: since(gap), added: two }).notices).toHaveLength(2);
    expect(planNotices({ ...base, lastSuccessAt: since(gap + 1), added: two }).notices).toEqual([
      { kind: 'summary', away: true, stories: two },
    ]);
    // The first update ever has no gap to measure.
    expect(planNotices({ ...base, lastSuccessAt: null, added: two }).notices).toHaveLength(2);
  });

  it('never lists a story twice', () => {
    const plan = planNotices({ ...base, added: [s(1)], pending: [s(1)], settings: DEFAULT_SETTINGS });
    expect(plan.notices).toEqual([{ kind: 'story', story: s(1) }]);
  });

  it('shows nothing when nothing is new', () => {
    expect(planNotices(base)).toEqual({ notices: [], pending: [] });
  });
});
