import { Caption1 } from '@fluentui/react-components';
import { PathText } from './PathText';

/** Every Windows Electron runs on is Vista or later: the dynamic port range decides, and MaxUserPort reshapes it. */
export function DynamicRangeNote({ id }: { id?: string }) {
  return (
    <Caption1 id={id}>
      On this Windows, outgoing connections take their ports from the dynamic port range (
      <PathText>netsh int ipv4 show dynamicport tcp</PathText>, 49152 to 65535 by default). Microsoft documents
      MaxUserPort for Windows Server 2003 and older, but on Windows 11 and Windows Server build images MaxUserPort 65534
      was seen to widen that range to 1024 to 65534 at the next restart. The wider range then covers ports that servers
      listen on, such as MySQL's 3306 and 33060.
    </Caption1>
  );
}
