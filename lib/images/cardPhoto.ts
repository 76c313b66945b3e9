import sharp from 'sharp';
import { laplacianVariance, magicOf, meanAndStdDev, type PhotoRefusal, photoRules, topCorners } from './photoChecks.js';

// One libvips thread pool for the whole process, small: photos are small and the machine is shared.
sharp.concurrency(1);
sharp.cache(false);

export interface PhotoMeasures {
  [name: string]: number;
  sourceWidth: number;
  sourceHeight: number;
  meanLuma: number;
  lumaStdDev: number;
  laplacianVariance: number;
  backgroundStdDev: number;
}

export type PhotoVerdict =
  | { ok: true; jpeg: Buffer; width: number; height: number; measures: PhotoMeasures }
  | { ok: false; refusal: PhotoRefusal; measures?: Partial<PhotoMeasures> };

const refuse = (refusal: PhotoRefusal, measures?: Partial<PhotoMeasures>): PhotoVerdict => ({
  ok: false,
  refusal,
  ...(measures ? { measures } : {}),
});
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Checks an uploaded photo by its content and normalises it for the card: auto-oriented (EXIF),
 * every metadata (GPS included) left out, cropped to the card's ratio and resized to 413 × 531,
 * JPEG. The rules and their thresholds are in `photoChecks.ts`.
 */
export async function checkCardPhoto(bytes: Buffer, rules = photoRules): Promise<PhotoVerdict> {
  if (bytes.length > rules.maxBytes) return refuse('tooLarge');
  const magic = magicOf(bytes);
  if (magic === 'gif') return refuse('animated');
  if (magic !== 'jpeg' && magic !== 'png') return refuse('notAnImage');

  // The header only: sizes and frames, before anything is decoded (a bomb stops here).
  const options = { limitInputPixels: rules.maxInputPixels, failOn: 'error' as const, animated: false };
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return refuse('unreadable');
  }
  if ((metadata.pages ?? 1) > 1) return refuse('animated');
  if (!metadata.width || !metadata.height) return refuse('unreadable');
  if (metadata.width * metadata.height > rules.maxInputPixels) return refuse('tooManyPixels');

  // EXIF orientations 5–8 swap width and height.
  const swapped = (metadata.orientation ?? 1) >= 5;
  const sourceWidth = swapped ? metadata.height : metadata.width;
  const sourceHeight = swapped ? metadata.width : metadata.height;
  const sizes = { sourceWidth, sourceHeight };
  if (sourceWidth < rules.minWidth || sourceHeight < rules.minHeight) return refuse('tooSmall', sizes);
  if (sourceWidth / sourceHeight > rules.maxAspect) return refuse('notPortrait', sizes);

  const { width, height, jpegQuality } = rules.output;
  let jpeg: Buffer;
  let luma: Buffer;
  try {
    // `rotate()` applies the EXIF orientation; sharp writes no metadata unless asked (`withMetadata`).
    const normalised = sharp(bytes, options)
      .timeout({ seconds: rules.decodeTimeoutSeconds })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize(width, height, { fit: 'cover', position: 'centre' })
      .toColourspace('srgb');
    jpeg = await normalised.jpeg({ quality: jpegQuality, mozjpeg: true }).toBuffer();
    luma = await sharp(jpeg).greyscale().raw().toBuffer();
  } catch {
    return refuse('unreadable', sizes);
  }

  const { mean, stdDev } = meanAndStdDev(luma);
  const measures: PhotoMeasures = {
    ...sizes,
    meanLuma: round(mean),
    lumaStdDev: round(stdDev),
    laplacianVariance: round(laplacianVariance(luma, width, height)),
    backgroundStdDev: round(meanAndStdDev(topCorners(luma, width, height)).stdDev),
  };
  if (mean < rules.minMeanLuma) return refuse('tooDark', measures);
  if (mean > rules.maxMeanLuma) return refuse('tooBright', measures);
  if (stdDev < rules.minLumaStdDev) return refuse('noContrast', measures);
  if (measures.laplacianVariance < rules.minLaplacianVariance) return refuse('blurred', measures);
  return { ok: true, jpeg, width, height, measures };
}
