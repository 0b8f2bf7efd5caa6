// Every modal question the extension asks, in one place. VS Code shows the buttons given, in
// order, with its own "Cancel" (Escape) unless a button is marked as the close affordance,
// and the FIRST button is the default one: Enter chooses it. So a question that can delete or
// lose something lists its safe choice first, and the one way out is VS Code's Cancel
// (docs/extension.md, "Questions that can lose something"). The extension-host tests cannot
// click a dialog: they record the questions and answer them (Enter = the first button).
import * as vscode from 'vscode';

export interface ModalQuestion {
  severity: 'warning' | 'info';
  message: string;
  detail: string;
  /** Titles, the default (Enter) first. VS Code adds "Cancel". */
  buttons: string[];
}

type Answer = (q: ModalQuestion) => string | undefined;
let answering: Answer | undefined;

/** The title of the button chosen, or undefined for Cancel / Escape. */
export async function askModal(q: ModalQuestion): Promise<string | undefined> {
  if (answering) return answering(q);
  const items = q.buttons.map((title) => ({ title }));
  const options = { modal: true, detail: q.detail };
  const choice =
    q.severity === 'warning'
      ? await vscode.window.showWarningMessage(q.message, options, ...items)
      : await vscode.window.showInformationMessage(q.message, options, ...items);
  return choice?.title;
}

/** Tests only: record the questions and answer them with `answer`; returns them and a restore function. */
export function recordModals(answer: Answer): { questions: ModalQuestion[]; restore: () => void } {
  const questions: ModalQuestion[] = [];
  answering = (q) => {
    questions.push(q);
    return answer(q);
  };
  return { questions, restore: () => (answering = undefined) };
}

/** What Enter chooses in a question (VS Code focuses the first button). */
export const pressEnter: Answer = (q) => q.buttons[0];
