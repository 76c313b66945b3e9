import { findCharterAcceptance, recordCharterAcceptance } from '../../db/charterAcceptances.js';
import type { EntAccount } from '../../db/entAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';

/**
 * The staff charter (seed 000 « Profil personnels »): accepted once per version, the time kept;
 * publishing a new version (CHARTER_VERSION) asks everyone again. Students are not asked.
 */
export function createEntCharterUseCases({ db, config }: ApiDeps) {
  const version = config.charterVersion;

  return {
    version,

    async status(account: EntAccount): Promise<{ version: string; required: boolean; acceptedAt: Date | null }> {
      if (account.profile !== 'staff') return { version, required: false, acceptedAt: null };
      const acceptance = await findCharterAcceptance(db, account.id, version);
      return { version, required: !acceptance, acceptedAt: acceptance?.accepted_at ?? null };
    },

    async isRequired(account: EntAccount): Promise<boolean> {
      return (await this.status(account)).required;
    },

    /** `shownVersion` is the version the person read: accepting an older text is refused. */
    async accept(account: EntAccount, shownVersion: string): Promise<{ version: string; acceptedAt: Date }> {
      if (account.profile !== 'staff') throw new AppError(ErrorKind.Forbidden, msg('ent.charterStaffOnly'));
      if (shownVersion !== version)
        throw new AppError(ErrorKind.Superseded, msg('ent.charterStale'), undefined, { currentVersion: version });
      return { version, acceptedAt: await recordCharterAcceptance(db, account.id, version) };
    },

    /** For staff routes that need the charter: 403 with a clear message until it is accepted. */
    async ensureAccepted(account: EntAccount): Promise<void> {
      if ((await this.status(account)).required)
        throw new AppError(ErrorKind.Forbidden, msg('ent.charterRequired'), undefined, { charterVersion: version });
    },
  };
}
