# The token comes from the environment: "Use Token in Terminals" (API Tokens view) puts it
# into new terminals without writing it anywhere; then run: python3 events_count.py
import json
import os
import urllib.request

api = os.environ.get("PHQ_API_URL") or "https://api.predicthq.com"
url = api + "/v1/events/?limit=1"
request = urllib.request.Request(url, headers={"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]})
with urllib.request.urlopen(request) as response:
    body = json.load(response)
    print(f"PredictHQ answered {response.status}: {len(body['results'])} event(s)")
