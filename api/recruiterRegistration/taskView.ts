import { dateTime } from '../../lib/i18n/index.js';
import type { DescribeTask } from '../approvals/taskViews.js';

const prefix = 'recruiter-registration-';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** A recruiter's registration (seed 000 « Entreprises »): the company, the contact, the CGU version accepted. */
export const describeTask: DescribeTask = async (db, task, t, lang) => {
  if (!task.workflowId.startsWith(prefix)) return undefined;
  const r = await db('recruiter_accounts')
    .where({ id: task.workflowId.slice(prefix.length) })
    .first();
  if (!r) return undefined;
  const name = `${text(r.contact_first_name)} ${text(r.contact_last_name)}`;
  return {
    title: t('taskView.recruiterTitle', { company: text(r.company_name), name }),
    sections: [
      {
        heading: t('taskView.companySection'),
        rows: [
          [t('taskView.company'), text(r.company_name)],
          [t('taskView.siret'), text(r.siret)],
          [t('taskView.address'), text(r.company_address)],
          [t('taskView.website'), text(r.company_website)],
        ],
      },
      {
        heading: t('taskView.contactSection'),
        rows: [
          [t('taskView.lastName'), text(r.contact_last_name)],
          [t('taskView.firstName'), text(r.contact_first_name)],
          [t('taskView.jobTitle'), text(r.contact_job_title)],
          [t('taskView.phone'), text(r.contact_phone)],
          [t('taskView.email'), text(r.email)],
        ],
      },
      {
        heading: t('taskView.termsSection'),
        rows: [
          [t('taskView.termsVersion'), text(r.terms_version)],
          [t('taskView.termsAcceptedAt'), r.terms_accepted_at ? dateTime(new Date(r.terms_accepted_at).getTime(), lang) : ''],
        ],
      },
    ],
  };
};
