import { Spinner } from '@fluentui/react-components';

/** What is running right now, said in words next to the spinner. */
export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" labelPosition="after" label={label} />;
}
