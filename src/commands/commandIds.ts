/**
 * The id of every command Paper Scout contributes, by the name the code uses for it. Code refers to
 * commands through this table only (menus and links included); a unit test checks it against the
 * manifest's `contributes.commands`, both ways.
 */
export const COMMANDS = {
  search: 'paperScout.search',
  searchSelection: 'paperScout.searchSelection',
  searchInTopic: 'paperScout.searchInTopic',
  openPaper: 'paperScout.openPaper',
  insertCitation: 'paperScout.insertCitation',
  replaceSelectionWithCitation: 'paperScout.replaceSelectionWithCitation',
  copyCitation: 'paperScout.copyCitation',
  revealPaper: 'paperScout.revealPaper',
  revealTopic: 'paperScout.revealTopic',
  changeSort: 'paperScout.changeSort',
  reload: 'paperScout.reload',
  showLog: 'paperScout.showLog',
  clearRecentSearches: 'paperScout.clearRecentSearches',
  exportBibliography: 'paperScout.exportBibliography',
  suggestPapers: 'paperScout.suggestPapers',
  searchPapersForKey: 'paperScout.searchPapersForKey',
  showLibraryOnly: 'paperScout.showLibraryOnly',
  showAllPapers: 'paperScout.showAllPapers',
  ignoreCitationKey: 'paperScout.ignoreCitationKey',
  panelBack: 'paperScout.panelBack',
  panelForward: 'paperScout.panelForward',
  getStarted: 'paperScout.getStarted',
} as const;

/** A command's name in `COMMANDS`. */
export type CommandName = keyof typeof COMMANDS;

/** A command id (`paperScout.search`). */
export type CommandId = (typeof COMMANDS)[CommandName];
