// Copied from older PredictHQ docs, which wrote $ACCESS_TOKEN. In a JavaScript string the
// placeholder is sent as is (a template literal `${ACCESS_TOKEN}` would be interpolation).
async function concertAttendance() {
  const response = await fetch("https://api.predicthq.com/v1/features/", {
    method: "POST",
    headers: {
      Authorization: "Bearer $ACCESS_TOKEN",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      active: { gte: "2026-01-01", lte: "2026-01-31" },
      location: { geo: { lat: 37.7749, lon: -122.4194, radius: "10km" } },
      phq_attendance_concerts: { stats: ["sum"] },
    }),
  });
  return response.json();
}

concertAttendance().then(console.log);
