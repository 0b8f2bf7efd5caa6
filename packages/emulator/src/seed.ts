// Seed data for the default account: a realistic token list with legacy "Client | Token"
// names and partial scopes. Values are random at run time and discarded: seeded tokens
// exist to be listed, renamed and deleted; create a token to get a usable value.

export const DEFAULT_ACCOUNT = { name: 'Demo Org', email: 'demo@example.com' } as const;

export interface SeedToken {
  name: string;
  /** undefined = every scope */
  scopes?: string[];
  /** days before now */
  createdDaysAgo: number;
  /** days before now; undefined = never used */
  lastUsedDaysAgo?: number;
}

export const SEED_TOKENS: readonly SeedToken[] = [
  {
    name: 'Analytics Pipeline | Nightly Export',
    scopes: ['events', 'features'],
    createdDaysAgo: 900,
    lastUsedDaysAgo: 1,
  },
  {
    name: 'Demand Forecasting | Model Training',
    scopes: ['features', 'forecasts'],
    createdDaysAgo: 760,
    lastUsedDaysAgo: 12,
  },
  { name: 'Marketing Site | Event Widget', scopes: ['events', 'places'], createdDaysAgo: 640 },
  { name: 'Production Dashboard', createdDaysAgo: 420, lastUsedDaysAgo: 0 },
  { name: 'Features Only', scopes: ['features'], createdDaysAgo: 300, lastUsedDaysAgo: 3 },
  { name: 'Broadcast Monitor', scopes: ['broadcasts', 'places'], createdDaysAgo: 210, lastUsedDaysAgo: 30 },
  {
    name: 'Location Insights',
    scopes: ['places', 'saved-locations', 'impact-area', 'suggested-radius'],
    createdDaysAgo: 95,
  },
  { name: 'Staging', createdDaysAgo: 14 },
];

const DAY_MS = 86_400_000;
export const daysAgo = (now: number, days: number): string => new Date(now - days * DAY_MS).toISOString();
