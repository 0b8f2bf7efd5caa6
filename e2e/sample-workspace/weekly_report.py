# A weekly report script, written from older PredictHQ docs ("replace $ACCESS_TOKEN with your
# token"). The placeholder is sent as written: PredictHQ answers 401.
import requests

EVENTS_URL = "https://api.predicthq.com/v1/events/"


def upcoming(city_id: str) -> dict:
    response = requests.get(
        EVENTS_URL,
        headers={"Authorization": "Bearer $ACCESS_TOKEN"},
        params={"place.scope": city_id, "limit": 10},
    )
    response.raise_for_status()
    return response.json()
