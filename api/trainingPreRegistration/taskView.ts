import { findApprovalRequest } from '../../db/approvals.js';
import { dateTime } from '../../lib/i18n/index.js';
import type { DescribeTask, TaskSection } from '../approvals/taskViews.js';

const prefix = 'training-pre-registration-';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The chargé de projet « va analyser votre demande » (seed 004): the five steps as the applicant
 * typed them (read from `pre_registrations`), the session, and the supervisor's decision.
 */
export const describeTask: DescribeTask = async (db, task, t, lang) => {
  if (!task.workflowId.startsWith(prefix)) return undefined;
  const row = await db('pre_registrations as p')
    .join('training_sessions as s', 's.id', 'p.session_id')
    .join('training_actions as a', 'a.id', 's.action_id')
    .where('p.id', task.workflowId.slice(prefix.length))
    .first(
      'p.identity',
      'p.professional',
      'p.context',
      'p.supervisor',
      'a.title',
      'a.code',
      's.place',
      db.raw(`to_char(s.starts_on, 'DD/MM/YYYY') as starts`),
      db.raw(`to_char(s.ends_on, 'DD/MM/YYYY') as ends`),
    );
  if (!row) return undefined;
  const identity = (row.identity ?? {}) as Record<string, string>;
  const professional = (row.professional ?? {}) as Record<string, string>;
  const context = (row.context ?? {}) as Record<string, string>;
  const supervisor = (row.supervisor ?? {}) as Record<string, string>;
  const name = `${text(identity.firstName)} ${text(identity.lastName)}`.trim();
  const sections: TaskSection[] = [
    {
      heading: t('taskView.session'),
      rows: [
        [t('taskView.action'), text(row.title)],
        [t('taskView.code'), text(row.code)],
        [t('taskView.dates'), row.starts === row.ends ? text(row.starts) : `${text(row.starts)} – ${text(row.ends)}`],
        [t('taskView.place'), text(row.place)],
      ],
    },
    {
      heading: t('taskView.step1'),
      rows: [
        [t('taskView.civility'), text(identity.civility)],
        [t('taskView.lastName'), text(identity.lastName)],
        [t('taskView.firstName'), text(identity.firstName)],
        [t('taskView.birthDate'), text(identity.birthDate)],
        [t('taskView.phone'), text(identity.phone)],
      ],
    },
    {
      heading: t('taskView.step2'),
      rows: [
        [t('taskView.employer'), text(professional.employer)],
        [t('taskView.department'), text(professional.department)],
        [t('taskView.jobTitle'), text(professional.jobTitle)],
        [t('taskView.category'), text(professional.category)],
      ],
    },
    {
      heading: t('taskView.step3'),
      rows: [
        [t('taskView.motivation'), text(context.motivation)],
        [t('taskView.expectations'), text(context.expectations)],
      ],
    },
    {
      heading: t('taskView.step4'),
      rows: [
        [t('taskView.lastName'), text(supervisor.lastName)],
        [t('taskView.firstName'), text(supervisor.firstName)],
        [t('taskView.email'), text(supervisor.email)],
      ],
    },
  ];
  if (task.step !== 'superieur') {
    const decision = await findApprovalRequest(db, task.workflowId, 'superieur');
    sections.push(
      decision && decision.status !== 'pending'
        ? {
            heading: t('taskView.supervisorDecision'),
            rows: [
              [t('taskView.outcome'), t('approval.outcomeDone', { outcome: (decision.outcome ?? decision.status) as 'approve' })],
              [t('taskView.decidedBy'), text(decision.decided_by_name)],
              [t('taskView.decidedAt'), decision.closed_at ? dateTime(decision.closed_at.getTime(), lang) : ''],
              [t('taskView.reason'), text(decision.reason)],
              [t('taskView.comment'), text(decision.comment)],
            ],
          }
        : { heading: t('taskView.supervisorDecision'), rows: [], empty: t('taskView.notDecidedYet') },
    );
  }
  return { ...(name && row.title ? { title: t('taskView.trainingTitle', { name, action: text(row.title) }) } : {}), sections };
};
