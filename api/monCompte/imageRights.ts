import { timingSafeEqual } from 'node:crypto';
import type { EntAccount } from '../../db/entAccounts.js';
import { consentHistory, consentsInForce, recordConsent } from '../../db/imageConsents.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { cardPhotoStore, type PhotoStore } from './photoStore.js';

/** The uses a person chooses for: the internal directory / class lists, then each service of IMAGE_RIGHTS_SERVICES. */
export interface ImageUse {
  id: string;
  /** A catalogue key for built-in uses, the configured label otherwise. */
  label: { key: 'monCompte.useDirectory' } | { text: string };
}

/**
 * « Confidentialité et droit à l'image »: consent per use, versioned (IMAGE_RIGHTS_VERSION), dated,
 * revocable, every choice kept. The card always uses the photo (it is what the photo is for); any
 * other use needs the consent in force, and a service without it gets nothing.
 */
export function createImageRightsUseCases(deps: ApiDeps & { photoStore?: PhotoStore }) {
  const { db, config } = deps;
  const photos = deps.photoStore ?? cardPhotoStore(db);
  const uses: ImageUse[] = [
    { id: 'directory', label: { key: 'monCompte.useDirectory' } },
    ...config.imageRights.services
      .filter((service) => service.use !== 'directory')
      .map((service) => ({ id: service.id, label: { text: service.label } })),
  ];

  return {
    uses,
    version: config.imageRights.version,

    async state(account: EntAccount) {
      const inForce = await consentsInForce(db, account.id);
      return {
        version: config.imageRights.version,
        uses: uses.map((use) => {
          const current = inForce.get(use.id);
          return {
            ...use,
            granted: current?.granted ?? false,
            decidedAt: current?.decided_at ?? null,
            textVersion: current?.text_version ?? null,
          };
        }),
        history: (await consentHistory(db, account.id)).map((row) => ({
          use: row.use,
          granted: row.granted,
          textVersion: row.text_version,
          decidedAt: row.decided_at,
        })),
      };
    },

    async decide(account: EntAccount, body: { use: string; granted: boolean }) {
      if (!uses.some((use) => use.id === body.use))
        throw new AppError(ErrorKind.Validation, msg('monCompte.unknownUse'), { use: msg('monCompte.unknownUse') });
      await recordConsent(db, { accountId: account.id, use: body.use, granted: body.granted, textVersion: config.imageRights.version });
    },

    /**
     * A service of IMAGE_RIGHTS_SERVICES asks for a student's photo with its bearer token: the photo
     * when that student's consent for this service is in force, otherwise nothing (404, the same
     * answer as an unknown student, so a service learns nothing about who refused).
     */
    async photoForService(bearer: string | undefined, studentNumber: string) {
      const service = config.imageRights.services.find((candidate) => bearer !== undefined && sameSecret(candidate.token, bearer));
      if (!service) throw new AppError(ErrorKind.Unauthenticated, msg('monCompte.serviceUnauthorized'));
      const account: EntAccount | undefined = await db('ent_accounts').where({ student_number: studentNumber, profile: 'student' }).first();
      const consent = account && (await consentsInForce(db, account.id)).get(service.use ?? service.id);
      const photo = account && consent?.granted ? await photos.photoOf(account.id) : undefined;
      if (!photo) throw new AppError(ErrorKind.NotFound, msg('monCompte.noPhoto'));
      return photo;
    },
  };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
