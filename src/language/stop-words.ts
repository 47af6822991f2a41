// Stop words: the function words a search ignores, and the capitalised words that open sentences but
// never start a name.

export const STOP_WORDS = new Set(
  (
    'a an the and or but if of in on at to for from by with about as into onto over under than then that this these those ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'it its it\'s they them their there here he him his she her hers we us our you your i me my mine who whom whose which what ' +
    'when where why how whether not no nor so such also just only very too more most much many some any each all both either ' +
    'neither other another own same up down out off again further once s t don now get gets getting got going go gonna let lets please ' +
    'tell know say said says think kind sort thing things anything something yes one ones ever still yet already'
  ).split(' '),
);

/**
 * Stop words that are also common nouns: "mine" the pronoun and "mine" the pit. A search indexes them, and a
 * question's word counts where it stands as the noun ("the mine", "coal mine", "mine workers"; see nounAt).
 */
export const NOUN_HOMOGRAPHS = new Set(['mine']);

/** Capitalised words that open sentences and never start a name. */
export const CAPITALISED_STOPWORDS = new Set(`
a an the this that these those he she it they we i you his her its their our my your there here
and but or nor so yet for if when while whilst after before since although though because as at in on of to by
with without from into onto over under about above below between among during until unless whether where which who
whom whose what why how previously however meanwhile moreover furthermore also still then now today yesterday
tomorrow according despite following last next some many most more all any each every both either neither no not
other another such several few one two three four five six seven eight nine ten first second third new former
mr mrs ms dr sir lord lady it's speaking asked asking earlier later recently instead indeed even just only
yes well let will would could should may might must can do does did is are was were be been has have had
amid amidst against across through throughout within toward towards upon beyond behind along around
nobody somebody anybody everybody everyone someone anyone nothing something everything anything none
`.trim().split(/\s+/));

/** Words that never start a person's name, capitalised or not. */
export const NOT_NAME_START = new Set(['the', 'a', 'an', 'this', 'that', 'but', 'and', 'or', 'if', 'as', 'at', 'in', 'on', 'by', 'for', 'of', 'to', 'it', 'he', 'she', 'they', 'we', 'i', 'its', 'his', 'her', 'their', 'previously', 'meanwhile', 'however', 'according', 'while', 'after', 'before', 'since', 'yesterday', 'today', 'last', 'next', 'under']);
