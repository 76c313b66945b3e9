import type { DbOrTx } from './connection.js';

export interface TrainingSessionView {
  id: string;
  actionId: string;
  startsOn: string;
  endsOn: string;
  place: string;
  /** HH:MM, Paris time. */
  dayStartsAt: string;
  dayEndsAt: string;
  practicalInfo: string;
  capacity: number;
  state: 'open' | 'closed' | 'cancelled';
  seatsTaken: number;
  seatsLeft: number;
  registrationOpen: boolean;
}

export interface TrainingActionView {
  id: string;
  code: string;
  title: string;
  theme: string;
  description: string;
  objectives: string;
  audience: string;
  projectManagerId: string | null;
}

const actionColumns = ['id', 'code', 'title', 'theme', 'description', 'objectives', 'audience', 'project_manager_id as projectManagerId'];

/**
 * A session as the catalog shows it. Seats are taken by accepted pre-registrations; registration
 * is open while the session is open and has not started.
 */
function sessionsQuery(db: DbOrTx) {
  return db('training_sessions as s')
    .select(
      's.id',
      's.action_id as actionId',
      db.raw(`to_char(s.starts_on, 'YYYY-MM-DD') as "startsOn"`),
      db.raw(`to_char(s.ends_on, 'YYYY-MM-DD') as "endsOn"`),
      's.place',
      db.raw(`to_char(s.day_starts_at, 'HH24:MI') as "dayStartsAt"`),
      db.raw(`to_char(s.day_ends_at, 'HH24:MI') as "dayEndsAt"`),
      's.practical_info as practicalInfo',
      's.capacity',
      's.state',
      db.raw(`(SELECT count(*) FROM pre_registrations p WHERE p.session_id = s.id AND p.status = 'accepted')::int as "seatsTaken"`),
    )
    .orderBy('s.starts_on');
}

function withDerived(
  row: Omit<TrainingSessionView, 'seatsLeft' | 'registrationOpen'>,
  today = new Date().toISOString().slice(0, 10),
): TrainingSessionView {
  return { ...row, seatsLeft: Math.max(0, row.capacity - row.seatsTaken), registrationOpen: row.state === 'open' && row.startsOn > today };
}

export async function searchActions(
  db: DbOrTx,
  filters: { theme?: string; q?: string; page: number; pageSize: number },
): Promise<{ total: number; items: (TrainingActionView & { sessions: TrainingSessionView[] })[] }> {
  const base = db('training_actions');
  if (filters.theme) base.where('theme', filters.theme);
  if (filters.q) base.whereRaw(`search @@ websearch_to_tsquery('fr_unaccent', ?)`, [filters.q]);
  const [counted] = await base.clone().count<{ count: number }[]>('* as count');
  const rows: TrainingActionView[] = await base
    .clone()
    .select(actionColumns)
    .modify((q) => {
      if (filters.q) q.orderByRaw(`ts_rank(search, websearch_to_tsquery('fr_unaccent', ?)) DESC`, [filters.q]);
    })
    .orderBy('title')
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const sessions = rows.length
    ? await sessionsQuery(db).whereIn(
        's.action_id',
        rows.map((r) => r.id),
      )
    : [];
  return {
    total: Number(counted?.count ?? 0),
    items: rows.map((action) => ({ ...action, sessions: sessions.filter((s) => s.actionId === action.id).map((s) => withDerived(s)) })),
  };
}

export async function listThemes(db: DbOrTx): Promise<{ theme: string; actions: number }[]> {
  const rows = await db('training_actions')
    .select('theme')
    .count<{ theme: string; count: number }[]>('* as count')
    .groupBy('theme')
    .orderBy('theme');
  return rows.map((r) => ({ theme: r.theme, actions: Number(r.count) }));
}

export async function findAction(db: DbOrTx, id: string): Promise<(TrainingActionView & { sessions: TrainingSessionView[] }) | undefined> {
  const action: TrainingActionView | undefined = await db('training_actions').select(actionColumns).where({ id }).first();
  if (!action) return undefined;
  const sessions = await sessionsQuery(db).where('s.action_id', id);
  return { ...action, sessions: sessions.map((s) => withDerived(s)) };
}

export async function findSession(db: DbOrTx, id: string): Promise<TrainingSessionView | undefined> {
  const row = await sessionsQuery(db).where('s.id', id).first();
  return row ? withDerived(row) : undefined;
}

export async function insertAction(db: DbOrTx, action: Omit<TrainingActionView, 'id'>): Promise<TrainingActionView> {
  const [row] = await db('training_actions')
    .insert({
      code: action.code,
      title: action.title,
      theme: action.theme,
      description: action.description,
      objectives: action.objectives,
      audience: action.audience,
      project_manager_id: action.projectManagerId,
    })
    .returning(actionColumns);
  return row;
}

export async function updateAction(db: DbOrTx, id: string, patch: Partial<Omit<TrainingActionView, 'id' | 'code'>>): Promise<boolean> {
  const columns = Object.fromEntries(
    Object.entries({
      title: patch.title,
      theme: patch.theme,
      description: patch.description,
      objectives: patch.objectives,
      audience: patch.audience,
      project_manager_id: patch.projectManagerId,
    }).filter(([, v]) => v !== undefined),
  );
  return (
    (await db('training_actions')
      .where({ id })
      .update({ ...columns, updated_at: db.fn.now() })) > 0
  );
}

export async function insertSession(
  db: DbOrTx,
  session: {
    actionId: string;
    startsOn: string;
    endsOn: string;
    place: string;
    capacity: number;
    dayStartsAt?: string | undefined;
    dayEndsAt?: string | undefined;
    practicalInfo?: string | undefined;
  },
): Promise<string> {
  const [row] = await db('training_sessions')
    .insert({
      action_id: session.actionId,
      starts_on: session.startsOn,
      ends_on: session.endsOn,
      place: session.place,
      capacity: session.capacity,
      ...(session.dayStartsAt ? { day_starts_at: session.dayStartsAt } : {}),
      ...(session.dayEndsAt ? { day_ends_at: session.dayEndsAt } : {}),
      ...(session.practicalInfo !== undefined ? { practical_info: session.practicalInfo } : {}),
    })
    .returning('id');
  return row.id;
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  patch: {
    startsOn?: string | undefined;
    endsOn?: string | undefined;
    place?: string | undefined;
    capacity?: number | undefined;
    state?: 'open' | 'closed' | 'cancelled' | undefined;
    dayStartsAt?: string | undefined;
    dayEndsAt?: string | undefined;
    practicalInfo?: string | undefined;
  },
): Promise<boolean> {
  const columns = Object.fromEntries(
    Object.entries({
      starts_on: patch.startsOn,
      ends_on: patch.endsOn,
      place: patch.place,
      capacity: patch.capacity,
      state: patch.state,
      day_starts_at: patch.dayStartsAt,
      day_ends_at: patch.dayEndsAt,
      practical_info: patch.practicalInfo,
    }).filter(([, v]) => v !== undefined),
  );
  return (
    (await db('training_sessions')
      .where({ id })
      .update({ ...columns, updated_at: db.fn.now() })) > 0
  );
}
