import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError, ErrorKind, type FieldText } from '../../lib/errors.js';
import { type MessageRef, msg, render } from '../../lib/i18n/index.js';
import type { ApplicationForm } from './browsing.js';

/** A CV over the size limit: answered 413 by the route, with a field message. */
export class CvTooLarge extends Error {
  readonly text: MessageRef;
  constructor(readonly maxBytes: number) {
    const text = msg('jobOffer.cvTooLarge', { maxMegabytes: maxBytes / 1024 / 1024 });
    super(render(text, 'fr'));
    this.text = text;
  }
}

const pdfMagic = '%PDF-';
const invalid = (fields: Record<string, FieldText>) => new AppError(ErrorKind.Validation, msg('http.invalidFields'), fields);

/**
 * Reads « message » and « cv » from a multipart form. The CV must be a PDF by its content (it
 * starts with `%PDF-`), whatever its name or declared type say; an empty file is refused.
 */
export async function readApplicationForm(request: FastifyRequest, maxBytes: number): Promise<ApplicationForm> {
  if (!request.isMultipart()) throw new AppError(ErrorKind.Validation, msg('jobOffer.multipartRequired'));
  let message: string | undefined;
  let cv: { filename: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'cv' && !cv) cv = { filename: part.filename, bytes };
      } else if (part.fieldname === 'message') {
        message = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new CvTooLarge(maxBytes);
    throw error;
  }
  return applicationForm(message, cv);
}

/**
 * The rules of an application, whoever read the form (the API above, or the « Postuler » page):
 * a message, and a CV that is a PDF by its content.
 */
export function applicationForm(message: string | undefined, cv: { filename: string; bytes: Buffer } | undefined): ApplicationForm {
  const fields: Record<string, FieldText> = {};
  const text = message?.trim() ?? '';
  if (!text) fields.message = msg('jobOffer.messageRequired');
  else if (text.length > 5000) fields.message = msg('jobOffer.messageTooLong');
  if (!cv) fields.cv = msg('jobOffer.cvRequired');
  else if (cv.bytes.length === 0) fields.cv = msg('jobOffer.cvEmpty');
  else if (cv.bytes.subarray(0, pdfMagic.length).toString('latin1') !== pdfMagic) fields.cv = msg('jobOffer.cvNotPdf');
  if (Object.keys(fields).length) throw invalid(fields);
  // The name travels in the forwarded mail: keep it plain, and make it say PDF.
  const base =
    (cv!.filename || 'cv')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .replace(/\.pdf$/i, '')
      .slice(0, 100) || 'cv';
  return { message: text, cvFilename: `${base}.pdf`, cv: cv!.bytes };
}
