import type { PhotoStore } from '../../api/monCompte/photoStore.js';

/**
 * A double of the card's photo storage ONLY (issue 21 owns the real one): photos put by the test.
 * Everything in front of it — the service's token, the consent in force — is the real code.
 */
export function photoStoreDouble() {
  const photos = new Map<string, { bytes: Buffer; contentType: string }>();
  const store: PhotoStore = { photoOf: async (accountId) => photos.get(accountId) };
  return { store, put: (accountId: string, bytes: Buffer) => photos.set(accountId, { bytes, contentType: 'image/jpeg' }) };
}
