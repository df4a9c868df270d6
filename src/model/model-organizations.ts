// The one reviewed map from Epoch's organisation names to who is racing: a tracked company
// (Google DeepMind is Alphabet's, FAIR is Meta's) or a lab shown as itself (OpenAI, Anthropic,
// DeepSeek…). Matching is by exact name (case and spacing aside), never by prefix: "MetaMind
// Inc" was Salesforce's, not Meta's. An organisation not listed here stays as Epoch names it.
// Review a new Epoch spelling before adding it; test/models/org-map.test.ts lists the names in
// the shared data that look like a tracked company's but are not mapped.

export interface OrganizationEntry {
  /** Epoch's spelling. */
  organization: string;
  /** Who it counts for: a tracked company's name, or the lab's own name. */
  actor: string;
  /** The tracked company's ticker; null for a lab shown as itself. */
  ticker: string | null;
}

const company = (ticker: string, actor: string, names: string[]): OrganizationEntry[] => names.map((organization) => ({ organization, actor, ticker }));
const lab = (actor: string, names: string[]): OrganizationEntry[] => names.map((organization) => ({ organization, actor, ticker: null }));

export const ORGANIZATION_MAP: readonly OrganizationEntry[] = [
  ...company('GOOGL', 'Alphabet', ['Google', 'Google DeepMind', 'DeepMind', 'Google Brain', 'Google Research', 'Google AI', 'Google Cloud']),
  ...company('META', 'Meta', ['Meta AI', 'Meta', 'Facebook AI Research', 'FAIR', 'Facebook AI', 'Facebook']),
  ...company('MSFT', 'Microsoft', ['Microsoft', 'Microsoft Research', 'Microsoft Research Asia', 'Microsoft AI']),
  ...company('AMZN', 'Amazon', ['Amazon', 'Amazon Web Services', 'AWS', 'Amazon AGI']),
  ...company('BABA', 'Alibaba', ['Alibaba', 'Alibaba DAMO Academy', 'Alibaba Cloud', 'Qwen Team', 'Alibaba Qwen']),
  // Labs keep their own name; the map only merges Epoch's spellings of one lab.
  ...lab('Zhipu AI', ['Zhipu AI', 'Z.ai (Zhipu AI)', 'Z.ai']),
  ...lab('Moonshot AI', ['Moonshot', 'Moonshot AI']),
];

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const byName = new Map(ORGANIZATION_MAP.map((e) => [key(e.organization), e]));

/** Who an organisation counts for: its map entry, or the organisation as itself. */
export function actorOf(organization: string): OrganizationEntry {
  const name = organization.replace(/\s+/g, ' ').trim();
  return byName.get(key(name)) ?? { organization: name, actor: name, ticker: null };
}

/** Epoch's comma-separated organisation cell as names ("Microsoft,OpenAI" → two). */
export function splitOrganizations(cell: string | null): string[] {
  return cell ? cell.split(',').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean) : [];
}

/** Each actor once, in the order the organisations are listed ("Google DeepMind,Google" → Alphabet). */
export function actorsOf(cell: string | null): OrganizationEntry[] {
  const seen = new Set<string>();
  const out: OrganizationEntry[] = [];
  for (const org of splitOrganizations(cell)) {
    const a = actorOf(org);
    if (seen.has(a.actor)) continue;
    seen.add(a.actor);
    out.push(a);
  }
  return out;
}
