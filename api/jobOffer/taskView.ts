import type { DescribeTask, TaskSection, Translate } from '../approvals/taskViews.js';

const prefix = 'job-offer-';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The offer's fields, in the order the form asks them, with their labels. */
const fields = (t: Translate) =>
  [
    ['title', t('taskView.offerField')],
    ['kind', t('taskView.offerKind')],
    ['company', t('taskView.company')],
    ['location', t('taskView.location')],
    ['contract', t('taskView.contract')],
    ['starts_on', t('taskView.startsOn')],
    ['contact_email', t('taskView.contactEmail')],
    ['publication_duration', t('taskView.publicationDuration')],
    ['description', t('taskView.description')],
  ] as const;

/**
 * An offer to moderate (seed 000 « Offres »): its current version, and what changed since the
 * version before (field by field, from `job_offer_revisions`), so a re-submitted offer is judged
 * on its changes.
 */
export const describeTask: DescribeTask = async (db, task, t) => {
  if (!task.workflowId.startsWith(prefix) || task.workflowId.startsWith('job-offer-application-')) return undefined;
  const offer = await db('job_offers')
    .where({ id: task.workflowId.slice(prefix.length) })
    .first();
  if (!offer) return undefined;
  const revisions: { revision: number; content: Record<string, string> }[] = await db('job_offer_revisions')
    .where({ offer_id: offer.id })
    .where('revision', '<=', offer.revision)
    .orderBy('revision', 'desc')
    .limit(2);
  const current = revisions[0]?.content;
  const previous = revisions[1];
  const labels = fields(t);
  const currentValue = (key: string) =>
    current
      ? text(current[key])
      : key === 'starts_on' && offer.starts_on instanceof Date
        ? offer.starts_on.toISOString().slice(0, 10)
        : text(offer[key]);
  const sections: TaskSection[] = [
    {
      heading: t('taskView.offerCurrent', { revision: offer.revision }),
      rows: [[t('taskView.author'), text(offer.author_name)], ...labels.map(([key, label]) => [label, currentValue(key)] as const)],
    },
  ];
  if (!previous)
    sections.push({
      heading: t('taskView.offerChanges', { revision: offer.revision - 1 }),
      rows: [],
      empty: t('taskView.offerFirstVersion'),
    });
  else {
    const changes = labels
      .filter(([key]) => text(previous.content[key]) !== currentValue(key))
      .map(([key, label]) => ({ field: label, before: text(previous.content[key]), after: currentValue(key) }));
    sections.push({
      heading: t('taskView.offerChanges', { revision: previous.revision }),
      rows: [],
      changes,
      empty: t('taskView.offerNoChange'),
    });
  }
  return { title: t('taskView.offerTitle', { title: text(offer.title), company: text(offer.company) }), sections };
};
