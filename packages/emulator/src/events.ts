// A few realistic events in the shape of PredictHQ's Events API (trimmed to the fields the
// contract names). Dates are relative to "now" so the sample never looks stale.

export interface EventWire {
  id: string;
  title: string;
  category: string;
  start: string;
  end: string;
  country: string;
  location: [number, number];
  rank: number;
  labels: string[];
}

interface EventSeed extends Omit<EventWire, 'start' | 'end'> {
  inDays: number;
  hours: number;
}

const SEEDS: readonly EventSeed[] = [
  {
    id: 'z4nxFMwhY2Kz5d6rBj',
    title: 'Coldplay - Music of the Spheres World Tour',
    category: 'concerts',
    inDays: 12,
    hours: 3,
    country: 'AU',
    location: [144.9834, -37.8199],
    rank: 84,
    labels: ['concert', 'music', 'pop'],
  },
  {
    id: 'Qm7bPvT4Ls1eW9hXc2',
    title: 'Auckland Marathon',
    category: 'sports',
    inDays: 20,
    hours: 7,
    country: 'NZ',
    location: [174.7633, -36.8485],
    rank: 62,
    labels: ['running', 'sport'],
  },
  {
    id: 'Hk3sVn8RfY0uJ5aDq6',
    title: 'AWS re:Invent',
    category: 'conferences',
    inDays: 35,
    hours: 100,
    country: 'US',
    location: [-115.1652, 36.1215],
    rank: 78,
    labels: ['technology', 'conference', 'business'],
  },
  {
    id: 'Bw2tLp9XcN4mG7yRz1',
    title: 'Premier League: Arsenal vs Chelsea',
    category: 'sports',
    inDays: 6,
    hours: 2,
    country: 'GB',
    location: [-0.1086, 51.5549],
    rank: 80,
    labels: ['soccer', 'sport'],
  },
  {
    id: 'Ty6cMq1VbS8nK3wEf5',
    title: 'Public Holiday - Waitangi Day',
    category: 'public-holidays',
    inDays: 70,
    hours: 24,
    country: 'NZ',
    location: [174.886, -40.9006],
    rank: 90,
    labels: ['holiday', 'observance'],
  },
];

export function sampleEvents(now = Date.now()): EventWire[] {
  return SEEDS.map(({ inDays, hours, ...e }) => {
    const start = Math.floor((now + inDays * 86_400_000) / 3_600_000) * 3_600_000; // on the hour
    return { ...e, start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString() };
  });
}
