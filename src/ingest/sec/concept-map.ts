// Which XBRL concepts become which airace metric. This table is the whole of airace's
// interpretation of SEC data: anything not listed here is not stored (see docs/sync.md).
//
// Rules the mapper (map-company-facts.ts) applies to every entry:
// - `concepts` are ordered fallbacks, chosen per period and filing: within one filing the first
//   concept that reports a period (start..end) wins; every filing's figure is kept as a version,
//   whatever concept it used, so a filer that moved from SalesRevenueNet to
//   RevenueFromContractWithCustomerExcludingAssessedTax (ASC 606, 2018) keeps its older years and
//   both versions of the years reported under both.
// - An override replaces the list for one company (by CIK, which never changes; the ticker is
//   for people).
// - Money values are read in the company's reporting currency only: the unit key that carries
//   most of its mapped facts (CNY for Alibaba), or the bundled company's verified currency.
//   Convenience translations in other units are not stored.
// - Values keep XBRL's sign. Cash-flow payment concepts (PaymentsTo..., ...PrincipalPayments) are
//   defined as positive outflows, which is the sign airace uses for capex; net cash flows
//   (NetCashProvidedByUsedInOperatingActivities) are signed, negative when cash was used.
//   `sign` exists for a concept defined the other way round; none in this table needs it.

export const TAXONOMIES = ['us-gaap', 'ifrs-full'] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export interface ConceptRef {
  taxonomy: Taxonomy;
  name: string;
}

export type PeriodType = 'duration' | 'instant';

export interface CompanyOverride {
  cik: number;
  ticker: string;
  concepts: readonly ConceptRef[];
  why: string;
}

export interface ConceptMapping {
  /** airace metric id (src/series/metrics.ts). */
  metric: string;
  /** Where the figure sits in the filing; `segment` data is not in companyfacts at all. */
  statement: 'income statement' | 'cash-flow statement' | 'cash-flow supplemental' | 'segment note';
  /** Durations have start and end; instants (balance sheet) only end. Facts of the other kind are ignored. */
  periodType: PeriodType;
  /** Ordered fallbacks, chosen per period and filing. Empty when companyfacts cannot supply the metric. */
  concepts: readonly ConceptRef[];
  overrides: readonly CompanyOverride[];
  /** Multiplies the XBRL value into airace's sign convention. */
  sign: 1 | -1;
  note: string;
}

const gaap = (name: string): ConceptRef => ({ taxonomy: 'us-gaap', name });
const ifrs = (name: string): ConceptRef => ({ taxonomy: 'ifrs-full', name });

export const CONCEPT_MAP: readonly ConceptMapping[] = [
  {
    metric: 'capex',
    statement: 'cash-flow statement',
    periodType: 'duration',
    concepts: [
      gaap('PaymentsToAcquirePropertyPlantAndEquipment'),
      gaap('PaymentsToAcquireProductiveAssets'),
      ifrs('PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities'),
    ],
    overrides: [
      {
        cik: 1018724,
        ticker: 'AMZN',
        concepts: [gaap('PaymentsToAcquireProductiveAssets'), gaap('PaymentsToAcquirePropertyPlantAndEquipment')],
        why: 'Amazon tags gross "Purchases of property and equipment" as PaymentsToAcquireProductiveAssets.',
      },
    ],
    sign: 1,
    note: 'Cash paid for property and equipment, gross (proceeds from sales are not netted). 10-Q values are year-to-date; the series engine derives quarters.',
  },
  {
    metric: 'finance_lease_principal',
    statement: 'cash-flow statement',
    periodType: 'duration',
    concepts: [gaap('FinanceLeasePrincipalPayments'), gaap('RepaymentsOfLongTermCapitalLeaseObligations')],
    overrides: [],
    sign: 1,
    note: 'Principal repayments of finance leases (financing activities); capital-lease repayments before ASC 842 (2019). IFRS 16 has no separate finance-lease line, so IFRS filers get none.',
  },
  {
    metric: 'finance_lease_additions',
    statement: 'cash-flow supplemental',
    periodType: 'duration',
    concepts: [gaap('RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability'), gaap('CapitalLeaseObligationIncurred')],
    overrides: [],
    sign: 1,
    note: 'Assets acquired under finance leases (non-cash): right-of-use assets obtained for new finance-lease liabilities; capital-lease obligations incurred before ASC 842.',
  },
  {
    metric: 'revenue',
    statement: 'income statement',
    periodType: 'duration',
    concepts: [
      gaap('RevenueFromContractWithCustomerExcludingAssessedTax'),
      gaap('Revenues'),
      gaap('SalesRevenueNet'),
      gaap('RevenueFromContractWithCustomerIncludingAssessedTax'),
      ifrs('Revenue'),
      ifrs('RevenueFromContractsWithCustomers'),
    ],
    overrides: [],
    sign: 1,
    note: 'Total revenue (net sales). SalesRevenueNet is the pre-2018 concept.',
  },
  {
    metric: 'operating_income',
    statement: 'income statement',
    periodType: 'duration',
    concepts: [gaap('OperatingIncomeLoss'), ifrs('ProfitLossFromOperatingActivities')],
    overrides: [],
    sign: 1,
    note: 'Income from operations; negative for an operating loss.',
  },
  {
    metric: 'net_income',
    statement: 'income statement',
    periodType: 'duration',
    concepts: [gaap('ProfitLoss'), gaap('NetIncomeLoss'), ifrs('ProfitLoss')],
    overrides: [],
    sign: 1,
    note: 'Net income including noncontrolling interests (ProfitLoss) where the filer reports it, else NetIncomeLoss; the two are equal for filers without noncontrolling interests.',
  },
  {
    metric: 'net_income_attributable',
    statement: 'income statement',
    periodType: 'duration',
    concepts: [gaap('NetIncomeLoss'), gaap('NetIncomeLossAvailableToCommonStockholdersBasic'), ifrs('ProfitLossAttributableToOwnersOfParent')],
    overrides: [],
    sign: 1,
    note: 'Net income attributable to the parent company’s shareholders.',
  },
  {
    metric: 'operating_cash_flow',
    statement: 'cash-flow statement',
    periodType: 'duration',
    concepts: [
      gaap('NetCashProvidedByUsedInOperatingActivities'),
      gaap('NetCashProvidedByUsedInOperatingActivitiesContinuingOperations'),
      ifrs('CashFlowsFromUsedInOperatingActivities'),
    ],
    overrides: [],
    sign: 1,
    note: 'Net cash from operating activities; negative when operations used cash. 10-Q values are year-to-date.',
  },
  {
    metric: 'cloud_revenue',
    statement: 'segment note',
    periodType: 'duration',
    concepts: [],
    overrides: [],
    sign: 1,
    note: 'Segment revenue (AWS, Google Cloud, Intelligent Cloud) is a dimensional XBRL fact, and companyfacts carries no dimensional facts: it comes from the bundled data only.',
  },
];

/** The concept list that applies to one company. */
export function conceptsFor(m: ConceptMapping, cik: number): readonly ConceptRef[] {
  return m.overrides.find((o) => o.cik === cik)?.concepts ?? m.concepts;
}

/** `us-gaap:PaymentsToAcquireProductiveAssets`, as stored in facts.concept. */
export function qualifiedName(c: ConceptRef): string {
  return `${c.taxonomy}:${c.name}`;
}

/** Every concept the map can read, defaults and overrides (for docs and tests). */
export function allMappedConcepts(): string[] {
  const names = CONCEPT_MAP.flatMap((m) => [...m.concepts, ...m.overrides.flatMap((o) => o.concepts)]).map(qualifiedName);
  return [...new Set(names)];
}
