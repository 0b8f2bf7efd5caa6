# Copied from the PredictHQ docs (API quickstart). The placeholder is sent literally:
# PredictHQ answers 401 until "$API_TOKEN" is replaced.
import requests

response = requests.get(
    url="https://api.predicthq.com/v1/events/",
    headers={
        "Authorization": "Bearer $API_TOKEN",
        "Accept": "application/json",
    },
    params={"q": "Katy Perry", "limit": 1},
)

print(response.json())
