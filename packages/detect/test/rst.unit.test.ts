// reStructuredText: code-block bodies judged by their language (as Markdown fences are), the
// block ending where the indentation does, prose and shell blocks left alone.
import assert from 'node:assert/strict';
import { languageFromFileName, scan } from '../src';

const rst = (text: string) =>
  scan(text, { languageId: 'restructuredtext', fileName: 'README.rst' })
    .filter((f) => f.kind !== 'endpoint')
    .map((f) => [f.ruleId, f.match, f.range.start.line]);

suite('reStructuredText', () => {
  test('.rst files are reStructuredText', () => {
    assert.equal(languageFromFileName('README.rst'), 'restructuredtext');
  });

  test('code-block / code / sourcecode bodies are judged by their language, at docs severity', () => {
    const text = [
      'Usage',
      '=====',
      '',
      '.. code-block:: python',
      '',
      '    phq = Client(access_token="$ACCESS_TOKEN")',
      '',
      '.. sourcecode:: javascript',
      '   :linenos:',
      '',
      '   const phq = new Client({ access_token: "YOUR_API_TOKEN" });',
      '',
      '.. code:: bash',
      '',
      '   curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/',
      '',
    ].join('\n');
    assert.deepEqual(rst(text), [
      ['phq/placeholder-in-docs', '$ACCESS_TOKEN', 5],
      ['phq/placeholder-in-docs', 'YOUR_API_TOKEN', 10],
    ]);
  });

  test('a dedented line ends the block: what follows is prose again', () => {
    const text = '.. code-block:: python\n\n    x = 1\nThe header is "Authorization: Bearer $API_TOKEN" in Python.\n';
    assert.deepEqual(rst(text), []);
  });
});
