import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { Directory } from '../../lib/ldap/directory.js';
import { directoryFromConfig } from '../../lib/ldap/directory.js';
import { DirectoryRefusal, DirectoryUnavailable } from '../../lib/ldap/errors.js';
import type { ApiDeps } from '../deps.js';

/**
 * The directory as the use cases see it: absent (« non configuré »), unavailable (« service
 * indisponible », 503), or a refusal of its password policy shown in French beside the field.
 */
export function directoryAccess(deps: ApiDeps) {
  const directory = directoryFromConfig(deps.config);
  return {
    configured: directory !== undefined,
    require(): Directory {
      if (!directory) throw new AppError(ErrorKind.Unavailable, msg('monCompte.directoryNotConfigured'));
      return directory;
    },
    /** Runs `work`; translates what the directory answered into the platform's errors. */
    async call<T>(work: (directory: Directory) => Promise<T>, field = 'password'): Promise<T> {
      const ldap = this.require();
      try {
        return await work(ldap);
      } catch (error) {
        throw asAppError(error, field);
      }
    },
  };
}

export type DirectoryAccess = ReturnType<typeof directoryAccess>;

export function asAppError(error: unknown, field = 'password'): unknown {
  if (error instanceof DirectoryUnavailable) return new AppError(ErrorKind.Unavailable, msg('monCompte.directoryUnavailable'));
  if (error instanceof DirectoryRefusal) {
    const text = msg(`monCompte.refusal_${error.reason}`);
    return new AppError(ErrorKind.Validation, text, { [error.reason === 'wrongCurrent' ? 'currentPassword' : field]: text });
  }
  return error;
}
