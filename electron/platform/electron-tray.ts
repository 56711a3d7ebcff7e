// TrayPort over Electron's Tray and Menu. On macOS the menu is popped up on click (the controller
// asks for it); on Windows and Linux it is the context menu and a left click opens the window.

import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { MenuItemModel, TrayAction, TrayPort } from './ports';

function toTemplate(
  items: MenuItemModel[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    const action = item.action;
    return {
      label: item.label,
      enabled: item.enabled,
      ...(action ? { click: () => onAction(action) } : {}),
    };
  });
}

/** Creates the tray icon with an initial image. */
export function createElectronTray(initialImage: string, platform: NodeJS.Platform): TrayPort {
  const tray = new Tray(initialImage);
  let menu: Menu | null = null;
  if (platform === 'darwin') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));
  const port = {
    setImage: (path: string) => tray.setImage(path),
    setToolTip: (text: string) => tray.setToolTip(text),
    setMenu: (items: MenuItemModel[], onAction: (action: TrayAction) => void) => {
      menu = Menu.buildFromTemplate(toTemplate(items, onAction));
      if (platform !== 'darwin') tray.setContextMenu(menu);
    },
    onClick: (listener: () => void) => {
      tray.on('click', () => listener());
    },
    popUpMenu: () => {
      if (menu) tray.popUpContextMenu(menu);
    },
    destroy: () => {
      if (!tray.isDestroyed()) tray.destroy();
    },
  } satisfies TrayPort;
  return port;
}
