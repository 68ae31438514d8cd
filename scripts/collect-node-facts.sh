#!/bin/sh
# collect-node-facts.sh: print the facts of this Posit Connect node as one JSON object, in the
# shape of a `nodes` entry of Plumbline's snapshot (the schema's $defs.node), secrets removed.
#
# Run it as root on every Connect node, then put the outputs into the snapshot's `nodes` array:
#   sudo sh collect-node-facts.sh --vm-id "$(vm id)" > connect-1.json
#
# POSIX sh only: it must run with dash, busybox sh and bash alike, and it reads nothing it does not
# need. Facts it cannot establish are left out (the rules then report UNKNOWN), never guessed; why
# each was left out goes to stderr. Run with --help for the options.

set -u
LC_ALL=C
export LC_ALL

PROG=collect-node-facts
# Prefixes every file the script reads (the config, the runtimes it names, /proc/mounts), so it can
# be run against a fake root in tests. Commands (dpkg-query, id, ...) are found on PATH.
ROOT=${PLUMBLINE_ROOT:-}

usage() {
  cat <<'EOF'
Usage: collect-node-facts.sh [--config PATH] [--name NAME] [--vm-id ID]

Prints the facts of this Posit Connect node as one JSON object: a node entry of a Plumbline
snapshot (its `nodes` array). Run it as root on each Connect node.

  --config PATH  the Connect configuration file
                 (default /etc/rstudio-connect/rstudio-connect.gcfg)
  --name NAME    the node's name in the snapshot (default: the short host name)
  --vm-id ID     the ARM id of the node's VM, which ties the facts to the VM for certain
  --help         print this help

Collected: the installed Connect version (dpkg or rpm), the Python, R and Quarto versions of the
executables the configuration names, every configuration setting with secrets removed (settings
named like passwords, secrets, tokens or keys are left out, URL passwords become REDACTED) and
the sha256 of the file, the NFS mounts, whether the clock is NTP-synchronized, and the uid/gid of
the Applications.RunAs user. A fact that cannot be established is left out and noted on stderr.

Environment: PLUMBLINE_ROOT prefixes every file path read (for tests; default empty).
EOF
}

note() {
  printf '%s: %s\n' "$PROG" "$1" >&2
}

die() {
  note "$1"
  exit "${2:-1}"
}

# --- JSON -----------------------------------------------------------------------------------------

# awk functions shared by every awk program below: jstr(s) is s as a JSON string literal, with
# quotes, backslashes and control characters escaped (bytes are kept as they are, so UTF-8 passes).
JSON_AWK='
function jinit(   i, c) {
  JESC["\""] = "\\\""; JESC["\\"] = "\\\\"
  JESC["\n"] = "\\n"; JESC["\r"] = "\\r"; JESC["\t"] = "\\t"; JESC["\b"] = "\\b"; JESC["\f"] = "\\f"
  for (i = 1; i < 32; i++) {
    c = sprintf("%c", i)
    if (!(c in JESC)) JESC[c] = sprintf("\\u%04x", i)
  }
  JESC[sprintf("%c", 127)] = "\\u007f"
}
function jstr(s,   out, i, n, c) {
  out = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    out = out ((c in JESC) ? JESC[c] : c)
  }
  return "\"" out "\""
}
'

# json_string TEXT: prints TEXT as a JSON string literal (no newline).
json_string() {
  JSON_TEXT=$1 awk "$JSON_AWK"'BEGIN { jinit(); printf "%s", jstr(ENVIRON["JSON_TEXT"]) }'
}

# json_array: prints the lines on stdin as a one-line JSON array of strings.
json_array() {
  awk "$JSON_AWK"'BEGIN { jinit(); printf "[" } { printf "%s%s", sep, jstr($0); sep = ", " } END { printf "]" }'
}

# --- The gcfg reader ------------------------------------------------------------------------------

