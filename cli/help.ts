// The `--help` texts of the top level and of every command.

/** Top-level help. */
export const TOP_HELP = `why500 — tells you why a web service answers "Internal Server Error", and when it is back.

Usage: why500 <command> [options]

Commands:
  check      Probe the target(s) once and print what each endpoint did
  diagnose   Observe for a while, then name the most likely cause and the next step
  watch      Run the monitor in the foreground and print each event
  history    Print the uptime over 24 h, 7 d and 30 d and the last rounds, from the stored history
  services   List the AI services you can watch by id (--service ID)
  simulate   Start a local fake service that misbehaves like each cause (for demos and tests)

Options:
  -h, --help     Show this help (or 'why500 <command> --help')
  -v, --version  Show the version

Configuration: --config FILE, else the file named by WHY500_CONFIG, else the built-in
Character.AI profile; --service ID (repeatable) watches services from 'why500 services'
instead. Tokens come from the environment variable named by the target's auth.tokenEnv
(WHY500_TOKEN by default, WHY500_TOKEN_<ID> for a service) and never appear in any output.

Exit codes: 0 healthy, 1 a problem found, 2 bad usage or bad configuration.
`;

const COMMON = `  --service ID         Watch this catalogue service instead (repeatable; see 'why500 services')
  --config FILE        Configuration file (default: $WHY500_CONFIG, else the built-in defaults)
  --data-dir DIR       Where history and the last build fingerprint are kept
                       (default: $WHY500_DATA_DIR, else your user data folder)
  -h, --help           Show this help`;

/** Help per command. */
export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: why500 check [--config FILE] [--target NAME | --service ID...] [--json]

Runs one probe round: the site page, every endpoint (and the alternate path when set), the
control sites and the status page, and prints one line per probe: endpoint, path, HTTP code,
DNS / connect / TLS / first byte / total in ms, and the outcome.

Options:
  --target NAME        Check only this target (default: every configured target)
  --json               Print JSON: {"target","at","probes":[…],"statusPage":{…}}, one line per target
${COMMON}

Exit codes: 0 every probe of the target answered, 1 a probe failed, 2 bad usage or config.
`,
  diagnose: `Usage: why500 diagnose [--config FILE] [--target NAME | --service ID...] [--watch SECONDS]
                       [--interval SECONDS] [--symptom] [--json | --markdown]

Observes the target for --watch seconds, probing every --interval seconds, then names the most
likely of the nine outcomes (overload, bad-update, account, regional, maintenance, extensions,
permissions, local-network, healthy) with its share of the model's weight, the evidence for and
against, what could not be checked (and how to let it), and the next step. On a terminal, what is
being checked and the time left show on stderr meanwhile.

Options:
  --target NAME        Diagnose only this target (default: every configured target)
  --watch SECONDS      How long to observe; a round at the start, every --interval, and at the
                       end (default: a single round)
  --interval SECONDS   Time between rounds while watching, at least 1 (default: 5)
  --symptom            You are seeing the error in your browser right now (also checks the
                       browser extensions that can reach the site)
  --json               Print the diagnosis as JSON, one line per target
  --markdown           Print a support-ready report (secrets redacted)
${COMMON}

Exit codes: 0 healthy (or undecided with healthy leading), 1 a problem found, 2 bad usage or config.
`,
  watch: `Usage: why500 watch [--config FILE] [--target NAME | --service ID...] [--interval SECONDS] [--json]

Runs the monitor in the foreground until Ctrl-C, printing each target's state after its first
round, then each event: outage, recovery, degraded, cause-changed, local-network.

Options:
  --target NAME        Watch only this target (default: every configured target)
  --interval SECONDS   Time between rounds (default: the config's intervalSeconds; at least 10)
  --json               One event per line: {"event","target","at","cause","summary","standing",…},
                       the first one per target {"event":"state",…}
${COMMON}

Exit codes: 0 stopped cleanly, 2 bad usage or config.
`,
  history: `Usage: why500 history [--config FILE] [--target NAME] [--json]

Prints, from the history the app and the CLI keep, the uptime over the last 24 hours, 7 days
and 30 days and a strip of the last rounds (+ answered, x failed). Uptime is the share of the
time watched in which the service's own checks answered; time the monitor was not running is
left out and said. Probes nothing.

Options:
  --target NAME        Only this target (default: every configured target)
  --json               One line per target: {"target","at","windows":[…],"heartbeat":[…]}
${COMMON}

Exit codes: 0 printed, 2 bad usage or config.
`,
  services: `Usage: why500 services [--json]

Lists the AI chat and companion services why500 knows: id, name, status page (and its provider),
the CDN in front where public evidence shows one, and whether it takes a token (and from which
environment variable). Watch some with --service ID on check, diagnose and watch, or with
"services": ["character-ai", "chatgpt"] in the config file.

Options:
  --json               One JSON object per service per line, with the source and date of each fact
  -h, --help           Show this help

Exit codes: 0 listed, 2 bad usage.
`,
};
