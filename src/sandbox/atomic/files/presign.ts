import { createHmac, timingSafeEqual } from 'node:crypto';

/** Download URLs are valid for an hour, as the references say. */
export const URL_LIFETIME_SECONDS = 3600;

const signature = (secret: string, taskId: string, fileId: string, expires: number): string =>
  createHmac('sha256', secret).update(`${taskId}/${fileId}/${expires}`).digest('hex');

/**
 * Stands in for Atomic's pre-signed S3 URLs: the emulator serves the file itself under `/__files`,
 * with an expiry and an HMAC so a URL cannot be forged or used after its hour.
 */
export function presignedUrl(baseUrl: string, secret: string, taskId: string, fileId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + URL_LIFETIME_SECONDS;
  return `${baseUrl}/__files/${taskId}/${fileId}.pdf?expires=${expires}&signature=${signature(secret, taskId, fileId, expires)}`;
}

export function verifyPresigned(secret: string, taskId: string, fileId: string, expires: number, given: string, now: Date): boolean {
  if (!Number.isInteger(expires) || expires < Math.floor(now.getTime() / 1000)) return false;
  const expected = Buffer.from(signature(secret, taskId, fileId, expires), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A one-page PDF naming the file, so a download is a real (if plain) document. */
export function placeholderPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
