// The one dotenv editor (src/env-file.ts), used by the CLI and the extension: tested here once.
import assert from 'node:assert/strict';
import { envVarValues, setEnvVar } from '../src/env-file';

// Obviously fake, made at run time.
const fake = () => `FAKE${'x'.repeat(20)}${Math.random().toString(36).slice(2, 10)}`;

suite('env file editing (setEnvVar, envVarValues)', () => {
  test('adds a variable to an empty or existing text, ending with a newline', () => {
    const v = fake();
    assert.deepEqual(setEnvVar('', 'PHQ_API_TOKEN', v), { text: `PHQ_API_TOKEN=${v}\n`, how: 'added', replaced: 0 });
    assert.equal(setEnvVar('A=1\n', 'PHQ_API_TOKEN', v).text, `A=1\nPHQ_API_TOKEN=${v}\n`);
    assert.equal(setEnvVar('A=1', 'PHQ_API_TOKEN', v).text, `A=1\nPHQ_API_TOKEN=${v}\n`);
  });

  test('replaces every assignment (the last one wins in loaders), keeping `export` and indentation', () => {
    const v = fake();
    const r = setEnvVar('export PHQ_API_TOKEN=old\nA=1\n  PHQ_API_TOKEN = older\n', 'PHQ_API_TOKEN', v);
    assert.equal(r.how, 'updated');
    assert.equal(r.replaced, 2);
    assert.equal(r.text, `export PHQ_API_TOKEN=${v}\nA=1\n  PHQ_API_TOKEN=${v}\n`);
    assert.deepEqual(envVarValues(r.text, 'PHQ_API_TOKEN'), [v, v]);
  });

  test('keeps CRLF line endings and adds a final newline when it replaces the last line', () => {
    const v = fake();
    assert.equal(setEnvVar('A=1\r\nPHQ_API_TOKEN=old\r\n', 'PHQ_API_TOKEN', v).text, `A=1\r\nPHQ_API_TOKEN=${v}\r\n`);
    assert.equal(setEnvVar('A=1\r\nB=2', 'PHQ_API_TOKEN', v).text, `A=1\r\nB=2\r\nPHQ_API_TOKEN=${v}\r\n`);
    assert.equal(setEnvVar('PHQ_API_TOKEN=old', 'PHQ_API_TOKEN', v).text, `PHQ_API_TOKEN=${v}\n`);
  });

  test('leaves other variables alone: a shared prefix, a comment, a name with regex characters', () => {
    const r = setEnvVar('PHQ_API_TOKEN_OLD=keep\n# PHQ_API_TOKEN=commented\n', 'PHQ_API_TOKEN', 'v');
    assert.equal(r.how, 'added');
    assert.equal(r.text, 'PHQ_API_TOKEN_OLD=keep\n# PHQ_API_TOKEN=commented\nPHQ_API_TOKEN=v\n');
    assert.equal(setEnvVar('AXB=1\n', 'A.B', 'v').text, 'AXB=1\nA.B=v\n');
  });

  test('envVarValues reads quoted and unquoted values, and nothing for an absent variable', () => {
    const text = 'A="one"\nexport A=\'two\'\nA= three \nB=x\n';
    assert.deepEqual(envVarValues(text, 'A'), ['one', 'two', 'three']);
    assert.deepEqual(envVarValues(text, 'C'), []);
  });
});
