import type { DescribeTask, TaskSection } from '../approvals/taskViews.js';

const prefix = 'graduate-registration-';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : text(value));

/**
 * A graduate's registration (seed 000 « Profils diplômés »): the identity as the person typed it,
 * the registry record it matched (or that none did), and the diploma chosen or declared.
 */
export const describeTask: DescribeTask = async (db, task, t) => {
  if (!task.workflowId.startsWith(prefix)) return undefined;
  const account = await db('graduate_accounts')
    .where({ id: task.workflowId.slice(prefix.length) })
    .first();
  if (!account) return undefined;
  const name = `${text(account.first_names)} ${text(account.last_name)}`;
  const sections: TaskSection[] = [
    {
      heading: t('taskView.typedIdentity'),
      rows: [
        [t('taskView.lastName'), text(account.last_name)],
        [t('taskView.firstNames'), text(account.first_names)],
        [t('taskView.birthDate'), day(account.birth_date)],
        [t('taskView.email'), text(account.email)],
        [t('taskView.phone'), text(account.phone)],
        [t('taskView.postalAddress'), text(account.postal_address)],
      ],
    },
  ];
  const record = account.registry_graduate_id
    ? await db('registry_graduates').where({ id: account.registry_graduate_id }).first()
    : undefined;
  if (record) {
    const diplomas = await db('registry_diplomas').where({ graduate_id: record.id }).orderBy('year');
    sections.push({
      heading: t('taskView.registryRecord'),
      rows: [
        [t('taskView.registryMatch'), text(account.registry_match)],
        [t('taskView.lastName'), text(record.last_name)],
        [t('taskView.firstNames'), text(record.first_names)],
        [t('taskView.birthDate'), day(record.birth_date)],
        [t('taskView.studentNumber'), text(record.student_number)],
        ...diplomas.map(
          (d) =>
            [
              t('taskView.diplomas'),
              `${text(d.vet_label ?? d.vet_code)} (${text(d.vet_code)}, ${text(d.composante_label ?? d.composante_code)}, ${text(d.year)})`,
            ] as const,
        ),
      ],
    });
  } else {
    sections.push({
      heading: t('taskView.registryRecord'),
      rows: [[t('taskView.registryMatch'), text(account.registry_match)]],
      empty: t('taskView.registryNone'),
    });
  }
  const declared = account.declared_diploma as { title?: string; year?: number; composante?: string } | null;
  sections.push({
    heading: declared ? t('taskView.declaredDiploma') : t('taskView.diplomaChosen'),
    rows: declared
      ? [
          [t('taskView.diplomaChosen'), text(declared.title)],
          [t('taskView.year'), text(declared.year)],
          [t('taskView.composante'), text(declared.composante ?? account.composante_code)],
        ]
      : [
          [t('taskView.vet'), text(account.vet_code)],
          [t('taskView.composante'), text(account.composante_code)],
        ],
  });
  return { title: t('taskView.graduateTitle', { name }), sections };
};
