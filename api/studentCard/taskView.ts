import { dateTime, type MessageKey } from '../../lib/i18n/index.js';
import type { DescribeTask } from '../approvals/taskViews.js';

const prefix = 'student-card-';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The card office's review of a photo (issue 21) in the staff shell: who the student is, the card's
 * state and past refusals, and the photo's measures. The image itself is on the card office's page
 * (`/service-carte/photos`), where bulk decisions show it beside each name.
 */
export const describeTask: DescribeTask = async (db, task, t, lang) => {
  if (!task.workflowId.startsWith(prefix)) return undefined;
  const card = await db('student_cards as c')
    .join('ent_accounts as e', 'e.id', 'c.ent_account_id')
    .where('c.id', task.workflowId.slice(prefix.length))
    .first('c.id', 'c.status', 'c.rejections', 'e.first_name', 'e.last_name', 'e.student_number');
  if (!card) return undefined;
  const photo = await db('card_photos').where({ card_id: card.id }).orderBy('uploaded_at', 'desc').first();
  const name = `${text(card.first_name)} ${text(card.last_name)}`.trim();
  const measures = (photo?.measures ?? {}) as Record<string, number>;
  return {
    title: t('pageStudentCard.taskTitle', { name }),
    sections: [
      {
        heading: t('pageStudentCard.taskStudentSection'),
        rows: [
          [t('taskView.lastName'), text(card.last_name)],
          [t('taskView.firstName'), text(card.first_name)],
          [t('pageStudentCard.taskStudentNumber'), text(card.student_number)],
          [t('pageStudentCard.taskCardStatus'), (t as (key: MessageKey) => string)(`studentCard.status_${card.status}` as MessageKey)],
          [t('pageStudentCard.taskRejections'), text(card.rejections)],
        ],
      },
      photo
        ? {
            heading: t('pageStudentCard.taskPhotoSection'),
            rows: [
              [t('pageStudentCard.taskUploadedAt'), dateTime(new Date(photo.uploaded_at).getTime(), lang)],
              [t('pageStudentCard.taskSize'), `${photo.width} × ${photo.height}`],
              [
                t('pageStudentCard.taskMeasures'),
                [measures.meanLuma, measures.lumaStdDev, measures.laplacianVariance, measures.backgroundStdDev].map(text).join(' · '),
              ],
              ['', t('pageStudentCard.taskSeePhoto')],
            ],
          }
        : { heading: t('pageStudentCard.taskPhotoSection'), rows: [], empty: t('pageStudentCard.taskNoPhoto') },
    ],
  };
};
