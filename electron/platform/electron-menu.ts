// The application menu over Electron's Menu (the model is electron/app/app-menu.ts).

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppMenuSection } from '../app/app-menu';
import type { AppMenuPort } from './ports';

function template(sections: AppMenuSection[]): MenuItemConstructorOptions[] {
  return sections.map((section) => ({
    label: section.label,
    ...(section.appMenu ? { role: 'appMenu' as const } : {}),
    submenu: section.items.map((item) =>
      'role' in item ? { role: item.role } : { type: 'separator' as const },
    ),
  }));
}

/** Sets the application menu (null: none, so Electron's default menu never shows). */
export const electronAppMenu = {
  setApplicationMenu: (sections: AppMenuSection[] | null) =>
    Menu.setApplicationMenu(sections ? Menu.buildFromTemplate(template(sections)) : null),
} satisfies AppMenuPort;
