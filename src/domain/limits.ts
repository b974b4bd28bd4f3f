/**
 * SharePoint Online's limits that the PST rules and the data layer obey, in one place.
 * https://learn.microsoft.com/en-us/office/limits-and-boundaries/software-boundaries-limits-2019#list-and-library-limits
 */

/** A single line of text (every title) holds at most 255 characters. */
export const MAX_TITLE_LENGTH = 255;

/** The list view threshold: a query may not scan more items (it cannot be raised online). */
export const LIST_VIEW_THRESHOLD = 5000;

/** Largest page a query may ask for (`$top`): the threshold itself. */
export const MAX_PAGE_SIZE = LIST_VIEW_THRESHOLD;

/** Requests per `$batch`: SharePoint Online accepts up to 100 (PnPjs cuts at 20 unless told). */
export const MAX_BATCH_REQUESTS = 100;

/**
 * Characters of one part of a stored snapshot: a multiple-lines-of-text column of a list
 * keeps at most 63,999 (plain text); a part stays well under it.
 */
export const SNAPSHOT_PART_LENGTH = 50_000;

/** Characters a multiple-lines-of-text column (plain text) holds. */
export const MAX_NOTE_LENGTH = 63_999;
