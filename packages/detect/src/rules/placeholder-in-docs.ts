// phq/placeholder-in-docs: a placeholder (or a dummy token value) inside a Markdown code
// block, judged by the fence language. Reported by the placeholder and sink rules' judges.
import type { Rule } from './rule';

export const placeholderInDocsRule: Rule = {
  id: 'phq/placeholder-in-docs',
  kind: 'placeholder',
  overlap: 'placeholder',
  severity: 'warning',
  sarif: {
    name: 'PlaceholderInDocs',
    short: 'Token placeholder in a documentation example',
    full: 'A Markdown code example uses a token placeholder (or a dummy token value) where it would be sent as written if copied.',
  },
  docs: 'placeholder-in-docs',
  runsIn: 'engine',
  triggers: ['ken', 'bearer'],
  reportedBy: 'phq/placeholder',
  fixtures: [
    {
      text: '# Example\n\n```python\nh = {"Authorization": "Bearer $API_TOKEN"}\n```\n',
      options: { languageId: 'markdown' },
    },
  ],
};
