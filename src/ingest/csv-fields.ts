// Field validators shared by the bundled CSV schemas.
import { z } from 'zod';
import { VERIFICATION_LEVELS } from '../model/fact.js';
import { parseUrl, trackingParametersIn } from '../model/document-url.js';
import { isCalendarDate, ISO_DATE_PATTERN } from '../model/calendar-date.js';

export const isoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, 'expected an ISO date YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

export const optionalIsoDate = z.union([z.literal('').transform(() => null), isoDate]);

export const finiteNumber = z
  .string()
  .trim()
  .min(1, 'a number is required')
  .transform((s) => Number(s))
  .refine((n) => Number.isFinite(n), 'expected a number');

export const optionalNumber = z.union([z.literal('').transform(() => null), finiteNumber]);

/** A link to a document: https, parseable, and without tracking parameters (utm_*, srsltid, gclid, fbclid ...). */
export const documentUrl = z
  .string()
  .regex(/^https:\/\/\S+$/, 'expected an https URL')
  .refine((s) => parseUrl(s) !== null, 'not a valid URL')
  .superRefine((s, ctx) => {
    const tracking = trackingParametersIn(s);
    if (tracking.length) ctx.addIssue({ code: 'custom', message: `remove the tracking parameter${tracking.length > 1 ? 's' : ''} ${tracking.join(', ')} (a link to a document carries no visit tracking)` });
  });

export const optionalDocumentUrl = z.union([z.literal('').transform(() => null), documentUrl]);

/** SEC accession number as EDGAR writes it: 0001018724-25-000004. */
export const optionalAccession = z.union([
  z.literal('').transform(() => null),
  z.string().regex(/^\d{10}-\d{2}-\d{6}$/, 'expected an SEC accession number such as 0001018724-25-000004'),
]);

/** An SEC form, optionally with the exhibit the figure is in: 10-K, 10-Q/A, 20-F, 6-K, 8-K Ex.99.1. */
export const optionalForm = z.union([
  z.literal('').transform(() => null),
  z.string().regex(/^\d{1,2}-[A-Z]{1,2}(\/A)?( Ex\.\d{1,3}(\.\d{1,3})?)?$/, 'expected an SEC form such as 10-K, 10-Q, 20-F, 6-K or 8-K Ex.99.1'),
]);

export const verification = z.enum(VERIFICATION_LEVELS);

export const ticker = z.string().regex(/^[A-Z0-9][A-Z0-9.\-]{0,11}$/, 'expected an upper-case ticker');

export const semicolonList = z.string().transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean));

export const text = z.string().transform((s) => (s.trim() === '' ? null : s.trim()));
