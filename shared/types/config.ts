// The configuration's shape (the JSON file the CLI reads, and what the app's settings hold).

/** One endpoint probed for a target. */
export interface EndpointConfig {
  name: string;
  url: string;
  /** Send the user's token with this request. */
  auth?: boolean;
}

/** How the token is sent and where it comes from. */
export interface AuthConfig {
  /** Authorization scheme, e.g. `Token` or `Bearer`. */
  scheme: string;
  /** Environment variable holding the token (CLI); the app uses its secure store instead. */
  tokenEnv?: string;
}

/** One watched service. */
export interface TargetConfig {
  name: string;
  /** The site's page users open (probed for status, challenge and build fingerprint). */
  site: string;
  endpoints?: EndpointConfig[];
  statusPage?: string;
  /** Another origin serving the same status page, read when the public one answers with a bot check. */
  statusFallback?: string;
  auth?: AuthConfig;
  /** The catalogue id this target came from (`"services"` in the config), if any. */
  service?: string;
  /** The CDN in front of the site, when public evidence shows one (from the catalogue). */
  frontVendor?: string;
}

/** The whole configuration file. Every field is optional but `targets[].name` and `targets[].site`. */
export interface Config {
  /** The JSON Schema an editor checks the file with (why500.schema.json); ignored by the app. */
  $schema?: string;
  intervalSeconds?: number;
  controls?: string[];
  alternatePath?: { proxy: string };
  browserProfiles?: string[];
  targets?: TargetConfig[];
  /** DNS-over-HTTPS resolvers the local DNS check compares the system resolver with (RFC 8484 URLs). */
  dohResolvers?: string[];
  /** Catalogue ids of services to watch (shared/catalogue); each becomes a target beside `targets`. */
  services?: string[];
}

/** A configuration with every default filled in. */
export interface ResolvedConfig {
  intervalSeconds: number;
  controls: string[];
  alternatePath: { proxy: string } | null;
  browserProfiles: string[];
  targets: ResolvedTarget[];
  /** DNS-over-HTTPS resolvers of the local DNS check (absent in hand-made configs: the defaults). */
  dohResolvers?: string[];
}

/** A target with its defaults filled in. */
export interface ResolvedTarget {
  name: string;
  site: string;
  endpoints: EndpointConfig[];
  statusPage: string | null;
  auth: AuthConfig | null;
  /** Another origin of the same status page (catalogue), tried when the public one is bot-checked. */
  statusFallback?: string | null;
  /** The catalogue id this target came from, if any. */
  service?: string;
  /** The CDN in front of the site, when known (catalogue). */
  frontVendor?: string;
}
