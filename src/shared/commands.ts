/** The keyboard command of the manifest, shared by the background and the pages that show it. */
import type { Api } from './browser-api';

/** The manifest's name of the command that shows or hides highlights. */
export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/** The shortcut the user has for toggling highlights (e.g. "Alt+Shift+H"), or null if none. */
export async function toggleShortcut(api: Api): Promise<string | null> {
  try {
    const commands = await api.commands.getAll();
    return commands.find((command) => command.name === TOGGLE_HIGHLIGHTS_COMMAND)?.shortcut || null;
  } catch {
    return null;
  }
}
