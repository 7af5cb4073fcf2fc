import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerBegan, textLines } from '../../../../../electron/services/host/tool-answer';

describe('answerBegan', () => {
  it("quotes an answer's first line with text, past the empty lines tools start with", () => {
    assert.equal(
      answerBegan('\r\n\r\n  Das System kann die angegebene Datei nicht finden.\r\nmore'),
      'it began "Das System kann die angegebene Datei nicht finden."',
    );
  });

  it('says an answer was empty rather than quoting nothing', () => {
    assert.equal(answerBegan(''), 'the answer was empty');
    assert.equal(answerBegan(' \r\n\n\t\n'), 'the answer was empty');
  });

  it('cuts a long line to a readable length and says it did', () => {
    const said = answerBegan('x'.repeat(250));
    assert.equal(said, `it began "${'x'.repeat(100)}..."`);
  });
});

describe('textLines', () => {
  it('keeps the lines with text, without their CRLF or LF ends', () => {
    assert.deepEqual(textLines('\r\nfirst\r\n\r\nsecond\nthird\r\n   \r\n'), ['first', 'second', 'third']);
  });
});
