// Throwaway certificates made with the machine's openssl, in a temporary directory: a CA-signed leaf
// (trust it with `ca`), a self-signed one, an expired one, or one for other hosts. The simulator runs
// scenarios over real TLS with one (clients trust its CA through NODE_EXTRA_CA_CERTS); the probe tests
// use the rest (test files may import the simulator; production code may not).

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What {@link makeCert} produced (PEM strings). */
export interface PemCert {
  key: string;
  cert: string;
  /** The issuing CA's certificate; for a self-signed cert, the cert itself. */
  ca: string;
}

/** Options of {@link makeCert}. */
export interface CertOptions {
  /** Validity in the past (1 Jan – 1 Feb 2020), signed by a valid CA. */
  expired?: boolean;
  /** Valid only from two hours from now (a clock that is hours behind sees "not yet valid"). */
  notYetValid?: boolean;
  /** Self-signed leaf instead of a CA-signed one. */
  selfSigned?: boolean;
  /** Names the cert is valid for (IPs or DNS names); default 127.0.0.1 and localhost. */
  hosts?: string[];
}

function altNames(hosts: string[]): string {
  return hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || String(err)}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** `YYYYMMDDHHMMSSZ`, the date form `openssl ca -startdate` takes. */
function opensslDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

/** Makes a key and certificate with openssl in a temp dir (removed afterwards). */
export async function makeCert(options: CertOptions = {}): Promise<PemCert> {
  const hosts = options.hosts ?? ['127.0.0.1', 'localhost'];
  const dir = await mkdtemp(join(tmpdir(), 'why500-cert-'));
  try {
    const cn = hosts[0] ?? 'localhost';
    if (options.selfSigned) {
      await openssl(
        [
          'req',
          '-x509',
          ...EC,
          '-keyout',
          'leaf.key',
          '-out',
          'leaf.crt',
          '-days',
          '2',
          '-subj',
          `/CN=${cn}`,
          '-addext',
          `subjectAltName=${altNames(hosts)}`,
        ],
        dir,
      );
      const [key, cert] = await Promise.all([
        readFile(join(dir, 'leaf.key'), 'utf8'),
        readFile(join(dir, 'leaf.crt'), 'utf8'),
      ]);
      return { key, cert, ca: cert };
    }
    await openssl(
      [
        'req',
        '-x509',
        ...EC,
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-days',
        '2',
        '-subj',
        '/CN=why500 throwaway CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
    await openssl(
      ['req', '-new', ...EC, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${cn}`],
      dir,
    );
    await writeFile(
      join(dir, 'ext.cnf'),
      `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames(hosts)}\n`,
    );
    // `openssl ca` accepts explicit start and end dates (OpenSSL 3.0's `x509 -req` does not).
    await writeFile(join(dir, 'index.txt'), '');
    await writeFile(join(dir, 'serial'), '1000\n');
    await writeFile(
      join(dir, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = test',
        '[test]',
        `dir = ${dir}`,
        'database = $dir/index.txt',
        'new_certs_dir = $dir',
        'serial = $dir/serial',
        'default_md = sha256',
        'policy = anything',
        'unique_subject = no',
        '[anything]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    const dates = options.expired
      ? ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']
      : options.notYetValid
        ? [
            '-startdate',
            opensslDate(Date.now() + 2 * 3_600_000),
            '-enddate',
            opensslDate(Date.now() + 2 * 86_400_000),
          ]
        : ['-days', '2'];
    await openssl(
      [
        'ca',
        '-batch',
        '-notext',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.crt',
        '-keyfile',
        'ca.key',
        '-in',
        'leaf.csr',
        '-out',
        'leaf.crt',
        '-extfile',
        'ext.cnf',
        ...dates,
      ],
      dir,
    );
    const [key, cert, ca] = await Promise.all(
      ['leaf.key', 'leaf.crt', 'ca.crt'].map((f) => readFile(join(dir, f), 'utf8')),
    );
    return { key: key ?? '', cert: cert ?? '', ca: ca ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A server certificate for 127.0.0.1 and its CA, with the CA also written to a file in `dir`. */
export interface SimCertificate {
  key: string;
  cert: string;
  /** Path of the CA certificate (PEM), for NODE_EXTRA_CA_CERTS. */
  caFile: string;
}

/** Makes a CA-signed certificate for 127.0.0.1 and localhost; writes the CA to `dir`/ca.pem. */
export async function makeCertificate(dir: string): Promise<SimCertificate> {
  const { key, cert, ca } = await makeCert();
  const caFile = join(dir, 'ca.pem');
  await writeFile(caFile, ca);
  return { key, cert, caFile };
}
