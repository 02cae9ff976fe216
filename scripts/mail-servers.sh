#!/usr/bin/env bash
# Throwaway mail servers for the test suite, on free ports of 127.0.0.1:
#   mail-servers.sh start DIR   a dovecot (IMAP with STARTTLS, and IMAPS) and
#                               an SMTP sink (STARTTLS, and SMTPS); writes
#                               DIR/servers.json for the tests
#   mail-servers.sh stop DIR    stops both and removes DIR
# dovecot runs with its own config, users and certificate, never the system
# one: as the dovecot user when started as root, as the caller otherwise
# (every dovecot process under one unprivileged user, no chroot). Its files
# live in a fresh folder under the system temp dir (DIR/data-path says where),
# out of reach of a private build folder's permissions. The certificate is
# self-signed for 127.0.0.1 and localhost; tests trust it through ca_file.
set -euo pipefail
action=$1
dir=$2
python=/usr/bin/python3  # the system one, which has aiosmtpd
here=$(cd "$(dirname "$0")" && pwd)
mail_user=relais
mail_password=relais-test-secret

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u dovecot -- "$@"); else "$@"; fi
}

free_port() {
  "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_for_port() {
  for _ in $(seq 100); do
    if "$python" -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "mail-servers: nothing listens on port $1 after 10 s; see $2" >&2
  return 1
}

# Closes every descriptor above stderr: a server that inherited ctest's
# (its output pipes) would keep ctest waiting for them to close, long after
# this script ended.
close_inherited_fds() {
  for fd in /proc/$BASHPID/fd/*; do
    fd=${fd##*/}
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}

write_dovecot_config() {
  local data=$1 imap_port=$2 imaps_port=$3 user group uid gid
  user=$(as_server_user id -un); group=$(as_server_user id -gn)
  uid=$(as_server_user id -u); gid=$(as_server_user id -g)
  echo "$mail_user:{PLAIN}$mail_password:$uid:$gid::$data/home" >"$data/users"
  cat >"$data/dovecot.conf" <<CONF
instance_name = relais-test-$imap_port
base_dir = $data/run
state_dir = $data/state
log_path = $data/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = $uid
last_valid_uid = $uid
mail_location = maildir:$data/home/Maildir
disable_plaintext_auth = no
login_trusted_networks = 127.0.0.0/8
auth_mechanisms = plain login
# No pause after a refused login: the tests refuse some on purpose.
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $data/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $data/users
}
ssl = yes
ssl_cert = <$data/cert.pem
ssl_key = <$data/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
service imap-login {
  chroot =
  inet_listener imap {
    port = $imap_port
  }
  inet_listener imaps {
    port = $imaps_port
    ssl = yes
  }
}
service anvil {
  chroot =
}
CONF
}

start() {
  rm -rf "$dir"; mkdir -p "$dir/sink"
  local data; data=$(mktemp -d "${TMPDIR:-/tmp}/relais-mail.XXXXXX")
  chmod 755 "$data"
  echo "$data" >"$dir/data-path"
  mkdir -p "$data/run" "$data/state" "$data/home/Maildir/new" "$data/home/Maildir/cur" "$data/home/Maildir/tmp"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$data/key.pem" -out "$data/cert.pem" 2>/dev/null
  local imap_port imaps_port smtp_port smtps_port
  imap_port=$(free_port); imaps_port=$(free_port); smtp_port=$(free_port); smtps_port=$(free_port)
  write_dovecot_config "$data" "$imap_port" "$imaps_port"
  if [ "$(id -u)" -eq 0 ]; then chown -R dovecot: "$data"; fi
  (close_inherited_fds; as_server_user /usr/sbin/dovecot -c "$data/dovecot.conf") </dev/null >"$data/start.log" 2>&1
  (close_inherited_fds; exec "$python" "$here/smtp-sink.py" --folder "$dir/sink" --cert "$data/cert.pem" \
    --key "$data/key.pem" --user "$mail_user" --password "$mail_password" --port "$smtp_port" \
    --smtps-port "$smtps_port") </dev/null >"$data/smtp-sink.log" 2>&1 &
  echo $! >"$dir/smtp-sink.pid"
  wait_for_port "$imap_port" "$data/dovecot.log"
  wait_for_port "$imaps_port" "$data/dovecot.log"
  wait_for_port "$smtp_port" "$data/smtp-sink.log"
  wait_for_port "$smtps_port" "$data/smtp-sink.log"
  # doveadm for the tests (to change a folder's UIDVALIDITY), as the server's user.
  printf '#!/bin/sh\nexec %s\n' "$( [ "$(id -u)" -eq 0 ] && echo "runuser -u dovecot -- ")/usr/bin/doveadm -c $data/dovecot.conf \"\$@\"" >"$dir/doveadm"
  chmod +x "$dir/doveadm"
  cat >"$dir/servers.json" <<JSON
{"imap_port": $imap_port, "imaps_port": $imaps_port, "smtp_port": $smtp_port, "smtps_port": $smtps_port,
 "user": "$mail_user", "password": "$mail_password", "ca_file": "$data/cert.pem",
 "maildir": "$data/home/Maildir", "sink": "$dir/sink", "doveadm": "$dir/doveadm"}
JSON
}

stop() {
  if [ -f "$dir/smtp-sink.pid" ]; then kill "$(cat "$dir/smtp-sink.pid")" 2>/dev/null || true; fi
  if [ -f "$dir/data-path" ]; then
    local data; data=$(cat "$dir/data-path")
    as_server_user /usr/sbin/dovecot -c "$data/dovecot.conf" stop 2>/dev/null || true
    rm -rf "$data"
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
