#!/usr/bin/env bash
# Start the scaled-out set on this machine, for tests and trials: N dashboard processes on
# free loopback ports against one store, and nginx (no root; generated configuration, pid and
# logs in a temporary folder) in front of them. Ctrl-C stops everything.
#
#   deploy/local.sh --processes 2 --db-url postgresql+psycopg://postgres@127.0.0.1:5432/test
#   deploy/local.sh --ports 8501-8504 --proxy-port 8080        # YHDYSPINTA_DB_URL from the env
#   deploy/local.sh nginx-site --ports 8501-8504               # print the site for a server
#
# See `python -m yhdyspinta.cluster run --help` and docs/deploy.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
case "${1:-}" in
    run|nginx-site|-h|--help) exec "$PYTHON" -m yhdyspinta.cluster "$@" ;;
    *) exec "$PYTHON" -m yhdyspinta.cluster run "$@" ;;
esac
