// The application menu, as plain data. Electron's default menu offers Reload, Toggle Developer Tools
// and "Learn More" (Alt on Windows and Linux); a tray app's window needs none of that. Windows and
// Linux get no menu; macOS keeps the app menu (Hide, Quit) and Edit, without which copy and paste
// do not work in the window's fields there.

/** One menu item: an Electron role (a built-in command) or a separator. */
export type AppMenuItem = { role: AppMenuRole } | { type: 'separator' };

/** The Electron roles the app's menu uses (none reloads, none opens developer tools). */
export type AppMenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'close'
  | 'minimize';

/** A top-level menu. */
export interface AppMenuSection {
  /** Its title; `appMenu` is macOS's first menu, titled with the app's name. */
  label: string;
  appMenu?: true;
  items: AppMenuItem[];
}

const separator: AppMenuItem = { type: 'separator' };

/** The menu for a platform; null means no menu at all. */
export function appMenu(platform: NodeJS.Platform): AppMenuSection[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: 'why500',
      appMenu: true,
      items: [
        { role: 'about' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      items: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'Window', items: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
