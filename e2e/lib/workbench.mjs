// What a person does in the VS Code workbench, as playwright steps that wait on what the
// screen shows (never a fixed sleep). Selectors are the workbench's own DOM classes
// (code-server 4.139 = VS Code 1.139).
const T = 30_000;

/** Matches an element whose whole text is `text` (Playwright's :text-is matches the innermost element only). */
export const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export function workbench(page) {
  const quickInput = page.locator('.quick-input-widget');
  const quickInputBox = page.locator('.quick-input-widget .quick-input-box input');
  const sidebar = page.locator('.part.sidebar');
  /** A row whose label (not description) is exactly `label`. */
  const rowIn = (scope, label) =>
    scope
      .locator('.monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
      .first();
  const treeRow = (label) => rowIn(sidebar, label);

  return {
    quickInput,
    quickInputBox,
    sidebar,
    treeRow,
    rowIn,

    /** F1, type the command, wait for its row, Enter. */
    async palette(command) {
      await page.keyboard.press('F1');
      await quickInputBox.fill(`>${command}`);
      await page
        .locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(command)})`)
        .first()
        .waitFor({ timeout: T });
      await page.keyboard.press('Enter');
    },

    /** Quick Open (Ctrl+P) a workspace file; resolves when its editor tab is active. */
    async openFile(name) {
      await page.keyboard.press('Control+P');
      await quickInputBox.fill(name);
      await rowIn(page.locator('.quick-input-list'), name).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator(`.tab.active:has-text(${JSON.stringify(name)})`).waitFor({ timeout: T });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: T });
    },

    /** The visible text of the active editor (monaco renders each line as a .view-line). */
    async editorText() {
      const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
      return (await lines.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    },

    async waitForEditorText(re, timeout = T) {
      const until = Date.now() + timeout;
      for (;;) {
        const text = await this.editorText();
        const m = text.match(re);
        if (m) return m;
        if (Date.now() > until) throw new Error(`editor text never matched ${re}:\n${text}`);
        await page.waitForTimeout(100); // polling interval of a state check, not a fixed wait
      }
    },

    /** The PredictHQ view container in the activity bar. */
    async showTokensView() {
      const activity = page.locator('.activitybar [aria-label^="PredictHQ"]').first();
      await activity.waitFor({ timeout: 60_000 });
      if ((await sidebar.locator('.composite.title:has-text("API Tokens")').count()) === 0) await activity.click();
      await sidebar.locator('.composite.title:has-text("API Tokens")').waitFor({ timeout: T });
    },

    async viewAction(label) {
      await sidebar
        .locator(`.composite.title .action-label[aria-label^=${JSON.stringify(label)}]`)
        .first()
        .click();
    },

    /** Right-click a tree row and choose a context-menu entry. */
    async contextMenu(row, entry) {
      await row.click({ button: 'right' });
      const item = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: entry }).first();
      await item.waitFor({ timeout: T });
      // A click right after the menu opens can be swallowed (the menu ignores an early mouse-up,
      // meant for the right-click's release): point at the entry, wait until it is the focused
      // one, then choose it with Enter.
      await item.hover();
      await page
        .locator('.context-view .monaco-menu .action-item.focused')
        .filter({ hasText: entry })
        .waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: T });
    },

    /** A notification toast containing `text`. */
    toast(text) {
      return page.locator(`.notifications-toasts .notification-toast:has-text(${JSON.stringify(text)})`).first();
    },

    /**
     * Does `action` until `target` shows: a key press can land before the editor has the
     * language server's answer (Ctrl+. then shows "no code actions" and closes). Escape between tries.
     */
    async untilShown(action, target, { attempts = 5, each = 6000 } = {}) {
      for (let i = 1; ; i++) {
        await action();
        try {
          await target.waitFor({ timeout: each });
          return;
        } catch (e) {
          if (i >= attempts) throw e;
          await page.keyboard.press('Escape');
        }
      }
    },

    /** Closes whatever a failed step left open (menus, dialogs, quick inputs, widgets). */
    async escapeAll() {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    },

    /** Problems panel -> the marker whose text contains `text` -> Enter: the editor has focus, cursor at the problem. */
    async goToProblem(text) {
      const panel = await this.showProblems();
      const row = panel.locator('.monaco-list-row').filter({ hasText: text }).first();
      await row.waitFor({ timeout: T });
      await row.click();
      await page.keyboard.press('Enter');
      await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: T });
    },

    async showProblems() {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ timeout: T });
      return panel;
    },
  };
}
