// NotifierPort over Electron's Notification. It never focuses a window; only a click calls back.

import { Notification } from 'electron';
import type { NotificationRequest, NotifierPort } from './ports';

/** Native notifications. */
export function createElectronNotifier(): NotifierPort {
  // Keep references until closed so a notification is not garbage-collected before its click.
  const live = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show: (request: NotificationRequest) => {
      const n = new Notification({ title: request.title, body: request.body, silent: false });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        request.onClick();
      });
      n.on('close', () => live.delete(n));
      n.show();
    },
  } satisfies NotifierPort;
}
