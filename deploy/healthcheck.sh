#!/usr/bin/env bash
# Container health probe for the portal image: GET http://127.0.0.1:<port>/health/ready and succeed only on
# HTTP 200. The ASP.NET Core runtime image has neither curl nor wget; bash's /dev/tcp is enough for one request,
# so nothing is installed and nothing extra runs in the image. Used by the Dockerfile's HEALTHCHECK and by the
# portal's healthcheck in docker-compose.yml.
# Usage: portal-healthcheck [path]   (default /health/ready; /health/live checks the process only)
set -euo pipefail

path="${1:-/health/ready}"
port="${ASPNETCORE_HTTP_PORTS:-8080}"
port="${port%%[,;]*}" # ASPNETCORE_HTTP_PORTS may list several ports: probe the first

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nUser-Agent: portal-healthcheck\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
[[ "$status" == HTTP/1.[01]\ 200\ * ]]
