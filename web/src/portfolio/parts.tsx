import { Anchor, type AnchorProps, Card, Group, Stack, Text, Title } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type ReactNode } from 'react';

/** One panel of the dashboard: a titled card; `aside` sits at the title's right (a badge, a toggle). */
export function Section({
  title,
  description,
  aside,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed" mt={2}>
                {description}
              </Text>
            )}
          </div>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Mantine's anchor as a typed router link (to, params), so links are real <a href> and preload. */
const AnchorLink = createLink(
  forwardRef<HTMLAnchorElement, AnchorProps & { children?: ReactNode }>((props, ref) => (
    <Anchor ref={ref} {...props} />
  )),
);

/** An account's name linking to its page, with the id beside it when the name is not the id. */
export function AccountLink({ id, name }: { id: string; name: string | null }) {
  return (
    <div style={{ minWidth: 0 }}>
      <AnchorLink to="/accounts/$accountId" params={{ accountId: id }} size="sm" lineClamp={2}>
        {name ?? id}
      </AnchorLink>
      {name && name !== id && (
        <Text size="xs" c="dimmed">
          {id}
        </Text>
      )}
    </div>
  );
}

/** A growth rate coloured by its sign, or a dimmed note when there is no rate. */
export function GrowthText({ value, text, none }: { value: number | null; text: string; none: string }) {
  if (value === null)
    return (
      <Text span size="sm" c="dimmed">
        {none}
      </Text>
    );
  return (
    <Text span size="sm" c={value > 0 ? 'kontor.9' : value < 0 ? 'red.9' : undefined}>
      {value > 0 ? '+' : ''}
      {text}
    </Text>
  );
}
