/**
 * `new`: the new-ticket form; `edit`: the editor "Alterar dados" opens in an existing ticket (`…change`
 * fields); `read`: an existing ticket's read view, where nothing is written.
 */
export type FormMode = 'new' | 'edit' | 'read';
