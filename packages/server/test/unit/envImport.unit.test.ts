// The import an env fix needs, so the fixed file still runs; and fix-all in one run.
import assert from 'node:assert/strict';
import { BlockText } from '../../src/blockText';
import { codeActions } from '../../src/codeActions';
import { envEdits } from '@phq-tokens/detect/env-edit';
import { importFor } from '@phq-tokens/detect/env-import';
import { fileFamilies } from '../../src/scopeCheck';
import { tokenState } from '../../src/tokens';
import { finding, tokensParams } from '../support/fixtures';

const doc = (s: string) => new BlockText(s);
const PY_REF = 'os.environ["PHQ_API_TOKEN"]';

suite('env fix imports (unit)', () => {
  test('Python: import os added before the first import, after __future__, after a docstring; never twice', () => {
    assert.deepEqual(importFor(doc('import requests\nx = 1\n'), 'python', PY_REF), { line: 0, text: 'import os\n' });
    assert.deepEqual(
      importFor(
        doc('#!/usr/bin/env python\n"""Doc.\n\nMore."""\nfrom __future__ import annotations\nimport requests\n'),
        'python',
        PY_REF,
      ),
      { line: 5, text: 'import os\n' },
    );
    assert.deepEqual(importFor(doc('"""One line."""\nx = "Bearer $API_TOKEN"\n'), 'python', PY_REF), {
      line: 1,
      text: 'import os\n',
    });
    assert.deepEqual(importFor(doc('# comment\n\nx = 1\n'), 'python', PY_REF), { line: 2, text: 'import os\n' });
    for (const has of ['import os\n', 'import sys, os\n', 'import os as _os, sys\n'])
      assert.equal(importFor(doc(`${has}x = 1\n`), 'python', PY_REF), undefined, has);
  });

  test('Go, Dart, C, C++, C#; built-in idioms need nothing', () => {
    assert.deepEqual(importFor(doc('package main\n\nimport (\n\t"fmt"\n)\n'), 'go', 'os.Getenv("X")'), {
      line: 3,
      text: '\t"os"\n',
    });
    assert.equal(importFor(doc('package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n'), 'go', 'os.Getenv("X")'), undefined);
    assert.deepEqual(importFor(doc('package main\n\nfunc main() {}\n'), 'go', 'os.Getenv("X")'), {
      line: 1,
      text: '\nimport "os"\n',
    });
    assert.deepEqual(importFor(doc("import 'package:http/http.dart';\n"), 'dart', "Platform.environment['X']"), {
      line: 0,
      text: "import 'dart:io';\n",
    });
    assert.deepEqual(importFor(doc('#include <stdio.h>\n'), 'c', 'getenv("X")'), {
      line: 0,
      text: '#include <stdlib.h>\n',
    });
    assert.equal(importFor(doc('#include <cstdlib>\n'), 'cpp', 'std::getenv("X")'), undefined);
    assert.deepEqual(importFor(doc('using System.Net;\n'), 'csharp', 'Environment.GetEnvironmentVariable("X")'), {
      line: 0,
      text: 'using System;\n',
    });
    for (const lang of ['javascript', 'typescript', 'ruby', 'java', 'php', 'shellscript', 'dotenv'])
      assert.equal(importFor(doc('x\n'), lang, 'REF'), undefined, lang);
  });

  test('two placeholders in one literal become one rewrite; others edit in place', () => {
    const line = 'u = "https://x/?a=$API_TOKEN&b={TOKEN}"';
    const a = line.indexOf('$API_TOKEN');
    const b = line.indexOf('{TOKEN}');
    const e = envEdits(
      line,
      [
        { start: a, end: a + 10, reference: 'R' },
        { start: b, end: b + 7, reference: 'R' },
      ],
      'python',
    );
    assert.deepEqual(e, [{ start: 4, end: line.length, newText: '"https://x/?a=" + R + "&b=" + R' }]);
  });

  test('fix-all: one run fixes both placeholders of a literal and adds import os once', () => {
    const TEXT = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN", "X": "$API_TOKEN/$ACCESS_TOKEN"}\n';
    const findings = ['$API_TOKEN', '$ACCESS_TOKEN']
      .flatMap((p) => {
        const out = [];
        for (let i = TEXT.indexOf(p); i >= 0; i = TEXT.indexOf(p, i + 1))
          out.push(finding('placeholder', TEXT, p, { placeholder: p }, i));
        return out;
      })
      .sort((x, y) => x.offset - y.offset);
    assert.equal(findings.length, 3);
    const all = codeActions({
      uri: 'file:///a.py',
      version: 1,
      doc: doc(TEXT),
      findings,
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      only: ['source.fixAll.phq'],
      contextDiagnostics: [],
      tokens: tokenState(tokensParams([], true)),
      families: fileFamilies(findings),
    });
    const edits = all[0]!.edit!.changes!['file:///a.py']!;
    const fixed = new BlockText(TEXT);
    for (const e of [...edits].reverse())
      fixed.replace(fixed.offsetAt(e.range.start), fixed.offsetAt(e.range.end), e.newText);
    assert.equal(
      fixed.getText(),
      'import os\nimport requests\nh = {"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"], "X": os.environ["PHQ_API_TOKEN"] + "/" + os.environ["PHQ_API_TOKEN"]}\n',
    );
  });
});
