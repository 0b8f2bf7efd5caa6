// @phq-tokens/families: PredictHQ's public API families. The one list of scopes, their
// paths and how to probe each for a token's scope; the emulator, the detection engine, core
// and the tests all read it. No imports: it is data, cheap to load anywhere.

export interface ProbeRequest {
  method: 'GET' | 'POST';
  /** As PredictHQ documents it: not every family's path ends in a slash. */
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Why this request is safe and cheap, and what its answer means (shown in docs and tooltips). */
  why: string;
  /**
   * True when the request is refused for missing parameters (400/422) if the scope is granted:
   * that the scope check runs before validation is likely but not documented by PredictHQ.
   */
  inferred: boolean;
}

export interface Endpoint {
  method: 'GET' | 'POST';
  /** As PredictHQ's published spec writes it (with or without a trailing slash). */
  path: string;
  /** Query parameters (GET) or body fields (POST) the call cannot do without: 400 or 422 when missing. */
  required?: { params: string[]; status: 400 | 422 };
}

export interface ApiFamily {
  /** Scope id, e.g. "events". */
  id: string;
  label: string;
  description: string;
  /** Path prefixes of the family, without a trailing slash. */
  pathPrefixes: string[];
  /** The documented read endpoints (the emulator serves these, with and without a trailing slash). */
  endpoints: Endpoint[];
  /** 402 (subscription expired) is documented for this family. */
  paymentRequired: boolean;
  /** The 403 message PredictHQ documents for a token without the scope. */
  forbiddenMessage: string;
  probe: ProbeRequest;
}

const SCOPE_INSUFFICIENT = 'Bearer token scope insufficient';

const family = (
  id: string,
  label: string,
  description: string,
  probe: ProbeRequest,
  endpoints: Endpoint[],
  extra: { paymentRequired?: boolean; forbiddenMessage?: string } = {},
): ApiFamily => ({
  id,
  label,
  description,
  pathPrefixes: [`/v1/${id}`],
  endpoints,
  paymentRequired: extra.paymentRequired ?? false,
  forbiddenMessage: extra.forbiddenMessage ?? SCOPE_INSUFFICIENT,
  probe,
});
const get = (...paths: string[]): Endpoint[] => paths.map((path) => ({ method: 'GET', path }));

const LIST = 'a read-only list call asking for one item';
const REQUIRED =
  'called without its required parameters, so it reads nothing: 400/422 after the scope check means the scope is granted';

export const API_FAMILIES: readonly ApiFamily[] = [
  family(
    'events',
    'Events',
    'Search and read events (Events API), incl. event counts and calendars.',
    {
      method: 'GET',
      path: '/v1/events/',
      query: { limit: 1 },
      why: `${LIST}; the call PredictHQ documents for checking a token`,
      inferred: false,
    },
    get('/v1/events/', '/v1/events/count/'),
    { paymentRequired: true },
  ),
  family(
    'broadcasts',
    'Broadcasts',
    'Televised sports broadcasts and their viewership (Broadcasts API).',
    {
      method: 'GET',
      path: '/v1/broadcasts/',
      query: { limit: 1 },
      why: LIST,
      inferred: false,
    },
    get('/v1/broadcasts/', '/v1/broadcasts/count/'),
    { paymentRequired: true },
  ),
  family(
    'features',
    'Features',
    'Daily demand features aggregated for a location (Features API).',
    {
      method: 'POST',
      path: '/v1/features/',
      body: {},
      why: `a query with an empty body: it asks for no feature and changes nothing (POST is how Features is read); ${REQUIRED}`,
      inferred: true,
    },
    [{ method: 'POST', path: '/v1/features/', required: { params: ['location'], status: 400 } }],
    { paymentRequired: true },
  ),
  family(
    'places',
    'Places',
    'Look up places and their hierarchies (Places API).',
    {
      method: 'GET',
      path: '/v1/places',
      query: { q: 'a', limit: 1 },
      why: LIST,
      inferred: false,
    },
    get('/v1/places', '/v1/places/hierarchies'),
  ),
  family(
    'beam',
    'Beam',
    'Relevancy analysis of events against your demand data (Beam API).',
    {
      method: 'GET',
      path: '/v1/beam/analyses',
      query: { limit: 1 },
      why: LIST,
      inferred: false,
    },
    get('/v1/beam/analyses', '/v1/beam/analysis-groups'),
  ),
  family(
    'forecasts',
    'Forecasts',
    'Demand forecasts built with event features (Forecasts API).',
    {
      method: 'GET',
      path: '/v1/forecasts/algos',
      why: 'a read-only list of the forecasting algorithms (a few items)',
      inferred: false,
    },
    get('/v1/forecasts/algos', '/v1/forecasts/models'),
    { paymentRequired: true },
  ),
  family(
    'loop',
    'Loop',
    'Loop links and submissions of missing or incorrect events (Loop API).',
    {
      method: 'GET',
      path: '/v1/loop/settings',
      why: "a read-only read of the organization's Loop settings (one small object)",
      inferred: false,
    },
    get('/v1/loop/links', '/v1/loop/settings', '/v1/loop/events'),
  ),
  family(
    'saved-locations',
    'Saved Locations',
    'Create and read saved locations (Saved Locations API).',
    {
      method: 'GET',
      path: '/v1/saved-locations',
      query: { limit: 1 },
      why: LIST,
      inferred: false,
    },
    get('/v1/saved-locations'),
  ),
  family(
    'demand-surge',
    'Demand Surge',
    'Dates with unusually high event impact (Demand Surge API).',
    {
      method: 'GET',
      path: '/v1/demand-surge/',
      why: REQUIRED,
      inferred: true,
    },
    [
      {
        method: 'GET',
        path: '/v1/demand-surge/',
        required: { params: ['min_surge_intensity', 'date_from'], status: 422 },
      },
    ],
  ),
  family(
    'impact-area',
    'Impact Area',
    'The area around a location where events matter (Impact Area API).',
    {
      method: 'GET',
      path: '/v1/impact-area/',
      why: REQUIRED,
      inferred: true,
    },
    [{ method: 'GET', path: '/v1/impact-area/', required: { params: ['location.origin'], status: 400 } }],
    { forbiddenMessage: 'Insufficient permissions' },
  ),
  family(
    'suggested-radius',
    'Suggested Radius',
    'Radius to search around a location (Suggested Radius API).',
    { method: 'GET', path: '/v1/suggested-radius/', why: REQUIRED, inferred: true },
    [{ method: 'GET', path: '/v1/suggested-radius/', required: { params: ['location.origin'], status: 400 } }],
    { forbiddenMessage: 'Insufficient permissions' },
  ),
];

export const SCOPE_IDS: readonly string[] = API_FAMILIES.map((f) => f.id);

export const isScopeId = (v: unknown): v is string => typeof v === 'string' && SCOPE_IDS.includes(v);

/** The public API paths of a family as the scope catalog names them (with a trailing slash). */
export const familyPrefixes = (f: ApiFamily): string[] => f.pathPrefixes.map((p) => `${p}/`);
