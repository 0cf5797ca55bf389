# Shell functions shared by the local benchmarks (scripts/bench-dns, scripts/bench-engine): optional installation
# of knot and dnsperf, a free port on 127.0.0.1, medians, a knot serving one zone file, and cleanup of everything
# started. Source it after `set -euo pipefail`; everything listens on 127.0.0.1 only.
#
#   source scripts/lib/bench-common.sh
#   bench_install_if_asked             # INSTALL=1: apt-get update && apt-get install -y knot dnsperf (root)
#   bench_init_work bench-x            # BENCH_WORK=/tmp/bench-x.XXXXXX, removed on exit with every started process
#   bench_start_knot ZONE ZONEFILE     # sets KNOT_SERVER=127.0.0.1:PORT and KNOT_NAME; returns 1 without knotd,
#                                      # exits 2 when knotd does not serve the zone
#   bench_track_pid PID                # kill PID (and wait for it) on exit

BENCH_PIDS=()
BENCH_WORK=""

bench_install_if_asked() {
  if [[ "${INSTALL:-0}" == 1 ]]; then
    apt-get update -q && apt-get install -y -q knot dnsperf
  fi
}

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${BENCH_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  BENCH_PIDS=()
  if [[ -n "$BENCH_WORK" ]]; then rm -rf "$BENCH_WORK"; fi
}

bench_init_work() {
  BENCH_WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_track_pid() {
  BENCH_PIDS+=("$1")
}

bench_free_port() {
  python3 -c 'import socket
for _ in range(50):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); p = u.getsockname()[1]
    t = socket.socket()
    try:
        t.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        t.close(); u.close()'
}

bench_median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# Polls 127.0.0.1:PORT for ZONE SOA for up to a minute; exit 0 once answered with NOERROR and an answer.
BENCH_SOA_PROBE='import socket, struct, sys, time
port, zone = int(sys.argv[1]), sys.argv[2]
name = b"".join(bytes([len(l)]) + l.encode() for l in zone.split(".")) + b"\0"
q = struct.pack(">HHHHHH", 0x4242, 0, 1, 0, 0, 0) + name + struct.pack(">HH", 6, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.2)
for _ in range(600):
    try:
        s.sendto(q, ("127.0.0.1", port))
        r = s.recv(4096)
        if r[:2] == q[:2] and r[3] & 15 == 0 and struct.unpack(">H", r[6:8])[0] > 0:
            sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)'

# bench_start_knot ZONE ZONEFILE: knotd on 127.0.0.1:$PORT (PORT or a free one) serving ZONEFILE as ZONE, logs in
# $BENCH_WORK/knot.log. Waits until the zone answers (a large zone takes seconds to load).
bench_start_knot() {
  local zone=$1 file=$2 port
  command -v knotd >/dev/null || return 1
  port=${PORT:-$(bench_free_port)}
  mkdir -p "$BENCH_WORK/knot/run" "$BENCH_WORK/knot/db"
  cat > "$BENCH_WORK/knot/knot.conf" <<CONF
server:
    rundir: "$BENCH_WORK/knot/run"
    listen: 127.0.0.1@$port
log:
  - target: stderr
    any: warning
database:
    storage: "$BENCH_WORK/knot/db"
zone:
  - domain: $zone
    storage: "$(dirname "$file")"
    file: "$(basename "$file")"
CONF
  knotd -c "$BENCH_WORK/knot/knot.conf" 2>"$BENCH_WORK/knot.log" &
  bench_track_pid $!
  # Ready when the SOA answers (NOERROR with an answer): a zone of 100k names takes seconds to load.
  if ! python3 -c "$BENCH_SOA_PROBE" "$port" "$zone"; then
    echo "knotd did not serve $zone on 127.0.0.1:$port; its log:" >&2
    cat "$BENCH_WORK/knot.log" >&2
    exit 2
  fi
  KNOT_SERVER="127.0.0.1:$port"
  KNOT_NAME="knot $(knotd --version | awk '{print $NF}') at $KNOT_SERVER"
}