# Reads a gcfg (git-config-like) file as Connect's gcfg library does: [Section] and
# [Section "Subsection"] headers, `Name = value` lines, comments from ; or # outside quotes, quoted
# parts with the escapes \" \\ \n \t, trailing whitespace trimmed (unless quoted), a line ending in
# an unquoted \ continued on the next. Section and setting names are case-insensitive (lower-cased
# here), subsection names are not (kept). A name without `=` is a boolean's implicit true.
#   mode=json: prints the settings as a JSON object, each key `section.name` or
#     `section "sub".name` with the list of its values in file order, secrets removed.
#   mode=get want=KEY: prints the raw values of one setting, one a line (for the script's own use).
# Arguments: awk -v assignments (mode, want, indent).
gcfg_read() {
  awk -v prog="$PROG" -v cfgname="$CONFIG" "$@" "$JSON_AWK"'
function trimlead(s) { sub(/^[ \t\r]+/, "", s); return s }
function warn(msg) {
  if (mode == "json") printf "%s: %s line %d: %s\n", prog, cfgname, FNR, msg > "/dev/stderr"
}
function ident(s) { return match(s, /^[^][ \t\r"=;#\\]+/) ? substr(s, 1, RLENGTH) : "" }

# The setting names whose values are secrets: they are left out entirely.
function secret(name) {
  name = tolower(name)
  return name ~ /password|secret|token|credential/ || name ~ /key$/
}

# Replaces the password of scheme://user:password@host with REDACTED. The userinfo ends at the
# last @ before any ? or #, so a password holding an unencoded @ or / is redacted whole; one holding
# an unencoded ? or # is redacted up to the first @ after it.
function redact_url(v,   out, p, rest, tok, colon, at, pre) {
  out = ""
  while ((p = index(v, "://")) > 0) {
    out = out substr(v, 1, p + 2)
    rest = substr(v, p + 3)
    tok = rest
    if (match(tok, /[ \t\n]/)) tok = substr(tok, 1, RSTART - 1)
    colon = index(tok, ":"); at = index(tok, "@")
    if (colon > 0 && at > colon + 1 && substr(tok, 1, colon - 1) !~ /[\/?#@]/) {
      pre = tok
      if (match(pre, /[?#]/)) pre = substr(pre, 1, RSTART - 1)
      while (match(substr(pre, at + 1), /@/)) at += RSTART
      out = out substr(tok, 1, colon) "REDACTED@"
      rest = substr(rest, at + 1)
    }
    v = rest
  }
  return out v
}

# Replaces the value of any password=... parameter (a libpq key/value string, a URL query).
function redact_params(v,   out, p, rest, i, n, c, q) {
  out = ""
  while ((p = index(tolower(v), "password=")) > 0) {
    out = out substr(v, 1, p + 8)
    rest = substr(v, p + 9)
    n = length(rest); q = (substr(rest, 1, 1) == "\047")
    for (i = q ? 2 : 1; i <= n; i++) {
      c = substr(rest, i, 1)
      if (q && c == "\\") { i++; continue }
      if (q && c == "\047") { i++; break }
      if (!q && (c == " " || c == "\t" || c == "&" || c == ";")) break
    }
    if (i > 1) out = out "REDACTED"
    v = substr(rest, i)
  }
  return out v
}

# The value after "=", read to the end of the line (or of its continuation lines).
function scanvalue(s,   out, keep, i, n, c, x, q, more) {
  s = trimlead(s); out = ""; keep = 0; q = 0
  while (1) {
    more = 0; n = length(s)
    for (i = 1; i <= n; i++) {
      c = substr(s, i, 1)
      if (q) {
        if (c == "\"") { q = 0; keep = length(out); continue }
        if (c == "\\") {
          x = substr(s, ++i, 1)
          if (x == "n") c = "\n"
          else if (x == "t") c = "\t"
          else if (x == "\\" || x == "\"") c = x
          else { warn("unknown escape sequence \\" x " in a quoted value"); c = x }
        }
        out = out c; keep = length(out)
      } else if (c == "\"") {
        q = 1; keep = length(out)
      } else if (c == ";" || c == "#") {
        return substr(out, 1, keep)
      } else if (c == "\\" && i == n) {
        if ((getline s) > 0) { sub(/\r$/, "", s); keep = length(out); more = 1; break }
        else warn("the file ends in a line continuation")
      } else {
        if (c == "\\") warn("an unquoted \\ must end the line")
        out = out c
        if (c != " " && c != "\t" && c != "\r") keep = length(out)
      }
    }
    if (!more) break
  }
  if (q) warn("a quoted value is not closed")
  return substr(out, 1, keep)
}

function header(s,   name, subsec, c, i, n, ok) {
  s = trimlead(substr(s, 2)); name = ident(s); subsec = ""
  if (name == "") return 0
  s = trimlead(substr(s, length(name) + 1))
  if (substr(s, 1, 1) == "\"") {
    n = length(s); ok = 0
    for (i = 2; i <= n; i++) {
      c = substr(s, i, 1)
      if (c == "\"") { ok = 1; break }
      if (c == "\\") c = substr(s, ++i, 1)
      subsec = subsec (c == "\\" || c == "\"" ? "\\" : "") c
    }
    if (!ok || subsec == "") return 0
    s = trimlead(substr(s, i + 1))
  }
  if (substr(s, 1, 1) != "]") return 0
  s = trimlead(substr(s, 2))
  if (s != "" && s !~ /^[;#]/) return 0
  section = tolower(name) (subsec == "" ? "" : " \"" subsec "\"")
  return 1
}

function setting(key, name, value) {
  if (mode == "get") {
    if (key == want) print value
    return
  }
  if (secret(name)) {
    if (!(key in dropped)) { dropped[key] = 1; secrets = secrets (secrets == "" ? "" : ", ") key }
    return
  }
  value = jstr(redact_params(redact_url(value)))
  if (key in values) values[key] = values[key] ", " value
  else { order[++count] = key; values[key] = value }
}

BEGIN { jinit(); section = ""; inbad = 0; count = 0; secrets = "" }
{
  line = $0
  if (FNR == 1 && substr(line, 1, 3) == "\357\273\277") line = substr(line, 4)
  sub(/\r$/, "", line)
  line = trimlead(line)
  if (line == "" || line ~ /^[;#]/) next
  if (substr(line, 1, 1) == "[") {
    inbad = !header(line)
    if (inbad) { warn("cannot read this section header; its settings are left out"); section = "" }
    next
  }
  if (section == "") {
    if (!inbad) warn("a setting outside any section is left out")
    next
  }
  name = ident(line)
  if (name == "") { warn("cannot read this line; it is left out"); next }
  rest = trimlead(substr(line, length(name) + 1))
  if (rest == "" || rest ~ /^[;#]/) value = "true"
  else if (substr(rest, 1, 1) != "=") { warn("expected \"=\" after " name "; the line is left out"); next }
  else value = scanvalue(substr(rest, 2))
  setting(section "." tolower(name), name, value)
}
END {
  if (mode != "json") exit
  if (secrets != "") printf "%s: left out as secrets: %s\n", prog, secrets > "/dev/stderr"
  if (count == 0) { printf "{}"; exit }
  printf "{\n"
  for (i = 1; i <= count; i++)
    printf "%s  %s: [%s]%s\n", indent, jstr(order[i]), values[order[i]], (i < count ? "," : "")
  printf "%s}", indent
}
' "$CONFIG_FILE"
}

# gcfg_values KEY: the raw values of one setting of the configuration, one a line.
gcfg_values() {
  gcfg_read -v mode=get -v want="$1"
}

# --- Arguments ------------------------------------------------------------------------------------

CONFIG=/etc/rstudio-connect/rstudio-connect.gcfg
NAME=
VM_ID=
while [ $# -gt 0 ]; do
  case $1 in
    --help|-h) usage; exit 0 ;;
    --config|--name|--vm-id)
      [ $# -ge 2 ] || die "$1 needs a value (see --help)" 2
      case $1 in
        --config) CONFIG=$2 ;;
        --name) NAME=$2 ;;
        --vm-id) VM_ID=$2 ;;
      esac
      shift 2 ;;
    --config=*) CONFIG=${1#--config=}; shift ;;
    --name=*) NAME=${1#--name=}; shift ;;
    --vm-id=*) VM_ID=${1#--vm-id=}; shift ;;
    *) die "unknown argument '$1' (see --help)" 2 ;;
  esac
done

# --- The configuration file (first: without it there is nothing to report) ------------------------

CONFIG_FILE=$ROOT$CONFIG
if [ ! -f "$CONFIG_FILE" ]; then
  die "cannot read the Connect configuration $CONFIG_FILE: no such file (use --config PATH)"
fi
if [ ! -r "$CONFIG_FILE" ]; then
  die "cannot read the Connect configuration $CONFIG_FILE: permission denied (run as root)"
fi
if ! SETTINGS=$(gcfg_read -v mode=json -v indent="    "); then
  die "cannot read the Connect configuration $CONFIG_FILE"
fi

DIGEST=
if command -v sha256sum >/dev/null 2>&1; then
  DIGEST=$(sha256sum <"$CONFIG_FILE" | awk '{ print $1 }')
elif command -v openssl >/dev/null 2>&1; then
  DIGEST=$(openssl dgst -sha256 -r <"$CONFIG_FILE" | awk '{ print $1 }')
fi
case $DIGEST in
  ????????????????????????????????????????????????????????????????) ;;
  *) DIGEST=; note "no sha256sum or openssl to hash the configuration: config.digest left out" ;;
esac

# --- Identity -------------------------------------------------------------------------------------

HOST=
if command -v hostname >/dev/null 2>&1; then
  HOST=$(hostname 2>/dev/null | awk 'NR == 1 { print $1 }')
fi
[ -n "$HOST" ] || note "no host name from hostname: hostname left out"
if [ -z "$NAME" ]; then
  NAME=${HOST%%.*}
  if [ -z "$NAME" ] && command -v uname >/dev/null 2>&1; then
    NAME=$(uname -n 2>/dev/null)
    NAME=${NAME%%.*}
  fi
  [ -n "$NAME" ] || die "cannot tell the node's name: pass --name NAME" 2
fi

# The first IPv4 address that is neither loopback nor link-local.
first_ipv4() {
  awk '{
    for (i = 1; i <= NF; i++) {
      a = $i
      if (a == "inet" || a ~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+(\/[0-9]+)?$/) {
        if (a == "inet") a = $(++i)
        sub(/\/.*/, "", a)
        if (a ~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/ && a !~ /^127\./ && a !~ /^169\.254\./) { print a; exit }
      }
    }
  }'
}
PRIVATE_IP=
if command -v hostname >/dev/null 2>&1; then
  PRIVATE_IP=$(hostname -I 2>/dev/null | first_ipv4)
fi
if [ -z "$PRIVATE_IP" ] && command -v ip >/dev/null 2>&1; then
  PRIVATE_IP=$(ip -4 -o addr show 2>/dev/null | first_ipv4)
fi
[ -n "$PRIVATE_IP" ] || note "no non-loopback IPv4 address from hostname -I or ip: privateIp left out"

COLLECTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ 2>/dev/null) || COLLECTED_AT=

# --- The Connect version, from the package manager ------------------------------------------------

VERSION=
if command -v dpkg-query >/dev/null 2>&1; then
  # Only an installed package counts: a removed one keeps its version while its config files stay.
  VERSION=$(dpkg-query -W -f="\${Status}|\${Version}" rstudio-connect 2>/dev/null \
    | awk -F'|' 'NR == 1 && $1 ~ / installed$/ && $2 != "" { print $2 }')
fi
if [ -z "$VERSION" ] && command -v rpm >/dev/null 2>&1; then
  if RPM_VERSIONS=$(rpm -q --qf '%{VERSION}\n' rstudio-connect 2>/dev/null); then
    case $RPM_VERSIONS in
      *"
"*) note "several rstudio-connect packages are installed: connect.version left out" ;;
      *) VERSION=$RPM_VERSIONS ;;
    esac
  fi
fi
[ -n "$VERSION" ] || note "rstudio-connect is not an installed dpkg or rpm package: connect.version left out"

# --- Runtimes: run each executable the configuration names ----------------------------------------

# runtime_version KIND EXECUTABLE: prints the version EXECUTABLE --version reports, or notes why not.
runtime_version() {
  case $2 in
    /*) exe=$ROOT$2 ;;
    -*|*/*) note "$1 executable '$2' is not an absolute path: skipped"; return 1 ;;
    *)
      exe=$(command -v "$2" 2>/dev/null) || exe=
      case $exe in
        /*) ;;
        *) note "$1 executable '$2' is not on PATH: skipped"; return 1 ;;
      esac ;;
  esac
  if [ ! -f "$exe" ] || [ ! -x "$exe" ]; then
    note "$1 executable $2 does not exist or is not executable: skipped"
    return 1
  fi
  if command -v timeout >/dev/null 2>&1; then
    out=$(timeout 60 "$exe" --version 2>&1 </dev/null)
  else
    out=$("$exe" --version 2>&1 </dev/null)
  fi
  status=$?
  if [ "$status" -ne 0 ]; then
    note "$1 executable $2 --version failed (exit $status): skipped"
    return 1
  fi
  # "Python 3.12.4"; "R version 4.4.1 (2024-06-14) -- ..."; quarto prints "1.5.57".
  v=$(printf '%s\n' "$out" | awk -v kind="$1" '
    function version(s) { return s ~ /^[0-9]+(\.[0-9]+)+[A-Za-z0-9.+~-]*$/ }
    kind == "python" { for (i = 1; i < NF; i++) if ($i == "Python" && version($(i + 1))) { print $(i + 1); exit } }
    kind == "r" && $1 == "R" && $2 == "version" && version($3) { print $3; exit }
    kind == "quarto" && NF == 1 && version($1) { print $1; exit }')
  if [ -z "$v" ]; then
    note "$1 executable $2 --version printed no version number: skipped"
    return 1
  fi
  printf '%s\n' "$v"
}

# runtime_versions KIND KEY: the sorted distinct versions of the executables KEY names, or nothing
# (and status 1) when the configuration names none.
runtime_versions() {
  exes=$(gcfg_values "$2")
  if [ -z "$exes" ]; then
    return 1
  fi
  printf '%s\n' "$exes" | while IFS= read -r line; do
    [ -z "$line" ] || runtime_version "$1" "$line"
  done | sort -t . -k 1,1n -k 2,2n -k 3,3n | uniq
}

RUNTIMES=
add_runtime() {
  if versions=$(runtime_versions "$1" "$2"); then
    entry="    $(json_string "$1"): $(printf '%s' "$versions" | json_array)"
    RUNTIMES=${RUNTIMES:+$RUNTIMES,
}$entry
  else
    note "the configuration sets no $2: runtimes.$1 left out (what Connect then finds is not known)"
  fi
}
add_runtime python python.executable
add_runtime r r.executable
add_runtime quarto quarto.executable

# --- Mounts, clock, users -------------------------------------------------------------------------

MOUNTS=
MOUNTS_FILE=$ROOT/proc/mounts
if [ -r "$MOUNTS_FILE" ]; then
  # /proc/mounts escapes space, tab, newline and backslash as \040 \011 \012 \134.
  MOUNTS=$(awk "$JSON_AWK"'
    function unoct(s,   out, i, d) {
      out = ""
      while ((i = index(s, "\\")) > 0) {
        d = substr(s, i + 1, 3)
        if (d ~ /^[0-7][0-7][0-7]$/) {
          out = out substr(s, 1, i - 1) sprintf("%c", substr(d, 1, 1) * 64 + substr(d, 2, 1) * 8 + substr(d, 3, 1))
          s = substr(s, i + 4)
        } else { out = out substr(s, 1, i); s = substr(s, i + 1) }
      }
      return out s
    }
    BEGIN { jinit(); n = 0 }
    $3 == "nfs" || $3 == "nfs4" {
      printf "%s    {\"source\": %s, \"target\": %s, \"fstype\": %s}", (n++ ? ",\n" : ""), jstr(unoct($1)), jstr(unoct($2)), jstr($3)
    }' "$MOUNTS_FILE") || MOUNTS_FILE=
else
  MOUNTS_FILE=
fi
[ -n "$MOUNTS_FILE" ] || note "cannot read $ROOT/proc/mounts: mounts left out"

CLOCK=
if command -v timedatectl >/dev/null 2>&1; then
  CLOCK=$(timedatectl show -p NTPSynchronized --value 2>/dev/null)
  if [ -z "$CLOCK" ]; then
    # systemd before 239 has no `show`: read "System clock synchronized: yes" from the status.
    CLOCK=$(timedatectl status 2>/dev/null | awk -F': *' '/(System clock|NTP) synchronized:/ { print $2; exit }')
  fi
  case $CLOCK in
    yes) CLOCK=true ;;
    no) CLOCK=false ;;
    *) CLOCK=; note "timedatectl did not say whether the clock is NTP-synchronized: clockSynchronized left out" ;;
  esac
else
  note "no timedatectl: clockSynchronized left out"
fi

# Connect's RunAs user (Applications.RunAs, the last value winning as gcfg reads it).
RUN_AS=$(gcfg_values applications.runas | awk 'NF { last = $0 } END { print last }')
RUN_AS=${RUN_AS:-rstudio-connect}
USERS=
if ! command -v id >/dev/null 2>&1; then
  note "no id command: users left out"
else
  case $RUN_AS in
    -*) note "Applications.RunAs '$RUN_AS' is not a user name: users left out" ;;
    *)
      USER_ID=$(id -u "$RUN_AS" 2>/dev/null) || USER_ID=
      GROUP_ID=$(id -g "$RUN_AS" 2>/dev/null) || GROUP_ID=
      case $USER_ID$GROUP_ID in
        ''|*[!0-9]*) note "user $RUN_AS does not exist here: users left out" ;;
        *)
          if [ -n "$USER_ID" ] && [ -n "$GROUP_ID" ]; then
            USERS="{$(json_string "$RUN_AS"): {\"uid\": $USER_ID, \"gid\": $GROUP_ID}}"
          else
            note "user $RUN_AS does not exist here: users left out"
          fi ;;
      esac ;;
  esac
fi

# --- Output ---------------------------------------------------------------------------------------

BODY=
field() {
  BODY="${BODY:+$BODY,
}  $(json_string "$1"): $2"
}
field name "$(json_string "$NAME")"
[ -z "$VM_ID" ] || field vmId "$(json_string "$VM_ID")"
[ -z "$HOST" ] || field hostname "$(json_string "$HOST")"
[ -z "$PRIVATE_IP" ] || field privateIp "$(json_string "$PRIVATE_IP")"
field source '"collect-script"'
[ -z "$COLLECTED_AT" ] || field collectedAt "$(json_string "$COLLECTED_AT")"
[ -z "$VERSION" ] || field connect "{\"version\": $(json_string "$VERSION")}"
[ -z "$RUNTIMES" ] || field runtimes "{
$RUNTIMES
  }"
if [ -n "$DIGEST" ]; then
  field config "{
    \"digest\": \"sha256:$DIGEST\",
    \"settings\": $SETTINGS
  }"
else
  field config "{
    \"settings\": $SETTINGS
  }"
fi
if [ -n "$MOUNTS_FILE" ]; then
  if [ -n "$MOUNTS" ]; then
    field mounts "[
$MOUNTS
  ]"
  else
    field mounts "[]"
  fi
fi
[ -z "$CLOCK" ] || field clockSynchronized "$CLOCK"
[ -z "$USERS" ] || field users "$USERS"
printf '{\n%s\n}\n' "$BODY"
