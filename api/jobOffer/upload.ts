import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError, ErrorKind } from '../../lib/errors.js';
import type { ApplicationForm } from './browsing.js';

/** A CV over the size limit: answered 413 by the route, with a field message. */
export class CvTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`Le CV ne doit pas dépasser ${(maxBytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo.`);
  }
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const invalid = (fields: Record<string, string>) => new AppError(ErrorKind.Validation, 'Certains champs sont invalides.', fields);

/**
 * Reads « message » and « cv » from a multipart form. The CV must be a PDF by its content (it
 * starts with `%PDF-`), whatever its name or declared type say; an empty file is refused.
 */
export async function readApplicationForm(request: FastifyRequest, maxBytes: number): Promise<ApplicationForm> {
  if (!request.isMultipart())
    throw new AppError(ErrorKind.Validation, 'Envoyez le formulaire en multipart/form-data : un champ « message » et un fichier « cv ».');
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
  const fields: Record<string, string> = {};
  const text = message?.trim() ?? '';
  if (!text) fields.message = 'Le message est obligatoire';
  else if (text.length > 5000) fields.message = 'Le message ne peut pas dépasser 5000 caractères';
  if (!cv) fields.cv = 'Le CV (fichier PDF) est obligatoire';
  else if (cv.bytes.length === 0) fields.cv = 'Le CV est vide';
  else if (!cv.bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) fields.cv = 'Le CV doit être un fichier PDF';
  if (Object.keys(fields).length) throw invalid(fields);
  // The name travels in the forwarded mail: keep it plain, and make it say PDF.
  const base =
    (cv!.filename || 'cv')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .replace(/\.pdf$/i, '')
      .slice(0, 100) || 'cv';
  return { message: text, cvFilename: `${base}.pdf`, cv: cv!.bytes };
}
