/**
 * Where the student card keeps the photo (issue 21, api/studentCard/). Image rights only decide
 * whether a service may have it; reading it is this interface's job. Until the card's storage is
 * on main, the platform has no photo to give (`noPhotoStore`); tests use a double of this storage
 * only (tests/monCompte/photoStoreDouble.ts) — the consent logic in front of it is real.
 */
export interface PhotoStore {
  /** The validated photo of this ENT account, or undefined. */
  photoOf(accountId: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

export const noPhotoStore: PhotoStore = { photoOf: async () => undefined };
