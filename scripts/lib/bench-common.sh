# Shell functions shared by the local benchmarks (scripts/bench-dns, scripts/bench-engine): optional installation
# of knot and dnsperf, a free port on 127.0.0.1, medians, a knot serving one zone file, and cleanup of everything
# started, the generated zone and the policy hosts of the engine and scan benchmarks. Source it after `set -euo pipefail`; everything listens on 127.0.0.1 only.
#
#   source scripts/lib/bench-common.sh
#   bench_install_if_asked             # INSTALL=1: apt-get update && apt-get install -y knot dnsperf (root)
#   bench_init_work bench-x            # BENCH_WORK=/tmp/bench-x.XXXXXX, removed on exit with every started process
#   bench_start_knot ZONE ZONEFILE...  # sets KNOT_SERVER=127.0.0.1:PORT and KNOT_NAME; returns 1 without knotd,
#                                      # exits 2 when knotd does not serve the zone
#   bench_track_pid PID                # kill PID (and wait for it) on exit
#   bench_build_classpath              # test-compile; BENCH_CP = test classes, classes and runtime dependencies
#   bench_generate_zone ZONE N DIR     # DIR/{ZONE.zone,domains.txt,hosts.txt,queries.txt}: N generated domains
#                                      # (mix from STS_SHARE, BROKEN_SHARE, NXDOMAIN_SHARE, NOMX_SHARE)
#   bench_start_policy_hosts HOSTS     # PolicyHostServer in its own JVM; sets BENCH_HTTPS_PORT and BENCH_CA

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

