#!/bin/sh
# Syntax check of deploy/nginx/portal.conf without touching the machine's nginx:
# a throwaway wrapper config, a self-signed certificate and temporary paths, then
# `nginx -t`. Nothing is started. Needs the nginx package (apt-get install nginx-light).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=portal.example.vn" \
    -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
mkdir -p "$work/static" "$work/media" "$work/acme"
sed -e "s#/etc/letsencrypt/live/portal.example.vn#$work#g" \
    -e "s#/srv/portal/static/#$work/static/#g" \
    -e "s#/srv/portal/media/#$work/media/#g" \
    -e "s#/var/www/letsencrypt#$work/acme#g" \
    "$here/nginx/portal.conf" >"$work/portal.conf"
mime=/etc/nginx/mime.types
[ -r "$mime" ] || { echo "types { text/html html; }" >"$work/mime.types"; mime="$work/mime.types"; }
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    include $mime;
    access_log off;
    client_body_temp_path $work/tmp-body;
    proxy_temp_path $work/tmp-proxy;
    include $work/portal.conf;
}
CONF
nginx -t -q -c "$work/nginx.conf" -p "$work" && echo "deploy/nginx/portal.conf: syntax ok"
