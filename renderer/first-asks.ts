import { firstAnswer, type FirstAnswers } from './wizard/first-answer';

/**
 * The page's first questions, asked as its script starts: main.tsx imports this module before
 * anything else, so they leave before React and Fluent UI are evaluated (half a second on a busy
 * two-core host). The diagnosis is asked beside the status: it needs the most time, and its
 * figures are what the DBA came for (docs/benchmark.md, "First figures").
 */
export const firstAsks: FirstAnswers = {
  status: firstAnswer(window.tuner.getStatus({})),
  diagnosis: firstAnswer(window.tuner.diagnose({})),
};
