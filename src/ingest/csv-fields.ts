// Field validators shared by the bundled CSV schemas.
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'not a real calendar date');

export const optionalIsoDate = z.union([z.literal('').transform(() => null), isoDate]);

export const finiteNumber = z
  .string()
  .trim()
  .min(1, 'a number is required')
  .transform((s) => Number(s))
  .refine((n) => Number.isFinite(n), 'expected a number');

export const optionalNumber = z.union([z.literal('').transform(() => null), finiteNumber]);

export const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

export const ticker = z.string().regex(/^[A-Z0-9][A-Z0-9.\-]{0,11}$/, 'expected an upper-case ticker');

export const semicolonList = z.string().transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean));

export const text = z.string().transform((s) => (s.trim() === '' ? null : s.trim()));
