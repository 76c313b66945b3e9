import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError, ErrorKind, type FieldText } from '../../lib/errors.js';
import { type MessageRef, msg, render } from '../../lib/i18n/index.js';
import type { ApplicationForm } from './browsing.js';
import { checkPdf, type PdfCheckLimits } from './pdfCheck.js';

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

/** A CV is a document of a few pages: more is refused (and bounds the parsing). */
const maxCvPages = 30;

/**
 * Reads « message » and « cv » from a multipart form. The CV must be a PDF by its content, whatever
 * its name or declared type say: it starts with `%PDF-` and pdf.js reads every page of it within
 * bounded time and memory (api/jobOffer/pdfCheck.ts); an empty file is refused.
 */
export async function readApplicationForm(
  request: FastifyRequest,
  maxBytes: number,
  cvCheck: Omit<PdfCheckLimits, 'maxPages'>,
): Promise<ApplicationForm> {
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
  return applicationForm(message, cv, cvCheck);
}

/**
 * The rules of an application, whoever read the form (the API above, or the « Postuler » page):
 * a message, and a CV that is a PDF by its content.
 */
export async function applicationForm(
  message: string | undefined,
  cv: { filename: string; bytes: Buffer } | undefined,
  cvCheck: Omit<PdfCheckLimits, 'maxPages'>,
): Promise<ApplicationForm> {
  const fields: Record<string, FieldText> = {};
  const text = message?.trim() ?? '';
  if (!text) fields.message = msg('jobOffer.messageRequired');
  // PostgreSQL text cannot hold a NUL character: refused here, as in a JSON body (api/httpConformance.ts).
  else if (text.includes('\u0000')) fields.message = msg('http.nulInBody');
  else if (text.length > 5000) fields.message = msg('jobOffer.messageTooLong');
  if (!cv) fields.cv = msg('jobOffer.cvRequired');
  else if (cv.bytes.length === 0) fields.cv = msg('jobOffer.cvEmpty');
  else if (cv.bytes.subarray(0, pdfMagic.length).toString('latin1') !== pdfMagic) fields.cv = msg('jobOffer.cvNotPdf');
  if (Object.keys(fields).length) throw invalid(fields);
  const parsed = await checkPdf(cv!.bytes, { ...cvCheck, maxPages: maxCvPages });
  if (!parsed.ok)
    throw invalid({
      cv: parsed.reason === 'too_many_pages' ? msg('security.cvTooManyPages', { max: maxCvPages }) : msg('security.cvUnreadable'),
    });
  // The name travels in the forwarded mail: keep it plain, and make it say PDF.
  const base =
    (cv!.filename || 'cv')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .replace(/\.pdf$/i, '')
      .slice(0, 100) || 'cv';
  return { message: text, cvFilename: `${base}.pdf`, cv: cv!.bytes };
}
