import { t } from '../ui/i18n.ts';

/** What went wrong, short, for a status line (the message comes from the browser or storage). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Why a write to `storage.local` failed, for the agent: storage full is said plainly, with what to do. */
export const storageErrorText = (error: unknown): string =>
	/quota/i.test(errorText(error)) ? t('optionsStorageFull') : t('optionsStorageFailed', errorText(error));
