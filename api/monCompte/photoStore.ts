import { acceptedPhotoOfAccount } from '../../db/cardPhotos.js';
import type { DbOrTx } from '../../db/connection.js';

/**
 * Where the student card keeps the photo (issue 21: card_photos, the normalised JPEG the card office
 * accepted). Image rights only decide whether a service may have it; reading it is this interface's
 * job (`cardPhotoStore`). Tests of the consent logic may use a double (tests/monCompte/photoStoreDouble.ts).
 */
export interface PhotoStore {
  /** The validated photo of this ENT account, or undefined. */
  photoOf(accountId: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

export const noPhotoStore: PhotoStore = { photoOf: async () => undefined };

/** The card office's accepted photo of the account's card, from PostgreSQL. */
export function cardPhotoStore(db: DbOrTx): PhotoStore {
  return {
    async photoOf(accountId) {
      const bytes = await acceptedPhotoOfAccount(db, accountId);
      return bytes ? { bytes, contentType: 'image/jpeg' } : undefined;
    },
  };
}
