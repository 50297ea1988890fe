import { wordDocument } from '../src/documents/wordDocument';
import { wordText } from './harness/uploadSite';

/**
 * Cards refuse characters no keyboard sends (test/forgedInput.e2e.test.ts), but a record stored
 * before that check may hold them: its Word export must still open.
 */
test('text holding characters XML does not allow (U+FFFE, U+FFFF, a lone surrogate, controls) still makes a document Word opens, without them', async () => {
  const bytes = await wordDocument({
    title: 'SD-0042: strategy discussion record',
    fileName: 'SD-0042 strategy discussion record',
    blocks: [{ heading: ['Acknowledgements'], level: 2 }, { item: [{ typed: 'Not\uFFFE what\uFFFF was \uD800agreed\u0001.' }] }],
  });
  expect(wordText(bytes)).toContain('Not what was agreed.');
});
