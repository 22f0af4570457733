#!/usr/bin/env bash
# Makes sure what the tests talk to is there: Redis on 127.0.0.1:6379, PostgreSQL on
# 127.0.0.1:5432 (database `test`, trust auth), and Chromium with its driver for the page tests.
# Starts a service that is installed but stopped; fails loudly when one can't be had, because
# tests that need these never skip.
set -euo pipefail

say() { echo "[test-services] $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! redis_up; then
  command -v redis-server >/dev/null || fail "redis-server is not installed (apt-get install redis-server)"
  say "starting Redis on 127.0.0.1:6379"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 50); do redis_up && break; sleep 0.2; done
  redis_up || fail "Redis did not answer PING on 127.0.0.1:6379"
fi
say "Redis is up"

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 && psql -h 127.0.0.1 -U postgres -d test -tAc 'select 1' >/dev/null 2>&1; }
if ! pg_up; then
  command -v pg_ctlcluster >/dev/null || fail "PostgreSQL is not installed"
  say "starting PostgreSQL on 127.0.0.1:5432"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 50); do pg_up && break; sleep 0.2; done
  pg_up || fail "PostgreSQL (database test, user postgres, trust auth) did not answer on 127.0.0.1:5432"
fi
say "PostgreSQL is up"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver for the page tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver >&2 \
    || fail "could not install chromium and chromium-driver"
fi
say "Chromium is $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
