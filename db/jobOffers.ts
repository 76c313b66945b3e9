import type { OfferKind, OfferStatus } from '../workflows/jobOffer/contract.js';
import type { DbOrTx } from './connection.js';

/** Job offers and their applications (migration 007). */

export type OfferAuthorKind = 'graduate' | 'recruiter';

export interface OfferContent {
  title: string;
  kind: OfferKind;
  company: string;
  location: string;
  description: string;
  contract: string;
  startsOn: string;
  contactEmail: string;
  publicationDuration: string;
}

const columns = (db: DbOrTx) => [
  'id',
  'author_kind as authorKind',
  'author_id as authorId',
  'author_name as authorName',
  'status',
  'title',
  'kind',
  'company',
  'location',
  'description',
  'contract',
  db.raw(`to_char(starts_on, 'YYYY-MM-DD') as "startsOn"`),
  'contact_email as contactEmail',
  'publication_duration as publicationDuration',
  'revision',
  'published_at as publishedAt',
  'expires_at as expiresAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
];

export type OfferRow = OfferContent & {
  id: string;
  authorKind: OfferAuthorKind;
  authorId: string;
  authorName: string;
  status: OfferStatus;
  revision: number;
  publishedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const contentColumns = (c: OfferContent) => ({
  title: c.title,
  kind: c.kind,
  company: c.company,
  location: c.location,
  description: c.description,
  contract: c.contract,
  starts_on: c.startsOn,
  contact_email: c.contactEmail,
  publication_duration: c.publicationDuration,
});

export async function insertOffer(
  db: DbOrTx,
  author: { kind: OfferAuthorKind; id: string; name: string },
  content: OfferContent,
): Promise<string> {
  const [row] = await db('job_offers')
    .insert({ author_kind: author.kind, author_id: author.id, author_name: author.name, ...contentColumns(content) })
    .returning('id');
  return row.id;
}

export async function findOffer(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<OfferRow | undefined> {
  const query = db('job_offers').select(columns(db)).where({ id }).first();
  return options.forUpdate ? query.forUpdate() : query;
}

/** A new version: back to « en attente de validation », so it is hidden until validated again. */
export async function reviseOffer(db: DbOrTx, id: string, content: OfferContent): Promise<number> {
  const [row] = await db('job_offers')
    .where({ id })
    .update({ ...contentColumns(content), status: 'pending_review', revision: db.raw('revision + 1'), updated_at: db.fn.now() })
    .returning('revision');
  return row.revision;
}

/**
 * The lifecycle's status projection. With `version`, it applies only while the row holds no newer
 * version than that (a late write for an edited offer must not publish the unmoderated text).
 */
export async function setOfferStatus(db: DbOrTx, id: string, status: OfferStatus, version?: number): Promise<void> {
  await db('job_offers')
    .where({ id })
    .whereNot({ status })
    .modify((q) => {
      if (version !== undefined) q.where('revision', '<=', version);
    })
    .update({ status, updated_at: db.fn.now() });
}

/**
 * Sets the publication period at the first publication (a re-validation keeps it), from `at`: the
 * lifecycle's clock, which its expiry timer follows. Returns the expiry (epoch ms). The status is
 * the lifecycle's projection, written when it enters « publiée ».
 */
export async function publishOffer(db: DbOrTx, id: string, at: Date): Promise<number> {
  const [row] = await db('job_offers')
    .where({ id })
    .update({
      published_at: db.raw('coalesce(published_at, ?)', [at]),
      expires_at: db.raw('coalesce(expires_at, ?::timestamptz + publication_duration::interval)', [at]),
      updated_at: db.fn.now(),
    })
    .returning('expires_at');
  return new Date(row.expires_at).getTime();
}

export async function listOffersOfAuthor(db: DbOrTx, kind: OfferAuthorKind, authorId: string): Promise<OfferRow[]> {
  return db('job_offers').select(columns(db)).where({ author_kind: kind, author_id: authorId }).orderBy('created_at', 'desc');
}

export interface OfferSearch {
  kind?: OfferKind;
  location?: string;
  company?: string;
  q?: string;
  publishedSince?: string;
  page: number;
  pageSize: number;
}

/** Published and not yet expired (the timer may lag by a moment: the date is checked too). */
export async function searchPublishedOffers(db: DbOrTx, s: OfferSearch): Promise<{ total: number; items: OfferRow[] }> {
  const base = db('job_offers').where({ status: 'published' }).where('expires_at', '>', db.fn.now());
  if (s.kind) base.where({ kind: s.kind });
  if (s.location) base.whereRaw(`unaccent(location) ILIKE '%' || unaccent(?) || '%'`, [s.location]);
  if (s.company) base.whereRaw(`unaccent(company) ILIKE '%' || unaccent(?) || '%'`, [s.company]);
  if (s.q) base.whereRaw(`search @@ websearch_to_tsquery('fr_unaccent', ?)`, [s.q]);
  if (s.publishedSince) base.where('published_at', '>=', s.publishedSince);
  const counted = await base.clone().count<{ count: string }[]>('* as count');
  const items = await base
    .select(columns(db))
    .orderBy([{ column: 'published_at', order: 'desc' }, { column: 'id' }])
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize);
  return { total: Number(counted[0]?.count ?? 0), items };
}

export async function findPublishedOffer(db: DbOrTx, id: string): Promise<OfferRow | undefined> {
  return db('job_offers').select(columns(db)).where({ id, status: 'published' }).where('expires_at', '>', db.fn.now()).first();
}

/** Where the lifecycle's mails to the author go: the address of their account. */
export async function authorContact(
  db: DbOrTx,
  offerId: string,
): Promise<{ email: string; name: string; title: string; company: string; expiresAt: Date | null; locale: 'fr' | 'en' } | undefined> {
  const offer = await db('job_offers')
    .where({ id: offerId })
    .first('author_kind', 'author_id', 'author_name', 'title', 'company', 'expires_at');
  if (!offer) return undefined;
  const table = offer.author_kind === 'graduate' ? 'graduate_accounts' : 'recruiter_accounts';
  const account = await db(table).where({ id: offer.author_id }).first('email', 'locale');
  return (
    account && {
      email: account.email,
      name: offer.author_name,
      title: offer.title,
      company: offer.company,
      expiresAt: offer.expires_at,
      locale: account.locale,
    }
  );
}

export interface NewApplication {
  offerId: string;
  applicantKind: 'graduate' | 'student';
  applicantId: string;
  applicantName: string;
  applicantEmail: string;
  message: string;
  cvFilename: string;
  cv: Buffer;
}

/** Undefined when this person already applied to this offer (unique constraint). */
export async function insertApplication(db: DbOrTx, a: NewApplication): Promise<string | undefined> {
  const rows = await db('job_offer_applications')
    .insert({
      offer_id: a.offerId,
      applicant_kind: a.applicantKind,
      applicant_id: a.applicantId,
      applicant_name: a.applicantName,
      applicant_email: a.applicantEmail,
      message: a.message,
      cv_filename: a.cvFilename,
      cv: a.cv,
      cv_size: a.cv.length,
    })
    .onConflict(['offer_id', 'applicant_kind', 'applicant_id'])
    .ignore()
    .returning('id');
  return rows[0]?.id;
}

/** The application with its CV bytes and the offer it answers, for the forward. */
export async function applicationForForward(
  db: DbOrTx,
  id: string,
): Promise<
  | {
      applicantName: string;
      applicantEmail: string;
      message: string;
      cvFilename: string;
      cv: Buffer;
      offerTitle: string;
      company: string;
      contactEmail: string;
    }
  | undefined
> {
  return db('job_offer_applications as a')
    .join('job_offers as o', 'o.id', 'a.offer_id')
    .where('a.id', id)
    .first(
      'a.applicant_name as applicantName',
      'a.applicant_email as applicantEmail',
      'a.message',
      'a.cv_filename as cvFilename',
      'a.cv',
      'o.title as offerTitle',
      'o.company',
      'o.contact_email as contactEmail',
    );
}

export async function markApplicationForwarded(db: DbOrTx, id: string): Promise<void> {
  await db('job_offer_applications').where({ id }).whereNull('forwarded_at').update({ forwarded_at: db.fn.now() });
}

export async function listApplications(db: DbOrTx, offerId: string) {
  return db('job_offer_applications')
    .select(
      'id',
      'applicant_name as applicantName',
      'applicant_email as applicantEmail',
      'message',
      'cv_filename as cvFilename',
      'cv_size as cvSize',
      'forwarded_at as forwardedAt',
      'created_at as createdAt',
    )
    .where({ offer_id: offerId })
    .orderBy('created_at', 'asc');
}

/** How many applications each offer received, for « Mes offres d’emploi ». */
export async function applicationCounts(db: DbOrTx, offerIds: string[]): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db('job_offer_applications')
    .whereIn('offer_id', offerIds)
    .groupBy('offer_id')
    .select('offer_id')
    .count<{ offer_id: string; n: string }[]>('* as n');
  return new Map(rows.map((r) => [r.offer_id, Number(r.n)]));
}

/** One application's CV, when it answers this offer. */
export async function findApplicationCv(
  db: DbOrTx,
  offerId: string,
  applicationId: string,
): Promise<{ filename: string; bytes: Buffer } | undefined> {
  const row = await db('job_offer_applications').where({ id: applicationId, offer_id: offerId }).first('cv_filename', 'cv');
  return row && { filename: row.cv_filename, bytes: row.cv };
}
