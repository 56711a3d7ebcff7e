// Per outcome: what it means for the user and what they can do, in plain words. The window's
// Causes view shows this beside the evidence; the texts are our own.

import type { DiagnosisOutcome } from '../types/diagnosis';

/** What one outcome means and what to do about it. */
export interface Advice {
  /** A short title ("The service is overloaded"). */
  title: string;
  /** What this means for the user, one or two sentences. */
  meaning: string;
  /** What to do, most useful first. */
  todo: string[];
}

/** The advice for every outcome. */
export const ADVICE: Record<DiagnosisOutcome, Advice> = {
  overload: {
    title: 'The service is overloaded',
    meaning:
      'More people are using the service than its servers can answer, so some requests are turned away or time out. Nothing is wrong on your side.',
    todo: [
      'Wait 5 to 10 minutes before trying again; reloading over and over only adds to the crowd.',
      'Try again outside busy hours (evenings and right after big announcements are the worst).',
      'This app keeps watching and tells you when requests go through again.',
    ],
  },
  'bad-update': {
    title: 'A new release broke something',
    meaning:
      'The service changed its software shortly before the errors began, and some parts now fail the same way every time. Only the service can fix this, usually with a quick patch or a rollback.',
    todo: [
      'Wait for a fix; these are usually patched or rolled back within the hour.',
      'If the app on your phone or computer updated too, an older version may still work.',
      'Send the report from this app to support: it shows when the release appeared and what fails since.',
    ],
  },
  account: {
    title: 'Something is wrong with your account or login',
    meaning:
      'Requests made as you fail while the same service works for anonymous visitors, so the fault is tied to your account or session.',
    todo: [
      'Log out, log back in, and try again.',
      'If you gave this app a token, check that it is still current: a refused token (401) usually means it expired.',
      'Try another browser or device with the same account to see whether the session is to blame.',
      'If it keeps failing, contact support and mention that only logged-in requests fail.',
    ],
  },
  regional: {
    title: 'A fault in one region or on one network route',
    meaning:
      'The service fails along the route your traffic takes but works from elsewhere, so one data centre or one network path is in trouble, not the whole service.',
    todo: [
      'Try another network, such as mobile data instead of Wi-Fi, or a VPN in another country.',
      'Wait: regional faults are usually rerouted around within minutes to hours.',
    ],
  },
  maintenance: {
    title: 'Planned maintenance',
    meaning: 'The service is down on purpose for upgrades or repairs and will come back on its own.',
    todo: [
      'Wait until the announced end of the maintenance; this app tells you when the service is back.',
      'Check the status page for the planned end time.',
    ],
  },
  extensions: {
    title: 'A browser extension is getting in the way',
    meaning:
      'The service answers this app normally, yet you see an error in your browser, and some installed extensions can change the site. One of them is the likely cause.',
    todo: [
      'Open the site in a private window with extensions off; if it works there, an extension is to blame.',
      'Turn extensions back on one at a time to find the one that breaks the site.',
      'Update or remove the culprit, or tell it to leave this site alone.',
    ],
  },
  permissions: {
    title: 'The service refuses access by mistake',
    meaning:
      'Public parts of the service that need no login are refused to everyone, which points at wrong access settings on the servers. Only the service can fix this.',
    todo: [
      'Nothing on your side will fix it; wait for the service to correct its settings.',
      'Tell support which address is refused and since when; the report from this app has the details.',
    ],
  },
  'local-network': {
    title: 'Your own connection is the problem',
    meaning:
      'Unrelated sites fail too, so the trouble is between your computer and the internet, not at the service.',
    todo: [
      'Check that you are online: open any other site.',
      'Restart the router, switch Wi-Fi off and on, or try mobile data.',
      'If you use a VPN or a company proxy, check that it is working.',
    ],
  },
  healthy: {
    title: 'Nothing is wrong from here',
    meaning: 'Every check of the service succeeded at normal speed.',
    todo: [
      'If you still see an error, use "I\'m seeing an error" so this app can look at your browser side too.',
    ],
  },
};

/** The advice for one outcome. */
export function adviceFor(outcome: DiagnosisOutcome): Advice {
  return ADVICE[outcome];
}
