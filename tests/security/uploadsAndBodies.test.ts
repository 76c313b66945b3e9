import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, waitUntil } from '../support/approvals.js';
import { activeGraduate, apply, entStudent, moderate, pdfBytes, postOffer } from '../support/offers.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 8: a deeply nested JSON body and a NUL character in a multipart field are 400, not 500.
 * Finding 9: the CV is checked by a real PDF parser within bounded time and memory: an
 * executable behind `%PDF-` and a PDF inflating to 1 GB are refused, a real PDF is accepted.
 */
let world: World;
let offerId: string;
beforeAll(async () => {
  world = await startWorld();
  const webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Webmaster');
  const author = await activeGraduate(world);
  const offer = await postOffer(world, author.auth);
  await moderate(world, webmaster, offer.title, { outcome: 'approve' });
  offerId = offer.id;
  await waitUntil(async () => (await world.db('job_offers').where({ id: offerId }).first()).status === 'published');
});
afterAll(() => world?.stop());

/** A PDF whose only page's content stream inflates to `bytes` spaces (~1 MB compressed per GB); cached between runs. */
async function compressionBomb(bytes: number): Promise<Buffer> {
  const cached = join(tmpdir(), `approvals-pdf-bomb-${bytes}.pdf`);
  if (existsSync(cached)) return readFileSync(cached);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const block = Buffer.alloc(1 << 20, 0x20);
  for (let written = 0; written < bytes; written += block.length)
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  await new Promise((resolve) => deflate.end(resolve));
  const stream = Buffer.concat(parts);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
  ];
  const out = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = out[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    out.push(object);
    length += object.length;
  });
  out.push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  const pdf = Buffer.concat(out);
  writeFileSync(cached, pdf);
  return pdf;
}

describe('bodies that used to answer 500', () => {
  it('when a JSON body is nested 5,000 levels deep, then 400', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const answer = await world.api('POST', '/api/candidates', deep);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Validation');
  });

  it('when a multipart field holds a NUL character, then 400 with the field named', async () => {
    const student = await entStudent(world);
    const answer = await apply(world, student.auth, offerId, { message: 'Bonjour\u0000madame', cv: pdfBytes() });
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toHaveProperty('message');
  });
});

describe('the CV check', () => {
  it('when an executable hides behind a %PDF- header, then the CV is refused', async () => {
    const student = await entStudent(world);
    const executable = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(8192, 0x90)]);
    const answer = await apply(world, student.auth, offerId, { message: 'Mon CV.', cv: executable });
    expect(answer.status).toBe(400);
    expect(answer.body.fields.cv).toMatch(/PDF lisible/);
  });

  it('when a PDF inflates to 1 GB, then it is refused within bounded time and memory', { timeout: 120_000 }, async () => {
    const bomb = await compressionBomb(1 << 30);
    expect(bomb.length).toBeLessThan(world.config.offers.cvMaxBytes);
    const student = await entStudent(world);
    const answer = await apply(world, student.auth, offerId, { message: 'Mon CV.', cv: bomb });
    expect(answer.status).toBe(400);
    expect(answer.body.fields.cv).toMatch(/PDF lisible/);
  });

  it('when the CV is a real PDF, then it is accepted', async () => {
    const student = await entStudent(world);
    expect((await apply(world, student.auth, offerId, { message: 'Mon CV.', cv: pdfBytes(50_000) })).status).toBe(201);
  });
});