# bench_start_knot ZONE ZONEFILE [ZONE ZONEFILE...]: one knotd on 127.0.0.1:$PORT (PORT or a free one) serving
# each ZONEFILE as its ZONE, logs in $BENCH_WORK/knot.log. Waits until every zone answers (a large zone takes
# seconds to load).
bench_start_knot() {
  local port zones="" args=("$@") i
  command -v knotd >/dev/null || return 1
  port=${PORT:-$(bench_free_port)}
  mkdir -p "$BENCH_WORK/knot/run" "$BENCH_WORK/knot/db"
  for ((i = 0; i < ${#args[@]}; i += 2)); do
    zones+="  - domain: ${args[i]}
    storage: \"$(dirname "${args[i + 1]}")\"
    file: \"$(basename "${args[i + 1]}")\"
"
  done
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
$zones
CONF
  knotd -c "$BENCH_WORK/knot/knot.conf" 2>"$BENCH_WORK/knot.log" &
  bench_track_pid $!
  # Ready when the SOA answers (NOERROR with an answer): a zone of 100k names takes seconds to load.
  for ((i = 0; i < ${#args[@]}; i += 2)); do
    if ! python3 -c "$BENCH_SOA_PROBE" "$port" "${args[i]}"; then
      echo "knotd did not serve ${args[i]} on 127.0.0.1:$port; its log:" >&2
      cat "$BENCH_WORK/knot.log" >&2
      exit 2
    fi
  done
  KNOT_SERVER="127.0.0.1:$port"
  KNOT_NAME="knot $(knotd --version | awk '{print $NF}') at $KNOT_SERVER"
}

# bench_build_classpath: compiles the tests (the bench mains live there) and sets BENCH_CP.
bench_build_classpath() {
  mvn -q -B -o test-compile
  mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-engine.cp -Dmdep.includeScope=runtime \
    >/dev/null
  BENCH_CP="target/test-classes:target/classes:$(cat target/bench-engine.cp)"
}

# bench_generate_zone ZONE N DIR: a zone-like list of N domains d0..dN-1 under ZONE. Writes DIR/ZONE.zone (for
# knot), DIR/domains.txt (DOMAIN EXPECTED_OUTCOME in scan order), DIR/hosts.txt (policy hosts for
# PolicyHostServer) and DIR/queries.txt (the engine's queries per domain, for dnsperf). The mix, as shares of N:
# STS_SHARE 0.015 (record + policy host + policy: 80 % enforce, 15 % testing, 5 % none; 60 % with TLS-RPT),
# BROKEN_SHARE 0.002 (record, broken policy host: no A, refused, 404), NXDOMAIN_SHARE 0.05, NOMX_SHARE 0.04 (name
# exists, no MX); the rest MX only. Deterministic (seeded).
bench_generate_zone() {
  python3 - "$3" "$1" "$2" "${STS_SHARE:-0.015}" "${BROKEN_SHARE:-0.002}" "${NXDOMAIN_SHARE:-0.05}" \
    "${NOMX_SHARE:-0.04}" <<'PY'
import random, sys
work, zone, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sts, broken, nx, nomx = (round(n * float(x)) for x in sys.argv[4:8])
rng = random.Random(8461)
kinds = ["sts"] * sts + ["broken"] * broken + ["nx"] * nx + ["nomx"] * nomx
kinds += ["mx"] * (n - len(kinds))
rng.shuffle(kinds)
expected = {"nx": "NO_DOMAIN", "nomx": "NO_RECORD", "mx": "NO_RECORD", "broken": "POLICY_UNAVAILABLE"}
modes = {"enforce": "VALID_ENFORCE", "testing": "VALID_TESTING", "none": "VALID_NONE"}
with open(f"{work}/{zone}.zone", "w") as z, open(f"{work}/domains.txt", "w") as d, \
     open(f"{work}/hosts.txt", "w") as h, open(f"{work}/queries.txt", "w") as q:
    z.write(f"$ORIGIN {zone}.\n$TTL 300\n@ SOA ns.{zone}. hostmaster.{zone}. 1 3600 600 86400 300\n"
            f"@ NS ns.{zone}.\nns A 127.0.0.1\n")
    counts = {}
    for i, kind in enumerate(kinds):
        name = f"d{i}"
        fqdn = f"{name}.{zone}"
        q.write(f"_mta-sts.{fqdn} TXT\n{fqdn} MX\n")
        if kind == "nx":
            outcome = expected[kind]
        elif kind == "nomx":
            z.write(f"{name} A 192.0.2.1\n")
            outcome = expected[kind]
        else:
            z.write(f"{name} MX 10 mx1.{fqdn}.\n{name} MX 20 mx2.{fqdn}.\n")
            outcome = expected["mx"]
        if kind in ("sts", "broken"):
            z.write(f'_mta-sts.{name} TXT "v=STSv1; id=20240101T000000"\n')
            q.write(f"mta-sts.{fqdn} A\nmta-sts.{fqdn} AAAA\n_smtp._tls.{fqdn} TXT\n")
            if rng.random() < 0.6:
                z.write(f'_smtp._tls.{name} TXT "v=TLSRPTv1; rua=mailto:tlsrpt@{fqdn}"\n')
        if kind == "sts":
            r = rng.random()
            mode = "enforce" if r < 0.80 else "testing" if r < 0.95 else "none"
            z.write(f"mta-sts.{name} A 127.0.0.1\n")
            h.write(f"mta-sts.{fqdn} {mode}\n")
            outcome = modes[mode]
        elif kind == "broken":
            outcome = expected[kind]
            how = counts.get("broken", 0) % 3
            counts["broken"] = counts.get("broken", 0) + 1
            if how == 1:
                z.write(f"mta-sts.{name} A 127.0.0.3\n")  # nothing listens there: connection refused
            elif how == 2:
                z.write(f"mta-sts.{name} A 127.0.0.1\n")
                h.write(f"mta-sts.{fqdn} 404\n")
            # how == 0: no policy host at all (NXDOMAIN)
        d.write(f"{fqdn} {outcome}\n")
PY
}

# bench_start_policy_hosts HOSTS: PolicyHostServer (SandboxHttpsServer with a fresh CA) on 127.0.0.1 in its own
# JVM (BENCH_CP, 256 MiB heap) for the hosts of HOSTS; waits until it listens. Sets BENCH_HTTPS_PORT and BENCH_CA
# (the CA's PEM); its log is $BENCH_WORK/https.log.
bench_start_policy_hosts() {
  local hosts=$1 pid
  java -Xmx256m -Dslf4j.internal.verbosity=ERROR -cp "$BENCH_CP" org.mtastscensus.bench.PolicyHostServer \
    --hosts "$hosts" --ca-out "$BENCH_WORK/ca.pem" --port-out "$BENCH_WORK/https.port" 2>"$BENCH_WORK/https.log" &
  pid=$!
  bench_track_pid "$pid"
  for _ in $(seq 1 1200); do
    [[ -s "$BENCH_WORK/https.port" ]] && break
    kill -0 "$pid" 2>/dev/null || { echo "PolicyHostServer died:" >&2; cat "$BENCH_WORK/https.log" >&2; exit 2; }
    sleep 0.1
  done
  [[ -s "$BENCH_WORK/https.port" ]] || { echo "PolicyHostServer did not start" >&2; exit 2; }
  BENCH_HTTPS_PORT=$(cat "$BENCH_WORK/https.port")
  BENCH_CA="$BENCH_WORK/ca.pem"
  echo "HTTPS: $(cat "$BENCH_WORK/https.log")"
}
