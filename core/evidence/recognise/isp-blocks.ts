// Internet providers' block pages for sites blocked by court or government order: Airtel's iframe of
// airtel.in/court-orders (or /dot), which answers "200 OK", and the Indian DoT wording other providers use.

import { lowerHead } from './filter-read';
import { found, type Recogniser } from './types';

/** Airtel. */
export const airtel = {
  id: 'airtel',
  name: 'Airtel',
  recognise(r) {
    const head = lowerHead(r);
    const own = head.includes('airtel.in/court-orders') || head.includes('airtel.in/dot');
    return own && head.includes('<iframe') ? found(this, 'filter', 'network-filter') : null;
  },
} satisfies Recogniser;

/** Any Indian provider's block page citing the Department of Telecommunications. */
export const dotBlock = {
  id: 'isp-block',
  name: 'Your internet provider',
  recognise(r) {
    const head = lowerHead(r);
    return head.includes(
      'has been blocked as per the directions received from department of telecommunications',
    )
      ? found(this, 'filter', 'network-filter')
      : null;
  },
} satisfies Recogniser;
