// What the other watched services did at the same time: those that answer are controls for the one
// that fails (it is not the user's connection), and several failing with the same front vendor's own
// error pages (a CDN's generated 5xx page) while unrelated ones answer point at that vendor.

import type { ResolvedTarget } from '../../shared/types/config';
import type { PeerEvidence, VendorStatusEvidence } from '../../shared/types/evidence';
import type { Round } from '../../shared/types/monitor';
import { isFailure, type ProbeResult } from '../../shared/types/probe';
import type { StatusReading } from '../../shared/types/status';
import { recogniseProbe } from './signals';

/** A peer's newest round is compared only when it started this close to this service's newest, ms. */
export const PEER_FRESH_MS = 10 * 60_000;

/** Another watched service and its newest round. */
export interface PeerRound {
  target: ResolvedTarget;
  round: Round;
}

/** Everything {@link buildPeerEvidence} needs. */
export interface PeerInput {
  target: ResolvedTarget;
  /** This service's newest round. */
  newest: Round | null;
  peers: PeerRound[];
  /** The shared vendor's status reading, once the vendor is known (see {@link vendorOfFailure}). */
  vendorStatus?: StatusReading | null;
}

/** The service's own probes (site and endpoints, not controls, not the token-less twins). */
function own(round: Round): ProbeResult[] {
  return round.probes.filter((p) => p.path === 'direct');
}

function fails(round: Round): boolean {
  return own(round).some((p) => isFailure(p.outcome));
}

function answers(round: Round): boolean {
  const probes = own(round);
  return probes.length > 0 && probes.every((p) => !isFailure(p.outcome));
}

/**
 * The front vendor whose own error page a failing round shows: a CDN-layer recognition of a 5xx answer
 * (Cloudflare's 500/52x pages, CloudFront's, Akamai's…), with its name; null when none.
 */
export function vendorOfFailure(round: Round): { vendor: string; name: string } | null {
  for (const p of own(round)) {
    if (!isFailure(p.outcome) || p.status === null || p.status < 500) continue;
    const seen = recogniseProbe(p);
    if (seen && seen.layer === 'cdn') return { vendor: seen.vendor, name: seen.name };
  }
  return null;
}

/** The peers whose newest round is close enough in time to this service's newest. */
export function freshPeers(newest: Round | null, peers: PeerRound[]): PeerRound[] {
  if (!newest) return [];
  const at = Date.parse(newest.startedAt);
  return peers.filter(
    (p) => p.target.name !== newest.target && Math.abs(Date.parse(p.round.startedAt) - at) <= PEER_FRESH_MS,
  );
}

/** The peer evidence, or undefined when no other service was watched at the time. */
export function buildPeerEvidence(input: PeerInput): PeerEvidence | undefined {
  const peers = freshPeers(input.newest, input.peers);
  if (!input.newest || peers.length === 0) return undefined;
  const answering = peers.filter((p) => answers(p.round)).map((p) => p.target.name);
  const failing = peers.filter((p) => fails(p.round)).map((p) => p.target.name);
  const mine = fails(input.newest) ? vendorOfFailure(input.newest) : null;
  let sharedVendor: PeerEvidence['sharedVendor'] = null;
  if (mine) {
    const together = peers.filter((p) => vendorOfFailure(p.round)?.vendor === mine.vendor);
    if (together.length > 0) {
      // Controls for the vendor: services that answer and are not known to sit behind it.
      const unrelated = peers.filter(
        (p) => answers(p.round) && p.target.frontVendor !== mine.vendor && !together.includes(p),
      );
      sharedVendor = {
        vendor: mine.vendor,
        name: mine.name,
        services: [input.target.name, ...together.map((p) => p.target.name)],
        unrelatedAnswering: unrelated.map((p) => p.target.name),
        status: vendorStatus(input.vendorStatus ?? null),
      };
    }
  }
  return { answering, failing, sharedVendor };
}

function vendorStatus(reading: StatusReading | null): VendorStatusEvidence | null {
  if (!reading) return null;
  const snap = reading.unavailable ? null : reading.snapshot;
  return {
    openIncidents: snap?.incidents.length ?? 0,
    incidentName: snap?.incidents[0]?.name ?? null,
    level: snap?.level ?? null,
    unavailableReason: reading.unavailable?.reason ?? null,
  };
}
