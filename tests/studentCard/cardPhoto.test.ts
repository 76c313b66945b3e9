import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkCardPhoto } from '../../lib/images/cardPhoto.js';
import { laplacianVariance, magicOf, photoRules } from '../../lib/images/photoChecks.js';
import * as photos from './photoFixtures.js';

describe('card photo checks (sharp, real images synthesised here)', () => {
  it('when a portrait JPEG or PNG is uploaded, then it is accepted, cropped to 413 × 531 JPEG with no metadata', async () => {
    for (const bytes of [await photos.portraitJpeg(), await photos.portraitPng(), await photos.portraitJpeg(1200, 1600)]) {
      const verdict = await checkCardPhoto(bytes);
      if (!verdict.ok) throw new Error(`refused: ${verdict.refusal}`);
      const out = await sharp(verdict.jpeg).metadata();
      expect({ format: out.format, width: out.width, height: out.height, exif: out.exif, icc: out.icc }).toEqual({
        format: 'jpeg',
        width: 413,
        height: 531,
        exif: undefined,
        icc: undefined,
      });
    }
  });

  it('when a phone photo lies sideways with an EXIF orientation and GPS, then it is turned upright and the GPS is gone', async () => {
    const bytes = await photos.rotatedPhoneJpegWithGps();
    const input = await sharp(bytes).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif?.includes(Buffer.from('PhoneMaker'))).toBe(true);
    const verdict = await checkCardPhoto(bytes);
    if (!verdict.ok) throw new Error(`refused: ${verdict.refusal}`);
    expect(verdict.measures).toMatchObject({ sourceWidth: 600, sourceHeight: 800 });
    // Upright: the dark hair is at the top, the shirt at the bottom, as in the upright original.
    const upright = await checkCardPhoto(await photos.portraitJpeg());
    if (!upright.ok) throw new Error('reference refused');
    expect(Math.abs(verdict.measures.meanLuma - upright.measures.meanLuma)).toBeLessThan(2);
    const out = await sharp(verdict.jpeg).metadata();
    expect(out.exif).toBeUndefined();
    expect(verdict.jpeg.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('when a photo is too small, landscape, dark, blank or blurred, then it is refused with that reason', async () => {
    const cases: [Buffer, string][] = [
      [await photos.portraitJpeg(200, 260), 'tooSmall'],
      [await photos.landscapeJpeg(), 'notPortrait'],
      [await photos.darkJpeg(), 'tooDark'],
      [await photos.blankJpeg(), 'noContrast'],
      [await photos.blurredJpeg(), 'blurred'],
    ];
    for (const [bytes, refusal] of cases) expect(await checkCardPhoto(bytes)).toMatchObject({ ok: false, refusal });
  });

  it('when a 40 MB file, a decompression bomb, a PDF named .jpg or an animated GIF comes, then each is refused without being decoded', async () => {
    expect(await checkCardPhoto(photos.fortyMegabytes())).toMatchObject({ ok: false, refusal: 'tooLarge' });
    expect(await checkCardPhoto(await photos.pngBomb())).toMatchObject({ ok: false, refusal: 'tooManyPixels' });
    expect(await checkCardPhoto(photos.pdfNamedJpg())).toMatchObject({ ok: false, refusal: 'notAnImage' });
    const gif = await photos.animatedGif();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    expect(await checkCardPhoto(gif)).toMatchObject({ ok: false, refusal: 'animated' });
  });

  it('when the content is checked, then the magic bytes decide, and the Laplacian measures focus', () => {
    expect(magicOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('jpeg');
    expect(magicOf(Buffer.from('GIF89a....'))).toBe('gif');
    expect(magicOf(Buffer.from('<html>'))).toBe('other');
    const flat = new Uint8Array(100).fill(128);
    expect(laplacianVariance(flat, 10, 10)).toBe(0);
    const checker = Uint8Array.from({ length: 100 }, (_, i) => (((i % 10) + Math.floor(i / 10)) % 2 ? 255 : 0));
    expect(laplacianVariance(checker, 10, 10)).toBeGreaterThan(photoRules.minLaplacianVariance);
  });
});
