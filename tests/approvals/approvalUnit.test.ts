import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../api/approvals/audit.js';
import { coveredByParty, coveredByRole } from '../../workflows/kit/approval/authority.js';
import { timelineOf } from '../../workflows/kit/approval/plan.js';

describe('decision plans as data', () => {
  it('when a plan gives durations, then the timeline is absolute instants from the opening, escalations in order', () => {
    const t = timelineOf(
      {
        deadline: 'P14D',
        remindAfter: 'P3D',
        remindEvery: 'P2D',
        escalations: [
          { after: 'P10D', approvers: [{ role: 'administrateur' }] },
          { after: 'P7D', approvers: [] },
        ],
        onDeadline: 'refuse',
      },
      1000,
    );
    expect(t).toMatchObject({
      deadlineAt: 1000 + 14 * 86_400_000,
      firstReminderAt: 1000 + 3 * 86_400_000,
      reminderEveryMs: 2 * 86_400_000,
    });
    expect(t.escalations.map((e) => e.at)).toEqual([1000 + 7 * 86_400_000, 1000 + 10 * 86_400_000]);
  });
  it('when a plan has no reminders, then none are scheduled; a bad duration is refused', () => {
    expect(timelineOf({ deadline: 'PT5S', onDeadline: 'expire' }, 0).firstReminderAt).toBe(Infinity);
    expect(() => timelineOf({ deadline: 'P1M', onDeadline: 'expire' }, 0)).toThrow(/deadline/);
  });
});

describe('who may decide', () => {
  const vet = { key: 'staff:1', roles: [{ role: 'responsable_vet' as const, scope: 'VET-1' }] };
  it('when a selector names a role and scope, then only holders of that scope are covered; no scope covers every holder', () => {
    expect(coveredByRole(vet, [{ role: 'responsable_vet', scope: 'VET-1' }])).toBe(true);
    expect(coveredByRole(vet, [{ role: 'responsable_vet', scope: 'VET-2' }])).toBe(false);
    expect(coveredByRole(vet, [{ role: 'responsable_vet' }])).toBe(true);
    expect(coveredByRole(vet, [{ role: 'administrateur' }, { party: 'p-1' }])).toBe(false);
  });
  it('when an external party is named, then its key and no other is covered', () => {
    expect(coveredByParty('party:p-1', [{ party: 'p-1' }])).toBe(true);
    expect(coveredByParty('party:p-2', [{ party: 'p-1' }])).toBe(false);
  });
});

describe('audit CSV', () => {
  it('when a comment starts like a formula or holds commas and quotes, then the CSV field is neutralised and quoted', () => {
    const csv = auditCsv([
      {
        at: new Date(0),
        step: 's',
        event: 'decided',
        actor_name: 'A, B',
        on_behalf_of_name: null,
        channel: 'link',
        outcome: 'approve',
        reason: null,
        comment: '=HYPERLINK("x")',
        details: {},
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('1970-01-01T00:00:00.000Z,s,decided,"A, B",,link,approve,,"\'=HYPERLINK(""x"")"');
  });
});
