/**
 * Every kind of bad input in each field: the message is shown and tied to the field for screen
 * readers, Next stays disabled, nothing can be applied, and the registry is left as it was.
 */
import { expect, test } from './fixtures';
import { openConfigure } from './walks';

interface Case {
  kind: string;
  input: string;
  /** The end of the message, after "NAME must be a whole number from MIN to MAX; ". */
  reason: string;
}

const FIELDS = [
  {
    name: 'MaxUserPort',
    range: 'from 5000 to 65534',
    cases: [
      { kind: 'empty', input: '', reason: 'nothing was entered.' },
      { kind: 'blank', input: '   ', reason: 'only spaces were entered.' },
      { kind: 'leading space', input: ' 5000', reason: '" 5000" has a space before or after it.' },
      { kind: 'trailing space', input: '65534 ', reason: '"65534 " has a space before or after it.' },
      { kind: 'text', input: 'max', reason: '"max" is not a number.' },
      { kind: 'hex', input: '0xfffe', reason: '"0xfffe" is not a number.' },
      { kind: 'fraction', input: '6000.5', reason: '"6000.5" has a fraction.' },
      { kind: 'decimal comma', input: '6000,5', reason: '"6000,5" has a fraction.' },
      { kind: 'thousands separator', input: '65,534', reason: '"65,534" has a thousands separator; type 65534.' },
      { kind: 'exponent', input: '6e4', reason: '"6e4" uses an exponent.' },
      { kind: 'plus sign', input: '+6000', reason: '"+6000" has a sign.' },
      { kind: 'minus sign', input: '-6000', reason: '"-6000" has a sign.' },
      { kind: 'below range', input: '4999', reason: '4999 is out of range.' },
      { kind: 'above range', input: '65535', reason: '65535 is out of range.' },
      { kind: 'too long', input: '00000000065534', reason: '"000000000655…" is too long.' },
    ] satisfies Case[],
  },
  {
    name: 'TcpTimedWaitDelay',
    range: 'from 30 to 300',
    cases: [
      { kind: 'empty', input: '', reason: 'nothing was entered.' },
      { kind: 'text', input: 'thirty', reason: '"thirty" is not a number.' },
      { kind: 'fraction', input: '30.5', reason: '"30.5" has a fraction.' },
      { kind: 'exponent', input: '3e1', reason: '"3e1" uses an exponent.' },
      { kind: 'plus sign', input: '+30', reason: '"+30" has a sign.' },
      { kind: 'minus sign', input: '-30', reason: '"-30" has a sign.' },
      { kind: 'below range', input: '29', reason: '29 is out of range.' },
      { kind: 'above range', input: '301', reason: '301 is out of range.' },
      { kind: 'too long', input: '1234567890123', reason: '"123456789012…" is too long.' },
    ] satisfies Case[],
  },
] as const;

for (const field of FIELDS) {
  test(`${field.name}: every bad input is refused where it is typed`, async ({ page, preview, wine }) => {
    await openConfigure(page, preview.url);
    const box = page.getByRole('textbox', { name: field.name });
    const next = page.getByRole('button', { name: 'Next' });

    for (const { kind, input, reason } of field.cases) {
      await test.step(`${kind}: "${input}"`, async () => {
        await box.fill(input);
        const message = `${field.name} must be a whole number ${field.range}; ${reason}`;
        await expect(page.getByText(message, { exact: true })).toBeVisible();
        await expect(box).toHaveAttribute('aria-invalid', 'true');
        await expect(box).toHaveAccessibleDescription(new RegExp(`^${escape(message)}`));
        await expect(next).toBeDisabled();
        // "With the new values" has nothing to show for a value that cannot be used.
        await expect(page.getByRole('row', { name: /Ports for outgoing connections/ })).toHaveText(/—$/);
      });
    }

    // A good value clears the message and lets the wizard go on.
    await page.getByRole('button', { name: new RegExp(`^Recommended: .* for ${field.name}$`) }).click();
    await expect(box).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`${field.name} must be a whole number`)).toHaveCount(0);
    await expect(next).toBeEnabled();

    // With a bad value back, Review (and its Apply) cannot be reached from here.
    await box.fill(field.cases[2].input);
    await expect(next).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);

    expect(await wine.value('MaxUserPort')).toBeNull();
    expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
  });
}

test('a number being typed is judged when typing pauses or the box is left, not at its first digit', async ({
  page,
  preview,
}) => {
  await page.clock.install();
  await openConfigure(page, preview.url);
  // Time stands still from here: nothing is judged unless the test lets time pass or leaves the box.
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  const box = page.getByRole('textbox', { name: 'MaxUserPort' });
  const message = page.getByText(/MaxUserPort must be a whole number/);
  await box.fill('');
  await box.pressSequentially('6');
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await expect(message).toHaveCount(0);
  // A pause in typing: now it is judged.
  await page.clock.runFor(1500);
  await expect(
    page.getByText('MaxUserPort must be a whole number from 5000 to 65534; 6 is out of range.', { exact: true }),
  ).toBeVisible();
  // Typing on clears the verdict until the next pause; the finished number is fine.
  await box.pressSequentially('5534');
  await expect(message).toHaveCount(0);
  await page.clock.runFor(1500);
  await expect(message).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  // Leaving the box judges at once.
  await box.fill('7');
  await box.press('Tab');
  await expect(
    page.getByText('MaxUserPort must be a whole number from 5000 to 65534; 7 is out of range.', { exact: true }),
  ).toBeVisible();
});

test('a field made invalid after Review keeps Apply out of reach', async ({ page, preview, wine }) => {
  await openConfigure(page, preview.url);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('textbox', { name: 'TcpTimedWaitDelay' }).fill('3O');
  await expect(
    page.getByText('TcpTimedWaitDelay must be a whole number from 30 to 300; "3O" is not a number.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  expect(await wine.value('MaxUserPort')).toBeNull();
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
