#!/bin/sh
# Correct as written: the shell expands "$API_TOKEN" from the environment.
curl -sS -X GET "https://api.predicthq.com/v1/events/?limit=1" \
  -H "Authorization: Bearer $API_TOKEN" \
  -H "Accept: application/json"
