import { Body1, Radio, RadioGroup } from '@fluentui/react-components';
import { rangeText } from '../../shared/port-text';
import { recommendRange } from '../../shared/port-pool';
import { netshUnknown, RANGE_REASON, type NetshUnknown, type TemplateContext } from '../wizard/templates';
import { TEMPLATES, type TemplateId } from '../wizard/types';

interface Props {
  value: TemplateId;
  context: TemplateContext;
  /** Whether this tool has a change of its own in effect, for "Windows defaults". */
  canUndo: boolean;
  onChange: (template: TemplateId) => void;
}

/** Whether the ports the reshaped range covers are reserved, for the MySQL manual's fix. */
function protection(unknown: NetshUnknown | null): string {
  if (!unknown) return 'Those ports are reserved below.';
  return unknown.reading
    ? 'Which of them to reserve is known once netsh has answered.'
    : "netsh's exclusions were not read, so none of them is reserved: going on needs your acceptance below.";
}

/** What a template does on this Windows, in one or two plain sentences. */
function explain(id: TemplateId, { context, canUndo }: Omit<Props, 'value' | 'onChange'>): string {
  const { usesDynamicPortRange } = context;
  const unknown = netshUnknown(context);
  const reshape =
    "On this Windows, MaxUserPort 65534 widens the dynamic port range to 1024 to 65534 at the next restart, over MySQL's 3306, 33060, 33061 and 33062.";
  switch (id) {
    case 'recommended':
      if (!usesDynamicPortRange)
        return 'MaxUserPort 65534 and TcpTimedWaitDelay 30 seconds: on this Windows, MaxUserPort decides the outgoing ports. Both after a restart.';
      if (unknown) {
        const why = unknown.reading ? 'the port pool is still being read' : unknown.why;
        return `TcpTimedWaitDelay 30 seconds (after a restart). The range cannot be set here: ${why}. MaxUserPort is left as it is. ${reshape}`;
      }
      return `The dynamic port range ${rangeText(recommendRange())} for IPv4 and IPv6 with netsh (at once, no restart) and TcpTimedWaitDelay 30 seconds (after a restart). ${RANGE_REASON} MaxUserPort is left as it is. ${reshape}`;
    case 'mysql':
      return `MaxUserPort 65534 and TcpTimedWaitDelay 30 seconds, as MySQL's manual says; both after a restart. ${usesDynamicPortRange ? `${reshape} ${protection(unknown)}` : ''}`.trim();
    case 'defaults':
      return canUndo
        ? "Removes what this tool set: undo puts every setting (the registry values, the range, the reservations) back as it was before this tool's first change."
        : 'Nothing this tool set is in force now (it never changed this machine, or its change was undone): there is nothing of its own to remove.';
    case 'custom':
      return 'Type the values yourself, starting from the template chosen before.';
  }
}

/** The whole-change templates, each said in plain words for this Windows. */
export function TemplateChoice({ value, onChange, ...rest }: Props) {
  return (
    <>
      <RadioGroup aria-label="Start from" value={value} onChange={(_event, data) => onChange(data.value as TemplateId)}>
        {TEMPLATES.map((template) => (
          <Radio key={template.id} value={template.id} label={template.label} />
        ))}
      </RadioGroup>
      <Body1>{explain(value, rest)}</Body1>
    </>
  );
}
