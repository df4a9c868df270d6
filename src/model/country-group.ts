// US, China or other, from Epoch's country cell (one country per organisation). A model counts
// as US when its countries include the United States but not China or Hong Kong, as China when
// they include China or Hong Kong but not the United States; everything else, joint US–China
// models and models with no country included, is "Other". This is airace's rule, not Epoch's.

export const COUNTRY_GROUPS = ['US', 'China', 'Other'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

const US = 'united states of america';
const CHINA = new Set(['china', 'hong kong']);

export function splitCountries(cell: string | null): string[] {
  return cell ? cell.split(',').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean) : [];
}

export function countryGroupOf(cell: string | null): CountryGroup {
  const countries = splitCountries(cell).map((c) => c.toLowerCase());
  const us = countries.some((c) => c === US || c === 'united states' || c === 'usa');
  const china = countries.some((c) => CHINA.has(c));
  if (us && !china) return 'US';
  if (china && !us) return 'China';
  return 'Other';
}
