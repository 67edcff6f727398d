#!/usr/bin/env bash
# Thin wrapper around bench/peers.py (claimcheck against quantulum3 and Duckling); the options
# are passed through, e.g. `bash bench/peers.sh --with-100mb`. See the docstring of peers.py.
set -euo pipefail
exec python3 "$(dirname "$0")/peers.py" "$@"
