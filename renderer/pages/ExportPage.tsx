import {
  Body1,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Failure } from '../../shared/failure';
import { EXPORT_FORMATS, type ExportFormat as Format } from '../../shared/export-formats';
import { useAnnounce } from '../components/Announcer';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';
import { TEMPLATES, type TemplateId } from '../wizard/types';
import { checkDraft } from '../wizard/draft';
import { useDraftContext } from '../wizard/useDraft';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';

const LABELS: Record<Format, string> = {
  reg: '.reg file: reg import, or pushed by hand',
  powershell: 'PowerShell script: an Intune remediation or a scheduled task (-WhatIf, -Undo)',
  ansible: 'Ansible playbook: ansible.windows.win_regedit, check mode',
  gpo: 'Group Policy Preferences: Registry.xml for GPMC',
};

const useStyles = makeStyles({
  text: {
    margin: 0,
    maxHeight: '260px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre',
  },
});

/** Every template but "Windows defaults", which is the undo checkbox below. */
const EXPORTED = TEMPLATES.filter((template) => template.id !== 'defaults');
type Exported = Exclude<TemplateId, 'defaults'>;

/** The clipboard can refuse (no permission, the window not focused): say so rather than stay silent. */
async function copy(text: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch (error) {
    // The browser's words end with their own full stop: one is enough.
    const said = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    return { ok: false, reason: `the clipboard refused (${said}).` };
  }
}

/** The change chosen here, for the engines that reach many servers; the main side renders and saves it. */
export function ExportPage() {
  const styles = useStyles();
  const { api } = useTuner();
  const { state, go } = useWizard();
  const [format, setFormat] = useState<Format>('reg');
  // What to export is chosen here, so changing it never touches the wizard's change or its backup.
  const [template, setTemplate] = useState<Exported>(state.template === 'defaults' ? 'recommended' : state.template);
  const [undo, setUndo] = useState(state.template === 'defaults');
  const [preview, setPreview] = useState<{ text: string } | { failure: Failure } | null>(null);
  // Each answer keeps the request it was for: a copy of an earlier request is not said of this one.
  const [copiedFor, setCopied] = useState<
    { key: string; ok: true } | { key: string; ok: false; reason: string } | null
  >(null);
  const context = useDraftContext();
  // Another server's ports are its own: this machine's acceptance of unprotected ports is not exported.
  const change = context ? checkDraft({ ...state, template, accepted: false }, context).change : null;
  const request = change ? { format, undo, change } : null;
  const save = useAction((chosen: NonNullable<typeof request>) => api.saveExport(chosen));
  const key = JSON.stringify(request);

  const copied = copiedFor?.key === key ? copiedFor : null;

  useEffect(() => {
    // Read back from its content: a new object with the same content must not fetch again.
    const asked = JSON.parse(key) as typeof request;
    if (!asked) return;
    let current = true;
    void api
      .previewExport(asked)
      .then((result) => current && setPreview(result.ok ? { text: result.value.text } : { failure: result.error }));
    return () => {
      current = false;
    };
  }, [key, api]);

  const text = preview && 'text' in preview ? preview.text : null;
  useAnnounce(save.value?.file ? `Saved: ${save.value.file}` : null);
  useAnnounce(copied?.ok ? 'Copied to the clipboard.' : null);
  useAnnounce(copied && !copied.ok ? `Not copied: ${copied.reason}` : null, 'assertive');
  return (
    <Page
      busy={save.busy ? 'Waiting for the file to be chosen…' : null}
      footerStart={<Button onClick={() => go(state.cameFrom)}>Back</Button>}
      footer={
        <>
          <Button
            disabled={!text}
            onClick={() => text && void copy(text).then((result) => setCopied({ ...result, key }))}
          >
            Copy
          </Button>
          <Button
            appearance="primary"
            disabledFocusable={!text || !request || save.busy}
            onClick={() => request && void save.run(request)}
          >
            Save…
          </Button>
        </>
      }
    >
      <StepHeading>Use on other servers</StepHeading>
      <Section title="What to export">
        <RadioGroup
          aria-label="What to export"
          value={template}
          onChange={(_event, data) => setTemplate(data.value as Exported)}
        >
          {EXPORTED.map(({ id, label }) => (
            <Radio key={id} value={id} label={id === 'custom' ? 'Custom, as typed on the Configure page' : label} />
          ))}
        </RadioGroup>
        {!change ? <Body1>Choose valid values on the Configure page first: Custom carries exactly those.</Body1> : null}
        {change?.reservePorts ? (
          <Body1>Reserved ports are not exported: they follow what listens on each server.</Body1>
        ) : null}
      </Section>
      <Section title="Format">
        <RadioGroup aria-label="Format" value={format} onChange={(_event, data) => setFormat(data.value as Format)}>
          {EXPORT_FORMATS.map((name) => (
            <Radio key={name} value={name} label={LABELS[name]} />
          ))}
        </RadioGroup>
        <Checkbox
          checked={undo}
          onChange={(_event, data) => setUndo(data.checked === true)}
          label="The undo instead: remove the values, so Windows uses its defaults"
        />
      </Section>
      <Section title="Preview">
        {preview && 'failure' in preview ? (
          <FailureBar failure={preview.failure} title="This format cannot carry this change" />
        ) : null}
        {text ? (
          <pre className={styles.text} aria-label="Export preview" tabIndex={0}>
            {text}
          </pre>
        ) : null}
      </Section>
      {copied?.ok ? (
        <MessageBar intent="success">
          <MessageBarBody>Copied to the clipboard.</MessageBarBody>
        </MessageBar>
      ) : null}
      {copied && !copied.ok ? (
        <MessageBar intent="error">
          <MessageBarBody>
            Not copied: {copied.reason} Use Save… instead, or select the preview and copy it by hand.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {save.value?.file ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Saved: <PathText>{save.value.file}</PathText>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {save.failure ? <FailureBar failure={save.failure} title="Not saved" /> : null}
    </Page>
  );
}
