import sharp from 'sharp';

/**
 * Test photos synthesised with sharp (no binary fixture in the repository): a passport-like
 * portrait (plain light background, face, hair, eyes, shirt, a textured pullover), and the
 * faults the checks must catch.
 */
export function portraitSvg(width = 600, height = 800, background = '#dfe3e8'): Buffer {
  const stripes = Array.from(
    { length: 40 },
    (_, i) => `<line x1="${i * 16}" y1="${height * 0.78}" x2="${i * 16 + 40}" y2="${height}" stroke="#1f3a5f" stroke-width="3"/>`,
  ).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${background}"/>
  <rect x="${width * 0.15}" y="${height * 0.75}" width="${width * 0.7}" height="${height * 0.25}" fill="#2e5c8a"/>${stripes}
  <ellipse cx="${width / 2}" cy="${height * 0.36}" rx="${width * 0.24}" ry="${height * 0.22}" fill="#3b2a1e"/>
  <ellipse cx="${width / 2}" cy="${height * 0.42}" rx="${width * 0.2}" ry="${height * 0.22}" fill="#e0b48f"/>
  <circle cx="${width * 0.42}" cy="${height * 0.4}" r="${width * 0.025}" fill="#1a1a1a"/>
  <circle cx="${width * 0.58}" cy="${height * 0.4}" r="${width * 0.025}" fill="#1a1a1a"/>
  <path d="M ${width * 0.43} ${height * 0.52} Q ${width / 2} ${height * 0.56} ${width * 0.57} ${height * 0.52}" stroke="#8a3b3b" stroke-width="5" fill="none"/>
</svg>`);
}

export const portraitJpeg = (width = 600, height = 800) => sharp(portraitSvg(width, height)).jpeg({ quality: 90 }).toBuffer();
export const portraitPng = (width = 600, height = 800) => sharp(portraitSvg(width, height)).png().toBuffer();
export const blurredJpeg = () => sharp(portraitSvg()).blur(12).jpeg().toBuffer();
export const darkJpeg = () => sharp(portraitSvg()).linear(0.2, 0).jpeg().toBuffer();
export const landscapeJpeg = () => sharp(portraitSvg(900, 600)).jpeg().toBuffer();
export const blankJpeg = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: '#8a8a8a' } })
    .jpeg()
    .toBuffer();

/** A landscape JPEG whose EXIF says « rotate 90° » (a phone held upright), with GPS coordinates. */
export async function rotatedPhoneJpegWithGps(): Promise<Buffer> {
  const upright = await sharp(portraitSvg()).png().toBuffer();
  const sideways = await sharp(upright).rotate(-90).toBuffer();
  return sharp(sideways)
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 46/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A PNG whose header announces 30 000 × 30 000 pixels (a decompression bomb): never decoded. */
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export const pdfNamedJpg = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function animatedGif(): Promise<Buffer> {
  const frame = (colour: string) =>
    sharp({ create: { width: 400, height: 500, channels: 3, background: colour } })
      .png()
      .toBuffer();
  const frames = await Promise.all(['#ff0000', '#00ff00'].map(frame));
  return sharp(frames, { join: { animated: true } })
    .gif({ loop: 0 })
    .toBuffer();
}

/** 40 MB that starts like a JPEG. */
export const fortyMegabytes = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40 * 1024 * 1024)]);

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
