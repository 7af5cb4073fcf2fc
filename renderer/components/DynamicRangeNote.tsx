import { Caption1 } from '@fluentui/react-components';
import { PathText } from './PathText';

/** Every Windows Electron runs on is Vista or later, where MaxUserPort is not the main control. */
export function DynamicRangeNote({ id }: { id?: string }) {
  return (
    <Caption1 id={id}>
      On Windows Vista / Server 2008 and later, outgoing connections take their ports from the dynamic port range
      (see <PathText>netsh int ipv4 show dynamicport tcp</PathText>). MaxUserPort is honoured only for legacy reasons.
    </Caption1>
  );
}
