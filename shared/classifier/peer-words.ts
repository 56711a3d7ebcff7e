// The sentences about the other watched services: those that answer (controls for the failing one),
// and several failing behind one front vendor, with what the vendor's own status page says.

import type { Evidence, SharedVendorEvidence } from '../types/evidence';
import { joinWords } from './join-words';

/** "ChatGPT and Claude answer from this machine, so it is not your connection". */
export function peersAnswerSentence(e: Evidence): string {
  const names = (e.peers?.answering ?? []).slice(0, 4);
  const more = (e.peers?.answering.length ?? 0) - names.length;
  const list = more > 0 ? `${names.join(', ')} and ${more} more` : joinWords(names);
  const verb = names.length === 1 && more === 0 ? 'answers' : 'answer';
  return `${list} ${verb} from this machine, so it is not your connection`;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * "Three services behind Cloudflare fail together with Cloudflare's own error pages (…), while … answer:
 * likely a Cloudflare problem, not each service's", with what the vendor's own status page says.
 */
export function sharedVendorSentence(e: Evidence): string {
  const v = e.peers?.sharedVendor;
  if (!v) return '';
  const n = v.services.length;
  const count = COUNT_WORDS[n] ?? String(n);
  const head = `${count.charAt(0).toUpperCase()}${count.slice(1)} services behind ${v.name} fail together with ${v.name}'s own error pages (${joinWords(v.services.slice(0, 5))})`;
  const controls =
    v.unrelatedAnswering.length > 0
      ? `, while ${joinWords(v.unrelatedAnswering.slice(0, 3))} ${v.unrelatedAnswering.length === 1 ? 'answers' : 'answer'}`
      : ', while other sites answer';
  return `${head}${controls}: likely a ${v.name} problem, not each service's${vendorStatusClause(v.name, v.status)}`;
}

function vendorStatusClause(name: string, status: SharedVendorEvidence['status']): string {
  if (!status) return '';
  if (status.unavailableReason === 'bot-check') return `; ${name}'s status page is unreadable (bot check)`;
  if (status.unavailableReason) return `; ${name}'s status page gave no information`;
  if (status.openIncidents > 0)
    return `; ${name}'s status page reports an incident${status.incidentName ? ` (“${status.incidentName}”)` : ''}`;
  return `; ${name}'s status page reports no incident`;
}
