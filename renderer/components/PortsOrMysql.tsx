import { Body1, Button, Caption1, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Failure } from '../../shared/failure';
import { CLIENT_ERRORS, type ClientError } from '../../shared/ports-or-mysql';
import { checkHost, checkPort } from '../../shared/probe-target';
import type { PortsCheckState } from '../hooks/usePortsCheck';
import { useTuner } from '../wizard/TunerContext';
import { useAnnounce } from './Announcer';
import { FailureBar } from './FailureBar';
import { PortsOrMysqlVerdict } from './PortsOrMysqlVerdict';
import { Section } from './Section';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  host: { minWidth: '220px' },
  port: { width: '90px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The Check page's first question: is it the ports, or is it MySQL? What the clients see, a
 * test of the connection from this machine, and the verdict the page made from all the evidence.
 */
export function PortsOrMysql({ check }: { check: PortsCheckState }) {
  const styles = useStyles();
  const { api } = useTuner();
  const { clientError, setClientError, test: tested, setTest, evidence, reasons, target, verdict } = check;
  const probe = tested?.result ?? null;
  const [host, setHost] = useState('');
  const [port, setPort] = useState('3306');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [testing, setTesting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  // The test's answer is announced, being the result of an action; the verdict is read with the page.
  useAnnounce(probe ? `${probe.target}: ${probe.class}. ${probe.message}` : null);
  const hostCheck = checkHost(host);
  const portCheck = checkPort(port);
  const test = async () => {
    setTried(true);
    if (!hostCheck.ok || !portCheck.ok) return;
    setTesting(true);
    setFailure(null);
    const result = await api.probe({
      host: hostCheck.value,
      port: portCheck.value,
      ...(user ? { user, password } : {}),
    });
    setTesting(false);
    if (!result.ok) return setFailure(result.error);
    setTest({ result: result.value, host: hostCheck.value, port: portCheck.value });
  };

  return (
    <Section title="Is it the ports?">
      <PortsOrMysqlVerdict verdict={verdict} evidence={evidence} target={target} reasons={reasons} />
      <Field label="Which error do your clients see?">
        <Select value={clientError} onChange={(_event, data) => setClientError(data.value as ClientError)}>
          {CLIENT_ERRORS.map((error) => (
            <option key={error.code} value={error.code}>
              {error.text}
            </option>
          ))}
        </Select>
      </Field>
      <Body1>Test the connection to MySQL from this machine</Body1>
      <div className={styles.row}>
        <Field
          label="MySQL host"
          className={styles.host}
          validationState={tried && !hostCheck.ok ? 'error' : 'none'}
          validationMessage={tried && !hostCheck.ok ? hostCheck.message : undefined}
        >
          <Input value={host} placeholder="db01 or 10.0.0.5" onChange={(_event, data) => setHost(data.value)} />
        </Field>
        <Field
          label="Port"
          className={styles.port}
          validationState={tried && !portCheck.ok ? 'error' : 'none'}
          validationMessage={tried && !portCheck.ok ? portCheck.message : undefined}
        >
          <Input value={port} inputMode="numeric" onChange={(_event, data) => setPort(data.value)} />
        </Field>
        <Field label="User (optional)">
          <Input value={user} onChange={(_event, data) => setUser(data.value)} />
        </Field>
        <Field label="Password">
          <Input
            type="password"
            value={password}
            disabled={user === ''}
            onChange={(_event, data) => setPassword(data.value)}
          />
        </Field>
        <Button appearance="primary" disabled={testing} onClick={() => void test()}>
          Test the connection
        </Button>
        {testing ? <Spinner size="tiny" label="Testing the connection (at most 5 s)…" /> : null}
      </div>
      {failure ? <FailureBar failure={failure} title="The test was not run" /> : null}
      {probe ? <Body1>{probe.lever}</Body1> : null}
      <Caption1 className={styles.muted}>
        This test is TCP Port Tuner's only network connection: to the server you name, when you press the button.
        Without a user it logs in as tcp_port_tuner_probe with no password, which MySQL refuses without counting it
        against this host. A password is used for this one login and kept nowhere. Use an account with USAGE only; a
        wrong password counts towards locking a real account.
      </Caption1>
    </Section>
  );
}
