import { Body1, Button } from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import { CurrentValues } from '../components/CurrentValues';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';

/** Without elevation nothing can be written, so the wizard stops here rather than fail at Apply. */
export function AdminRequiredPage({ status }: { status: Status }) {
  const relaunch = useAction(() => window.tuner.relaunchAsAdmin({}));
  return (
    <Page busy={relaunch.busy ? 'Asking Windows for administrator rights…' : null}>
      <StepHeading>Administrator rights needed</StepHeading>
      <Body1>
        Changing <PathText>{status.key}</PathText> needs administrator rights. This window can read the values but not
        change them.
      </Body1>
      {status.rightsNotRead ? <Body1>Its rights could not be read: {status.rightsNotRead}.</Body1> : null}
      <div>
        <Button appearance="primary" disabled={relaunch.busy} onClick={() => void relaunch.run()}>
          Restart as administrator
        </Button>
      </div>
      {relaunch.failure ? <FailureBar failure={relaunch.failure} title="Could not restart as administrator" /> : null}
      <Section title="Current values">
        <CurrentValues status={status} />
      </Section>
    </Page>
  );
}
