/**
 * What a card photo must be, and what can be checked reliably without a face-recognition model.
 * Every threshold is here, named, with its reason; README « Carte étudiante » lists them.
 *
 * Checked (refusal with a French reason):
 *   - the content is JPEG or PNG by its magic bytes (the name and the announced type are ignored);
 *   - one still image (an animated PNG/GIF, a multi-page file is refused);
 *   - bounded work: at most `maxBytes` and `maxInputPixels` (read from the header, before decoding:
 *     a decompression bomb is refused without being expanded), decoding within `decodeTimeoutSeconds`;
 *   - resolution: after auto-orientation, at least `minWidth` × `minHeight` pixels (the card prints
 *     the photo at 35 × 45 mm, 300 dpi is 413 × 531: below 300 × 385 it prints visibly pixelated);
 *   - portrait: width / height at most `maxAspect` (a landscape or square picture is refused rather than
 *     cropped into something the student did not choose);
 *   - exposure: mean luminance (Rec. 601 luma, 0–255) of the normalised photo at least `minMeanLuma`
 *     (too dark) and at most `maxMeanLuma` (burnt);
 *   - contrast: standard deviation of luma at least `minLumaStdDev` (a blank or uniform picture);
 *   - sharpness: variance of the Laplacian of the normalised photo's luma at least `minLaplacianVariance`
 *     (blurred or out of focus; measured at the fixed output size, so it does not depend on the upload's size).
 * Measured for the card office, not refused (no model can tell a face from a poster here):
 *   - background uniformity: luma standard deviation of the two top corners (`backgroundStdDev`).
 */
export const photoRules = {
  maxBytes: 10 * 1024 * 1024,
  maxInputPixels: 40_000_000,
  decodeTimeoutSeconds: 10,
  minWidth: 300,
  minHeight: 385,
  maxAspect: 0.95,
  minMeanLuma: 60,
  maxMeanLuma: 225,
  minLumaStdDev: 18,
  minLaplacianVariance: 25,
  /** The normalised photo: 35 × 45 mm at 300 dpi. */
  output: { width: 413, height: 531, jpegQuality: 88 },
} as const;

export type PhotoRefusal =
  | 'tooLarge'
  | 'notAnImage'
  | 'animated'
  | 'tooManyPixels'
  | 'unreadable'
  | 'tooSmall'
  | 'notPortrait'
  | 'tooDark'
  | 'tooBright'
  | 'noContrast'
  | 'blurred';

export type PhotoMagic = 'jpeg' | 'png' | 'gif' | 'pdf' | 'other';

/** The file's real type, from its first bytes. */
export function magicOf(bytes: Buffer): PhotoMagic {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return 'other';
}

/** Mean and standard deviation of 8-bit samples. */
export function meanAndStdDev(samples: Uint8Array | Buffer): { mean: number; stdDev: number } {
  let sum = 0;
  let squares = 0;
  for (const v of samples) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / samples.length;
  return { mean, stdDev: Math.sqrt(Math.max(0, squares / samples.length - mean * mean)) };
}

/** Variance of the 4-neighbour Laplacian over the interior of a greyscale image (the usual focus measure). */
export function laplacianVariance(luma: Uint8Array | Buffer, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = luma[i - width]! + luma[i + width]! + luma[i - 1]! + luma[i + 1]! - 4 * luma[i]!;
      sum += v;
      squares += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return squares / n - mean * mean;
}

/** Luma of the two top corners (a fifth of the width, a sixth of the height each): the background, most of the time. */
export function topCorners(luma: Uint8Array | Buffer, width: number, height: number): Uint8Array {
  const w = Math.floor(width / 5);
  const h = Math.floor(height / 6);
  const out = new Uint8Array(2 * w * h);
  let k = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      out[k++] = luma[y * width + x]!;
      out[k++] = luma[y * width + (width - 1 - x)]!;
    }
  }
  return out;
}
