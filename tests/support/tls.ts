// Test certificates made with the machine's openssl at test time: the simulator's implementation,
// named for the probe tests (core/ tests may not import simulator/ directly).

export { makeCert, type CertOptions, type PemCert as TestCert } from '../../simulator/tls';
