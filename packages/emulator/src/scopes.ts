// The scope catalog: one scope per public API family (docs/api/openapi.yaml, ScopeId).

export interface Scope {
  id: string;
  label: string;
  description: string;
  path_prefixes: string[];
}

const scope = (id: string, label: string, description: string): Scope => ({
  id,
  label,
  description,
  path_prefixes: [`/v1/${id}/`],
});

export const SCOPES: readonly Scope[] = [
  scope('events', 'Events', 'Search and read events (Events API), incl. event counts and calendars.'),
  scope('broadcasts', 'Broadcasts', 'Televised sports broadcasts and their viewership (Broadcasts API).'),
  scope('features', 'Features', 'Daily demand features aggregated for a location (Features API).'),
  scope('places', 'Places', 'Look up places and their hierarchies (Places API).'),
  scope('beam', 'Beam', 'Relevancy analysis of events against your demand data (Beam API).'),
  scope('forecasts', 'Forecasts', 'Demand forecasts built with event features (Forecasts API).'),
  scope('loop', 'Loop', 'Loop links and submissions of missing or incorrect events (Loop API).'),
  scope('saved-locations', 'Saved Locations', 'Create and read saved locations (Saved Locations API).'),
  scope('demand-surge', 'Demand Surge', 'Dates with unusually high event impact (Demand Surge API).'),
  scope('impact-area', 'Impact Area', 'The area around a location where events matter (Impact Area API).'),
  scope('suggested-radius', 'Suggested Radius', 'Radius to search around a location (Suggested Radius API).'),
];

export const SCOPE_IDS: readonly string[] = SCOPES.map((s) => s.id);
export const isScopeId = (v: unknown): v is string => typeof v === 'string' && SCOPE_IDS.includes(v);
